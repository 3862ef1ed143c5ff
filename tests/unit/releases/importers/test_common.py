"""Importer cells: one leading minus at most (``"--5".lstrip("-")`` used to reach ``int``)."""

from __future__ import annotations

import pytest

from dashboard.releases.importers import common


@pytest.mark.parametrize(("value", "expected"), [
    ("-12", -12), ("-1,234", -1234), ("--5", None), ("-", None), ("--", None), ("²", None),
    ("5-", None), ("-0", 0),
])
def test_signed_cells(value: str, expected: int | None) -> None:
    assert common.as_int(value) == expected
