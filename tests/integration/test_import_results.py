"""Graduandos results importer: the real workbook, and small hostile workbooks written here."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from importer_support import assert_untouched, publish_baseline, result, results_xlsx

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.releases.importers.common import Progress
from dashboard.releases.importers.report import ImportFailedError, ImportReport
from dashboard.releases.importers.results import import_results

QUIET = Progress("results", None)
REAL = "resultados-graduandos-municipal/5. desempeño de escuelas municipales Consolidado " \
       "2015-2019FINAL.xlsx"


def _table(settings: Settings) -> pd.DataFrame:
    return pd.read_parquet(releases.release_path(settings) / "resultados_graduandos.parquet")


def _fails(settings: Settings, tmp_path: Path, path: Path) -> ImportReport:
    before = publish_baseline(settings, tmp_path)
    with pytest.raises(ImportFailedError) as info:
        import_results(settings, path, QUIET)
    assert_untouched(settings, before)
    return info.value.report


def test_real_results_publish_with_2015_flagged(settings: Settings, real_data: Path) -> None:
    report = import_results(settings, real_data / REAL, QUIET)
    assert report.errors == []
    assert report.rows_read == 1607
    # Chicamán 2015 appears twice with identical values: one copy skipped, and said so.
    assert report.skipped == {"exact duplicates (same municipality, year and values)": 1}
    assert report.rows_published == 1606
    frame = _table(settings)
    assert len(frame) == 1606 and not frame.duplicated(["muni", "anio"]).any()
    assert frame.groupby("anio").size().to_dict() == {2015: 315, 2016: 321, 2017: 322,
                                                       2018: 324, 2019: 324}
    assert frame["metodo_distinto"].tolist() == (frame["anio"] == 2015).tolist()
    assert frame[["lectura_pct", "matematica_pct"]].stack().between(0, 100).all()
    row = frame.set_index(["muni", "anio"])
    assert row.loc[(101, 2015), "lectura_pct"] == pytest.approx(75.510204)  # kept, flagged
    assert row.loc[(101, 2016), ["lectura_pct", "matematica_pct"]].tolist() == [34.43, 8.43]
    # San José Acatempa 2015 carried 1702 (San José, Petén); Santa Bárbara carried 1310.
    assert (2216, 2015) in row.index and (1702, 2015) in row.index
    assert {m for m, _ in row.index if m in (1015, 1310)} == {1015}
    fixes = {(p.row, p.message.split(":")[0]) for p in report.corrections}
    assert fixes == {(960, "1310 -> 1015"), (961, "1310 -> 1015"), (962, "1310 -> 1015"),
                     (963, "1310 -> 1015"), (964, "1310 -> 1015"), (1290, "1702 -> 2216")}
    text = report.render()
    assert "2015: 315 rows published with metodo_distinto=True" in text
    assert "rows read: 1607" in text and "rows published: 1606" in text


def test_small_valid_workbook(settings: Settings, tmp_path: Path) -> None:
    path = results_xlsx(tmp_path / "r.xlsx", [
        result(2015, lectura=75.510204), result(2016),
        result(2016, 2216, "San José Acatempa", 22, lectura=None, matematica="3,5")])
    import_results(settings, path, QUIET)
    frame = _table(settings).set_index(["muni", "anio"])
    assert frame.loc[(101, 2015), "metodo_distinto"]
    assert not frame.loc[(101, 2016), "metodo_distinto"]
    assert pd.isna(frame.loc[(2216, 2016), "lectura_pct"])
    assert frame.loc[(2216, 2016), "matematica_pct"] == 3.5


def test_wrong_types_and_out_of_range(settings: Settings, tmp_path: Path) -> None:
    path = results_xlsx(tmp_path / "r.xlsx", [
        result(lectura=120.0), result(2017, matematica=-1), result(2018, lectura="alto"),
        ["x", "dos mil", 101.0, "Guatemala", 1.0, "G", 1.0, 1.0, 1.0, 1.0],
        result(2019, depto=99)])
    report = _fails(settings, tmp_path, path)
    assert {(p.row, p.column) for p in report.errors} == {
        (2, "LecturaMunicipal"), (3, "MatematicaMunicipal"), (4, "LecturaMunicipal"),
        (5, "Periodo"), (6, "id_dep")}
    assert all(p.file == "r.xlsx" for p in report.errors)


def test_unknown_code_and_conflicting_duplicates(settings: Settings, tmp_path: Path) -> None:
    path = results_xlsx(tmp_path / "r.xlsx", [
        result(), result(code=4242, name="Macondo", depto=1),
        result(2017), result(2017, lectura=1.0)])
    report = _fails(settings, tmp_path, path)
    assert [(p.row, p.column) for p in report.errors] == [(3, "id_municipal"),
                                                          (5, "id_municipal")]
    assert "two different results for 2017 (also row 4)" in report.errors[1].message


@pytest.mark.parametrize(("build", "expected"), [
    (lambda p: p.write_bytes(b""), "file is empty"),
    (lambda p: p.write_bytes(b"\x89PNG garbage" * 1000), "not an Excel .xlsx workbook"),
    (lambda p: results_xlsx(p, []), "no data rows"),
    (lambda p: _sheet(p, [["Periodo", "Municipio"], [2016, "Guatemala"]]), "missing column"),
    (lambda p: _sheet(p, []), "the first sheet is empty"),
])
def test_hostile_workbooks(settings: Settings, tmp_path: Path, build, expected: str) -> None:
    path = tmp_path / "r.xlsx"
    build(path)
    report = _fails(settings, tmp_path, path)
    assert expected in report.render()


def _sheet(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
