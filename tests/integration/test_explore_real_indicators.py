"""The explorer on a release with the real census and graduandos imported on top of the demo.

Census literacy describes 2018 only and graduandos 2015-2019: the page must say so (badge,
titles, year menu, notices) instead of labelling them demo data of 2024.
"""

from __future__ import annotations

import pytest
from component_support import find
from conftest import with_real_tables
from dash.development.base_component import Component

from app import create_app
from callbacks.explore import card_outputs, map_outputs
from callbacks.explore_controls import outputs_for
from callbacks.pages import load_explore
from dashboard.explore import state as es
from dashboard.explore.catalog import catalog
from dashboard.explore.real_data import CENSUS_TOPICS, census_view
from dashboard.explore.view_context import ViewContext
from dashboard.explore.views import BUILDERS
from dashboard.services import Services
from layouts import explore
from layouts.context import PageContext
from layouts.ids import explore as ids


@pytest.fixture(scope="module")
def real_settings(demo_settings, real_data, tmp_path_factory):
    return with_real_tables(demo_settings, real_data, tmp_path_factory.mktemp("real"),
                            graduandos=True)


@pytest.fixture(scope="module")
def services(real_settings):
    return Services.build(real_settings)


def explore_page(services, lang: str, search: str):
    """The explore page's first render: its loader, then its pure layout."""
    ctx = PageContext.build(lang, search)
    return explore.layout(ctx, load_explore(services, ctx))




def _text(node) -> str:
    return str(node.to_plotly_json() if isinstance(node, Component) else node)


def test_catalog_knows_the_years_each_real_indicator_has(services):
    cat = catalog(services.warehouse)
    assert cat.years_of("alfabetismo") == (2018,)
    assert cat.years_of("graduandos_lectura") == (2015, 2016, 2017, 2018, 2019)
    assert cat.flagged_of("graduandos_matematica") == frozenset({2015})
    assert cat.years_of("desercion") == tuple(range(2015, 2025))


def test_census_page_from_a_url_is_2018_real_ine_with_inapplicable_filters_disabled(services):
    page = explore_page(services, "es", "?depto=13&indicador=alfabetismo&anio=2024&nivel=basico")
    assert find(page, ids.CARDS_BADGE).children.children == "Datos reales: INE"
    assert [o["value"] for o in find(page, ids.F_ANIO).options] == ["2018"]
    assert find(page, ids.F_ANIO).value == "2018"
    assert find(page, ids.F_NIVEL).disabled and find(page, ids.F_SECTOR).disabled
    assert "sector" in find(page, ids.hint("sector")).children
    notices = _text(find(page, ids.NOTICES))
    assert "anio=2024" in notices and "se muestra 2018" in notices and "nivel=basico" in notices
    store = find(page, ids.STATE).data
    assert store["search"] == "?indicador=alfabetismo&anio=2018&depto=13"


def test_census_titles_and_cards_say_2018(services):
    store = {"state": es.ExploreState("alfabetismo", 2018, depto=13).to_json()}
    out = map_outputs(store, None, "es", services)
    assert "2018" in out[0] and "2024" not in out[0]
    cards, _definition, badge = card_outputs(store, "es", services)
    text = _text(cards)
    assert "en 2018" in text and "2024" not in text
    assert badge.children == "Datos reales: INE"
    vc = ViewContext(es.from_json(store["state"], catalog(services.warehouse)), "es",
                     services.warehouse)
    ranking, trend = BUILDERS["ranking"](vc), BUILDERS["trend"](vc)
    assert "2018" in ranking.title and "2024" not in ranking.title
    assert "2015" not in trend.title and "2018" in trend.title
    assert "único año" in trend.summary


def test_graduandos_map_ranking_and_trend_2015_to_2019(services):
    cat = catalog(services.warehouse)
    state, notices = es.parse({"indicador": ["graduandos_lectura"]}, cat)
    assert (state.anio, notices) == (2019, [])
    vc = ViewContext(state, "es", services.warehouse)
    ranking = BUILDERS["ranking"](vc)
    assert len(ranking.table) == 22 and "2019" in ranking.title
    trend = BUILDERS["trend"](vc)
    assert list(trend.table.iloc[:, 0]) == [2015, 2016, 2017, 2018, 2019]
    assert "por sexo" not in trend.title and "2015–2019" in trend.title
    assert "2015 se calculó de otra forma" in trend.summary
    assert trend.figure["layout"]["xaxis"]["ticktext"][0] == "2015 *"
    store = {"state": state.to_json()}
    assert "2019" in map_outputs(store, None, "es", services)[0]
    flagged = {"state": es.ExploreState("graduandos_lectura", 2015).to_json()}
    title = map_outputs(flagged, None, "es", services)[0]
    assert "2015 (calculado de otra forma)" in title
    cards, _definition, badge = card_outputs(flagged, "es", services)
    assert badge.children == "Datos reales: MINEDUC"
    assert "se calcularon de otra forma" in _text(cards) and "Cambio desde" not in _text(cards)


def test_state_callback_updates_year_menu_disabled_filters_and_hints(services):
    state = es.ExploreState("graduandos_matematica", 2017)
    out = outputs_for(state, [], ids.F_INDICADOR, services, "es")
    n = len(ids.FILTER_IDS) + 2  # store and search come first
    years, _desde, _hasta, no_nivel, no_sector, *hints, notices = out[n + 7:]
    assert [o["value"] for o in years] == ["2019", "2018", "2017", "2016", "2015"]
    assert (no_nivel, no_sector) == (True, True)
    assert len(hints) == len(ids.HINT_KEYS) and "2015–2019" in hints[0]
    assert notices is None


def test_api_uses_the_indicators_own_years(real_settings):
    client = create_app(real_settings).server.test_client()
    body = client.get("/api/v1/indicators?indicador=alfabetismo&depto=13").get_json()
    assert body["filters"]["anio"] == "2018" and len(body["data"]) > 10
    bad = client.get("/api/v1/indicators?indicador=graduandos_lectura&anio=2024")
    assert bad.status_code == 400 and bad.get_json()["error"]["param"] == "anio"


@pytest.mark.parametrize("topic", CENSUS_TOPICS)
def test_census_categories_are_worded_not_codes(services, topic):
    vc = ViewContext(es.ExploreState("alfabetismo", 2018, depto=13), "es", services.warehouse)
    view = census_view(vc, topic)
    categories = list(view.table.iloc[:, 0])
    assert len(categories) >= 3 and not any("_" in c for c in categories), categories
