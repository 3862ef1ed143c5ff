"""Importer building blocks: cell parsing, header matching, safe CSV reading, the report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dashboard.releases.importers import common, readers
from dashboard.releases.importers.report import ImportFailedError, ImportReport


@pytest.mark.parametrize(("value", "expected"), [
    (3, 3), (3.0, 3), (3.5, None), ("1,234", 1234), (" 12 ", 12), ("-", None), (None, None),
    ("", None), (True, None), ("7.0", 7), ("abc", None),
])
def test_as_int(value: object, expected: int | None) -> None:
    assert common.as_int(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (34.43, 34.43), (8, 8.0), ("3,5", 3.5), (" 12.5 ", 12.5), ("alto", None), (None, None),
    (False, None),
])
def test_as_float(value: object, expected: float | None) -> None:
    assert common.as_float(value) == expected


def test_text_and_category_normalisation() -> None:
    assert common.clean_text("  COLEGIO   COBAN ") == "COLEGIO COBAN"
    assert common.clean_text("   ") is None
    assert common.category("CERRADA  TEMPORALMENTE") == "cerrada temporalmente"
    assert common.category("SEMIPRESENCIAL (UN DÍA A LA SEMANA)") == \
        "semipresencial (un día a la semana)"


@pytest.mark.parametrize(("header", "key"), [
    ("\ufeffcodigo", "CODIGO"), ("70  - 74", "70 - 74"), ("Cod. Departamento", "COD DEPARTAMENTO"),
    ("departamento ", "DEPARTAMENTO"), ("Población de 7 años o mas", "POBLACION DE 7 ANOS O MAS"),
    (None, ""),
])
def test_header_key(header: object, key: str) -> None:
    assert readers.header_key(header) == key


def test_find_columns_reports_the_missing_ones(tmp_path: Path) -> None:
    report = ImportReport("t")
    found = readers.find_columns(tmp_path / "f.csv", ["A", " b "], ["a", "B"], 1, report)
    assert found == {"a": 0, "B": 1}
    assert readers.find_columns(tmp_path / "f.csv", ["A"], ["a", "C", "D"], 1, report) is None
    [problem] = report.errors
    assert (problem.file, problem.row, problem.column) == ("f.csv", 1, "C, D")


def _csv(tmp_path: Path, data: bytes) -> tuple[list[readers.Row] | None, ImportReport]:
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    report = ImportReport("t")
    rows = readers.read_csv(path, report)
    return (None if rows is None else list(rows)), report


def test_read_csv_strips_the_bom_and_numbers_rows(tmp_path: Path) -> None:
    rows, report = _csv(tmp_path, b'\xef\xbb\xbfA,B\n1,"x\ny"\n,\n')
    assert rows == [(1, ["A", "B"]), (2, ["1", "x\ny"]), (3, ["", ""])]
    assert report.ok


@pytest.mark.parametrize(("data", "message"), [
    (b"", "file is empty"),
    (b"A,B\n1,2\n3,\xe9\n", "byte 0xE9 on line 3"),
    (b"A\x00B", "binary content"),
    (b"PK\x03\x04....", "zip/xlsx"),
])
def test_read_csv_refuses_what_is_not_utf8_text(tmp_path: Path, data: bytes,
                                                message: str) -> None:
    rows, report = _csv(tmp_path, data)
    assert rows is None and message in report.errors[0].message


def test_read_csv_refuses_files_over_the_cap(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(readers, "MAX_CSV_BYTES", 10)
    rows, report = _csv(tmp_path, b"A,B\n" * 10)
    assert rows is None and "more than the" in report.errors[0].message


def test_read_csv_reports_a_field_too_large(tmp_path: Path) -> None:
    rows, report = _csv(tmp_path, b"A\n" + b'"' + b"x" * 200_000 + b'"\n')
    assert rows == [(1, ["A"])]
    assert report.errors[0].row == 2 and "not readable as CSV" in report.errors[0].message


def test_report_render_shows_twenty_problems_and_the_count(tmp_path: Path) -> None:
    report = ImportReport("schools", files=[tmp_path / "s.csv"], rows_read=30)
    report.skip("empty separator rows", 3)
    for row in range(2, 27):
        report.error(tmp_path / "s.csv", row, "CODIGO", "bad code")
    text = report.render()
    assert text.splitlines()[0] == "Import schools: FAILED"
    assert "rows skipped on purpose: 3 (empty separator rows)" in text
    assert "errors: 25 (first 20 shown)" in text
    assert "s.csv, row 2, column CODIGO: bad code" in text
    assert "row 22," not in text
    with pytest.raises(ImportFailedError) as info:
        report.raise_if_failed()
    assert info.value.report is report


def test_progress_is_throttled_and_optional() -> None:
    stream = io.StringIO()
    progress = common.Progress("x", stream, every_seconds=3600)
    progress.step("one")
    progress.step("two")
    progress.step("three", force=True)
    assert stream.getvalue().splitlines() == ["[import x] one", "[import x] three"]
    common.Progress("x", None).step("nothing", force=True)  # no stream: silent
