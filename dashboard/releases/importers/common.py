"""Steps every importer shares: value parsing, typed frames, progress and the final publish.

Publishing is the last step and happens only when the report has no errors; ``releases.publish``
then stages, validates and swaps atomically, so a failure at any point leaves the served
release byte-for-byte as it was.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from dashboard import releases
from dashboard.core import dictionary
from dashboard.core.config import Settings
from dashboard.releases.importers.report import ImportReport

_PANDAS_DTYPE = {"int": "int64", "float": "float64", "str": "str", "bool": "bool"}
_NULLABLE_DTYPE = {"int": "Int64", "bool": "boolean"}


class Progress:
    """Throttled progress lines on stderr, so long imports show they are alive."""

    def __init__(self, label: str, stream: TextIO | None = sys.stderr,
                 every_seconds: float = 1.0) -> None:
        self.label = label
        self.stream = stream
        self.every = every_seconds
        self._last: float | None = None

    def step(self, message: str, *, force: bool = False) -> None:
        now = time.monotonic()
        if self.stream is None:
            return
        if not force and self._last is not None and now - self._last < self.every:
            return
        self._last = now
        print(f"[import {self.label}] {message}", file=self.stream, flush=True)


def clean_text(value: object) -> str | None:
    """Cell as text with single spaces; ``None`` when blank."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def category(value: object) -> str | None:
    """Categorical value, faithful but lower-case normalised ('CERRADA  TEMPORALMENTE')."""
    text = clean_text(value)
    return text.lower() if text else None


def as_int(value: object) -> int | None:
    """Whole number from a cell (1.0, '12', '1,234'); ``None`` when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = clean_text(value)
    if text is None:
        return None
    text = text.replace(",", "")
    # Not web.inputs.parse_int (warehouse imports only config/dictionary; cells are unbounded).
    # isascii: "²".isdigit() but int() refuses it; removeprefix, not lstrip: "--5" is no number.
    if text.isascii() and text.removeprefix("-").isdigit():
        return int(text)
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def as_float(value: object) -> float | None:
    """Number from a cell (decimal comma accepted); ``None`` when blank or not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = clean_text(value)
    if text is None:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def typed_frame(table: str, records: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Records as a frame with the dictionary's columns, in order, with matching dtypes."""
    columns = dictionary.table(table).column_names()
    return retyped(table, pd.DataFrame.from_records(list(records), columns=columns))


def retyped(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (e.g. served rows kept by a merge plus new ones) in the dictionary's dtypes."""
    spec = dictionary.table(table)
    frame = frame[spec.column_names()].reset_index(drop=True)
    for col in spec.columns:
        dtype = (_NULLABLE_DTYPE.get(col.dtype) if col.nullable else None) \
            or _PANDAS_DTYPE.get(col.dtype, "object")
        frame[col.name] = frame[col.name].astype(dtype)
    return frame


def publish(settings: Settings, report: ImportReport, tables: Mapping[str, pd.DataFrame],
            sources: Sequence[tuple[Path, int, str] | tuple[Path, int, str, tuple[str, ...]]],
            note: str,
            progress: Progress | None = None, *,
            origins: Mapping[str, str] | None = None,
            table_info: Mapping[str, Mapping[str, object]] | None = None,
            extra_files: Mapping[str, bytes] | None = None) -> ImportReport:
    """Publish ``tables`` as a new release if the report is clean, else raise ImportFailedError.

    ``origins``, ``table_info`` and ``extra_files`` go to ``releases.publish`` (an imported
    fact is labelled real; its date; the import report and rejected rows kept in the release).
    """
    report.raise_if_failed()
    for name, frame in tables.items():
        for problem in releases.validate_frame(name, frame):
            report.error(name, None, None, problem)
    report.raise_if_failed()
    if progress:
        progress.step("validated; publishing a new release", force=True)
    try:
        manifest = releases.publish(
            settings, tables,
            [releases.SourceFile.of(*source) for source in sources],
            note=note, origins=origins, table_info=table_info, extra_files=extra_files)
    except releases.ReleaseError as exc:
        report.error("release", None, None, str(exc))
        report.raise_if_failed()
        raise  # unreachable: raise_if_failed raised
    report.tables = {name: len(frame) for name, frame in tables.items()}
    report.release_id = manifest.release_id
    return report


def current_tables(settings: Settings) -> set[str]:
    """Tables of the served release (empty when there is none yet)."""
    rid = releases.current_release_id(settings)
    if rid is None:
        return set()
    return set(releases.read_manifest(releases.release_path(settings, rid)).tables)
