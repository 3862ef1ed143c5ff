"""URL ↔ view state: readable Spanish keys, round trips, hostile values dropped with notices."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

import pytest

from dashboard.core import indicators
from dashboard.explore import state as es
from dashboard.explore.catalog import Catalog, IndicatorInfo

CATALOG = Catalog(
    indicators={
        k: IndicatorInfo(i.measures, frozenset(i.dims)) for k, i in indicators.INDICATORS.items()
    },
    years=tuple(range(2015, 2025)),
    munis=frozenset({101, 102, 1301, 1302, 1333}),
)


def parse(search: str):
    return es.parse(parse_qs(search.lstrip("?")), CATALOG)


def test_defaults_when_the_url_is_empty():
    state, notices = parse("")
    assert state == es.ExploreState(indicador="desercion", anio=2024)
    assert notices == []
    assert es.to_search(state) == "?indicador=desercion&anio=2024"


def test_every_key_round_trips():
    search = (
        "?indicador=desercion&anio=2023&desde=2016&hasta=2022&depto=13&muni=1302"
        "&sexo=mujeres&nivel=basico&sector=oficial&area=rural&medida=conteo"
        "&comparar=13,1,101&vista=tabla"
    )
    state, notices = parse(search)
    assert notices == []
    assert (state.depto, state.muni, state.sexo, state.medida) == (13, 1302, "F", "count")
    assert state.comparar == (13, 1, 101)
    assert es.to_search(state) == search
    assert state.to_query().muni == 1302


@pytest.mark.parametrize(
    "search, param, reason",
    [
        ("?indicador=drop_table", "indicador", "invalid"),
        ("?anio=%3Cscript%3Ealert(1)%3C/script%3E", "anio", "invalid"),
        ("?anio=1999", "anio", "invalid"),
        ("?depto=99", "depto", "invalid"),
        ("?depto=1;DROP TABLE x", "depto", "invalid"),
        ("?muni=9999", "muni", "invalid"),
        ("?sexo=otro", "sexo", "invalid"),
        ("?nivel=universidad", "nivel", "invalid"),
        ("?medida=por_mil&indicador=ipg", "medida", "unsupported"),
        ("?sexo=mujeres&indicador=ipg", "sexo", "unsupported"),
        ("?comparar=1,2,3,4,5", "comparar", "too_many"),
        ("?comparar=1,abc", "comparar", "invalid"),
        ("?foo=1", "foo", "unknown_param"),
        ("?vista=" + "x" * 5000, "vista", "invalid"),
    ],
)
def test_bad_values_are_dropped_with_a_notice(search, param, reason):
    state, notices = parse(search)
    assert [(n.param, n.reason) for n in notices] == [(param, reason)]
    assert all(len(n.value) <= es.MAX_SHOWN_VALUE + 1 for n in notices)
    state.to_query()  # always a valid query


def test_municipality_outside_department_is_dropped_and_implied_department_is_set():
    state, notices = parse("?depto=1&muni=1302")
    assert state.muni is None and [n.param for n in notices] == ["muni"]
    assert (notices[0].reason, notices[0].available) == ("outside_depto", "1")
    state, notices = parse("?muni=1302")
    assert state.depto == 13 and notices == []


def test_reversed_year_range_is_swapped_and_lang_is_ignored():
    state, notices = parse("?desde=2022&hasta=2016&lang=en")
    assert (state.desde, state.hasta) == (2016, 2022) and notices == []


def test_store_json_is_revalidated():
    state, _ = parse("?depto=13&sexo=hombres&comparar=1,13")
    assert es.from_json(state.to_json(), CATALOG) == state
    assert es.from_json({"depto": "<b>", "anio": "x"}, CATALOG) == es.default_state(CATALOG)
    assert es.from_json(None, CATALOG) == es.default_state(CATALOG)


FULL = es.ExploreState("desercion", 2020, 2016, 2022, 13, 1302, "M", "primaria", "oficial",
                       "rural", "count", (1, 13, 1333), "tabla")


def test_a_stored_state_comes_back_exactly_as_written():
    assert es.from_json(FULL.to_json(), CATALOG) == FULL


@pytest.mark.parametrize("forged", [
    {"depto": 99}, {"depto": "13"}, {"depto": True}, {"muni": 1399}, {"anio": 1900},
    {"anio": None}, {"anio": 2020.0}, {"indicador": "nada"}, {"indicador": None},
    {"medida": None}, {"vista": None},
    {"sexo": "mujeres"}, {"nivel": "<b>"}, {"medida": "tasa"}, {"vista": "mapa "},
    {"comparar": [1, 1]}, {"comparar": [1, 2, 3, 4, 5]}, {"comparar": [99]},
    {"comparar": "1,13"}, {"comparar": ["13"]}, {"extra": 1},
])
def test_a_forged_store_is_refused_whole(forged):
    """One bad field and nothing of the store is trusted (not even its valid fields)."""
    assert es.from_json({**FULL.to_json(), **forged}, CATALOG) == es.default_state(CATALOG)


def test_a_store_without_an_optional_field_takes_its_default_but_needs_indicator_and_year():
    assert es.from_json({"indicador": "ipg", "anio": 2020, "depto": 13}, CATALOG) == (
        es.ExploreState("ipg", 2020, depto=13))
    for required in ("indicador", "anio"):
        data = FULL.to_json()
        del data[required]
        assert es.from_json(data, CATALOG) == es.default_state(CATALOG)


def test_a_genuine_store_is_made_coherent_like_a_url():
    """A year the release has but the indicator lacks moves to the nearest it has (as ``parse``
    does), so a store written before an import still draws a chart."""
    info = CATALOG.indicators["alfabetismo"]
    census = Catalog(indicators={**CATALOG.indicators, "alfabetismo": replace(info, years=(2018,))},
                     years=CATALOG.years, munis=CATALOG.munis)
    stored = es.ExploreState("alfabetismo", 2020, depto=13).to_json()
    assert es.from_json(stored, census) == es.ExploreState("alfabetismo", 2018, depto=13)
