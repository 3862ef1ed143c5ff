"""``parse_int``: the one reading of whole numbers from text (URL, form, cookie, JSON)."""

from __future__ import annotations

import pytest

from dashboard.web.inputs import parse_int


@pytest.mark.parametrize(("text", "expected"), [
    ("0", 0), ("5", 5), ("22", 22), ("007", 7), ("0" * 5000 + "22", 22),
])
def test_ascii_digits_in_range(text, expected):
    assert parse_int(text, 0, 22) == expected


@pytest.mark.parametrize("text", [
    "", " ", " 5", "5 ", "5\n", "+5", "5.0", "1e1", "1_0", "0x1", "²", "١٢", "٣", "５",
    "-", "-5", "-0", "--5", "\x00", "5\x00",
])
def test_anything_but_plain_ascii_digits_is_none(text):
    assert parse_int(text, 0, 100) is None


@pytest.mark.parametrize("value", [None, True, False, 5, 5.0, b"5", ["5"], {"5": 5}])
def test_non_strings_are_none(value):
    assert parse_int(value, 0, 100) is None


@pytest.mark.parametrize("text", ["23", "100", "9" * 40])
def test_out_of_range_is_none(text):
    assert parse_int(text, 1, 22) is None
    assert parse_int("0", 1, 22) is None


def test_huge_strings_are_refused_without_converting():
    assert parse_int("9" * 1_000_000, 0, 10**6) is None  # beyond int()'s 4,300-digit limit
    assert parse_int("1" * 4000, 0, 10**4000) is not None  # a huge bound still parses


@pytest.mark.parametrize(("text", "expected"), [
    ("-5", -5), ("-0", 0), ("5", 5), ("-10", -10), ("-11", None), ("--5", None), ("-", None),
    ("- 5", None), ("-²", None), ("5-", None),
])
def test_a_leading_minus_only_where_negatives_are_allowed(text, expected):
    assert parse_int(text, -10, 10) == expected
