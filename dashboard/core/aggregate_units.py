"""Aggregate units: how a municipality-grain fact row (a published yearbook's muni × sector ×
area) sits in a school-grain fact table (decision 0013).

``fact_matricula`` and ``fact_docentes`` are keyed by school code. A municipality-grain import
gives each municipality × sector × area one *aggregate unit* whose code is
``DD-MM-MUNICIPIO-<sector>-<area>`` (``05-01-MUNICIPIO-oficial-urbana``): never a school code
(those are ``DD-MM-NNNN-LL``), so it can never be found, listed or counted as a school; its
first two fields are the department and municipality as in a school code, so coverage by
department and ``--merge`` treat both grains alike. The rollups place an aggregate unit by
its own code (``queries.rollup_build``), a school by the catalogue. The format is defined here
only (the rollup's SQL splits the code by ``MARK``).
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import places

MARK = "MUNICIPIO"



def codes(muni: pd.Series, sector: pd.Series, area: pd.Series) -> pd.Series:
    """The aggregate unit code of each row (``muni`` an INE code such as 501 or 2216)."""
    dd = places.department_of_codes(muni).astype("int64").map("{:02d}".format)
    mm = places.number_in_department(muni).astype("int64").map("{:02d}".format)
    return dd + "-" + mm + f"-{MARK}-" + sector.astype(str) + "-" + area.astype(str)


def is_aggregate(code: pd.Series) -> pd.Series:
    """Which codes are aggregate units (not schools)."""
    return code.astype(str).str.split("-", n=3).str[2] == MARK


def munis(code: pd.Series) -> pd.Series:
    """INE municipality of aggregate unit codes (``NaN`` for a school code)."""
    parts = code.astype(str).str.split("-", n=3)
    muni = places.municipality_code(pd.to_numeric(parts.str[0], errors="coerce"),
                                    pd.to_numeric(parts.str[1], errors="coerce"))
    return muni.where(is_aggregate(code))
