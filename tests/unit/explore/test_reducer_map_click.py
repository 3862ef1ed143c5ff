"""A map click is browser input: only a real department or municipality code moves the view.

The click's ``location`` arrives in a forged Dash request as any JSON value. Before, the reducer
took any ``str.isdigit`` text: location ``"0"`` produced ``depto=0`` (a state the explorer's own
URL parser rejects, written to the store and the URL), and Arabic-Indic ``"١٢"`` was read as 12.
"""

from __future__ import annotations

import pytest

from dashboard.core import indicators
from dashboard.explore import state as es
from dashboard.explore.catalog import Catalog, IndicatorInfo
from dashboard.explore.reducer import MapClicked, clicked_code, next_state

CATALOG = Catalog(
    indicators={
        k: IndicatorInfo(i.measures, frozenset(i.dims), (), frozenset())
        for k, i in indicators.INDICATORS.items()
    },
    years=tuple(range(2015, 2025)),
    munis=frozenset({101, 1301, 1302}),
)
CURRENT = es.ExploreState("desercion", 2024)


def click(location: object) -> dict:
    return {"points": [{"location": location}]}


def clicked(location: object) -> MapClicked:
    """The action the state callback makes of a click on ``location``."""
    return MapClicked(clicked_code(click(location)))


@pytest.mark.parametrize(("location", "code"), [(13, 13), ("13", 13), ("1302", 1302), (101, 101)])
def test_a_real_code_is_read_from_a_number_or_a_digit_string(location, code):
    assert clicked_code(click(location)) == code


@pytest.mark.parametrize("location", [
    "0", 0, "00", "-0", "-5", -5, "²", "١٢", "٣", " 13", "13 ", "", "1; DROP", "1" * 5000,
    10**30, 13.0, True, None, [13], {"a": 1},
])
def test_anything_else_is_no_code(location):
    assert clicked_code(click(location)) is None


@pytest.mark.parametrize("click_data", [None, {}, {"points": []}, {"points": [{}]}, "x", [1]])
def test_a_malformed_click_is_no_code(click_data):
    assert clicked_code(click_data) is None


@pytest.mark.parametrize("location", ["0", 0, "00", "١٢", "²", "9999"])
def test_a_forged_click_leaves_the_view_as_it_was(location):
    state, notices = next_state(clicked(location), CURRENT, CATALOG)
    assert (state, notices) == (CURRENT, [])


def test_a_click_on_a_department_then_a_municipality_drills_down():
    state, _ = next_state(clicked("13"), CURRENT, CATALOG)
    assert (state.depto, state.muni) == (13, None)
    state, _ = next_state(clicked(1302), state, CATALOG)
    assert (state.depto, state.muni) == (13, 1302)
