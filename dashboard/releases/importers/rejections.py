"""Rows an import may leave out, and what a release keeps of its import.

With ``--max-rejected N`` (rows) or ``N%`` an import whose only problems are in rows within the
limit publishes its valid rows; the rejected ones, each with its reason, are kept in the new
release as ``import/rechazados.csv`` beside the report ``import/informe.txt`` (never dropped
silently). Structural problems (unreadable file, missing column) always reject the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.core.release_folder import IMPORT_REJECTED, IMPORT_REPORT
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportReport

REJECTED = IMPORT_REJECTED
REPORT = IMPORT_REPORT
# Rejected rows are public (served with the release): a catalogue row's telephone, supervisor
# and director are personal data, and ``campos`` (the raw fields of a row whose width is
# wrong, so nobody knows which is which) could hold them. Never written, never served.
PERSONAL = frozenset({"telefono", "supervisor", "director", "campos"})
# Every rejected-rows file starts with where the row was (file, spreadsheet row) and ends with
# why: the columns between are the file's own. A release that rejected nothing is served
# these alone (``to_csv([])``), so clients parse one shape.
FIRST = ("archivo", "fila")
REASON = "motivo"


def row(path: Path, number: int, report: ImportReport, cells: Mapping[str, Any],
        since: int | None = None) -> dict[str, Any]:
    """A rejected row as read, with the errors recorded for it since ``since``."""
    problems = report.errors[since if since is not None else -1:]
    return {FIRST[0]: path.name, FIRST[1]: number, **public(cells),
            REASON: "; ".join(f"{p.column or ''}: {p.message}" for p in problems)}


def settle(report: ImportReport, rejected: Sequence[Mapping[str, Any]],
           options: ImportOptions) -> dict[str, bytes]:
    """Row errors become warnings plus ``rechazados.csv`` when within the limit."""
    if not rejected:
        return {}
    limit = options.max_rejected
    if limit is None:
        report.facts.append(f"{len(rejected):,} of {report.rows_read:,} rows fail the checks; "
                            "--max-rejected N (rows) or N% would publish the valid rows and "
                            f"keep the others in {REJECTED}")
        return {}
    if not limit.allows(len(rejected), report.rows_read):
        report.error("file", None, None, f"{len(rejected):,} of {report.rows_read:,} rows "
                     f"fail the checks, more than --max-rejected {limit}")
        return {}
    keys = {(r["archivo"], r["fila"]) for r in rejected}
    moved = [p for p in report.errors if (p.file, p.row) in keys]
    report.errors[:] = [p for p in report.errors if (p.file, p.row) not in keys]
    report.warnings.extend(moved)
    report.facts.append(f"rejected: {len(rejected):,} of {report.rows_read:,} rows (within "
                        f"--max-rejected {limit}), kept in {REJECTED} of the release")
    return {REJECTED: to_csv(rejected)}


def public(cells: Mapping[str, Any]) -> dict[str, Any]:
    """``cells`` without the personal columns (any case: the file's header is kept as read)."""
    return {k: v for k, v in cells.items() if str(k).lower() not in PERSONAL}


def public_csv(content: bytes) -> bytes:
    """A rejected-rows CSV as it may be served: personal columns dropped (a release written
    before they were stripped at import still never shows them)."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    if not rows:
        return b""
    keep = [i for i, name in enumerate(rows[0]) if name.lower() not in PERSONAL]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[r[i] for i in keep if i < len(r)] for r in rows])
    return buffer.getvalue().encode("utf-8")


def to_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """The rows as CSV: ``FIRST`` columns, the union of the file's own, ``REASON`` last (no
    rows: the header of those always there)."""
    columns: dict[str, None] = dict.fromkeys(FIRST)
    for r in rows:
        columns.update(dict.fromkeys(r))
    columns.pop(REASON, None)
    columns[REASON] = None  # the reason last, whatever columns each row had
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def fecha(paths: Sequence[Path], options: ImportOptions,
          known: tuple[str, str] | None = None) -> tuple[str, str]:
    """The data's date and how it is known: stated with ``--fecha``, else what the source
    itself says (``known``: the census is of 2018), else the newest file's modification date
    (never a fixed year: a newer catalogue is not labelled as the old one)."""
    if options.fecha:
        return options.fecha, "declared (--fecha)"
    if known is not None:
        return known
    newest = max(p.stat().st_mtime for p in paths)
    return date.fromtimestamp(newest).isoformat(), "file modification date"


def table_info(publisher: str, paths: Sequence[Path], options: ImportOptions,
               known: tuple[str, str] | None = None) -> dict[str, object]:
    """Manifest fields of an imported table (every importer): who publishes it, the files it
    came from and the data's own date (``fecha``)."""
    when, how = fecha(paths, options, known)
    names = ", ".join(p.name for p in paths)
    return {"source": f"{publisher}: {names} ({when})", "fecha": when, "fecha_origen": how}
