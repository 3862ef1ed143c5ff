"""``--max-rejected`` as rows or percent; ``--merge`` and ``--replace-all`` exclude each other."""

from __future__ import annotations

import pytest

from dashboard.releases.importers.options import ImportOptions, RejectLimit


def test_rows_and_percent() -> None:
    rows, share = RejectLimit.parse("3"), RejectLimit.parse(" 2.5% ")
    assert rows.allows(3, 10) and not rows.allows(4, 1000)
    assert share.allows(25, 1000) and not share.allows(26, 1000) and not share.allows(1, 0)
    assert str(rows) == "3 rows" and str(share) == "2.5%"


@pytest.mark.parametrize("text", ["", "lots", "-1", "1.5", "101%", "5 %%"])
def test_bad_limits(text: str) -> None:
    with pytest.raises(ValueError):
        RejectLimit.parse(text)


def test_merge_and_replace_all_exclude_each_other() -> None:
    with pytest.raises(ValueError, match="exclude"):
        ImportOptions(merge=True, replace_all=True)
