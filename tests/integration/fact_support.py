"""Builders for fact-import tests: a school catalogue made from the demo's schools, fact rows
exported from a release, small valid fact files, and files written as CSV, XLSX or Parquet."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import openpyxl
import pandas as pd

from dashboard import releases
from dashboard.core import places
from dashboard.core.config import Settings
from dashboard.releases.importers.schools import COLUMNS as SCHOOL_COLUMNS

LEVEL_NAMES = {"preprimaria": "PREPRIMARIA", "primaria": "PRIMARIA", "basico": "BASICO",
               "diversificado": "DIVERSIFICADO"}


def table(settings: Settings, name: str) -> pd.DataFrame:
    return pd.read_parquet(releases.release_path(settings) / f"{name}.parquet")


def catalogue_from_demo(settings: Settings, deptos: Iterable[int], path: Path) -> Path:
    """The demo's schools of ``deptos`` as a MINEDUC catalogue CSV (the importer's layout)."""
    schools = table(settings, "dim_establecimiento")
    schools = schools[schools["depto"].isin(list(deptos))]
    rows = pd.DataFrame(dict.fromkeys(SCHOOL_COLUMNS, ""), index=schools.index)
    munis = places.municipalities().set_index("muni")
    deptos_by_code = places.departments().set_index("depto")["nombre"]
    rows["CODIGO"] = schools["codigo"].astype(str)
    rows["MUNICIPIO"] = schools["muni"].map(munis["nombre"]).str.upper()
    rows["DEPARTAMENTO"] = schools["depto"].map(deptos_by_code).str.upper()
    rows["ESTABLECIMIENTO"] = schools["nombre"].astype(str)
    rows["NIVEL"] = schools["nivel"].astype(str).map(LEVEL_NAMES)
    rows["SECTOR"] = schools["sector"].astype(str).str.upper()
    rows["AREA"] = schools["area"].astype(str).str.upper()
    rows["STATUS"] = "ABIERTA"
    rows.to_csv(path, index=False)
    return path


def fact_rows(settings: Settings, name: str, deptos: Iterable[int]) -> pd.DataFrame:
    """Rows of a fact table of the served release whose schools are in ``deptos``."""
    frame = table(settings, name)
    code = frame["codigo"].astype(str)
    depto = code.str[:2].astype(int)
    return frame[depto.isin(list(deptos)).to_numpy()].reset_index(drop=True)


def write(frame: pd.DataFrame, path: Path) -> Path:
    """``frame`` as CSV, XLSX or Parquet, by the suffix of ``path``."""
    frame = frame.astype({c: str for c in frame.columns
                          if isinstance(frame[c].dtype, pd.CategoricalDtype)})
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            sheet.append([v.item() if hasattr(v, "item") else v for v in row])
        book.save(path)
    return path
