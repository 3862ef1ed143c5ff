"""A command's expected failure is one line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import pytest

from dashboard.core.cli_errors import fails_with


class ExpectedError(Exception):
    pass


@fails_with(ExpectedError)
def command(fail: bool) -> int:
    if fail:
        raise ExpectedError("the release is not there")
    return 0


def test_expected_errors_become_exit_1_with_one_line(capsys) -> None:
    assert command(False) == 0
    assert command(True) == 1
    assert capsys.readouterr().err == "error: the release is not there\n"


def test_other_errors_still_raise() -> None:
    @fails_with(ExpectedError)
    def broken() -> int:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        broken()
