"""What the operator asked of one import: merge or replace, how many rejected rows to accept,
and the date of the data. The same flags for every ``import`` command (``cli``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LIMIT_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")


@dataclass(frozen=True)
class RejectLimit:
    """``--max-rejected``: a number of rows (``50``) or a share of the rows read (``2%``)."""

    value: float
    percent: bool

    @classmethod
    def parse(cls, text: str) -> RejectLimit:
        match = _LIMIT_RE.match(text)
        if not match or (match.group(2) and float(match.group(1)) > 100):
            raise ValueError(f"{text!r} is not a row count (50) or a percentage (2%)")
        if not match.group(2) and not match.group(1).isdigit():
            raise ValueError(f"{text!r}: a row count is a whole number")
        return cls(float(match.group(1)), bool(match.group(2)))

    def allows(self, rejected: int, total: int) -> bool:
        if self.percent:
            return total > 0 and 100 * rejected / total <= self.value
        return rejected <= self.value

    def __str__(self) -> str:
        return f"{self.value:g}%" if self.percent else f"{int(self.value)} rows"


@dataclass(frozen=True)
class ImportOptions:
    """``merge``: the file updates only the departments it covers. ``replace_all``: the file
    replaces the table even when it covers fewer departments or rows. ``fecha``: the date
    (or year) of the data as its publisher states it; else the file's own date."""

    merge: bool = False
    replace_all: bool = False
    max_rejected: RejectLimit | None = None
    fecha: str | None = None

    def __post_init__(self) -> None:
        if self.merge and self.replace_all:
            raise ValueError("--merge and --replace-all exclude each other")
