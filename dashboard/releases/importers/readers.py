"""Safe readers for CSV and xlsx inputs: bounded size, clear errors, spreadsheet row numbers.

Hostile inputs (Latin-1 bytes, empty files, binary garbage, 50 MB of random bytes, a zip that is
not a workbook) must end in a one-line problem in the report, never in a traceback and never
with unbounded memory: sizes are capped before reading, binary content is refused before
parsing, and a header that is not recognised stops the read at row 1.
"""

from __future__ import annotations

import csv
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from dashboard.core.places import normalize_name
from dashboard.releases.importers.report import ImportReport, InputError

MAX_CSV_BYTES = 100 * 1024 * 1024
MAX_XLSX_BYTES = 50 * 1024 * 1024
MAX_SHEET_ROWS = 200_000
MAX_CELL_CHARS = 100_000
ZIP_MAGIC = b"PK\x03\x04"

Row = tuple[int, list[Any]]  # (spreadsheet row number, cell values)


def check_path(path: Path) -> Path:
    """Fail with exit code 2 for paths that cannot be files at all."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a file")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    return path


def header_key(value: object) -> str:
    """Header as compared: upper case, no accents or BOM, single spaces ('70  - 74')."""
    return " ".join(normalize_name(str(value or "").replace("\ufeff", "")).replace(".", " ")
                    .split())


def _too_big(path: Path, limit: int, report: ImportReport) -> bool:
    size = path.stat().st_size
    if size > limit:
        report.error(path, None, None, f"file is {size / 2**20:.0f} MB, more than the "
                     f"{limit // 2**20} MB accepted for this kind of file")
        return True
    return False


def _decode(path: Path, data: bytes, report: ImportReport) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = ""
        if b"\x00" not in data[:65536]:
            hint = "; it looks like Latin-1/Windows-1252 text: save it as UTF-8 and retry"
        report.error(path, None, None, f"not UTF-8 text: byte 0x{data[exc.start]:02X} on "
                     f"line {line} (offset {exc.start}){hint}")
        return None


def read_csv(path: Path, report: ImportReport) -> Iterator[Row] | None:
    """Records of a UTF-8 CSV (BOM allowed) numbered like a spreadsheet, or ``None``.

    The header is row 1. Returns ``None`` after recording the reason when the file is empty,
    too big, binary or not UTF-8. Records are parsed lazily, so a caller that rejects the
    header never parses the rest of a large garbage file; a CSV syntax error ends the
    iteration after recording the row.
    """
    if _too_big(path, MAX_CSV_BYTES, report):
        return None
    data = path.read_bytes()
    if not data or data.isspace():  # isspace() does not copy 100 MB the way strip() would
        report.error(path, None, None, "file is empty")
        return None
    if data.startswith(ZIP_MAGIC):
        report.error(path, None, None, "this is a zip/xlsx file, not a CSV text file")
        return None
    if b"\x00" in data:
        report.error(path, None, None, "binary content (NUL bytes): not a CSV text file")
        return None
    text = _decode(path, data, report)
    del data
    if text is None:
        return None
    return _records(path, text, report)


def _lines(text: str) -> Iterator[str]:
    """Lines with their endings, lazily (no second copy of the text, unlike splitlines)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _records(path: Path, text: str, report: ImportReport) -> Iterator[Row]:
    """Records until the end or the first unreadable one (csv's own field limit is a
    process-wide setting other code may raise, so the cell size is checked here too)."""
    number = 0
    try:
        for number, record in enumerate(csv.reader(_lines(text)), start=1):
            if any(len(cell) > MAX_CELL_CHARS for cell in record):
                report.error(path, number, None, f"not readable as CSV: a cell longer than "
                             f"{MAX_CELL_CHARS} characters (an unclosed quote?)")
                return
            yield number, record
    except csv.Error as exc:
        report.error(path, number + 1, None, f"not readable as CSV: {exc}")


def open_workbook(path: Path, report: ImportReport) -> Any | None:
    """A read-only openpyxl workbook (caller closes it), or ``None`` after recording why."""
    if _too_big(path, MAX_XLSX_BYTES, report):
        return None
    with path.open("rb") as fh:
        head = fh.read(4)
    if not head:
        report.error(path, None, None, "file is empty")
        return None
    if head != ZIP_MAGIC:
        report.error(path, None, None, "not an Excel .xlsx workbook (an .xlsx file is a zip "
                     "archive; this one is not)")
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles we do not use
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError,
            TypeError) as exc:
        report.error(path, None, None, f"not a readable .xlsx workbook ({type(exc).__name__})")
        return None


def sheet_rows(path: Path, sheet: Any, report: ImportReport) -> list[Row] | None:
    """Non-empty rows of a worksheet with their Excel row numbers (trailing blanks dropped).

    Blank rows between data rows are counted in the report as skipped on purpose.
    """
    rows: list[Row] = []
    blank = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_SHEET_ROWS:
                    report.error(path, number, None, f"sheet {sheet.title!r} has more than "
                                 f"{MAX_SHEET_ROWS} rows: not a table of this kind")
                    return None
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                    blank += 1
                    continue
                if rows and blank:
                    report.skip("blank rows between data rows", blank)
                blank = 0
                rows.append((number, list(values)))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        report.error(path, None, None, f"sheet {sheet.title!r} cannot be read "
                     f"({type(exc).__name__})")
        return None
    return rows


def find_columns(path: Path, header: Sequence[object], wanted: Sequence[str], row: int,
                 report: ImportReport) -> dict[str, int] | None:
    """Index of each wanted column (by ``header_key``); records the missing ones."""
    index: dict[str, int] = {}
    for i, value in enumerate(header):
        key = header_key(value)
        if key and key not in index:
            index[key] = i
    missing = [w for w in wanted if header_key(w) not in index]
    if missing:
        found = [str(h).strip()[:40] for h in header if h is not None and str(h).strip()]
        column = ", ".join(missing) if len(missing) <= 3 else None
        report.error(path, row, column, f"missing column(s) {missing}; the header has "
                     f"{found[:30]}")
        return None
    return {w: index[header_key(w)] for w in wanted}


def iter_cells(rows: list[Row], columns: dict[str, int]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each data row as ``{column: value}`` (short rows padded with ``None``)."""
    for number, values in rows:
        yield number, {name: (values[i] if i < len(values) else None)
                       for name, i in columns.items()}


def first_sheet_rows(path: Path, report: ImportReport) -> list[Row] | None:
    """The first sheet's non-empty rows with their spreadsheet numbers, or ``None`` with the
    reason in ``report`` (unreadable workbook, unreadable rows, or an empty sheet)."""
    book = open_workbook(path, report)
    if book is None:
        return None
    try:
        rows = sheet_rows(path, book.worksheets[0], report)
    finally:
        book.close()
    if rows is not None and not rows:
        report.error(path, None, None, "the first sheet is empty")
        return None
    return rows
