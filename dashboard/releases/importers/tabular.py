"""Read a fact file (CSV, XLSX or Parquet) into a frame of raw cells, safely and bounded.

Fact tables are large (millions of rows at the school grain), so unlike ``readers`` (row by row,
for catalogues of thousands) this reads column-wise with pandas/pyarrow; the same refusals apply
first: size caps, empty files, binary content, a zip that is not a workbook, text not in UTF-8.
Each frame keeps the row number a person would look for (``_fila``: the spreadsheet row,
header = 1; for Parquet the record's position from 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.releases.importers import readers
from dashboard.releases.importers.report import ImportReport

MAX_FACT_CSV_BYTES = 4 * 1024**3
MAX_FACT_PARQUET_BYTES = 2 * 1024**3
PARQUET_MAGIC = b"PAR1"
ROW = "_fila"
SUFFIXES = (".csv", ".xlsx", ".parquet")


def read(path: Path, report: ImportReport) -> pd.DataFrame | None:
    """Raw cells by header (``readers.header_key`` of each header), plus ``_fila``; or ``None``
    after recording why the file cannot be read. A header without rows is an empty frame."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        report.error(path, None, None, f"unknown file type {suffix!r}: give {', '.join(SUFFIXES)}")
        return None
    reader = {".csv": _csv, ".xlsx": _xlsx, ".parquet": _parquet}[suffix]
    return reader(path, report)


def _head(path: Path, limit: int, report: ImportReport) -> bytes | None:
    size = path.stat().st_size
    if size > limit:
        report.error(path, None, None, f"file is {size / 2**20:.0f} MB, more than the "
                     f"{limit // 2**20} MB accepted for this kind of file")
        return None
    with path.open("rb") as fh:
        head = fh.read(65536)
    if not head or head.isspace():
        report.error(path, None, None, "file is empty")
        return None
    return head


def _csv(path: Path, report: ImportReport) -> pd.DataFrame | None:
    head = _head(path, MAX_FACT_CSV_BYTES, report)
    if head is None:
        return None
    if head.startswith(readers.ZIP_MAGIC) or head.startswith(PARQUET_MAGIC):
        report.error(path, None, None, "this is an xlsx/zip or Parquet file, not a CSV text file")
        return None
    if b"\x00" in head:
        report.error(path, None, None, "binary content (NUL bytes): not a CSV text file")
        return None
    notes = _comment_lines(head)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                            skip_blank_lines=False, engine="c", skiprows=notes)
    except UnicodeDecodeError as exc:
        report.error(path, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start} of a "
                     "block); if it was saved as Latin-1/Windows-1252, save it as UTF-8 and retry")
        return None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        report.error(path, None, None, f"not readable as CSV: {str(exc).splitlines()[0]}")
        return None
    return _numbered(frame, start=notes + 2, report=report)


def _comment_lines(head: bytes) -> int:
    """Leading ``#`` lines (a template's instructions) above the header."""
    count = 0
    for line in head.removeprefix(b"\xef\xbb\xbf").split(b"\n")[:-1]:
        if not line.startswith(b"#"):
            break
        count += 1
    return count


def _xlsx(path: Path, report: ImportReport) -> pd.DataFrame | None:
    rows = readers.first_sheet_rows(path, report)
    if rows is None:
        return None
    header = ["" if v is None else str(v) for v in rows[0][1]]
    body = [[None if v is None else str(v) if not isinstance(v, float) or not v.is_integer()
             else str(int(v)) for v in values[:len(header)]] for _, values in rows[1:]]
    frame = pd.DataFrame(body, columns=header).fillna("")
    frame[ROW] = [number for number, _ in rows[1:]]
    return _keyed(frame)


def _parquet(path: Path, report: ImportReport) -> pd.DataFrame | None:
    head = _head(path, MAX_FACT_PARQUET_BYTES, report)
    if head is None:
        return None
    if not head.startswith(PARQUET_MAGIC):
        report.error(path, None, None, "not a Parquet file (it does not start with PAR1)")
        return None
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError, ValueError) as exc:
        report.error(path, None, None, f"not a readable Parquet file ({type(exc).__name__})")
        return None
    frame = table.to_pandas(self_destruct=True, split_blocks=True)  # frees Arrow as it goes
    del table
    frame[ROW] = np.arange(1, len(frame) + 1, dtype="int32")
    return _keyed(frame)


def _numbered(frame: pd.DataFrame, start: int, report: ImportReport) -> pd.DataFrame:
    """Spreadsheet row numbers, then blank rows dropped (counted as skipped on purpose)."""
    frame[ROW] = range(start, start + len(frame))
    blank = frame.drop(columns=[ROW]).eq("").all(axis=1)
    if blank.any():
        report.skip("empty rows", int(blank.sum()))
        frame = frame[~blank]
    return _keyed(frame.reset_index(drop=True))


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    """Headers compared as ``readers.header_key`` does (case, accents, spaces do not matter)."""
    return frame.rename(columns={c: c if c == ROW else readers.header_key(c)
                                 for c in frame.columns})


def missing_columns(frame: pd.DataFrame, wanted: Sequence[str]) -> list[str]:
    return [w for w in wanted if readers.header_key(w) not in frame.columns]
