"""``GET /api/v1/trayectorias``: one place's reconstructed cohort as JSON or CSV (decision 0012).

Parameters ``lugar`` (nation when absent; department or municipality code), ``anio`` (the
later year of the cohort's pair; the newest when absent), ``sexo`` (``F``/``M``), ``sector``,
``area``, ``format`` (``json``, ``csv``). Empty values mean "not given"; anything else invalid
is a 400 naming the parameter. Rows are ``trayectorias.export.rows``: one per grade, with
``origen`` and ``fuente`` in every row; grades past a small grade are ``null`` with
``suprimido: true`` (``estado`` says whether the cohort is whole, partial, suppressed or
without data). Wiring only: the numbers come from ``Warehouse.cohort_for_place``.
"""

from __future__ import annotations

import math

import pandas as pd
from flask import Blueprint, Response, jsonify, request

from dashboard import releases
from dashboard.api.errors import error
from dashboard.core import indicators, provenance
from dashboard.explore.catalog import catalog
from dashboard.queries import suppression
from dashboard.services import Services
from dashboard.trayectorias import cohort, export, params
from dashboard.web.inputs import parse_int

FORMATS: tuple[str, ...] = ("json", "csv")
ESTADOS: tuple[str, ...] = ("ok", "parcial", "suprimido", "sin_datos")
LICENCE = "CC BY 4.0"
METHOD = {
    "es": "Cohorte reconstruida (UNESCO): 1,000 ingresan a 1.º primaria y avanzan con las "
          "tasas de promoción, repetición y continuación de cada grado del par de años "
          "anio-1 → anio. Supone tasas estables y ninguna migración.",
    "en": "Reconstructed cohort (UNESCO): 1,000 pupils enter grade 1 and move on at each "
          "grade's promotion, repetition and continuation rates of the year pair "
          "anio-1 → anio. Assumes stable rates and no migration.",
}


def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "Content-Disposition"
    return response


def _bad(param: str, message: str) -> tuple[Response, int]:
    return _cors(error(400, "bad_parameter", message, param)[0]), 400


def cohort_years(warehouse) -> tuple[int, ...]:
    """Years a cohort can be asked for (every release year but the first)."""
    return catalog(warehouse).years_of("supervivencia_6")


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    out = []
    for row in frame.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            value = value.item() if hasattr(value, "item") else value
            clean[key] = None if isinstance(value, float) and math.isnan(value) else value
        out.append(clean)
    return out


def register(bp: Blueprint, services: Services) -> None:
    warehouse = services.warehouse

    @bp.get("/trayectorias")
    def trayectorias():
        fmt = request.args.get("format") or "json"
        if fmt not in FORMATS:
            return _bad("format", f"format must be one of {', '.join(FORMATS)}")
        found = params.parse({k: request.args.get(k, "") for k in params.PARAMS}, parse_int)
        if isinstance(found, params.Problem):
            return _bad(found.param, found.message)
        manifest = warehouse.manifest()
        if manifest is None:
            return _cors(error(503, "no_release", "No data release has been published.")[0]), 503
        years = cohort_years(warehouse)
        anio = found.anio if found.anio is not None else (max(years) if years else None)
        if anio is None or anio not in years:
            return _bad("anio", f"anio must be one of {', '.join(map(str, years))}")
        try:
            frame, summary = warehouse.cohort_for_place(found.lugar, anio, sexo=found.sexo,
                                                        sector=found.sector, area=found.area)
        except ValueError as exc:
            return _bad("lugar", str(exc))
        except releases.ReleaseError:
            return _cors(error(503, "no_release", "No data release is available.")[0]), 503
        origin = provenance.indicator(indicators.get("supervivencia_6"), manifest)
        table = export.rows(export.rounded(frame), found, anio, origin.origen,
                            " | ".join(origin.sources))
        name = "trayectorias-" + "-".join([str(found.lugar or "nacional"), str(anio)])
        if fmt == "csv":
            response = Response("\ufeff" + table.to_csv(index=False), mimetype="text/csv")
            response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return _cors(response)
        return _cors(jsonify({
            "demo": origin.demo, "origen": origin.origen, "fuentes": list(origin.sources),
            "release_id": manifest.release_id, "licence": LICENCE,
            "filtros": {**dict.fromkeys(params.PARAMS), **found.as_query_values(),
                        "anio": anio},
            "metodo": METHOD, "max_repeticiones": cohort.MAX_REPEATS,
            "minimo_por_grado": suppression.MIN_COHORT_GRADE,
            "estado": summary["estado"],
            "resumen": {k: v for k, v in summary.items() if k != "estado"},
            "columns": list(table.columns), "data": _records(table),
        }))
