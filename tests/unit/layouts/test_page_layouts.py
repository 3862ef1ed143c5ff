"""What the UX review fixed, checked on the component trees and figures (no browser).

Honest real-data labels when the release lacks the census/graduandos tables, empty-state
text that fits a 360 px card, a ranking whose axis is not stretched by its own label,
planned *and* actual dates on each milestone card, table names in words, and the compliance
cells named for the phone layout.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
from dash.development.base_component import Component

from dashboard.core import indicators
from dashboard.core.chart_style import EMPTY_WRAP, empty_figure
from dashboard.explore.catalog import Catalog, IndicatorInfo
from dashboard.explore.figures import charts
from dashboard.releases import Manifest
from dashboard.tracker.compliance import compliance
from dashboard.tracker.data_promise import DataPromise
from dashboard.tracker.rules import DateReading, Plan, Update, current_state
from layouts.components import has_real_extras
from layouts.explore import _real_section
from layouts.opendata import _indicator_tables
from layouts.shell import demo_banner
from layouts.tracker_compliance import compliance_section
from layouts.tracker_milestones import milestone_card
from layouts.tracker_summary import data_section


def _walk(node: object) -> list[Component]:
    if isinstance(node, Component):
        return [node, *_walk(getattr(node, "children", None))]
    if isinstance(node, list | tuple):
        return [c for item in node for c in _walk(item)]
    return []


def _text(node: object) -> str:
    if isinstance(node, str | int | float):
        return str(node)
    if isinstance(node, Component):
        return _text(getattr(node, "children", None))
    if isinstance(node, list | tuple):
        return " ".join(_text(n) for n in node)
    return ""


def _manifest(*tables: str) -> Manifest:
    return Manifest(release_id="r1", created_at="2026-01-01T00:00:00Z",
                    tables={name: {"origin": "demo" if name.startswith("fact_") else "real"}
                            for name in tables})


DEMO_ONLY = _manifest("fact_matricula", "dim_departamento")
WITH_REAL = _manifest("fact_matricula", "dim_departamento", "censo_alfabetismo")


def test_ux001_banner_says_real_data_only_when_the_release_has_it() -> None:
    assert not has_real_extras(DEMO_ONLY) and has_real_extras(WITH_REAL)
    assert not has_real_extras(None)
    without = " ".join(_text(demo_banner(DEMO_ONLY, "es")).split())
    with_real = " ".join(_text(demo_banner(WITH_REAL, "es")).split())
    assert "son reales" not in without and "todavía no incluye" in without
    assert "son reales" in with_real
    assert "not yet include" in _text(demo_banner(DEMO_ONLY, "en"))


def test_ux002_real_section_without_tables_is_not_badged_real_and_has_no_cli_text() -> None:
    missing = _real_section("es", loaded=False)
    text = _text(missing)
    assert "Aún no disponibles" in text and "todavía no las incluye" in text
    assert "python -m" not in text
    assert "data-badge-real" not in [getattr(c, "className", "") for c in _walk(missing)]
    assert "real-data-pending" in missing.className
    assert "Datos reales: INE / MINEDUC" in _text(_real_section("es", loaded=True))


def _catalog(real_loaded: bool) -> Catalog:
    """A release's catalog in which the real indicators are (or are not) available."""
    infos = {k: IndicatorInfo(i.measures, frozenset(i.dims),
                              available=i.origin == "demo" or real_loaded)
             for k, i in indicators.INDICATORS.items()}
    return Catalog(indicators=infos, years=(2024,), munis=frozenset())


def test_ux003_opendata_offers_no_empty_real_downloads_before_import() -> None:
    pending = _indicator_tables("es", _catalog(real_loaded=False))
    hrefs = [getattr(c, "href", "") or "" for c in _walk(pending)]
    assert not any("alfabetismo" in h for h in hrefs)
    assert any("desercion" in h for h in hrefs)
    assert "aún no incluidos" in _text(pending)
    loaded = _indicator_tables("es", _catalog(real_loaded=True))
    assert any("alfabetismo" in (getattr(c, "href", "") or "") for c in _walk(loaded))


def test_ux004_empty_state_lines_fit_a_phone_card() -> None:
    msg = "Elija de 2 a 4 lugares en «Comparar lugares» para verlos lado a lado."
    lines = empty_figure(msg)["layout"]["annotations"][0]["text"].split("<br>")
    assert len(lines) > 1 and all(len(line) <= EMPTY_WRAP for line in lines)
    assert " ".join(lines) == msg


def test_ux005_ranking_range_ignores_its_label_and_keeps_full_names_in_hover() -> None:
    frame = pd.DataFrame({"code": [1, 2, 3],
                          "nombre": ["Concepción Chiquirichapa", "Zunil", "San Juan Ostuncalco"],
                          "valor": [0.037, 0.02, 0.015], "suprimido": [False] * 3})
    fig = charts.ranking(frame, unit="pct", value_label="Tasa", national=0.036,
                         national_label="Promedio nacional", empty="—", selected=None)
    low, high = fig["layout"]["xaxis"]["range"]
    assert low == 0 and 0.037 < high < 0.04
    assert fig["layout"]["annotations"][0]["xanchor"] == "right"
    bar = fig["data"][0]
    assert bar["y"][0] == "Concepción Chiquiri…" and len(bar["y"][0]) == charts.LABEL_MAX
    assert bar["customdata"][0] == "Concepción Chiquirichapa"
    assert "%{customdata}" in bar["hovertemplate"]


def test_ux006_short_labels_fall_back_to_full_names_when_cuts_collide() -> None:
    names = ["San Pedro Sacatepéquez", "San Pedro Sacatepéquez Norte"]
    assert charts.short_labels(names) == names
    assert charts.short_labels(["Zunil"]) == ["Zunil"]


def _plan() -> Plan:
    return Plan("4.1", {"es": "Diagnóstico", "en": "Assessment"}, "MINEDUC",
                (DateReading("orden_texto", date(2022, 2, 1), date(2022, 7, 31)),),
                date(2022, 2, 1), date(2022, 7, 31))


def test_ux007_milestone_card_shows_actual_period_next_to_planned() -> None:
    at = datetime(2022, 6, 1, 15, tzinfo=UTC)
    none = current_state(_plan(), [], date(2023, 3, 1))
    assert "Sin fecha real de inicio reportada" in _text(milestone_card(none, "es"))
    started = current_state(_plan(), [Update(1, "4.1", at, "Ana", "en_progreso", 30,
                                             inicio_real=date(2022, 3, 1))], date(2023, 3, 1))
    text = " ".join(_text(milestone_card(started, "en")).split())
    assert "Actual period" in text and "March 1, 2022 → not finished" in text


def test_ux008_data_promise_names_tables_in_words() -> None:
    datos = DataPromise(date(2022, 6, 1), date(2022, 12, 1), False, (date(2022, 6, 1),), "r1",
                        True, {"sexo": {"real": [], "demo": ["fact_matricula", "fact_docentes"]}})
    text = _text(data_section(datos, "es"))
    assert "fact_matricula" not in text and "Docentes" in text
    assert "(demostración)" not in text


def test_ux009_compliance_cells_carry_their_column_name_for_phones() -> None:
    checks = compliance([], [], date(2022, 1, 1), date(2023, 3, 1))
    cells = [c for c in _walk(compliance_section(checks, date(2022, 1, 1), "es"))
             if type(c).__name__ == "Td"]
    assert cells and all(getattr(c, "data-label", None) for c in cells)


def test_ux001b_banner_follows_each_tables_origin() -> None:
    generated_census = Manifest("r1", "2026-01-01T00:00:00Z",
                                tables={"fact_matricula": {"origin": "demo"},
                                        "censo_alfabetismo": {"origin": "demo"}})
    assert not has_real_extras(generated_census)
    real_enrolment = Manifest("r1", "2026-01-01T00:00:00Z", tables={
        "fact_matricula": {"origin": "real"}, "fact_docentes": {"origin": "demo"},
        "fact_poblacion": {"origin": "demo"}})
    text = " ".join(_text(demo_banner(real_enrolment, "es")).split())
    assert "las cifras de docentes y población son generadas" in text
    assert "Las cifras de matrícula son reales" in text
    assert "matrícula, docentes y población" not in text
