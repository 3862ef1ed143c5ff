"""Rows for export (API JSON, CSV): milestones, their update history, the events log.

Pure functions over a ``Snapshot``. Field names are Spanish and stable (they are the public
API); dates are ISO 8601. CSV cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import EvidenceItem, State, Update, changes, effective_events


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return value.isoformat()


def milestone_row(state: State) -> dict[str, Any]:
    plan, cur = state.plan, state.current
    return {
        "id": plan.id,
        "titulo": plan.titulo.get("es", ""),
        "titulo_en": plan.titulo.get("en", ""),
        "responsable": plan.responsable,
        "inicio_planificado": _iso(plan.inicio_planificado),
        "fin_planificado": _iso(plan.fin_planificado),
        "lecturas_fechas": [{"lectura": r.id, "inicio": _iso(r.inicio), "fin": _iso(r.fin),
                             "inicio_texto": r.inicio_texto, "fin_texto": r.fin_texto,
                             "valida": r.valid} for r in plan.lecturas],
        "estado": state.estado,
        "avance": state.avance,
        "ultima_actualizacion": _iso(state.ultima_actualizacion),
        "alertas": list(state.alertas),
        "motivo_retraso": cur.motivo_retraso if cur else "",
        "proximos_pasos": cur.proximos_pasos if cur else "",
        "evidencias": [dict(e) for e in cur.evidencias] if cur else [],
        "inicio_real": _iso(cur.inicio_real) if cur else None,
        "fin_real": _iso(cur.fin_real) if cur else None,
        "actualizaciones": len(state.historial),
        "nota_calidad": plan.nota_calidad.get("es", ""),
        "fuente": plan.titulo.get("fuente", ""),
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return _iso(value)
    if isinstance(value, tuple):
        return [dict(v) if isinstance(v, Mapping) else v for v in value]
    return value


def file_row(item: EvidenceItem) -> dict[str, Any]:
    """An evidence file as the public sees it: name, size, type, date, hash, download link
    (a purged file's link answers 410 Gone with the legal basis; the hash stays)."""
    return {"id": item.id, "nombre": item.filename, "tamano": item.size,
            "tipo": item.media_type, "fecha": _iso(item.created_at), "sha256": item.sha256,
            "url": f"/evidencias/{item.id}", "retirado": item.withdrawn,
            "motivo_retiro": item.removal_reason, "retirado_el": _iso(item.removed_at),
            "purgado": item.purged, "motivo_purga": item.purge_reason,
            "purgado_el": _iso(item.purged_at)}


def update_rows(history: Sequence[Update],
                files: Sequence[EvidenceItem] = ()) -> list[dict[str, Any]]:
    """One row per update, oldest first, with what it changed against the previous one."""
    rows, previous, corrected_by = [], None, {u.corrige_id: u.id for u in history if u.corrige_id}
    for upd in history:
        rows.append({
            "id": upd.id, "hito": upd.milestone_id, "publicado": _iso(upd.created_at),
            "autor": upd.autor, "estado": upd.estado, "avance": upd.avance,
            "resumen": upd.resumen, "motivo_retraso": upd.motivo_retraso,
            "proximos_pasos": upd.proximos_pasos,
            "evidencias": [dict(e) for e in upd.evidencias],
            "inicio_real": _iso(upd.inicio_real), "fin_real": _iso(upd.fin_real),
            "corrige_id": upd.corrige_id, "corregida_por": corrected_by.get(upd.id),
            "fecha": _iso(upd.reported_on), "registro_posterior": upd.entered_later,
            "archivos": [file_row(f) for f in files if f.update_id == upd.id],
            "cambios": [{"campo": f, "antes": _json_value(a), "despues": _json_value(b)}
                        for f, a, b in changes(previous, upd)],
        })
        previous = upd
    return rows


def all_update_rows(snap: Snapshot) -> list[dict[str, Any]]:
    return [row for state in snap.states for row in update_rows(state.historial, snap.files)]


def event_rows(snap: Snapshot) -> list[dict[str, Any]]:
    standing = {e.id for e in effective_events(snap.events)}
    return [{"id": e.id, "fecha": _iso(e.fecha), "tipo": e.tipo, "titulo": e.titulo,
             "participantes": e.participantes, "enlace_acta": e.enlace_acta, "notas": e.notas,
             "publicado": _iso(e.created_at), "autor": e.autor, "corrige_id": e.corrige_id,
             "anula": e.anula, "vigente": e.id in standing,
             "archivos": [file_row(f) for f in snap.files_of(event_id=e.id)]}
            for e in snap.events]


def compliance_rows(snap: Snapshot) -> list[dict[str, Any]]:
    return [{"requisito": c.requisito, "periodo": c.label, "inicio": _iso(c.inicio),
             "fin": _iso(c.fin), "resultado": c.resultado, "evidencias": c.evidencias}
            for checks in snap.compliance.values() for c in checks]


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " | ".join(_flat(v) for v in value)
    if isinstance(value, Mapping):
        if "url" in value:
            return f"{value.get('titulo', '')} <{value.get('url', '')}>"
        if "campo" in value:
            return f"{value['campo']}: {_flat(value.get('antes'))} → {_flat(value.get('despues'))}"
    return str(value)


def _cell(value: Any) -> str:
    text = _flat(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()
