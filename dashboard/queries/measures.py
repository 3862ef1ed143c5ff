"""Indicator computation on top of ``sql.ratio``: numerator/denominator sums → value, suppressed.

Results travel as ``Cols`` (a dict of numpy arrays) because pandas' per-call overhead would
dominate queries that return a few dozen rows; the ``Warehouse`` builds one frame at the end.
``raw`` returns unsuppressed sums (callers may add them up, e.g. F + M = total) and ``finish``
turns them into published values; nothing leaves the query layer without ``finish``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dashboard.core import indicators
from dashboard.core.indicators import ENROLLED, Part
from dashboard.queries import grade_flows, sql, suppression
from dashboard.queries.filters import IndicatorQuery

Cols = dict[str, np.ndarray]
Runner = Callable[[str, dict[str, object]], Cols]
PLACE_DIMS: tuple[str, ...] = ("nivel", "sexo", "sector", "area")
POPULATION_BY_LEVEL = Part("poblacion", "poblacion")
SEX_VALUES = ("numerador_F", "numerador_M", "denominador_F", "denominador_M")


def base_filters(q: IndicatorQuery, *, geo: bool = True, year: bool = True,
                 drop: tuple[str, ...] = ()) -> dict[str, object]:
    """The filters of ``q`` as bound values (muni beats depto beats national)."""
    filters: dict[str, object] = {}
    if geo and q.muni is not None:
        filters["muni"] = q.muni
    elif geo and q.depto is not None:
        filters["depto"] = q.depto
    if year:
        filters["anio"] = q.year
    for dim in PLACE_DIMS:
        value = getattr(q, dim)
        if value is not None and dim not in drop:
            filters[dim] = value
    return filters


def _empty(keys: tuple[str, ...], values: tuple[str, ...]) -> Cols:
    return {**{k: np.array([], dtype=object) for k in keys},
            **{v: np.array([], dtype="float64") for v in values}}


def raw(run: Runner, tables: frozenset[str], q: IndicatorQuery, keys: tuple[str, ...],
        filters: dict[str, object]) -> Cols:
    """Unsuppressed ``keys..., numerador, denominador`` for ``q``'s indicator and measure.

    ``tables`` are the served release's table names, read once per query by the caller.
    """
    ind = indicators.get(q.indicator)
    if ind.kind == "cohort":  # computed from the grade flows, published there
        return grade_flows.measure(run, tables, ind.key, keys, filters)
    if ind.key == "ipg":
        num, den, by_sex = ENROLLED, POPULATION_BY_LEVEL, True
    else:
        (num, den), by_sex = sql.indicator_parts(ind.key, q.measure), False
    needed = [num.source] + ([den.source] if den else [])
    values = SEX_VALUES if by_sex else ("numerador", "denominador")
    if not all(sql.SOURCE_TABLES[s] in tables for s in needed):
        return _empty(keys, values)
    exact = tables.intersection(sql.EXACT_TABLE_NAMES)
    text, params = sql.ratio(num, den, sql.Cut(keys, filters, exact), by_sex=by_sex)
    cols = run(text, params)
    for name in values:  # sums arrive as float64, exact-grain rows as int64: one type
        cols[name] = np.asarray(cols[name], dtype="float64")
    if "anio" in keys and "anio" not in cols:  # census indicators describe one year
        cols["anio"] = np.full(len(cols[values[0]]), ind.fixed_year, dtype="int64")
    return cols


def finish(cols: Cols, q: IndicatorQuery) -> Cols:
    """Published ``numerador, denominador, valor, suprimido`` (keys kept, ``_num`` added)."""
    ind = indicators.get(q.indicator)
    if ind.kind == "cohort":  # ``grade_flows.measure`` returns published values already
        return cols
    keys = {k: v for k, v in cols.items() if k not in (*SEX_VALUES, "numerador", "denominador")}
    if ind.key == "ipg":
        return {**keys, **_parity(cols)}
    if ind.numerator.agg == "avg":  # published shares (%), no counts behind them
        n = len(cols["numerador"])
        return {**keys, "numerador": np.full(n, np.nan), "denominador": np.full(n, np.nan),
                "valor": cols["numerador"] / 100.0, "suprimido": np.zeros(n, dtype=bool),
                "_num": np.full(n, np.nan)}
    has_den = q.measure == "per_1000" or (q.measure == "rate" and ind.denominator is not None)
    out = suppression.apply(cols["numerador"], cols["denominador"] if has_den else None,
                            scale=1000.0 if q.measure == "per_1000" else 1.0)
    return {**keys, **out, "_num": np.asarray(cols["numerador"], dtype="float64")}


def compute(run: Runner, tables: frozenset[str], q: IndicatorQuery, keys: tuple[str, ...],
            filters: dict[str, object]) -> Cols:
    return finish(raw(run, tables, q, keys, filters), q)


def _parity(cols: Cols) -> Cols:
    """IPG = GER(F) / GER(M); published numerator/denominator are the two GERs (0..1)."""
    girls = suppression.apply(cols["numerador_F"], cols["denominador_F"])
    boys = suppression.apply(cols["numerador_M"], cols["denominador_M"])
    hidden = girls["suprimido"] | boys["suprimido"]
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(boys["valor"] > 0, girls["valor"] / boys["valor"], np.nan)
    total = np.nan_to_num(np.asarray(cols["numerador_F"], dtype="float64")) \
        + np.nan_to_num(np.asarray(cols["numerador_M"], dtype="float64"))
    return suppression.hide({"numerador": girls["valor"], "denominador": boys["valor"],
                             "valor": value, "suprimido": hidden, "_num": total})
