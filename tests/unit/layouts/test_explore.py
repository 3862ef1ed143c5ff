"""The explore page's first render from hand-made data: no warehouse, no server."""

from __future__ import annotations

import pandas as pd
from component_support import find
from dash import html
from layout_support import manifest, snapshot, text, tree

from dashboard.core import indicators
from dashboard.explore import state as es
from dashboard.explore.catalog import Catalog, IndicatorInfo, Reference
from layouts import explore
from layouts.context import PageContext
from layouts.ids import explore as ids
from layouts.ids import tracker as tids
from layouts.progress_panel import progress_panel

CATALOG = Catalog(
    indicators={k: IndicatorInfo(i.measures, frozenset(i.dims), available=i.origin == "demo")
                for k, i in indicators.INDICATORS.items()},
    years=(2023, 2024),
    munis=frozenset({1301, 1302}),
)
REFERENCE = Reference(
    years=(2023, 2024),
    departments=pd.DataFrame({"depto": [13], "nombre": ["Huehuetenango"], "region": ["VII"]}),
    municipalities=pd.DataFrame({"muni": [1301, 1302], "depto": [13, 13],
                                 "nombre": ["Huehuetenango", "Chiantla"]}),
    catalog=CATALOG,
)
STATE = es.ExploreState("desercion", 2023, depto=13, muni=1302)
NOTICE = es.Notice("depto", "99", "invalid")


def page(lang: str = "es", progress=None, tables=("fact_matricula",), notices=()):
    data = explore.ExplorePage(REFERENCE, STATE, list(notices), manifest(*tables), progress)
    return explore.layout(PageContext.build(lang, ""), data)


def test_without_a_release_the_page_says_so():
    expected = html.Div([html.H1("Explorar datos"), html.P(
        "Todavía no hay datos publicados. Vuelva pronto.")])
    shown = explore.layout(PageContext.build("es", ""), None)
    assert tree(shown.children[0]) == tree(expected.children[0])
    assert len(shown.children) == 2 and find(shown, ids.STATE) is None


def test_the_store_and_the_controls_hold_the_loaded_view():
    shown = page()
    store = find(shown, ids.STATE).data
    assert store == {"state": STATE.to_json(), "search": es.to_search(STATE), "origin": "layout"}
    assert find(shown, ids.F_DEPTO).value == "13" and find(shown, ids.F_MUNI).value == "1302"
    assert find(shown, ids.NOTICES).children is None


def test_notices_from_the_loader_are_shown():
    shown = page(notices=[NOTICE])
    assert tree(find(shown, ids.NOTICES).children) == tree(explore.notices_block([NOTICE], "es"))


def test_the_progress_panel_shows_the_loaded_snapshot_or_says_it_is_unavailable():
    assert tree(find(page(), tids.PANEL)) == tree(progress_panel(None, "es"))
    snap = snapshot()
    assert tree(find(page(progress=snap), tids.PANEL)) == tree(progress_panel(snap, "es"))


def test_the_real_data_section_follows_the_manifest():
    assert "real-data-pending" in text(page())
    assert "real-data-pending" not in text(page(tables=("fact_matricula", "censo_alfabetismo")))
