"""Indicators whose tables the served release lacks are offered as "not published yet".

The demo release has no census or graduandos tables: their indicators must not draw empty
charts. The menu shows them disabled with a suffix, and a URL asking for one falls back to
the default indicator with the usual visible notice.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

import pytest

from dashboard.core import indicators
from dashboard.explore import catalog as explore_catalog
from dashboard.explore import state as es
from dashboard.explore.catalog import Catalog, IndicatorInfo
from dashboard.explore.reducer import ControlsChanged, next_state
from layouts import explore_filters as ef
from layouts.explore import notices_block

REAL = ("alfabetismo", "graduandos_lectura", "graduandos_matematica")
CATALOG = Catalog(
    indicators={
        k: IndicatorInfo(
            i.measures,
            frozenset(i.dims),
            (2018,) if k == "alfabetismo" else (),
            available=i.origin == "demo",
        )
        for k, i in indicators.INDICATORS.items()
    },
    years=tuple(range(2015, 2025)),
    munis=frozenset({101, 1301}),
)
DEMO_TABLES = {"fact_matricula", "fact_docentes", "fact_poblacion", "dim_anio"}


def parse(search: str):
    return es.parse(parse_qs(search.lstrip("?")), CATALOG)


def text_of(node) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list | tuple):
        return " ".join(text_of(n) for n in node)
    return text_of(getattr(node, "children", None) or "")


def test_availability_follows_the_release_tables_and_values():
    alfa, lectura = indicators.get("alfabetismo"), indicators.get("graduandos_lectura")
    assert explore_catalog.is_available(indicators.get("desercion"), DEMO_TABLES, ())
    assert not explore_catalog.is_available(alfa, DEMO_TABLES, (2018,))
    assert explore_catalog.is_available(alfa, DEMO_TABLES | {"censo_alfabetismo"}, (2018,))
    with_table = DEMO_TABLES | {"resultados_graduandos"}
    assert explore_catalog.is_available(lectura, with_table, (2015, 2019))
    assert not explore_catalog.is_available(lectura, with_table, ())  # table without values
    assert CATALOG.is_available("desercion") and not CATALOG.is_available("alfabetismo")
    assert not CATALOG.is_available("no_such_indicator")


@pytest.mark.parametrize("key", REAL)
def test_explore_url_asking_for_an_unpublished_indicator_falls_back_with_a_notice(key):
    state, notices = parse(f"?indicador={key}&depto=13")
    assert (state.indicador, state.anio, state.depto) == ("desercion", 2024, 13)
    assert notices == [es.Notice("indicador", key, "not_published", "desercion")]
    for lang, words in (("es", "aún no está publicado"), ("en", "not published yet")):
        shown = text_of(notices_block(notices, lang))
        assert f"indicador={key}" in shown and words in shown, shown


def test_explore_a_stored_unpublished_indicator_is_not_kept():
    stored = es.ExploreState("alfabetismo", 2018).to_json()
    assert es.from_json(stored, CATALOG).indicador == "desercion"
    state, notices = es.normalize(es.ExploreState("alfabetismo", 2018), CATALOG)
    assert state.indicador == "desercion"
    assert [n.reason for n in notices] == ["not_published"]


def test_explore_a_forged_menu_choice_of_an_unpublished_indicator_is_refused():
    current = es.ExploreState("desercion", 2024)
    values = dict(zip(es.KEYS, ef.control_values(current), strict=True))
    action = ControlsChanged({**values, "indicador": "graduandos_lectura"}, "indicador")
    state, notices = next_state(action, current, CATALOG)
    assert state.indicador == "desercion"
    assert [n.reason for n in notices] == ["not_published"]


@pytest.mark.parametrize(("lang", "suffix"), [("es", "(aún no publicado)"),
                                              ("en", "(not published yet)")])
def test_explore_menu_disables_unpublished_indicators_with_a_suffix(lang, suffix):
    options = {o["value"]: o for o in ef.indicator_options(lang, CATALOG)}
    assert list(options) == list(indicators.INDICATORS)
    for key in REAL:
        assert options[key]["disabled"] is True
        assert options[key]["label"] == f"{indicators.get(key).name(lang)} {suffix}"
    assert not options["desercion"].get("disabled")
    assert options["desercion"]["label"] == indicators.get("desercion").name(lang)


def test_explore_menu_labels_published_real_indicators_with_their_origin():
    published = Catalog(
        indicators={k: replace(v, available=True) for k, v in CATALOG.indicators.items()},
        years=CATALOG.years,
        munis=CATALOG.munis,
    )
    options = {o["value"]: o for o in ef.indicator_options("es", published)}
    assert options["alfabetismo"]["label"].endswith("(Datos reales: INE)")
    assert not any(o.get("disabled") for o in options.values())

