"""Atom entries from each domain: tracker changes, data releases (with diff), answers.

Everything here reads what the public pages already show: the tracker's ``all_changes``, the
kept releases and their ``release_diff`` summary, and ``feedback.public`` (published and answered
items only; never names or e-mails).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from dashboard.core.config import Settings
from dashboard.core.release_folder import ReleaseError, list_releases
from dashboard.feedback.public import list_public
from dashboard.feeds.atom import Entry, tag_uri
from dashboard.opendata.release_diff import diff_releases
from dashboard.store import Store
from dashboard.tracker.changes import all_changes
from dashboard.tracker.repository import Snapshot

MAX_ENTRIES = 100
TRACKER_KINDS = ("actualizacion", "cambio_estado", "correccion", "evento", "evidencia",
                 "evidencia_retirada")


def tracker_entries(snap: Snapshot, base: str) -> list[Entry]:
    """Milestone updates (incl. corrections and status changes), events and evidence files."""
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


def answer_entries(store: Store, base: str) -> list[Entry]:
    """Published answers, newest first (the question and the ministry's reply)."""
    items, _ = list_public(store, page=1, per_page=MAX_ENTRIES * 2)
    out = []
    for item in items:
        if item.get("estado") != "respondido" or not item.get("respondido"):
            continue
        answered = _when(str(item["respondido"]))
        out.append(Entry(
            id=tag_uri(f"respuestas/{item['seguimiento']}"),
            title=f"Respuesta a {item['tipo']} {item['seguimiento']}", updated=answered,
            published=_when(str(item["creado"])),
            link=f"{base}/participa?seguimiento={item['seguimiento']}",
            summary=f"Pregunta: {item['mensaje']}\n\nRespuesta: {item['respuesta']}",
            category=str(item["tipo"])))
    return out[:MAX_ENTRIES]
