"""Rollup build: the analytics file a publish writes, at public grains only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.queries import rollup_build
from dashboard.queries.connection import open_read_only
from dashboard.queries.schools import CATALOGUES as SCHOOL_LISTS


def _tables(path: Path) -> tuple[set[str], set[str], int]:
    con = open_read_only(path)
    try:
        tables = {n for (n,) in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        # School codes are only in the school lists the finder searches (public tables of
        # schools, never facts): no rollup holds a school's figures.
        columns = {c for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE NOT list_contains("
            "$lists, table_name)", {"lists": list(SCHOOL_LISTS)}).fetchall()}
        total = con.execute("SELECT sum(inscritos_inicial) FROM r_matricula").fetchone()[0]
    finally:
        con.close()
    return tables, columns, int(total)


def test_rollups_hold_public_grains_and_no_school_codes(demo_settings: Settings):
    folder = releases.release_path(demo_settings)
    tables, columns, total = _tables(folder / releases.ANALYTICS)
    assert {"r_matricula", "r_docentes", "r_poblacion", "dim_departamento"} <= tables
    assert set(rollup_build.DERIVED_SQL) <= tables
    assert "codigo" not in columns
    assert "dim_establecimiento" in tables  # the demo schools, for the finder (labelled demo)
    facts = pd.read_parquet(folder / "fact_matricula.parquet")
    assert total == int(facts["inscritos_inicial"].sum())


def test_ensure_builds_a_missing_file_once(demo_settings: Settings, tmp_path: Path):
    """A release published before rollups existed gets its file on first read."""
    folder = tmp_path / "old-release"
    shutil.copytree(releases.release_path(demo_settings), folder)
    (folder / releases.ANALYTICS).unlink()
    built = rollup_build.ensure(folder)
    assert built == folder / releases.ANALYTICS and built.exists()
    stamp = built.stat().st_mtime_ns
    assert rollup_build.ensure(folder).stat().st_mtime_ns == stamp
    assert not list(folder.glob(".*.tmp")), "the temporary file is renamed into place"
