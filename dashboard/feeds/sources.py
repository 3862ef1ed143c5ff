"""Atom entries from each domain: tracker changes, data releases (with diff), answers.

Everything here reads what the public pages already show: the tracker's ``all_changes``, the
kept releases and their ``release_diff`` summary, and the chained public records of the
ministry's replies (``feedback_publications``, in the ``Snapshot``): the answers feed shows
exactly what was chained, never the mutable ``feedback`` row, names or e-mails.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from dashboard.core.config import Settings
from dashboard.core.i18n import t
from dashboard.core.release_folder import ReleaseError, list_releases
from dashboard.feeds.atom import Entry, tag_uri
from dashboard.opendata.release_diff import diff_releases
from dashboard.tracker.changes import all_changes, reply_link
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import ReplyRecord

MAX_ENTRIES = 100
TRACKER_KINDS = ("actualizacion", "cambio_estado", "correccion", "evento", "evidencia",
                 "evidencia_retirada", "evidencia_purgada")


def tracker_entries(snap: Snapshot, base: str) -> list[Entry]:
    """Milestone updates (incl. corrections and status changes), events and evidence files
    (attached, withdrawn, purged)."""
    found = [c for c in all_changes(snap, (), "es") if c.tipo in TRACKER_KINDS]
    return [Entry(id=tag_uri(f"compromiso/{c.ref}"), title=c.titulo, updated=c.registrado,
                  published=c.registrado, link=base + c.permalink(), summary=c.detalle,
                  category=c.tipo) for c in found[:MAX_ENTRIES]]


def _diff_summary(settings: Settings, release_id: str) -> str:
    try:
        diff = diff_releases(settings, release_id).to_json()
    except (ReleaseError, OSError, KeyError, ValueError) as exc:
        return f"Resumen de cambios no disponible ({type(exc).__name__})."
    if diff["anterior"] is None:
        return "Primera versión publicada."
    total: Any = diff["total"]
    changed = [t["tabla"] for t in diff["tablas"] if t["estado"] != "igual"]  # type: ignore[index]
    return (f"Respecto de {diff['anterior']}: {total['agregadas']} filas agregadas, "
            f"{total['eliminadas']} eliminadas, {total['modificadas']} modificadas. "
            f"Tablas con cambios: {', '.join(changed) or 'ninguna'}.")


def _when(text: str) -> datetime:
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def release_entries(settings: Settings, base: str) -> list[Entry]:
    out = []
    for manifest in list_releases(settings)[:MAX_ENTRIES]:
        note = f"{manifest.note} " if manifest.note else ""
        demo = "Incluye datos de demostración. " if manifest.has_demo else ""
        out.append(Entry(
            id=tag_uri(f"datos/version/{manifest.release_id}"),
            title=f"Versión de datos {manifest.release_id}", updated=_when(manifest.created_at),
            published=_when(manifest.created_at),
            link=f"{base}/api/v1/releases/{manifest.release_id}",
            summary=note + demo + _diff_summary(settings, manifest.release_id),
            category="version_datos"))
    return out


def answer_entries(snap: Snapshot, base: str) -> list[Entry]:
    """The replies the public sees now, newest first, from the chained records only.

    One entry per item (id ``respuestas/<seguimiento>``, stable across corrections): its latest
    chained record's reply, updated when that record was chained, published when the item was
    first answered. An item whose latest record is not an answer (hidden again) has no entry.
    """
    latest: dict[str, ReplyRecord] = {}
    first: dict[str, ReplyRecord] = {}
    for rec in snap.replies:
        latest[rec.tracking] = rec
        if rec.answered:
            first.setdefault(rec.tracking, rec)
    shown = sorted((r for r in latest.values() if r.answered),
                   key=lambda r: (r.created_at, r.id), reverse=True)
    return [Entry(
        id=tag_uri(f"respuestas/{rec.tracking}"),
        title=t("tracker.change.respuesta", "es", seguimiento=rec.tracking),
        updated=rec.created_at, published=first[rec.tracking].created_at,
        link=base + reply_link(rec.tracking), summary=str(rec.reply),
        category="respuesta") for rec in shown[:MAX_ENTRIES]]
