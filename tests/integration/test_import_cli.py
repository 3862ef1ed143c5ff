"""``python -m dashboard import ...`` as an operator runs it: real process, exit codes, report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from importer_support import school, schools_csv, snapshot

from dashboard.core.config import Settings


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"),
           "INSTANCE_DIR": str(tmp_path / "instance"), "SECRET_KEY": "test"}
    return subprocess.run([sys.executable, "-m", "dashboard", "import", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def test_cli_publishes_real_results_then_refuses_a_broken_catalogue(
        tmp_path: Path, real_data: Path) -> None:
    results = next((real_data / "resultados-graduandos-municipal").glob("*.xlsx"))
    done = _run(tmp_path, "results", str(results))
    assert done.returncode == 0, done.stderr
    assert "Import results: PUBLISHED" in done.stdout
    assert "rows read: 1607" in done.stdout and "rows published: 1606" in done.stdout
    assert "[import results]" in done.stderr  # progress goes to stderr
    settings = Settings(data_dir=tmp_path / "data")
    before = snapshot(settings)

    broken = schools_csv(tmp_path / "broken.csv", [school(), school(CODIGO="01-99-0001-46")])
    failed = _run(tmp_path, "schools", str(broken), "--quiet")
    assert failed.returncode == 1
    assert "Import schools: FAILED" in failed.stdout
    assert "broken.csv, row 3, column CODIGO" in failed.stdout
    assert failed.stderr == ""
    assert snapshot(settings) == before


def test_cli_usage_and_file_errors_exit_2(tmp_path: Path) -> None:
    missing = _run(tmp_path, "census", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "not a folder" in missing.stderr and "Traceback" not in missing.stderr
    usage = _run(tmp_path, "grades", "x.csv")
    assert usage.returncode == 2 and "invalid choice" in usage.stderr
    assert not (tmp_path / "data" / "releases").exists()
