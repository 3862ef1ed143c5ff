"""The import report: problems located as a spreadsheet shows them, said once, and a plain
text that tells an operator what was read, published, skipped and wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.releases.importers.report import (
    SHOWN,
    ImportFailedError,
    ImportReport,
    Problem,
)


def test_a_problem_names_file_row_and_column_when_known() -> None:
    assert Problem("a.csv", 4, "sexo", "not one of [F, M]").render() == (
        "a.csv, row 4, column sexo: not one of [F, M]")
    assert Problem("a.csv", None, None, "file is empty").render() == "a.csv: file is empty"


def test_the_same_error_is_recorded_once_and_files_by_name_only() -> None:
    report = ImportReport("matricula")
    for _ in range(2):  # a file opened twice (a workbook and its name sheet)
        report.error(Path("/tmp/in/a.xlsx"), 3, "MUNI", "unknown")
    report.warn(Path("/tmp/in/a.xlsx"), 3, "MUNI", "odd")
    report.warn("a.xlsx", 3, "MUNI", "odd")  # warnings are all kept
    assert report.errors == [Problem("a.xlsx", 3, "MUNI", "unknown")]
    assert len(report.warnings) == 2 and not report.ok
    with pytest.raises(ImportFailedError, match="matricula import failed with 1 error"):
        report.raise_if_failed()
    ImportReport("vacío").raise_if_failed()  # no errors: nothing raised


def test_render_of_a_failed_import_lists_the_first_problems_and_counts_the_rest() -> None:
    report = ImportReport("docentes", files=[Path("/srv/in/d.csv")], rows_read=30)
    report.skip("empty rows", 2)
    for row in range(SHOWN + 5):
        report.error("d.csv", row + 2, "DOCENTES", "not a whole number")
    text = report.render(names_only=True)
    lines = text.splitlines()
    assert lines[:5] == [
        "Import docentes: FAILED", "  file: d.csv", "  rows read: 30",
        "  rows skipped on purpose: 2 (empty rows)",
        "  rows published: 0 (nothing was published; the current release is unchanged)"]
    assert f"errors: {SHOWN + 5} (first {SHOWN} shown)" in lines
    assert sum(line.startswith("  - d.csv") for line in lines) == SHOWN
    assert "  file: /srv/in/d.csv" in report.render()


def test_render_of_a_published_import_names_tables_and_release() -> None:
    report = ImportReport("escuelas", rows_read=3, rows_published=2,
                          tables={"escuelas": 2}, release_id="R-1", facts=["fecha: 2024"])
    report.correct("e.csv", 2, "MUNI", "0101 from the school code")
    assert report.render() == "\n".join([
        "Import escuelas: PUBLISHED", "  rows read: 3", "  rows published: 2",
        "  tables: escuelas (2 rows)", "  fecha: 2024", "  release: R-1",
        "corrections: 1", "  - e.csv, row 2, column MUNI: 0101 from the school code"])
    assert ImportReport("x").render().startswith("Import x: VALIDATED")
    kept = ImportReport("x", files=[Path("/srv/in/d.csv")]).kept_copy().decode("utf-8")
    assert kept.startswith("Import x: PUBLISHED\n  file: d.csv")  # no server folder
