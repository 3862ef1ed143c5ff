"""``GET /api/v1/indicators``: the explorer's numbers as JSON, CSV or Parquet.

Parameters use the explorer's URL keys (``indicador, anio, desde, hasta, depto, muni, sexo,
nivel, sector, area, medida``) plus ``desglose`` (``lugar`` — departments, or municipalities
of ``depto`` — ``anio``, ``nivel``, ``grado``, ``sexo``, ``sector``, ``area``) and ``format``
(``json``, ``csv``, ``parquet``). Values are validated with the same rules as the explorer's
URL (``explore_state.parse``); anything unknown or invalid is a 400 naming the parameter.
Suppressed cells are ``null`` with ``suprimido: true``, exactly as on the page. Where the
numbers come from follows ``core.provenance``: JSON says ``origen`` (``demo``, ``real``,
``mixto``, with ``origen_nota`` naming the generated part of a mixed one) and ``fuentes``;
CSV and Parquet carry ``origen`` and ``fuente`` in every row. Graduandos rows carry ``metodo``
(the source's municipal or departmental figure, or a simple mean of municipalities) and
``metodo_distinto`` (2015 was computed differently).
"""

from __future__ import annotations

import io
import math

import pandas as pd
from flask import Blueprint, Response, jsonify, request

from dashboard import releases
from dashboard.api.errors import error
from dashboard.core import indicators, provenance
from dashboard.core.release_folder import Manifest
from dashboard.explore import state as explore_state
from dashboard.explore.catalog import FLAGGED_SOURCE, Catalog, catalog
from dashboard.explore.state import Notice
from dashboard.queries.reference import graduandos_method
from dashboard.services import Services

FORMATS: tuple[str, ...] = ("json", "csv", "parquet")
DESGLOSES: tuple[str, ...] = ("lugar", "anio", "nivel", "grado", "sexo", "sector", "area")
EXTRA_PARAMS: frozenset[str] = frozenset({"format", "desglose"})
LICENCE = "CC BY 4.0"


def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "Content-Disposition"
    return response


def _frame(warehouse, state: explore_state.ExploreState, desglose: str) -> pd.DataFrame:
    q = state.to_query()
    if desglose == "lugar":
        return warehouse.indicator_by_area(q, "muni" if state.depto is not None else "depto")
    if desglose == "anio":
        return warehouse.indicator_trend(q)
    return warehouse.indicator_breakdown(q, desglose)


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    out = []
    for row in frame.to_dict(orient="records"):
        clean: dict[str, object] = {}
        for key, value in row.items():
            if hasattr(value, "item"):
                value = value.item()
            if isinstance(value, float) and math.isnan(value):
                value = None
            clean[key] = value
        out.append(clean)
    return out


def with_method_flag(frame: pd.DataFrame, state: explore_state.ExploreState, cat: Catalog,
                     warehouse, desglose: str) -> pd.DataFrame:
    """Graduandos rows say, in every row, which figure they are (``metodo``: the source's
    municipal or departmental figure, or a simple mean of municipalities) and whether their
    year was computed differently (``metodo_distinto``: 2015); other indicators unchanged."""
    if FLAGGED_SOURCE not in indicators.get(state.indicador).sources:
        return frame
    flagged = cat.flagged_of(state.indicador)
    years = frame["anio"] if "anio" in frame.columns else pd.Series(state.anio, index=frame.index)
    own = warehouse.graduandos_departments()
    if desglose == "lugar" and state.depto is None:  # one row per department
        places = [(int(code), None) for code in frame["code"]]
    elif desglose == "lugar":  # one row per municipality
        places = [(state.depto, int(code)) for code in frame["code"]]
    else:
        places = [(state.depto, state.muni)] * len(frame)
    methods = [graduandos_method(own, d, m, int(y)) for (d, m), y in zip(places, years,
                                                                         strict=True)]
    return frame.assign(metodo=methods, metodo_distinto=years.isin(flagged).to_numpy())


def row_origins(frame: pd.DataFrame, state: explore_state.ExploreState,
                manifest: Manifest | None
                ) -> tuple[provenance.Provenance, list[provenance.Provenance] | None]:
    """The answer's provenance and, when a census year's denominator differs from the other
    years' (decision 0015), each row's by its year (``None`` otherwise: all rows alike)."""
    ind = indicators.get(state.indicador)
    by_year = "anio" in frame.columns
    origin = provenance.indicator(ind, manifest, state.medida, None if by_year else state.anio)
    if not origin.census_years:
        return origin, None
    if not by_year:
        return origin, [origin] * len(frame)
    memo = {int(y): provenance.indicator(ind, manifest, state.medida, int(y))
            for y in frame["anio"].unique()}
    return origin, [memo[int(y)] for y in frame["anio"]]


def export_frame(frame: pd.DataFrame, origin: provenance.Provenance,
                 rows: list[provenance.Provenance] | None = None) -> pd.DataFrame:
    """CSV/Parquet rows that say where they come from: ``origen`` and ``fuente`` in every row,
    each row's own when they differ by year (the header is written even with no rows)."""
    if rows is None:
        return frame.assign(origen=origin.origen, fuente=" | ".join(origin.sources))
    return frame.assign(origen=[r.origen for r in rows],
                        fuente=[" | ".join(r.sources) for r in rows])


def _note(origin: provenance.Provenance) -> dict[str, str] | None:
    """Which part is generated (both languages) for a mixed indicator or one whose
    denominator is real in some years only; else ``None``."""
    if not origin.sentence("es"):
        return None
    return {lang: origin.sentence(lang) for lang in ("es", "en")}


def _why(notice: Notice) -> str:
    """The reason of a dropped URL value in the API's words (the explorer words it as a
    sentence and carries on; the API refuses the request and names the parameter)."""
    if notice.reason == "outside_depto":
        return f"not in depto {notice.available}"
    if notice.reason == "year_unavailable" and notice.available:
        return f"published years: {notice.available}"
    return notice.reason


def _first_problem(args: dict[str, list[str]]) -> tuple[str, str] | None:
    if args.get("format", ["json"])[-1] not in FORMATS:
        return "format", f"format must be one of {', '.join(FORMATS)}"
    if args.get("desglose", ["lugar"])[-1] not in DESGLOSES:
        return "desglose", f"desglose must be one of {', '.join(DESGLOSES)}"
    if "indicador" not in args:
        return "indicador", "indicador is required (see /api/v1/dimensions)"
    return None


def register(bp: Blueprint, services: Services) -> None:
    warehouse = services.warehouse

    @bp.get("/indicators")
    def indicator_data():
        args = {k: request.args.getlist(k) for k in request.args}
        problem = _first_problem(args)
        if problem:
            return _cors(error(400, "bad_parameter", problem[1], problem[0])[0]), 400
        manifest = warehouse.manifest()
        if manifest is None:
            return _cors(
                error(503, "no_release", "No data release has been published yet.")[0]
            ), 503
        query = {k: v for k, v in args.items() if k not in EXTRA_PARAMS}
        state, notices = explore_state.parse(query, catalog(warehouse))
        if notices:
            n = notices[0]
            return _cors(
                error(
                    400,
                    "bad_parameter",
                    f"invalid value for {n.param}: {n.value!r} ({_why(n)})",
                    n.param,
                )[0]
            ), 400
        fmt, desglose = args.get("format", ["json"])[-1], args.get("desglose", ["lugar"])[-1]
        try:
            frame = _frame(warehouse, state, desglose)
        except ValueError as exc:
            return _cors(error(400, "bad_parameter", str(exc), "desglose")[0]), 400
        except releases.ReleaseError:
            return _cors(error(503, "no_release", "No data release is available.")[0]), 503
        ind = indicators.get(state.indicador)
        origin, rows = row_origins(frame, state, manifest)
        frame = with_method_flag(frame, state, catalog(warehouse), warehouse, desglose)
        name = f"{state.indicador}-{state.anio}-{desglose}"
        if fmt == "csv":
            response = Response(export_frame(frame, origin, rows).to_csv(index=False),
                                mimetype="text/csv")
            response.headers["Content-Disposition"] = f"attachment; filename={name}.csv"
            return _cors(response)
        if fmt == "parquet":
            buffer = io.BytesIO()
            export_frame(frame, origin, rows).to_parquet(buffer, index=False)
            response = Response(buffer.getvalue(), mimetype="application/vnd.apache.parquet")
            response.headers["Content-Disposition"] = f"attachment; filename={name}.parquet"
            return _cors(response)
        if rows is not None:  # rows differ by year: each says its own origin in JSON too
            frame = frame.assign(origen=[r.origen for r in rows])
        return _cors(
            jsonify(
                {
                    "demo": origin.demo,
                    "origen": origin.origen,
                    "origen_nota": _note(origin),
                    "fuentes": list(origin.sources),
                    "release_id": manifest.release_id,
                    "licence": LICENCE,
                    "indicator": {**ind.as_json(), "origin": origin.origen},  # as served
                    "filters": explore_state.to_search_values(state.to_json()),
                    "desglose": desglose,
                    "columns": list(frame.columns),
                    "data": _records(frame),
                }
            )
        )
