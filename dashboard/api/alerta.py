"""``GET /api/v1/alerta``: early-warning scores by municipality and level, JSON or CSV.

Parameters ``anio`` (a scorable year; default the latest), ``nivel``, ``depto`` and
``format`` (``json``, ``csv``), parsed by ``alerta.params`` like the page's URL; anything
invalid or unknown is a 400 naming the parameter. Each row carries its category, probability,
rank, one contribution per factor, the top reasons in words (es and en) and ``origen``; the
dropout rate is ``null`` with ``suprimido: true`` when it is made of 1-4 dropouts.
"""

from __future__ import annotations

import math

import pandas as pd
from flask import Blueprint, Response, jsonify, request

from dashboard import releases
from dashboard.alerta import params
from dashboard.alerta.model import ALTO, MEDIO
from dashboard.alerta.service import Alerta, reason_texts
from dashboard.api.errors import error
from dashboard.core.i18n import t
from dashboard.services import Services

FORMATS: tuple[str, ...] = ("json", "csv")
LICENCE = "CC BY 4.0"
ROW_FIELDS: tuple[str, ...] = ("anio", "nivel", "depto", "muni", "nombre", "rango", "categoria",
                               "probabilidad", "desercion", "suprimido")


def _cors(response: Response, status: int = 200) -> tuple[Response, int]:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "Content-Disposition"
    return response, status


def _bad(problem: params.Problem | tuple[str, str]) -> tuple[Response, int]:
    name, message = ((problem.param, problem.message) if isinstance(problem, params.Problem)
                     else problem)
    return _cors(error(400, "bad_parameter", message, name)[0], 400)


def _number(value: object, digits: int = 4) -> float | None:
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else round(number, digits)


def table(alerta: Alerta, query: params.AlertaQuery) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The rows as the API publishes them (CSV columns; JSON nests the factors)."""
    scores = alerta.scores(query.anio, query.nivel, query.depto)
    rows = scores.rows
    out = pd.DataFrame({
        "anio": rows["anio"].astype("int64"), "nivel": rows["nivel"].astype(str),
        "depto": rows["depto"].astype("int64"), "muni": rows["muni"].astype("int64"),
        "nombre": rows["nombre"], "rango": rows["rango"].astype("int64"),
        "categoria": rows["categoria"], "probabilidad": rows["probabilidad"].round(4),
        "desercion": rows["tasa"].round(4), "suprimido": rows["suprimido"].astype(bool)})
    for factor in scores.factors:
        out[f"c_{factor}"] = rows[f"c_{factor}"].round(4)
    out["razones"] = reason_texts(rows, scores.factors, "es")
    out["razones_en"] = reason_texts(rows, scores.factors, "en")
    out["origen"] = alerta.origin()
    return out, scores.factors


def _json_rows(frame: pd.DataFrame, factors: tuple[str, ...]) -> list[dict[str, object]]:
    out = []
    for row in frame.to_dict(orient="records"):
        item: dict[str, object] = {k: row[k] for k in ROW_FIELDS}
        item["probabilidad"] = _number(row["probabilidad"])
        item["desercion"] = _number(row["desercion"])
        item["factores"] = {f: _number(row[f"c_{f}"]) for f in factors}
        item.update(razones=row["razones"], razones_en=row["razones_en"], origen=row["origen"])
        out.append(item)
    return out


def register(bp: Blueprint, services: Services) -> None:
    @bp.get("/alerta")
    def alerta_scores():
        args = {k: request.args.getlist(k) for k in request.args}
        fmt = (args.get("format") or ["json"])[-1] or "json"
        if fmt not in FORMATS:
            return _bad(("format", f"format must be one of {', '.join(FORMATS)}"))
        alerta = services.alerta
        manifest = services.warehouse.manifest()
        if manifest is None:
            return _cors(error(503, "no_release", "No data release has been published yet.")[0],
                         503)
        try:
            query, problem = params.parse(args, alerta.scorable_years(),
                                          extra=frozenset({"format"}))
            if problem is not None or query is None:
                return _bad(problem or ("anio", "invalid"))
            frame, factors = table(alerta, query)
        except releases.ReleaseError:
            return _cors(error(503, "no_release", "No data release is available.")[0], 503)
        if fmt == "csv":
            response = Response(frame.to_csv(index=False), mimetype="text/csv")
            name = f"alerta-{query.anio}-{query.nivel or 'todos'}"
            response.headers["Content-Disposition"] = f"attachment; filename={name}.csv"
            return _cors(response)
        origen = alerta.origin()
        return _cors(jsonify({
            "demo": origen != "real", "origen": origen,
            "release_id": manifest.release_id, "licence": LICENCE,
            "anio": query.anio, "nivel": query.nivel, "depto": query.depto,
            "regla": {"es": t("alerta.cat.rule", "es"), "en": t("alerta.cat.rule", "en"),
                      "alto": ALTO, "medio": MEDIO},
            "objetivo": {"es": "Estar el año siguiente en la cuarta parte de municipios con "
                               "más deserción (del mismo nivel)",
                         "en": "Being next year in the quarter of municipalities with the "
                               "most dropout (same level)"},
            "factores": list(factors), "censo": alerta.census() is not None,
            "data": _json_rows(frame, factors)}))
