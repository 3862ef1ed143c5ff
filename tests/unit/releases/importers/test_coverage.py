"""Coverage comparison: losses refused unless asked; merges by department; demo never mixed."""

from __future__ import annotations

import pandas as pd

from dashboard.releases.importers import coverage
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportReport

NEW = pd.DataFrame({"depto": [5, 5, 13]})


def _old(origin: str, rows: int = 3) -> coverage.Current:
    return coverage.Current("t", "/nowhere.parquet", origin, rows)


def test_code_departments_map_the_capital_to_one() -> None:
    codes = pd.Series(["00-01-0001-46", "16-01-0138-46", "05-02-0001-43"])
    assert list(coverage.code_departments(codes)) == [1, 16, 5]


def test_a_lost_department_is_refused_unless_replace_all() -> None:
    report = ImportReport("t")
    coverage.reconcile(report, _old("real"), {5, 13, 16}, NEW, NEW["depto"], ImportOptions())
    assert "16 Alta Verapaz" in report.errors[0].message
    report = ImportReport("t")
    coverage.reconcile(report, _old("real"), {5, 13, 16}, NEW, NEW["depto"],
                       ImportOptions(replace_all=True))
    assert report.ok and "no longer covered: 16 Alta Verapaz" in report.facts[0]


def test_a_large_drop_of_real_rows_is_refused_not_of_demo_rows() -> None:
    report = ImportReport("t")
    coverage.reconcile(report, _old("real", 100), {5, 13}, NEW, NEW["depto"], ImportOptions())
    assert "97% fewer" in report.errors[0].message
    report = ImportReport("t")
    coverage.reconcile(report, _old("demo", 100), {5, 13}, NEW, NEW["depto"], ImportOptions())
    assert report.ok


def test_merge_keeps_other_departments_of_a_real_table_only() -> None:
    kept = pd.DataFrame({"depto": [16, 16]})
    report = ImportReport("t")
    merged = coverage.reconcile(report, _old("real", 5), {5, 16}, NEW, NEW["depto"],
                                ImportOptions(merge=True), lambda covered: kept)
    assert list(merged["depto"]) == [16, 16, 5, 5, 13]
    report = ImportReport("t")
    merged = coverage.reconcile(report, _old("demo", 5), {5, 16}, NEW, NEW["depto"],
                                ImportOptions(merge=True), lambda covered: kept)
    assert list(merged["depto"]) == [5, 5, 13] and "no data for 16" in report.facts[0]
