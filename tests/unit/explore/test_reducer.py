"""The explorer's reducer: one action → the next view, with a hand-made catalog (no server)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.core import indicators
from dashboard.explore import state as es
from dashboard.explore.catalog import Catalog, IndicatorInfo
from dashboard.explore.reducer import (
    ControlsChanged,
    MapClicked,
    Reset,
    ShowDepartment,
    ShowNational,
    UrlChanged,
    next_state,
)

CATALOG = Catalog(
    indicators={
        k: IndicatorInfo(i.measures, frozenset(i.dims)) for k, i in indicators.INDICATORS.items()
    },
    years=tuple(range(2015, 2025)),
    munis=frozenset({101, 1301, 1302}),
)
DRILLED = es.ExploreState("desercion", 2021, depto=13, muni=1302, sexo="F", nivel="primaria")


def controls(state: es.ExploreState, **changes: object) -> dict[str, object]:
    """The filter menus' values as the page shows ``state`` ("todos" for no filter)."""
    return {**{k: es.ALL if v is None else v for k, v in state.to_json().items()}, **changes}


def test_breadcrumb_steps_keep_every_filter():
    assert next_state(ShowDepartment(), DRILLED, CATALOG) == (replace(DRILLED, muni=None), [])
    national = replace(DRILLED, depto=None, muni=None)
    assert next_state(ShowNational(), DRILLED, CATALOG) == (national, [])


def test_reset_is_the_default_view():
    assert next_state(Reset(), DRILLED, CATALOG) == (es.default_state(CATALOG), [])


def test_a_url_is_parsed_afresh_with_its_notices():
    state, notices = next_state(UrlChanged({"depto": ["5"], "x": ["1"]}), DRILLED, CATALOG)
    assert state == es.ExploreState("desercion", 2024, depto=5)
    assert [(n.param, n.reason) for n in notices] == [("x", "unknown_param")]


@pytest.mark.parametrize(("code", "place"), [(13, (13, None)), (1301, (13, 1301)),
                                             (101, (1, 101))])
def test_a_click_on_a_place_drills_to_it(code, place):
    state, notices = next_state(MapClicked(code), es.ExploreState("desercion", 2024), CATALOG)
    assert (state.depto, state.muni) == place and notices == []


@pytest.mark.parametrize("code", [None, 23, 1399, 2217])
def test_a_click_on_no_place_of_the_release_changes_nothing(code):
    assert next_state(MapClicked(code), DRILLED, CATALOG) == (DRILLED, [])


def test_a_new_department_starts_at_its_whole_territory():
    action = ControlsChanged(controls(DRILLED, depto="5"), changed="depto")
    state, notices = next_state(action, DRILLED, CATALOG)
    assert (state.depto, state.muni, state.sexo) == (5, None, "F") and notices == []


def test_control_values_are_validated_like_a_url_and_dropped_silently():
    action = ControlsChanged(controls(DRILLED, depto="99", nivel="<b>"), changed="depto")
    state, notices = next_state(action, DRILLED, CATALOG)
    assert (state.depto, state.muni, state.nivel, state.sexo) == (None, None, None, "F")
    assert notices == []


def test_a_new_indicator_keeps_a_measure_it_has_and_says_what_it_dropped():
    counted = replace(DRILLED, medida="count")
    action = ControlsChanged(controls(counted, indicador="matricula"), changed="indicador")
    state, notices = next_state(action, counted, CATALOG)
    assert (state.indicador, state.medida) == ("matricula", "count")
    assert notices == []
    action = ControlsChanged(controls(counted, indicador="ipg"), changed="indicador")
    state, notices = next_state(action, counted, CATALOG)
    assert state.medida == CATALOG.indicators["ipg"].measures[0]
    assert all(n.param != "medida" for n in notices)  # the menu asked for none: nothing to say
