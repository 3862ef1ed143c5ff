"""An empty chart says so once and offers no table or download (demo release).

Before: the grade chart without a level showed its message in the figure and again in the
summary, and every empty chart still offered "Ver tabla de datos" and a download of nothing.
"""

from __future__ import annotations

import pytest
from component_support import find
from dash.exceptions import PreventUpdate

from callbacks.explore import build_view, chart_outputs, download, empty_outputs, map_outputs
from callbacks.pages import load_explore
from dashboard.explore import state as es
from dashboard.explore.catalog import catalog
from dashboard.explore.real_data import CENSUS_TOPICS
from dashboard.explore.view_context import ViewContext
from dashboard.services import Services
from layouts import explore
from layouts.context import PageContext
from layouts.ids import explore as ids

TOPIC = CENSUS_TOPICS[0]


@pytest.fixture(scope="module")
def services(demo_settings):
    return Services.build(demo_settings)


def explore_page(services, lang: str, search: str):
    """The explore page's first render: its loader, then its pure layout."""
    ctx = PageContext.build(lang, search)
    return explore.layout(ctx, load_explore(services, ctx))


def vc(services, **kw) -> ViewContext:
    return ViewContext(es.ExploreState("desercion", 2023, **kw), "es", services.warehouse)


def store(**kw) -> dict:
    return {"state": es.ExploreState("desercion", 2023, **kw).to_json()}




@pytest.mark.parametrize("chart", ["grado", "compare", "census", "graduandos"])
def test_explore_empty_view_hides_table_and_download_and_says_it_once(services, chart):
    view = build_view(chart, vc(services), TOPIC)
    _title, figure, summary, _table, summary_class, no_table, no_download = (
        chart_outputs(view, "es")
    )
    message = figure["layout"]["annotations"][0]["text"].replace("<br>", " ")
    assert message  # the figure shows the message ...
    assert "visually-hidden" in summary_class.split()  # ... the summary only to screen readers
    assert summary  # still there for assistive technology
    assert (no_table, no_download) == (True, True)
    with pytest.raises(PreventUpdate):  # a forged click downloads nothing
        download(chart, store(), "es", TOPIC, services)


@pytest.mark.parametrize("chart", ["ranking", "trend", "nivel"])
def test_explore_chart_with_data_keeps_table_and_download(services, chart):
    out = chart_outputs(build_view(chart, vc(services)), "es")
    assert out[4:] == ("chart-summary", False, False)


def test_explore_grado_with_a_level_has_its_table_again(services):
    out = chart_outputs(build_view("grado", vc(services, nivel="primaria")), "es")
    assert out[4:] == ("chart-summary", False, False)


def test_explore_map_outputs_carry_the_empty_state_too(services):
    out = map_outputs(store(depto=13), None, "es", services)
    assert out[-3:] == ("chart-summary", False, False)
    assert empty_outputs(build_view("census", vc(services), TOPIC))[1:] == (True, True)


def test_explore_every_chart_card_has_an_addressable_table_toggle(services):
    page = explore_page(services, "es", "?indicador=desercion")
    for chart in ids.CHARTS:
        details = find(page, ids.details(chart))
        assert details is not None and details.to_plotly_json()["type"] == "Details", chart
        assert find(details, ids.table(chart)) is not None
        actions = find(page, ids.actions(chart))
        assert actions is not None and find(actions, ids.download_button(chart)) is not None


def test_explore_chart_callbacks_have_exact_ids_only(services):
    """Hiding a download must not turn a chart callback into a pattern-matching one."""
    from callbacks.explore import empty_state_targets

    for chart in ids.CHARTS:
        assert all(isinstance(o.component_id, str) for o in empty_state_targets(chart)), chart


def test_explore_demo_release_marks_real_indicators_unpublished(services):
    cat = catalog(services.warehouse)
    assert cat.is_available("desercion") and cat.is_available("docentes")
    assert not any(cat.is_available(k) for k in ("alfabetismo", "graduandos_lectura"))
    page = explore_page(services, "en", "?indicador=alfabetismo&depto=5")
    menu = find(page, ids.F_INDICADOR)
    assert menu.value == "desercion"
    disabled = {o["value"] for o in menu.options if o.get("disabled")}
    assert disabled == {"alfabetismo", "poblacion_censo", "graduandos_lectura",
                        "graduandos_matematica"}
    assert "not published yet" in str(find(page, ids.NOTICES).children)
    assert find(page, ids.STATE).data["search"].startswith("?indicador=desercion&anio=")
