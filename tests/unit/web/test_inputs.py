"""Coercers for browser values (pure, no server)."""

from __future__ import annotations

import pytest

from callbacks.participa import list_request
from dashboard.web.inputs import as_dict, as_int, as_list, as_str, one_of
from layouts.ids import participa as pid
from layouts.pages import page_for


@pytest.mark.parametrize(("value", "expected"), [
    ("abc", "abc"), (None, ""), (3, ""), (["/x"], ""), ({"a": 1}, ""), ("a\x00b\ud800c", "abc"),
])
def test_as_str(value, expected):
    assert as_str(value) == expected


def test_as_str_cuts_to_max_len():
    assert as_str("x" * 10, max_len=4) == "xxxx"


@pytest.mark.parametrize(("value", "expected"), [
    (3, 3), (3.0, 3), ("7", 7), (" 8 ", 8), ("²", 1), ("٣", 1), (True, 1), (3.5, 1),
    (float("nan"), 1), (float("inf"), 1), (None, 1), ([2], 1), ("1e3", 1), (10**30, 50),
    (-4, 1), ("9" * 40, 1),
])
def test_as_int_clamps_and_defaults(value, expected):
    assert as_int(value, 1, lo=1, hi=50) == expected


def test_as_dict_as_list_one_of():
    assert as_dict("x") == {} and as_dict({"a": 1}) == {"a": 1}
    assert as_list(None) == [] and as_list("a") == ["a"]
    assert as_list(list(range(500)), 3) == [0, 1, 2]
    assert one_of("queja", ("queja", "pregunta"), None) == "queja"
    assert one_of(["queja"], ("queja",), None) is None
    assert one_of(1, (True,), None) is None  # a number is not a boolean


@pytest.mark.parametrize("path", [None, 3, ["/"], {"a": 1}, 1e308, True])
def test_page_for_any_value_is_home(path):
    assert page_for(path).path == "/"


def test_page_for_unknown_string_is_not_found():
    assert page_for("/no-existe") is None
    assert page_for("/participa/").key == "participa"


@pytest.mark.parametrize(("trigger", "kind", "number", "expected"), [
    (pid.LIST_TYPE, "queja", 5, ("queja", 1)),
    (pid.LIST_NEXT, "", 2, (None, 3)),
    (pid.LIST_PREV, "<script>", "9999", (None, 9998)),
    (pid.LIST_NEXT, ["queja"], 10**30, (None, 100_001)),
    ({"x": 1}, 3, float("nan"), (None, 1)),
])
def test_participa_list_request(trigger, kind, number, expected):
    assert list_request(trigger, kind, number) == expected
