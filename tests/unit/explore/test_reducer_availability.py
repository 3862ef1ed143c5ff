"""Real-data indicators in the explorer: their own years, origin badges, filters that don't apply.

The census describes 2018 only and graduandos 2015-2019 (2015 computed differently); the URL
state clamps other years with a notice, the menus list only real years and unsupported filters
are disabled with an explanation instead of being silently ignored.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from dashboard.core import indicators
from dashboard.explore import state as es
from dashboard.explore.catalog import Catalog, IndicatorInfo, nearest_year, years_text
from dashboard.explore.reducer import ControlsChanged, next_state
from layouts import explore_filters as ef

GRADUANDOS = tuple(range(2015, 2020))
YEARS = {"alfabetismo": (2018,), "graduandos_lectura": GRADUANDOS,
         "graduandos_matematica": GRADUANDOS}
CATALOG = Catalog(
    indicators={
        k: IndicatorInfo(
            i.measures,
            frozenset(i.dims),
            YEARS.get(k, ()),
            frozenset({2015}) if k.startswith("graduandos") else frozenset(),
        )
        for k, i in indicators.INDICATORS.items()
    },
    years=tuple(range(2015, 2025)),
    munis=frozenset({101, 1301, 1302}),
)


def parse(search: str):
    return es.parse(parse_qs(search.lstrip("?")), CATALOG)


def test_without_a_year_each_indicator_starts_at_its_own_latest_year():
    assert parse("?indicador=alfabetismo")[0].anio == 2018
    assert parse("?indicador=graduandos_lectura")[0].anio == 2019
    assert parse("?indicador=desercion")[0].anio == 2024
    assert all(not parse(f"?indicador={k}")[1] for k in YEARS)


def test_a_year_the_indicator_lacks_is_clamped_with_a_notice():
    state, notices = parse("?indicador=alfabetismo&depto=13&anio=2024")
    assert (state.anio, state.depto) == (2018, 13)
    assert notices == [es.Notice("anio", "2024", "year_unavailable", "2018", "2018")]
    state, notices = parse("?indicador=graduandos_lectura&anio=2022&desde=2016&hasta=2024")
    assert (state.anio, state.desde, state.hasta) == (2019, 2016, 2019)
    assert [(n.param, n.adjusted, n.available) for n in notices] == [
        ("anio", "2019", "2015–2019"),
        ("hasta", "2019", "2015–2019"),
    ]
    state.to_query()  # always a valid query


@pytest.mark.parametrize(
    "search, dropped",
    [
        ("?indicador=alfabetismo&nivel=primaria&sector=oficial&area=rural", ["nivel", "sector",
                                                                             "area"]),
        ("?indicador=graduandos_matematica&sexo=mujeres", ["sexo"]),
        ("?indicador=alfabetismo&sexo=mujeres", []),
    ],
)
def test_filters_the_indicator_does_not_support_are_dropped_with_a_notice(search, dropped):
    state, notices = parse(search)
    assert [n.param for n in notices] == dropped
    assert all(n.reason == "unsupported" for n in notices)
    assert all(getattr(state, d) is None for d in dropped)
    if dropped == ["sexo"]:
        assert notices[0].value == "mujeres"  # shown as the URL writes it, not "F"


def test_years_text_and_nearest_year():
    assert years_text([2018]) == "2018"
    assert years_text(GRADUANDOS) == "2015–2019"
    assert years_text([2015, 2017, 2019]) == "2015, 2017, 2019"
    assert nearest_year(2024, GRADUANDOS) == 2019
    assert nearest_year(2010, GRADUANDOS) == 2015
    assert nearest_year(2017, (2016, 2018)) == 2018  # a tie takes the newer figure


def test_year_menus_list_only_real_years_and_flag_2015():
    alfa = es.ExploreState("alfabetismo", 2018)
    anio, desde, hasta = ef.year_menus(alfa, CATALOG, "es")
    assert [o["value"] for o in anio] == ["2018"]
    assert [o["value"] for o in desde] == [o["value"] for o in hasta] == ["todos", "2018"]
    grad = es.ExploreState("graduandos_lectura", 2019)
    labels = {o["value"]: o["label"] for o in ef.year_menus(grad, CATALOG, "es")[0]}
    assert list(labels) == ["2019", "2018", "2017", "2016", "2015"]
    assert labels["2015"] == "2015 (calculado de otra forma)" and labels["2016"] == "2016"
    en = {o["value"]: o["label"] for o in ef.year_menus(grad, CATALOG, "en")[0]}
    assert en["2015"] == "2015 (computed differently)"


def test_unsupported_filters_are_disabled_with_an_explanation():
    alfa = es.ExploreState("alfabetismo", 2018)
    assert ef.disabled_selects(alfa) == [True, True]
    anio, sexo, nivel, sector, area = ef.hints(alfa, CATALOG, "es")
    assert anio == "Este indicador tiene datos de 2018."
    assert sexo == ""
    assert "nivel educativo" in nivel and "sector" in sector and "área" in area
    assert all("No aplica" in h for h in (nivel, sector, area))
    sexo_opts, nivel_opts, _, area_opts = ef.dimension_options(alfa, "es")
    assert not any(o.get("disabled") for o in sexo_opts)
    assert all(o["disabled"] for o in nivel_opts + area_opts)  # "Todos" too: nothing to pick
    grad = es.ExploreState("graduandos_lectura", 2019)
    anio, sexo, *_ = ef.hints(grad, CATALOG, "en")
    assert "2015–2019" in anio and "2015 was computed differently" in anio
    assert "sex" in sexo
    demo = es.ExploreState("desercion", 2024)
    assert ef.hints(demo, CATALOG, "es") == ["", "", "", "", ""]
    assert ef.disabled_selects(demo) == [False, False]


def test_origin_label_follows_the_indicator_not_the_release():
    assert ef.origin_label(indicators.get("alfabetismo"), "es") == "Datos reales: INE"
    assert ef.origin_label(indicators.get("graduandos_lectura"), "es") == "Datos reales: MINEDUC"
    assert ef.origin_label(indicators.get("desercion"), "es") == "Datos de demostración"
    assert ef.origin_label(indicators.get("alfabetismo"), "en") == "Real data: INE"
    labels = {o["value"]: o["label"] for o in ef.indicator_options("es", CATALOG)}
    assert labels["alfabetismo"].endswith("(Datos reales: INE)")
    assert labels["desercion"] == indicators.get("desercion").name("es")


def _new_indicator(state: es.ExploreState, indicador: str) -> ControlsChanged:
    """The menus as they show ``state``, with the indicator menu changed to ``indicador``."""
    values = dict(zip(es.KEYS, ef.control_values(state), strict=True))
    return ControlsChanged({**values, "indicador": indicador}, changed="indicador")


def test_changing_indicator_moves_the_year_and_says_what_was_adjusted():
    latest = es.ExploreState("desercion", 2024, sector="oficial")
    state, notices = next_state(_new_indicator(latest, "alfabetismo"), latest, CATALOG)
    assert (state.indicador, state.anio, state.sector) == ("alfabetismo", 2018, None)
    assert [(n.param, n.reason) for n in notices] == [("sector", "unsupported")]
    older = es.ExploreState("desercion", 2021)
    state, notices = next_state(_new_indicator(older, "graduandos_lectura"), older, CATALOG)
    assert state.anio == 2019
    assert [(n.param, n.reason, n.adjusted) for n in notices] == [
        ("anio", "year_unavailable", "2019")
    ]
    state, notices = next_state(_new_indicator(state, "desercion"), state, CATALOG)
    assert (state.anio, notices) == (2024, [])  # the latest year follows to the latest
