"""The municipality-grain variant of ``import matricula|docentes`` (decision 0013).

Published statistical yearbooks give enrolment and teachers by municipality, sector and area,
not by school: such a file has ``muni, sector, area`` where the dictionary's layout has
``codigo``. Each row is checked like a school row (codes, allowed values, then the same
arithmetic, duplicate and year checks) and given the code of its *aggregate unit*
(``core.aggregate_units``): the table keeps one layout, the rollups place the unit by its code,
and every indicator, the API, downloads and the coverage rules work unchanged.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd

from dashboard.core import aggregate_units, dimensions
from dashboard.releases.importers.fact_checks import Findings, text, whole
from dashboard.releases.importers.fact_specs import FactSpec

COLUMNS: tuple[str, ...] = ("MUNI", "SECTOR", "AREA")  # in place of CODIGO
ALLOWED: dict[str, tuple[str, ...]] = {"sector": dimensions.SECTORES, "area": dimensions.AREAS}


def applies(spec: FactSpec, header: Collection[str]) -> bool:
    """A school-grain table's file with muni, sector and area and no school code."""
    return spec.school_grain and "CODIGO" not in header and all(c in header for c in COLUMNS)


def wanted(spec: FactSpec) -> list[str]:
    """The columns such a file must have (headers as ``readers.header_key`` gives them)."""
    return [*COLUMNS, *(c.upper() for c in spec.columns if c != "codigo")]


def with_codes(raw: pd.DataFrame, findings: Findings,
               known_munis: Collection[int]) -> pd.DataFrame:
    """``raw`` plus ``CODIGO``, each row's aggregate unit; bad places go to ``findings``."""
    muni, bad = whole(raw["MUNI"])
    findings.flag(bad, "muni", "is not a whole number >= 0", raw["MUNI"])
    findings.flag(~bad & ~muni.isin(known_munis).to_numpy(), "muni",
                  "is not an INE municipality code", raw["MUNI"])
    parts = {"muni": muni}
    for column, allowed in ALLOWED.items():
        values = text(raw[column.upper()])
        findings.flag(~values.isin(allowed).to_numpy(), column, f"not one of {list(allowed)}",
                      raw[column.upper()])
        parts[column] = values
    return raw.assign(CODIGO=_codes(pd.DataFrame(parts)))


def _codes(places: pd.DataFrame) -> pd.Categorical:
    """One code per distinct (muni, sector, area), computed once each (files have millions of
    rows and a few thousand units)."""
    places = places.astype({"sector": str, "area": str})
    index = places.groupby(list(places.columns), sort=False).ngroup().to_numpy()
    frame = places.drop_duplicates()  # first appearances: the order ngroup numbers them in
    names = aggregate_units.codes(frame["muni"], frame["sector"], frame["area"]).to_numpy()
    uniq, inverse = np.unique(names.astype(object), return_inverse=True)
    return pd.Categorical.from_codes(inverse[index], categories=uniq)
