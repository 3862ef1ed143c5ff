"""Implausible jumps: a municipality whose total changes by more than half from one year to
the next is listed as a warning (real changes happen: a new school, a closed one; typing
errors and missing schools happen more often)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core import aggregate_units
from dashboard.releases.importers.fact_specs import FactSpec
from dashboard.releases.importers.report import ImportReport

MAX_CHANGE = 0.5
LISTED = 20


def changes(totals: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Rows (muni, anio, before, after, change) where consecutive years differ by > half."""
    totals = totals.sort_values(["muni", "anio"])
    before = totals.groupby("muni")[measure].shift()
    year_before = totals.groupby("muni")["anio"].shift()
    out = totals.assign(before=before, after=totals[measure])
    out = out[(year_before == totals["anio"] - 1) & (before > 0)]
    out = out.assign(change=(out["after"] - out["before"]) / out["before"])
    return out[out["change"].abs() > MAX_CHANGE]


def _by_unit(table: pd.DataFrame, measure: str) -> pd.Series:
    """``measure`` summed by (codigo, anio) with one int64 id per row and ``np.bincount``."""
    placed = table[table["codigo"].notna().to_numpy()] if table["codigo"].isna().any() else table
    codes = placed["codigo"].astype("category")
    years = placed["anio"].to_numpy()
    if not len(years):
        return pd.Series([], index=pd.MultiIndex.from_arrays([[], []], names=["codigo", "anio"]),
                         dtype="float64")
    first, span = int(years.min()), int(years.max() - years.min()) + 1
    ids = codes.cat.codes.to_numpy().astype("int64") * span + (years - first)
    sums = np.bincount(ids, weights=placed[measure].to_numpy())
    used = np.flatnonzero(np.bincount(ids))
    index = pd.MultiIndex.from_arrays([codes.cat.categories[used // span],
                                       used % span + first], names=["codigo", "anio"])
    return pd.Series(sums[used], index=index)


def warn(report: ImportReport, spec: FactSpec, table: pd.DataFrame,
         places_of: pd.DataFrame | None) -> None:
    """Warnings for the table about to be published (schools placed by the catalogue,
    aggregate units by their own code)."""
    measure = spec.jump_measure
    if spec.school_grain:
        totals = _by_unit(table, measure)  # thousands of unit-years, not millions of rows
        names = pd.Series(totals.index.get_level_values("codigo").astype(str))
        muni = aggregate_units.munis(names)  # municipality-grain units place themselves
        if places_of is not None:
            muni = muni.fillna(pd.Series(places_of["muni"].reindex(names).to_numpy()))
        frame = pd.DataFrame({"muni": muni.to_numpy("float"),
                              "anio": totals.index.get_level_values("anio"),
                              measure: totals.to_numpy()})
    else:
        frame = table[["muni", "anio", measure]]
    totals = frame.dropna(subset=["muni"]).groupby(["muni", "anio"], as_index=False)[measure].sum()
    found = changes(totals, measure)
    for row in found.head(LISTED).itertuples():
        report.warn(spec.table, None, measure, f"municipality {int(row.muni)}: {int(row.before):,} "
                    f"in {int(row.anio) - 1} -> {int(row.after):,} in {int(row.anio)} "
                    f"({100 * row.change:+.0f}%): check the file")
    if len(found) > LISTED:
        report.warn(spec.table, None, measure, f"{len(found) - LISTED} more municipality-years "
                    f"change by more than {100 * MAX_CHANGE:.0f}%")
