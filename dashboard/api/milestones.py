"""Read-only API of the GT0112 tracker: milestones, update history, events, compliance.

Every route is GET (CSV with ``?format=csv``) and sends ``Access-Control-Allow-Origin: *`` so
auditors can build on it from any site. Writing verbs get the API's JSON 405 (see
``dashboard.api``): history is only ever appended through the staff forms, never changed
through the API.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from dashboard.api.errors import error
from dashboard.api.pagination import BadParamError, page_args, page_body
from dashboard.core.clock import today_gt
from dashboard.services import Services
from dashboard.store.tracker_repository import ChainPage, chain_page
from dashboard.tracker.export import (
    all_update_rows,
    compliance_rows,
    event_rows,
    milestone_row,
    to_csv,
    update_rows,
)
from dashboard.tracker.repository import Snapshot, snapshot

MILESTONE_CSV = ("id", "titulo", "responsable", "inicio_planificado", "fin_planificado",
                 "estado", "avance", "ultima_actualizacion", "alertas", "motivo_retraso",
                 "proximos_pasos", "evidencias", "inicio_real", "fin_real", "actualizaciones",
                 "nota_calidad")
UPDATE_CSV = ("id", "hito", "publicado", "autor", "estado", "avance", "resumen",
              "motivo_retraso", "proximos_pasos", "evidencias", "inicio_real", "fin_real",
              "corrige_id", "corregida_por", "cambios")
EVENT_CSV = ("id", "fecha", "tipo", "titulo", "participantes", "enlace_acta", "notas",
             "publicado", "autor", "corrige_id", "anula", "vigente")
COMPLIANCE_CSV = ("requisito", "periodo", "inicio", "fin", "resultado", "evidencias")


def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "public, max-age=60"
    return response


def _respond(rows: list[dict], columns: tuple[str, ...], filename: str):
    fmt = (request.args.get("format") or "json").lower()
    if fmt == "csv":
        body = "\ufeff" + to_csv(rows, columns)  # BOM: Excel opens UTF-8 accents correctly
        resp = Response(body, mimetype="text/csv")
        resp.headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return _cors(resp)
    if fmt != "json":
        return error(400, "bad_format", "format must be json or csv.", "format")
    return _cors(jsonify(rows))


def chain_body(found: ChainPage) -> dict:
    """The chain's head and one page of its entries, each with its row's canonical content
    (what ``docs/auditoria.md`` recomputes)."""
    return {"secuencia": found.count, "hash": found.head,
            "entradas": [{"secuencia": e.seq, "tabla": e.kind, "ref": e.ref,
                          "contenido_sha256": e.content_sha256, "hash_anterior": e.prev_hash,
                          "hash": e.entry_hash, "contenido": content}
                         for e, content in zip(found.entries, found.contents, strict=True)]}


def register(bp: Blueprint, services: Services) -> None:
    def snap() -> Snapshot:
        return snapshot(services.store, services.settings, today_gt())

    @bp.get("/milestones")
    def milestones():
        rows = [milestone_row(s) for s in snap().states]
        return _respond(rows, MILESTONE_CSV, "gt0112_hitos")

    @bp.get("/milestones/updates")
    def updates():
        return _respond(all_update_rows(snap()), UPDATE_CSV, "gt0112_actualizaciones")

    @bp.get("/milestones/<milestone_id>")
    def milestone(milestone_id: str):
        found = snap()
        state = found.state(milestone_id)
        if state is None:
            return error(404, "not_found", "No such milestone.", "milestone_id")
        return _cors(jsonify({**milestone_row(state),
                              "historial": update_rows(state.historial, found.files)}))

    @bp.get("/events")
    def events():
        return _respond(event_rows(snap()), EVENT_CSV, "gt0112_eventos")

    @bp.get("/milestones/chain")
    def chain():
        try:
            page = page_args()
        except BadParamError as exc:
            return error(400, "invalid_parameter", str(exc), exc.param)
        body = chain_body(chain_page(services.store, page.offset, page.size))
        envelope = page_body(body.pop("entradas"), body["secuencia"], page)
        return _cors(jsonify({"cabeza": body, **envelope}))

    @bp.get("/milestones/compliance")
    def compliance():
        return _respond(compliance_rows(snap()), COMPLIANCE_CSV, "gt0112_requisitos_ogp")
