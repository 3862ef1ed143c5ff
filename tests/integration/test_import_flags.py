"""The same four flags on the census and graduandos imports as on every other: a partial file
is refused unless ``--merge`` or ``--replace-all``, ``--merge`` keeps the other departments,
``--max-rejected`` keeps rejected rows (or is refused where it cannot apply) and ``--fecha`` is
the date the manifest records. Each test would fail if its flag were ignored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT
from importer_support import assert_untouched, result, results_xlsx, snapshot, write_census

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.releases.importers.census import import_census
from dashboard.releases.importers.common import Progress
from dashboard.releases.importers.options import ImportOptions, RejectLimit
from dashboard.releases.importers.report import ImportFailedError, ImportReport, InputError
from dashboard.releases.importers.results import import_results

CENSUS_TABLES = ("censo_poblacion", "censo_nivel_educativo", "censo_inasistencia",
                 "censo_alfabetismo")


def _table(settings: Settings, name: str) -> pd.DataFrame:
    return pd.read_parquet(releases.release_path(settings) / f"{name}.parquet")


def _info(settings: Settings, name: str) -> dict[str, object]:
    return releases.read_manifest(releases.release_path(settings)).tables[name]


def _refused(settings: Settings, run) -> ImportReport:
    before = snapshot(settings)
    with pytest.raises(ImportFailedError) as failed:
        run()
    assert_untouched(settings, before)
    return failed.value.report


def _only(deptos: set[int]):
    def mutate(rows: dict[str, list[list[object]]]) -> None:
        for key, table in rows.items():
            rows[key] = [table[0]] + [r for r in table[1:] if int(r[3]) in deptos]
    return mutate


# --- census ------------------------------------------------------------------------------

def census(settings: Settings, folder: Path, **options: object) -> ImportReport:
    return import_census(settings, folder, Progress("census", None), ImportOptions(**options))


def test_census_default_date_and_fecha_recorded(settings: Settings, tmp_path: Path) -> None:
    folder = write_census(tmp_path / "all")
    census(settings, folder)
    assert _info(settings, "censo_poblacion")["fecha"] == "2018"
    census(settings, folder, fecha="2018-11-15")
    for name in CENSUS_TABLES:
        info = _info(settings, name)
        assert info["fecha"] == "2018-11-15" and info["fecha_origen"] == "declared (--fecha)"
        assert "2018-11-15" in str(info["source"])


def test_partial_census_refused_then_merged_or_replaced(settings: Settings,
                                                        tmp_path: Path) -> None:
    all_munis = write_census(tmp_path / "all")
    two = write_census(tmp_path / "two", _only({1, 2}))
    first = _refused(settings, lambda: census(settings, two))  # no served census yet
    assert "must cover the nation" in first.errors[0].message
    census(settings, all_munis)
    report = _refused(settings, lambda: census(settings, two))
    assert "--merge" in report.errors[0].message and "22 Jutiapa" in report.errors[0].message
    census(settings, two, merge=True)
    for name in CENSUS_TABLES:
        assert _table(settings, name)["muni"].nunique() == 340, name
    census(settings, two, replace_all=True)
    for name in CENSUS_TABLES:
        assert set(_table(settings, name)["muni"] // 100) == {1, 2}, name


def test_a_department_given_in_part_is_still_an_error(settings: Settings,
                                                      tmp_path: Path) -> None:
    def cut(rows: dict[str, list[list[object]]]) -> None:
        _only({1, 2})(rows)
        del rows["A1"][3]  # one municipality of department 1 missing from A1

    report = _refused(settings, lambda: census(settings, write_census(tmp_path / "c", cut),
                                               replace_all=True))
    assert any("1 INE municipalities missing" in p.message for p in report.errors)


def test_census_refuses_max_rejected_with_a_reason(settings: Settings, tmp_path: Path) -> None:
    before = snapshot(settings)
    with pytest.raises(InputError, match="checked across the four tables"):
        census(settings, write_census(tmp_path / "all"), max_rejected=RejectLimit.parse("1"))
    assert snapshot(settings) == before


# --- graduandos results ------------------------------------------------------------------

GUATE = [result(2016), result(2017), result(2018)]
JUTIAPA = [result(y, 2216, "San José Acatempa", 22) for y in (2016, 2017, 2018)]


def results(settings: Settings, path: Path, **options: object) -> ImportReport:
    return import_results(settings, path, Progress("results", None), ImportOptions(**options))


def test_results_partial_file_refused_then_merged(settings: Settings, tmp_path: Path) -> None:
    results(settings, results_xlsx(tmp_path / "both.xlsx", GUATE + JUTIAPA), fecha="2020")
    assert _info(settings, "resultados_graduandos")["fecha"] == "2020"
    assert _info(settings, "resultados_graduandos_depto")["fecha"] == "2020"
    guate = results_xlsx(tmp_path / "guate.xlsx", [result(y, lectura=50.0)
                                                   for y in (2016, 2017, 2018)])
    report = _refused(settings, lambda: results(settings, guate))
    assert "missing: 22 Jutiapa" in report.errors[0].message
    results(settings, guate, merge=True)
    frame = _table(settings, "resultados_graduandos").set_index(["muni", "anio"])
    assert frame.loc[(101, 2017), "lectura_pct"] == 50.0
    assert frame.loc[(2216, 2017), "lectura_pct"] == 34.43  # the other department kept
    assert set(_table(settings, "resultados_graduandos_depto")["depto"]) == {1, 22}
    results(settings, guate, replace_all=True)
    assert set(_table(settings, "resultados_graduandos")["muni"]) == {101}


def test_results_row_drop_refused_unless_replace_all(settings: Settings, tmp_path: Path) -> None:
    results(settings, results_xlsx(tmp_path / "all.xlsx", GUATE + JUTIAPA))
    cut = results_xlsx(tmp_path / "cut.xlsx", [GUATE[0], JUTIAPA[0]])
    report = _refused(settings, lambda: results(settings, cut))
    assert "fewer" in report.errors[0].message
    assert results(settings, cut, replace_all=True).release_id


def test_results_max_rejected_keeps_the_rejected_rows(settings: Settings,
                                                      tmp_path: Path) -> None:
    path = results_xlsx(tmp_path / "r.xlsx", [*GUATE, result(2019, lectura=120.0), *JUTIAPA])
    _refused(settings, lambda: results(settings, path))
    report = results(settings, path, max_rejected=RejectLimit.parse("1"))
    assert report.rows_published == 6 and report.warnings
    folder = releases.release_path(settings)
    rejected = pd.read_csv(folder / "import" / "rechazados.csv")
    assert list(rejected["fila"]) == [5] and "LecturaMunicipal" in rejected["motivo"][0]
    assert "Import results" in (folder / "import" / "informe.txt").read_text(encoding="utf-8")


# --- the command line --------------------------------------------------------------------

def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"),
           "INSTANCE_DIR": str(tmp_path / "instance"), "SECRET_KEY": "test"}
    return subprocess.run([sys.executable, "-m", "dashboard", "import", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def test_cli_passes_the_flags_to_census_and_results(tmp_path: Path) -> None:
    folder = write_census(tmp_path / "census")
    refused = _run(tmp_path, "census", str(folder), "--max-rejected", "2", "--quiet")
    assert refused.returncode == 2 and "does not apply to 'import census'" in refused.stderr
    done = _run(tmp_path, "census", str(folder), "--fecha", "2019-01-01", "--quiet")
    assert done.returncode == 0, done.stdout
    path = results_xlsx(tmp_path / "r.xlsx", GUATE + JUTIAPA)
    done = _run(tmp_path, "results", str(path), "--fecha", "2021", "--quiet")
    assert done.returncode == 0, done.stdout
    manifest = releases.read_manifest(releases.release_path(Settings(data_dir=tmp_path / "data")))
    assert manifest.tables["censo_alfabetismo"]["fecha"] == "2019-01-01"
    assert manifest.tables["resultados_graduandos"]["fecha"] == "2021"
    partial = results_xlsx(tmp_path / "p.xlsx", GUATE)
    assert _run(tmp_path, "results", str(partial), "--quiet").returncode == 1
    assert _run(tmp_path, "results", str(partial), "--merge", "--quiet").returncode == 0
