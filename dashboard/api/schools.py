"""``GET /api/v1/escuelas``: the school finder as JSON (same search as ``/escuelas``).

Parameters ``q`` (name, code or municipality; accents ignored, ``%`` and ``_`` literal),
``muni``, ``depto``, ``sector``, ``area``, ``estado`` (a status group), ``pagina`` and
``por_pagina``, parsed by ``queries.schools.parse`` (the page's parser too); anything invalid
is a 400 naming the parameter. The list envelope is ``pagination.page_body`` plus where the
schools come from: ``origen`` (``real`` for MINEDUC's catalogue, ``demo`` for generated
schools), ``fuente`` and ``fecha``. Only public columns: no names of people, no telephones.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from flask import Blueprint, jsonify, request

from dashboard.api.errors import error
from dashboard.api.pagination import Page, cors, page_body
from dashboard.core import dimensions
from dashboard.queries import schools
from dashboard.services import Services

ITEM_FIELDS: tuple[str, ...] = ("codigo", "nombre", "direccion", "zona", "nivel", "sector",
                                "area", "estado", "estado_grupo", "muni", "municipio", "depto",
                                "departamento", "lugar")


def _clean(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def items(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One JSON object per school (``ITEM_FIELDS``), with its status group and place page."""
    out = []
    for row in frame.to_dict(orient="records"):
        item = {k: _clean(row.get(k)) for k in schools.SCHOOL_COLUMNS}
        item["estado_grupo"] = dimensions.school_state(item["estado"])  # type: ignore[arg-type]
        item["lugar"] = f"/lugar/{item['muni']}"
        out.append({k: item[k] for k in ITEM_FIELDS})
    return out


def register(bp: Blueprint, services: Services) -> None:
    warehouse = services.warehouse

    @bp.get("/escuelas")
    @cors
    def school_search():
        manifest = warehouse.manifest()
        if manifest is None:
            return error(503, "no_release", "No data release has been published yet.")
        munis = frozenset(int(m) for m in warehouse.municipalities()["muni"])
        deptos = frozenset(int(d) for d in warehouse.departments()["depto"])
        args = {k: request.args.get(k, "") for k in schools.PARAMS if k in request.args}
        query, problems = schools.parse(args, munis, deptos)
        if problems:
            p = problems[0]
            return error(400, "bad_parameter", f"invalid value for {p.param}: {p.reason}",
                         p.param)
        frame, total = warehouse.school_search(query)
        table = warehouse.school_catalogue()
        info = manifest.tables.get(table, {}) if table else {}
        body = page_body(items(frame), total, Page(query.pagina, query.por_pagina))
        body.update({
            "origen": str(info.get("origin") or "ninguno"),
            "demo": info.get("origin") != "real",
            "fuente": str(info.get("source") or ""),
            "fecha": str(info.get("fecha") or manifest.created_at[:10]),
            "release_id": manifest.release_id,
        })
        return jsonify(body)
