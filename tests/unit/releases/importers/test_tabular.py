"""Reading a fact file into raw cells: CSV, XLSX and Parquet give the same frame, headers
compared loosely, each row numbered as a person would find it; unreadable files are refused
with a reason."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from dashboard.releases.importers import tabular
from dashboard.releases.importers.report import ImportReport


def _csv(tmp_path: Path, content: bytes, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_csv_rows_keep_their_spreadsheet_number_past_notes_and_blank_rows(tmp_path) -> None:
    path = _csv(tmp_path, "\ufeff# plantilla\n# otra nota\nMuni,Año ,Inscritos\n"
                          "101,2024,007\n,,\n1601,2024,12\n".encode())
    report = ImportReport("matricula")
    frame = tabular.read(path, report)
    assert frame is not None and list(frame.columns) == ["MUNI", "ANO", "INSCRITOS", "_fila"]
    assert frame.to_dict("records") == [
        {"MUNI": "101", "ANO": "2024", "INSCRITOS": "007", "_fila": 4},  # text kept as text
        {"MUNI": "1601", "ANO": "2024", "INSCRITOS": "12", "_fila": 6}]
    assert report.skipped == {"empty rows": 1} and report.ok
    assert tabular.missing_columns(frame, ["muni", "Año", "sexo"]) == ["sexo"]


def test_xlsx_and_parquet_read_like_the_csv(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for values in (["Muni", "Inscritos"], [101, 7.0], [1601, 2.5]):
        sheet.append(values)
    book.save(tmp_path / "f.xlsx")
    frame = tabular.read(tmp_path / "f.xlsx", ImportReport("m"))
    assert frame is not None and frame.to_dict("records") == [
        {"MUNI": "101", "INSCRITOS": "7", "_fila": 2},  # a whole float is a whole number
        {"MUNI": "1601", "INSCRITOS": "2.5", "_fila": 3}]
    pd.DataFrame({"muni": [101, 1601]}).to_parquet(tmp_path / "f.parquet")
    frame = tabular.read(tmp_path / "f.parquet", ImportReport("m"))
    assert frame is not None and frame.to_dict("records") == [
        {"MUNI": 101, "_fila": 1}, {"MUNI": 1601, "_fila": 2}]


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("f.txt", b"a,b\n1,2\n", "unknown file type '.txt'"),
    ("f.csv", b"  \n\n", "file is empty"),
    ("f.csv", b"PK\x03\x04rest", "not a CSV text file"),
    ("f.csv", b"a,b\n1,\x002\n", "binary content"),
    ("f.csv", "a,b\nañ,1\n".encode("latin-1"), "not UTF-8 text"),
    ("f.parquet", b"a,b\n1,2\n", "does not start with PAR1"),
    ("f.parquet", b"PAR1 truncated", "not a readable Parquet file"),
])
def test_unreadable_files_are_refused_with_a_reason(tmp_path, name, content, reason) -> None:
    report = ImportReport("m")
    assert tabular.read(_csv(tmp_path, content, name), report) is None
    [problem] = report.errors
    assert reason in problem.message and problem.file == name
