"""Column-wise row checks: each failing row gets its first reason, the first few are listed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.releases.importers import fact_checks
from dashboard.releases.importers.fact_specs import MATRICULA, POBLACION

GOOD = ["16-01-0138-43", "2024", "primaria", "1", "F", "30", "28", "25", "3", "2", "1", "4"]


def _raw(*rows: list[str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=[c.upper() for c in MATRICULA.columns])


def _check(raw: pd.DataFrame, codes: set[str] | None = None) -> fact_checks.Findings:
    findings = fact_checks.Findings(np.array(["f.csv"] * len(raw)), np.arange(2, len(raw) + 2))
    fact_checks.check(MATRICULA, raw, findings, codes or {"16-01-0138-43"}, {1601})
    return findings


def test_a_valid_row_passes_with_spaces_and_case_normalised() -> None:
    row = GOOD.copy()
    row[0], row[2], row[4], row[5] = " 16-01-0138-43 ", "Primaria", "f", "30"
    assert not _check(_raw(row)).bad.any()


def test_each_rule_names_the_row_and_column() -> None:
    final_too_big = [*GOOD[:6], "31", "28", "3", "2", "1", "4"]
    sums_wrong = [*GOOD[:7], "20", *GOOD[8:]]
    bad_grade = [*GOOD[:3], "7", *GOOD[4:]]
    unknown = ["01-01-0001-43", *GOOD[1:]]
    negative = [*GOOD[:10], "-1", "4"]
    year = ["16-01-0138-43", "1980", *GOOD[2:]]
    findings = _check(_raw(GOOD, final_too_big, sums_wrong, bad_grade, unknown, negative, year))
    assert list(findings.bad) == [False, True, True, True, True, True, True]
    where = {(row, column) for _, row, column, _ in findings.listed}
    assert {(3, "inscritos_final"), (4, "inscritos_final"), (5, "grado"), (6, "codigo"),
            (7, "repitentes"), (8, "anio")} <= where


def test_duplicates_point_at_the_first_row() -> None:
    findings = _check(_raw(GOOD, [*GOOD[:5], "1", "1", "1", "0", "0", "0", "0"]))
    assert list(findings.bad) == [False, True]
    assert findings.listed[0][1] == 3 and findings.listed[0][3] == "same as row 2: duplicate key"


def test_many_failures_are_listed_up_to_a_limit_and_counted() -> None:
    rows = [["X", *GOOD[1:]]] * 50
    findings = _check(_raw(*rows))
    listed = [entry for entry in findings.listed if entry[2] == "codigo"]
    assert len(listed) == fact_checks.LISTED + 1 and "30 more rows" in listed[-1][3]


def test_population_needs_known_municipalities_and_age_groups() -> None:
    raw = pd.DataFrame([["1601", "2024", "F", "7-12", "10"], ["9999", "2024", "F", "0-4", "1"]],
                       columns=[c.upper() for c in POBLACION.columns])
    findings = fact_checks.Findings(np.array(["p.csv"] * 2), np.array([2, 3]))
    fact_checks.check(POBLACION, raw, findings, None, {1601})
    assert list(findings.bad) == [False, True]
    assert {c for _, _, c, _ in findings.listed} == {"muni", "grupo_edad"}
