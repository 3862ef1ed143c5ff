"""Census A11 attendance and place of study (``censo_asistencia``) from the real INE workbook.

The expected numbers are read from the workbook here with openpyxl (not through the
importer), so a wrong column, a dropped row or a lost category fails.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import make_settings

from dashboard import releases
from dashboard.core import dictionary
from dashboard.releases.importers.census import import_census
from dashboard.releases.importers.common import Progress

HEADERS = {"Asiste": ("asiste", None), "No Asiste": ("no_asiste", "no_aplica"),
           "En el mismo municipio": ("asiste", "mismo_municipio"),
           "En otro municipio": ("asiste", "otro_municipio"),
           "En otro pais": ("asiste", "otro_pais"), "No declarado": ("asiste", "no_declarado")}


@pytest.fixture(scope="module")
def workbook(real_data: Path) -> list[dict[str, int]]:
    path = next((real_data / "ine-censo-2018").glob("*Cuadro A11*.xlsx"))
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header = [" ".join(str(h).split()) if h else "" for h in rows[0]]
    index = {h: header.index(h) for h in (*HEADERS, "Población de 7 años o mas")}
    count = lambda v: 0 if v in (None, "-") else int(v)  # noqa: E731
    return [{"code": int(r[1]), **{h: count(r[i]) for h, i in index.items()}}
            for r in rows[1:] if r[1] is not None]


@pytest.fixture(scope="module")
def table(real_data: Path, tmp_path_factory) -> pd.DataFrame:
    settings = make_settings(tmp_path_factory.mktemp("attendance"))
    import_census(settings, real_data / "ine-censo-2018", Progress("census", None))
    manifest = releases.read_manifest(releases.release_path(settings))
    info = manifest.tables["censo_asistencia"]
    assert info["origin"] == "real" and info["source"].startswith(dictionary.SOURCE_INE_CENSO)
    assert "Cuadro A11" in info["source"] and info["fecha"] == "2018"  # its file and date
    return pd.read_parquet(releases.release_path(settings) / "censo_asistencia.parquet")


def test_every_municipality_is_a_partition_of_its_population_7_plus(table, workbook):
    assert table["muni"].nunique() == 340 and len(table) == 340 * 5
    assert table.duplicated(["muni", "asistencia", "lugar_estudio"]).sum() == 0
    assert table["poblacion"].sum() == sum(r["Población de 7 años o mas"] for r in workbook)


def test_national_categories_match_the_workbook(table, workbook):
    got = table.groupby(["asistencia", "lugar_estudio"])["poblacion"].sum()
    for header, (asistencia, lugar) in HEADERS.items():
        expected = sum(r[header] for r in workbook)
        value = got.loc[asistencia].sum() if lugar is None else got.loc[(asistencia, lugar)]
        assert value == expected, header


def test_one_municipality_row_for_row(table, workbook):
    pinula = next(r for r in workbook if r["code"] == 102)  # Santa Catarina Pinula
    rows = table[table["muni"] == 102].set_index("lugar_estudio")["poblacion"]
    assert rows["mismo_municipio"] == pinula["En el mismo municipio"] == 15503
    assert rows["otro_municipio"] == pinula["En otro municipio"]
    assert rows["otro_pais"] == pinula["En otro pais"]
    assert rows["no_aplica"] == pinula["No Asiste"]
