"""Census importer: the four real INE tables, and synthetic workbooks broken one way each."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from importer_support import CENSUS_FILES, assert_untouched, publish_baseline, write_census

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.releases.importers.census import import_census
from dashboard.releases.importers.common import Progress
from dashboard.releases.importers.report import ImportFailedError, ImportReport, InputError

QUIET = Progress("census", None)
# Census 2018 population by department (../shared/data/README.md).
DEPARTMENTS = {1: 3015081, 2: 176632, 3: 330469, 4: 615776, 5: 733181, 6: 396607, 7: 421583,
               8: 418569, 9: 799101, 10: 554695, 11: 326828, 12: 1032277, 13: 1170669,
               14: 949261, 15: 299476, 16: 1215038, 17: 545600, 18: 408688, 19: 245374,
               20: 415063, 21: 342923, 22: 488395}


def _table(settings: Settings, name: str) -> pd.DataFrame:
    return pd.read_parquet(releases.release_path(settings) / f"{name}.parquet")


def _fails(settings: Settings, tmp_path: Path, folder: Path) -> ImportReport:
    before = publish_baseline(settings, tmp_path)
    with pytest.raises(ImportFailedError) as info:
        import_census(settings, folder, QUIET)
    assert_untouched(settings, before)
    return info.value.report


def test_real_census_publishes_four_tables(settings: Settings, real_data: Path) -> None:
    report = import_census(settings, real_data / "ine-censo-2018", QUIET)
    assert report.errors == []
    assert report.rows_read == report.rows_published == 4 * 340
    assert report.tables == {"censo_poblacion": 340 * 25, "censo_nivel_educativo": 340 * 9,
                             "censo_inasistencia": 340 * 9, "censo_alfabetismo": 340 * 2,
                             "censo_asistencia": 340 * 5}
    pop = _table(settings, "censo_poblacion")
    assert pop["muni"].nunique() == 340
    by_sex = pop[pop["sexo"] != "total"]
    assert by_sex["poblacion"].sum() == 14_901_286
    assert pop[pop["grupo_edad"] != "total"]["poblacion"].sum() == 14_901_286
    assert pop[pop["area"] != "total"]["poblacion"].sum() == 14_901_286
    assert by_sex.groupby(by_sex["muni"] // 100)["poblacion"].sum().to_dict() == DEPARTMENTS
    guate = pop[(pop["muni"] == 101)].set_index(["sexo", "grupo_edad", "area"])["poblacion"]
    assert guate[("M", "total", "total")] == 438695 and guate[("total", "100+", "total")] == 118
    assert guate[("total", "total", "rural")] == 0  # '-' in the file
    # Wrong codes in the files are corrected from department + name, and listed.
    fixed = {(p.file[:6], p.row, p.message.split(":")[0]) for p in report.corrections}
    assert ("10. Cu", 152, "1310 -> 1015") in fixed  # Santa Bárbara, Suchitepéquez
    assert ("10. Cu", 208, "3111 -> 1311") in fixed  # La Libertad, Huehuetenango
    assert ("10. Cu", 236, "1017 -> 1406") in fixed  # Chichicastenango, misnamed
    assert ("18. Cu", 278, "509 -> 1702") in fixed  # San José, Petén
    assert len(report.corrections) == 9
    assert by_sex[by_sex["muni"] == 1406]["poblacion"].sum() == 141567
    nivel = _table(settings, "censo_nivel_educativo")
    assert nivel["poblacion"].sum() == 13_566_897
    assert set(nivel["nivel_educativo"]) >= {"ninguno", "primaria_1_3", "maestria_doctorado"}
    assert _table(settings, "censo_inasistencia")["poblacion"].sum() == 4_135_046
    alfa = _table(settings, "censo_alfabetismo").set_index(["muni", "sexo"])
    assert alfa.loc[(101, "M")].tolist() == [379040, 388179]
    assert alfa["alfabetas"].sum() == 10_215_017 and alfa["poblacion"].sum() == 12_528_937
    assert "poblacion total: 14,901,286" in report.render()


def test_synthetic_census_with_dashes_and_a_wrong_code(settings: Settings,
                                                       tmp_path: Path) -> None:
    def mutate(rows: dict[str, list[list[object]]]) -> None:
        a1 = rows["A1"]
        row = next(r for r in a1 if r[1] == 1015.0)
        row[1] = 1310.0  # the real files' Santa Bárbara mix-up
        urban, rural = row[-2], row[-1]
        row[-2], row[-1] = urban + rural, "-"

    report = import_census(settings, write_census(tmp_path / "c", mutate), QUIET)
    assert [(p.file, p.column) for p in report.corrections] == [
        (CENSUS_FILES["A1"], "id_municipal")]
    pop = _table(settings, "censo_poblacion")
    rural = pop[(pop["muni"] == 1015) & (pop["area"] == "rural")]["poblacion"]
    assert rural.tolist() == [0]


def test_missing_names_sheet(settings: Settings, tmp_path: Path) -> None:
    report = _fails(settings, tmp_path, write_census(tmp_path / "c", names_sheet=False))
    assert report.errors[0].file == CENSUS_FILES["A9"]
    assert "sheet 'Hoja1' is missing" in report.errors[0].message


def test_totals_must_reconcile_and_counts_be_numbers(settings: Settings, tmp_path: Path) -> None:
    def mutate(rows: dict[str, list[list[object]]]) -> None:
        rows["A1"][5][6] += 1  # Hombres no longer adds up (Excel row 6)
        rows["A10"][3][8] = "n/d"  # Excel row 4, third cause

    report = _fails(settings, tmp_path, write_census(tmp_path / "c", mutate))
    located = {(p.file, p.row, p.column) for p in report.errors}
    assert (CENSUS_FILES["A1"], 6, "Poblacion total") in located
    assert (CENSUS_FILES["A10"], 4, "No hay escuela, instituto o universidad") in located


def test_missing_column_and_missing_municipality(settings: Settings, tmp_path: Path) -> None:
    def mutate(rows: dict[str, list[list[object]]]) -> None:
        for row in rows["A11"]:
            del row[11]  # 'No Asiste'
        del rows["A9"][100]

    report = _fails(settings, tmp_path, write_census(tmp_path / "c", mutate))
    messages = [(p.file, p.column, p.message) for p in report.errors]
    assert any(f == CENSUS_FILES["A11"] and c == "No Asiste" for f, c, _ in messages)
    assert any(f == CENSUS_FILES["A9"] and "1 INE municipalities missing" in m
               for f, _, m in messages)


def test_unresolvable_and_duplicate_municipalities(settings: Settings, tmp_path: Path) -> None:
    def mutate(rows: dict[str, list[list[object]]]) -> None:
        for i in (10, 11):  # two rows of department 1 with a bad code and an unknown name
            rows["A10"][i][1], rows["A10"][i][2] = 9999.0, "Atlantida"
        rows["A10"][20] = list(rows["A10"][21])

    report = _fails(settings, tmp_path, write_census(tmp_path / "c", mutate))
    located = {(p.row, p.column) for p in report.errors if p.file == CENSUS_FILES["A10"]}
    assert {(11, "id_municipal"), (12, "id_municipal"), (22, "id_municipal")} <= located


def test_last_free_code_of_a_department_is_paired_and_reported(settings: Settings,
                                                               tmp_path: Path) -> None:
    def mutate(rows: dict[str, list[list[object]]]) -> None:
        rows["A10"][10][1], rows["A10"][10][2] = 9999.0, "Atlantida"

    report = import_census(settings, write_census(tmp_path / "c", mutate), QUIET)
    [fix] = report.corrections
    assert (fix.file, fix.row, fix.column) == (CENSUS_FILES["A10"], 11, "id_municipal")
    assert "9999 -> 110" in fix.message and "only municipality of department 1" in fix.message


def test_garbage_workbooks_and_missing_file(settings: Settings, tmp_path: Path) -> None:
    folder = write_census(tmp_path / "c")
    before = publish_baseline(settings, tmp_path)
    for content, expected in ((os.urandom(2 * 1024 * 1024), "not an Excel .xlsx workbook"),
                              (b"PK\x03\x04" + os.urandom(4096), "not a readable .xlsx"),
                              (b"", "file is empty")):
        (folder / CENSUS_FILES["A11"]).write_bytes(content)
        with pytest.raises(ImportFailedError) as info:
            import_census(settings, folder, QUIET)
        errors = info.value.report.errors
        assert [(p.file, p.row) for p in errors] == [(CENSUS_FILES["A11"], None)]
        assert expected in errors[0].message
    (folder / CENSUS_FILES["A9"]).write_bytes(b"not a workbook")
    with pytest.raises(ImportFailedError) as info:
        import_census(settings, folder, QUIET)
    assert [p.file for p in info.value.report.errors] == [CENSUS_FILES["A9"], CENSUS_FILES["A11"]]
    (folder / CENSUS_FILES["A11"]).unlink()
    with pytest.raises(InputError, match="no file for census table A11"):
        import_census(settings, folder, QUIET)
    assert_untouched(settings, before)

