"""Partial school catalogues never silently replace the nation; the same flags on every
``import`` command; ``--fecha`` recorded; rejected catalogue rows kept with the release."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT
from importer_support import assert_untouched, school, schools_csv, snapshot

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.releases.importers.options import ImportOptions, RejectLimit
from dashboard.releases.importers.report import ImportFailedError
from dashboard.releases.importers.schools import import_schools

COBAN = school()
CAPITAL = school(CODIGO="00-01-0001-46", DEPARTAMENTO="CIUDAD CAPITAL", MUNICIPIO="ZONA 1")
ESCUINTLA = school(CODIGO="05-01-0001-43", DEPARTAMENTO="ESCUINTLA", MUNICIPIO="ESCUINTLA")


def _catalogue(settings: Settings) -> pd.DataFrame:
    return pd.read_parquet(releases.release_path(settings) / "catalogo_establecimientos.parquet")


def _national(settings: Settings, tmp_path: Path) -> None:
    rows = [COBAN, CAPITAL, ESCUINTLA] + [
        school(CODIGO=f"16-01-{n:04d}-46") for n in range(1, 20)]
    import_schools(settings, [schools_csv(tmp_path / "all.csv", rows)], None,
                   ImportOptions(fecha="2025-03-01"))


def test_one_department_does_not_become_the_national_catalogue(settings: Settings,
                                                               tmp_path: Path) -> None:
    _national(settings, tmp_path)
    before = snapshot(settings)
    one = schools_csv(tmp_path / "one.csv", [ESCUINTLA])
    with pytest.raises(ImportFailedError) as failed:
        import_schools(settings, [one], None)
    assert "missing: 1 Guatemala, 16 Alta Verapaz" in failed.value.report.errors[0].message
    assert_untouched(settings, before)
    merged = import_schools(settings, [one], None, ImportOptions(merge=True))
    assert any("kept" in fact for fact in merged.facts)
    assert len(_catalogue(settings)) == 22
    import_schools(settings, [one], None, ImportOptions(replace_all=True))
    assert list(_catalogue(settings)["codigo"]) == ["05-01-0001-43"]


def test_a_large_drop_in_rows_is_refused(settings: Settings, tmp_path: Path) -> None:
    _national(settings, tmp_path)
    before = snapshot(settings)
    cut = schools_csv(tmp_path / "cut.csv", [COBAN, CAPITAL, ESCUINTLA])
    with pytest.raises(ImportFailedError) as failed:
        import_schools(settings, [cut], None)
    assert "fewer" in failed.value.report.errors[0].message
    assert_untouched(settings, before)


def test_fecha_is_recorded_not_a_fixed_year(settings: Settings, tmp_path: Path) -> None:
    _national(settings, tmp_path)
    info = releases.read_manifest(releases.release_path(settings)).tables[
        "catalogo_establecimientos"]
    assert info["fecha"] == "2025-03-01" and "2025-03-01" in str(info["source"])


def test_max_rejected_keeps_rejected_catalogue_rows(settings: Settings, tmp_path: Path) -> None:
    path = schools_csv(tmp_path / "s.csv", [COBAN, school(CODIGO="01-99-0001-46"), CAPITAL])
    report = import_schools(settings, [path], None,
                            ImportOptions(max_rejected=RejectLimit.parse("1")))
    assert report.rows_published == 2 and not report.errors
    rejected = pd.read_csv(releases.release_path(settings) / "import" / "rechazados.csv")
    assert list(rejected["fila"]) == [3] and "INE" in rejected["motivo"][0]


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"),
           "INSTANCE_DIR": str(tmp_path / "instance"), "SECRET_KEY": "test"}
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_every_import_command_takes_the_same_flags(tmp_path: Path) -> None:
    for kind in ("schools", "census", "results", "matricula", "docentes", "poblacion"):
        done = _run(tmp_path, "import", kind, "--help")
        assert done.returncode == 0
        for flag in ("--merge", "--replace-all", "--max-rejected", "--fecha"):
            assert flag in done.stdout, (kind, flag)
    both = _run(tmp_path, "import", "matricula", "x.csv", "--merge", "--replace-all")
    assert both.returncode == 2 and "not allowed with" in both.stderr
    bad = _run(tmp_path, "import", "matricula", "x.csv", "--max-rejected", "lots")
    assert bad.returncode == 2 and "--max-rejected" in bad.stderr
