"""Every change to the commitment, as one list: what ``/compromiso/cambios`` and the Atom feed
of the commitment show.

Pure over a ``Snapshot`` (and the list of data releases): a new update, a status change, a
correction, an event or its correction, a new, withdrawn or purged evidence file, a new data
release, and each published, corrected or withdrawn reply of the ministry to a citizen (read from
the chained ``feedback_publications`` records, so the list shows exactly what was chained).
Each change has a stable ``ref`` (``actualizacion-12``, ``respuesta-3``, ``purga-2``) used for
its anchor and feed id, the moment it was recorded and the day it speaks for (they differ for
backfilled entries). Its permalink is its row of ``/compromiso/cambios``, except a reply's,
which is the public reply itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from dashboard.core.i18n import t
from dashboard.core.release_folder import Manifest
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import (
    Event,
    EvidenceItem,
    ReplyRecord,
    Update,
    changes,
    recorded_later,
)

CHANGE_COLUMNS = ("ref", "tipo", "registrado", "fecha", "registro_posterior", "hito", "titulo",
                  "detalle", "enlace", "descarga")


@dataclass(frozen=True)
class Change:
    ref: str
    tipo: str
    registrado: datetime
    fecha: date
    hito: str | None
    titulo: str
    detalle: str
    descarga: str = ""  # an evidence file's download path
    publico: str = ""  # where the public reads the thing itself (a reply), if not this list

    @property
    def registro_posterior(self) -> bool:
        """Entered later than the day it speaks for (backfilled)."""
        return recorded_later(self.fecha, self.registrado)

    def permalink(self) -> str:
        return self.publico or f"/compromiso/cambios?desde={self.fecha.isoformat()}#{self.ref}"

    def row(self) -> dict[str, object]:
        return {"ref": self.ref, "tipo": self.tipo,
                "registrado": self.registrado.astimezone(UTC).isoformat(timespec="seconds")
                .replace("+00:00", "Z"),
                "fecha": self.fecha.isoformat(), "registro_posterior": self.registro_posterior,
                "hito": self.hito, "titulo": self.titulo, "detalle": self.detalle,
                "enlace": self.permalink(), "descarga": self.descarga}


def _update_changes(history: Sequence[Update], lang: str) -> Iterable[Change]:
    previous: Update | None = None
    for upd in history:
        fields = [name for name, _, _ in changes(previous, upd)]
        if upd.corrige_id is not None:
            tipo, title = "correccion", t("tracker.change.correccion", lang,
                                          corrige=upd.corrige_id,
                                          hito=upd.milestone_id)
        elif "estado" in fields:
            tipo, title = "cambio_estado", t("tracker.change.cambio_estado", lang,
                                             hito=upd.milestone_id)
        else:
            tipo, title = "actualizacion", t("tracker.change.actualizacion", lang,
                                             hito=upd.milestone_id)
        detail = (f"{t('tracker.estado.' + upd.estado, lang)} · {upd.avance} % · "
                  f"{upd.resumen}")
        yield Change(f"actualizacion-{upd.id}", tipo, upd.created_at, upd.reported_on,
                     upd.milestone_id, title, detail)
        previous = upd


def _event_change(event: Event, lang: str) -> Change:
    kind = t("tracker.tipo." + event.tipo, lang)
    title = (t("tracker.change.evento_correccion", lang, corrige=event.corrige_id)
             if event.corrige_id is not None else f"{t('tracker.change.evento', lang)}: {kind}")
    registered = event.created_at or datetime.combine(event.fecha, datetime.min.time(), UTC)
    return Change(f"evento-{event.id}", "evento", registered, event.fecha, None, title,
                  f"{event.titulo} ({kind}, {event.fecha.isoformat()})")


def _file_changes(item: EvidenceItem, snap: Snapshot, lang: str) -> Iterable[Change]:
    """Attached, withdrawn, purged: one change each. A purged file has nothing to download, so
    none of its changes links to the bytes; the hash stays in every detail."""
    target = (f"actualizacion #{item.update_id}" if item.update_id is not None
              else f"evento #{item.event_id}")
    hito = next((u.milestone_id for s in snap.states for u in s.historial
                 if u.id == item.update_id), None)
    download = "" if item.purged else f"/evidencias/{item.id}"
    detail = f"{item.filename} ({item.size} B, {item.media_type}) · {target} · sha256 {item.sha256}"
    yield Change(f"evidencia-{item.id}", "evidencia", item.created_at,
                 item.created_at.astimezone(UTC).date(), hito,
                 f"{t('tracker.change.evidencia', lang)}: {item.filename}", detail, download)
    if item.withdrawn and item.removed_at is not None:
        yield Change(f"retiro-{item.removal_id}", "evidencia_retirada", item.removed_at,
                     item.removed_at.astimezone(UTC).date(), hito,
                     f"{t('tracker.change.evidencia_retirada', lang)}: {item.filename}",
                     f"{item.removal_reason} · sha256 {item.sha256}", download)
    if item.purged and item.purged_at is not None:
        yield Change(f"purga-{item.purge_id}", "evidencia_purgada", item.purged_at,
                     item.purged_at.astimezone(UTC).date(), hito,
                     f"{t('tracker.change.evidencia_purgada', lang)}: {item.filename}",
                     t("tracker.change.evidencia_purgada_detalle", lang,
                       motivo=item.purge_reason, sha256=item.sha256))


def _release_change(manifest: Manifest, lang: str) -> Change | None:
    try:
        when = datetime.fromisoformat(manifest.created_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    what = manifest.note or ", ".join(sorted(manifest.tables))
    if manifest.has_demo:  # honest data: a release with generated tables says so in words
        what = f"{t('tracker.change.demo_release', lang)} {what}"
    return Change(f"version-{manifest.release_id}", "version_datos", when,
                  when.astimezone(UTC).date(), None,
                  f"{t('tracker.change.version_datos', lang)}: {manifest.release_id}", what)


def reply_link(tracking: str) -> str:
    """The public page of one citizen item and the ministry's reply."""
    return f"/participa?seguimiento={tracking}"


def _reply_changes(records: Sequence[ReplyRecord], lang: str) -> Iterable[Change]:
    """Replies published, corrected or withdrawn from view, record by chained record."""
    answered: set[str] = set()
    for rec in records:
        day = rec.created_at.astimezone(UTC).date()
        if rec.answered:
            key = ("tracker.change.respuesta_corregida" if rec.tracking in answered
                   else "tracker.change.respuesta")
            answered.add(rec.tracking)
            yield Change(f"respuesta-{rec.id}", "respuesta", rec.created_at, day, None,
                         t(key, lang, seguimiento=rec.tracking), str(rec.reply),
                         publico=reply_link(rec.tracking))
        elif rec.tracking in answered:
            answered.discard(rec.tracking)
            yield Change(f"respuesta-{rec.id}", "respuesta_retirada", rec.created_at, day, None,
                         t("tracker.change.respuesta_retirada", lang, seguimiento=rec.tracking),
                         t("tracker.change.respuesta_retirada_detalle", lang))


def all_changes(snap: Snapshot, releases: Sequence[Manifest], lang: str = "es") -> list[Change]:
    """Every change, newest recorded first."""
    out = [c for s in snap.states for c in _update_changes(s.historial, lang)]
    out += [_event_change(e, lang) for e in snap.events]
    out += [c for f in snap.files for c in _file_changes(f, snap, lang)]
    out += [c for m in releases if (c := _release_change(m, lang)) is not None]
    out += list(_reply_changes(snap.replies, lang))
    return sorted(out, key=lambda c: (c.registrado, c.ref), reverse=True)


def changes_since(snap: Snapshot, releases: Sequence[Manifest], desde: date,
                  lang: str = "es") -> list[Change]:
    """The changes recorded on or after ``desde`` (UTC day), newest first."""
    return [c for c in all_changes(snap, releases, lang)
            if c.registrado.astimezone(UTC).date() >= desde]
