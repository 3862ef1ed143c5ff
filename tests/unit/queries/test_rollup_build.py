"""Rollup build: the analytics file a publish writes, at public grains only."""

from __future__ import annotations

import json
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


def test_census_rows_follow_the_split_rule():
    records = [(101, "total", "0-4", 1000), (101, "total", "5-9", 900),
               (101, "total", "10-14", 800), (101, "total", "15-19", 700),
               (101, "M", "total", 4000), (101, "F", "total", 6000),
               (102, "total", "5-9", 50)]  # no totals by sex: left out
    rows = rollup_build.census_rows(records, 2018)
    assert len(rows) == 8 and {r[0] for r in rows} == {101}
    assert (101, 2018, "F", "primaria", 612) in rows  # (540 + 480) × 0.6
    assert (101, 2018, "M", "preprimaria", 224) in rows  # (200 + 360) × 0.4


def _with_census(demo_settings: Settings, tmp_path: Path, census: pd.DataFrame) -> Path:
    """A copy of the demo release holding a (tiny) real census table."""
    folder = tmp_path / "census-release"
    shutil.copytree(releases.release_path(demo_settings), folder)
    census.to_parquet(folder / "censo_poblacion.parquet", index=False)
    manifest = json.loads((folder / releases.MANIFEST).read_text(encoding="utf-8"))
    manifest["tables"]["censo_poblacion"] = {"origin": "real", "rows": len(census)}
    (folder / releases.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _population(folder: Path) -> pd.DataFrame:
    con = open_read_only(folder / releases.ANALYTICS)
    try:
        return con.execute("SELECT * FROM r_poblacion").df()
    finally:
        con.close()


def test_build_puts_the_census_in_2018_and_keeps_other_years(demo_settings: Settings,
                                                             tmp_path: Path):
    before = _population(releases.release_path(demo_settings))
    census = pd.DataFrame(
        [(101, "total", g, "total", p) for g, p in (("0-4", 10), ("5-9", 50), ("10-14", 50),
                                                   ("15-19", 50))]
        + [(101, s, "total", "total", 500) for s in ("F", "M")]
        + [(101, "total", "total", "urbana", 999)],  # another breakdown: ignored
        columns=["muni", "sexo", "grupo_edad", "area", "poblacion"])
    folder = _with_census(demo_settings, tmp_path, census)
    rollup_build.build(folder)
    after = _population(folder)
    year = after[after["anio"] == 2018].set_index(["nivel", "sexo"])["poblacion"]
    assert set(after.loc[after["anio"] == 2018, "muni"]) == {101}  # the year is the census's
    assert year[("primaria", "F")] == 30 and year[("diversificado", "M")] == 15
    pd.testing.assert_frame_equal(
        after[after["anio"] != 2018].sort_values(list(after.columns)).reset_index(drop=True),
        before[before["anio"] != 2018].sort_values(list(before.columns)).reset_index(drop=True))


def test_build_with_a_census_lacking_the_school_ages_leaves_2018_empty(demo_settings: Settings,
                                                                      tmp_path: Path):
    census = pd.DataFrame([(101, "total", "total", "urbana", 9)],
                          columns=["muni", "sexo", "grupo_edad", "area", "poblacion"])
    folder = _with_census(demo_settings, tmp_path, census)
    rollup_build.build(folder)
    after = _population(folder)
    assert 2018 not in set(after["anio"]) and len(after) > 0
