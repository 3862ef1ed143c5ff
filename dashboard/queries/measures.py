"""Indicator computation on top of ``sql.ratio``: numerator/denominator sums → value, suppressed.

``raw`` returns unsuppressed sums (callers may add them up, e.g. F + M = total) and
``finish`` turns them into published values; nothing leaves the query layer without
``finish``. The gender parity index and published shares (graduandos) have their own paths.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from dashboard import indicators
from dashboard.indicators import ENROLLED, Indicator, Part
from dashboard.queries import sql, suppression
from dashboard.queries.filters import IndicatorQuery

Runner = Callable[[str, dict[str, object]], pd.DataFrame]
HasTable = Callable[[str], bool]
PLACE_DIMS: tuple[str, ...] = ("nivel", "sexo", "sector", "area")
POPULATION_BY_LEVEL = Part("poblacion", "poblacion")


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


def _empty(keys: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({**{k: pd.Series(dtype="object") for k in keys},
                         "numerador": pd.Series(dtype="float64"),
                         "denominador": pd.Series(dtype="float64")})


def _fill_fixed(frame: pd.DataFrame, ind: Indicator, keys: tuple[str, ...]) -> pd.DataFrame:
    """Census indicators have no year column: report their one year."""
    if "anio" in keys and "anio" not in frame.columns:
        frame = frame.assign(anio=ind.fixed_year)
    return frame[[*keys, *(c for c in frame.columns if c not in keys)]]


def raw(run: Runner, has_table: HasTable, q: IndicatorQuery, keys: tuple[str, ...],
        filters: dict[str, object]) -> pd.DataFrame:
    """Unsuppressed ``keys..., numerador, denominador`` for ``q``'s indicator and measure."""
    ind = indicators.get(q.indicator)
    if ind.key == "ipg":
        return _ipg_raw(run, has_table, keys, filters)
    num, den = sql.indicator_parts(ind.key, q.measure)
    needed = [num.source] + ([den.source] if den else [])
    if not all(has_table(sql.SOURCE_TABLES[s]) for s in needed):
        return _empty(keys)
    text, params = sql.ratio(num, den, sql.Cut(keys, filters))
    return _fill_fixed(run(text, params), ind, keys)


def finish(frame: pd.DataFrame, q: IndicatorQuery) -> pd.DataFrame:
    """Published values: ``valor`` per measure, disclosure control applied; keeps ``_num``."""
    ind = indicators.get(q.indicator)
    if ind.key == "ipg":
        return _ipg_finish(frame)
    if ind.numerator.agg == "avg":  # published shares (%), no counts behind them
        out = frame.assign(valor=frame["numerador"] / 100.0, numerador=np.nan,
                           denominador=np.nan, suprimido=False)
        return out.assign(_num=np.nan)
    has_den = q.measure != "count" and (q.measure == "per_1000" or ind.denominator is not None)
    out = frame.assign(_num=frame["numerador"])
    return suppression.apply(out, has_denominator=has_den,
                             scale=1000.0 if q.measure == "per_1000" else 1.0)


def compute(run: Runner, has_table: HasTable, q: IndicatorQuery, keys: tuple[str, ...],
            filters: dict[str, object]) -> pd.DataFrame:
    return finish(raw(run, has_table, q, keys, filters), q)


def _ipg_raw(run: Runner, has_table: HasTable, keys: tuple[str, ...],
             filters: dict[str, object]) -> pd.DataFrame:
    """Enrolment and population by sex, side by side: ``numerador_F ... denominador_M``."""
    if not (has_table("r_matricula") and has_table("r_poblacion")):
        return _empty(keys)
    cut = sql.Cut((*keys, "sexo"), {k: v for k, v in filters.items() if k != "sexo"})
    text, params = sql.ratio(ENROLLED, POPULATION_BY_LEVEL, cut)
    long = run(text, params)
    index = list(keys) or ["_k"]
    if not keys:
        long = long.assign(_k=0)
    wide = long.pivot_table(index=index, columns="sexo", values=["numerador", "denominador"],
                            aggfunc="sum")
    wide.columns = [f"{a}_{b}" for a, b in wide.columns]
    wide = wide.reset_index().drop(columns=["_k"], errors="ignore")
    for col in ("numerador_F", "numerador_M", "denominador_F", "denominador_M"):
        if col not in wide.columns:
            wide[col] = np.nan
    wide["numerador"] = wide["numerador_F"].fillna(0) + wide["numerador_M"].fillna(0)
    wide["denominador"] = wide["denominador_F"].fillna(0) + wide["denominador_M"].fillna(0)
    return wide


def _ipg_finish(wide: pd.DataFrame) -> pd.DataFrame:
    """IPG = GER(F) / GER(M); published numerator/denominator are the two GERs (0..1)."""
    out = wide.copy()
    parts = {}
    suppressed = pd.Series(False, index=out.index)
    for s in ("F", "M"):
        cell = suppression.apply(
            pd.DataFrame({"numerador": out.get(f"numerador_{s}"),
                          "denominador": out.get(f"denominador_{s}")}, index=out.index),
            has_denominator=True)
        suppressed |= cell["suprimido"]
        parts[s] = cell["valor"]
    with np.errstate(divide="ignore", invalid="ignore"):
        value = parts["F"] / parts["M"].where(parts["M"] > 0)
    out["_num"] = out["numerador"]
    out["numerador"] = parts["F"].where(~suppressed)
    out["denominador"] = parts["M"].where(~suppressed)
    out["valor"] = value.where(~suppressed)
    out["suprimido"] = suppressed.astype(bool)
    return out.drop(columns=[c for c in out.columns if c[-2:] in ("_F", "_M")])
