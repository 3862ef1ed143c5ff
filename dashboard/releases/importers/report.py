"""The import report: what was read, what was published, what was skipped and what is wrong.

Every importer fills one ``ImportReport`` while it reads; nothing is published unless the
report has no errors. Problems carry file, row and column so an operator can open the file at
the right cell: rows are numbered as a spreadsheet shows them (the header is row 1).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SHOWN = 20  # problems listed in full; the rest are only counted


@dataclass(frozen=True)
class Problem:
    """One finding, located as precisely as the file allows."""

    file: str
    row: int | None
    column: str | None
    message: str

    def render(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


class InputError(Exception):
    """The input cannot be opened at all (missing path, a folder, no permission): exit 2."""


class ImportFailedError(Exception):
    """Validation found errors; nothing was published. Carries the full report."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(f"{report.kind} import failed with {len(report.errors)} error(s)")
        self.report = report


@dataclass
class ImportReport:
    """Counts and findings of one import run (one command, one or more files)."""

    kind: str
    files: list[Path] = field(default_factory=list)
    rows_read: int = 0
    rows_published: int = 0  # source rows that made it into the tables
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    corrections: list[Problem] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)
    release_id: str | None = None
    _seen: set[Problem] = field(default_factory=set, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, file: Path | str, row: int | None, column: str | None, message: str) -> None:
        problem = Problem(_name(file), row, column, message)
        if problem not in self._seen:  # a file opened twice (A9 and its name sheet) says it once
            self._seen.add(problem)
            self.errors.append(problem)

    def warn(self, file: Path | str, row: int | None, column: str | None, message: str) -> None:
        self.warnings.append(Problem(_name(file), row, column, message))

    def correct(self, file: Path | str, row: int | None, column: str | None,
                message: str) -> None:
        """A value the importer fixed from stronger evidence (always listed, never silent)."""
        self.corrections.append(Problem(_name(file), row, column, message))

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped[reason] += count

    def raise_if_failed(self) -> None:
        if self.errors:
            raise ImportFailedError(self)

    def kept_copy(self) -> bytes:
        """The report as kept in the new release (``import/informe.txt``): written before the
        folder is published, but the folder only becomes a release if publishing succeeds, so
        the copy says PUBLISHED (it said VALIDATED); file names without their folders."""
        return self.render(names_only=True, kept=True).encode("utf-8")

    def render(self, *, names_only: bool = False, kept: bool = False) -> str:
        """Plain-text report for the terminal and the tests (``names_only``: file names
        without their folders; ``kept``: the copy a published release keeps)."""
        published = bool(self.release_id) or kept
        status = "PUBLISHED" if published else ("FAILED" if self.errors else "VALIDATED")
        lines = [f"Import {self.kind}: {status}"]
        lines += [f"  file: {f.name if names_only else f}" for f in self.files]
        lines.append(f"  rows read: {self.rows_read}")
        for reason, count in sorted(self.skipped.items()):
            lines.append(f"  rows skipped on purpose: {count} ({reason})")
        if self.tables:
            lines.append(f"  rows published: {self.rows_published}")
            lines.append("  tables: " + ", ".join(f"{t} ({n} rows)"
                                                 for t, n in self.tables.items()))
        elif self.errors:
            lines.append("  rows published: 0 (nothing was published; "
                         "the current release is unchanged)")
        lines += [f"  {fact}" for fact in self.facts]
        if self.release_id:
            lines.append(f"  release: {self.release_id}")
        lines += _section("errors", self.errors)
        lines += _section("corrections", self.corrections)
        lines += _section("warnings", self.warnings)
        return "\n".join(lines)


def _section(title: str, problems: list[Problem]) -> list[str]:
    if not problems:
        return []
    shown = problems[:SHOWN]
    head = f"{title}: {len(problems)}" + (f" (first {SHOWN} shown)" if len(problems) > SHOWN
                                           else "")
    return [head] + [f"  - {p.render()}" for p in shown]


def _name(file: Path | str) -> str:
    return Path(file).name if isinstance(file, Path) else file
