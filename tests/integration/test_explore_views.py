"""The explore page on the demo release: layout from a URL, state reducer, every chart view."""

from __future__ import annotations

import pytest
from component_support import find

from callbacks.explore import card_outputs, download, map_outputs
from callbacks.explore_controls import action_for
from callbacks.pages import load_explore
from dashboard.explore import state as es
from dashboard.explore.catalog import catalog
from dashboard.explore.map_view import map_view
from dashboard.explore.real_data import census_view, graduandos_view
from dashboard.explore.reducer import ControlsChanged, next_state
from dashboard.explore.view_context import ViewContext
from dashboard.explore.views import BUILDERS
from dashboard.services import Services
from layouts import explore
from layouts.context import PageContext
from layouts.ids import explore as ids


@pytest.fixture(scope="module")
def services(demo_settings):
    return Services.build(demo_settings)


def explore_page(services, lang: str, search: str):
    """The explore page's first render: its loader, then its pure layout."""
    ctx = PageContext.build(lang, search)
    return explore.layout(ctx, load_explore(services, ctx))


def ctx(services, lang="es", **kw):
    state = es.ExploreState(indicador=kw.pop("indicador", "desercion"), anio=2023, **kw)
    return ViewContext(state=state, lang=lang, warehouse=services.warehouse)




def test_layout_is_built_from_the_url_and_shows_notices(services):
    search = "?indicador=promocion&anio=2020&depto=5&nivel=primaria&bad=1&muni=1"
    page = explore_page(services, "es", search)
    store = find(page, ids.STATE).data
    assert store["state"]["depto"] == 5 and store["state"]["nivel"] == "primaria"
    assert store["search"].startswith("?indicador=promocion&anio=2020&depto=5")
    assert find(page, ids.F_DEPTO).value == "5"
    notices = str(find(page, ids.NOTICES).to_plotly_json())
    assert "bad" in notices and "muni=1" in notices


@pytest.mark.parametrize("chart", list(BUILDERS))
@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_chart_view_has_title_figure_table_and_summary(services, chart, lang):
    view = BUILDERS[chart](ctx(services, lang, depto=13, nivel="basico", comparar=(13, 1)))
    assert view.title and view.summary and "data" in view.figure
    assert not view.table.empty
    if chart == "ranking":
        assert len(view.table) == len(services.warehouse.municipalities(13))


@pytest.mark.parametrize(
    "indicador",
    [
        "matricula",
        "ipg",
        "alumnos_docente",
        "cobertura_bruta",
        "docentes",
        "alfabetismo",
        "graduandos_lectura",
    ],
)
def test_every_indicator_renders_without_errors(services, indicador):
    c = ctx(services, indicador=indicador, depto=1)
    for builder in BUILDERS.values():
        builder(c)
    map_view(c, None)


def test_impossible_combination_is_an_empty_state_not_an_error(services):
    view = BUILDERS["grado"](ctx(services))  # no level chosen
    assert view.figure["data"] == [] and "nivel" in view.summary


def test_map_sends_geometry_once_then_a_patch(services):
    c = ctx(services, depto=13)
    full = map_view(c, None)
    assert "geojson" in full.figure["data"][0] and full.geometry_key == "muni-13"
    again = map_view(c, "muni-13")
    assert "geojson" not in str(again.figure.to_plotly_json())


def test_real_data_views_follow_the_place_or_say_they_are_missing(services):
    c = ctx(services, depto=13)
    for view in (census_view(c, "alfabetismo"), graduandos_view(c)):
        assert view.title and view.summary


def test_reducer_map_click_breadcrumb_and_url(services):
    cat = catalog(services.warehouse)
    current = es.ExploreState("desercion", 2023)

    def step(trigger, state, click=None, search=None):
        return next_state(action_for(trigger, [], click, search), state, cat)

    state, _ = step(ids.MAP, current, {"points": [{"location": 13}]})
    assert (state.depto, state.muni) == (13, None)
    state, _ = step(ids.MAP, state, {"points": [{"location": 1302}]})
    assert (state.depto, state.muni) == (13, 1302)
    state, _ = step(ids.BREADCRUMB_DEPTO, state)
    assert (state.depto, state.muni) == (13, None)
    state, _ = step(ids.BREADCRUMB_HOME, state)
    assert state.depto is None
    state, notices = step(ids.URL, state, search="?depto=7&x=<b>")
    assert state.depto == 7 and [n.param for n in notices] == ["x"]
    hostile, _ = step(ids.MAP, state, {"points": [{"location": "1; DROP"}]})
    assert hostile == state


def test_reducer_from_controls_resets_municipality_on_new_department(services):
    cat = catalog(services.warehouse)
    current = es.ExploreState("desercion", 2023, depto=13, muni=1302)
    controls = ["desercion", "2023", "", "", "5", "1302", "", "", "", "", "rate", [], "mapa"]
    action = action_for(ids.F_DEPTO, controls, None, None)
    assert action == ControlsChanged(dict(zip(es.KEYS, controls, strict=True)), "depto")
    state, _ = next_state(action, current, cat)
    assert (state.depto, state.muni) == (5, None)


def test_map_cards_and_download_callbacks(services):
    store = {"state": es.ExploreState("desercion", 2023, depto=13).to_json()}
    out = map_outputs(store, None, "es", services)
    assert "Huehuetenango" in out[0] and out[4] == "muni-13"
    cards_children, definition, badge = card_outputs(store, "en", services)
    assert badge.children == "Demo data"
    assert "In Huehuetenango" in str(cards_children) or "Huehuetenango" in str(cards_children)
    assert definition
    result = download("ranking", store, "es", None, services)
    assert result["filename"].endswith(".zip") and result["base64"] is True


@pytest.mark.parametrize(
    "junk",
    [
        None,
        "x",
        3.5,
        ["' OR 1=1 --"],
        {"state": "<script>"},
        {"state": {"depto": {"a": 1}, "anio": [1], "comparar": "1,99"}},
    ],
)
def test_hostile_store_values_fall_back_to_a_valid_view(services, junk):
    from callbacks.explore import view_context

    vc = view_context(junk, "es", services)
    vc.state.to_query()
    assert vc.state.depto is None
