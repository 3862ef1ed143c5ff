"""What each chart's download README says, on the demo release: an indicator chart describes
the indicator under its measure with the release's origin; a real-data chart (census,
graduandos) describes itself, follows only the place and is never labelled demo."""

from __future__ import annotations

import pandas as pd
from view_context_support import view_context as _ctx

from dashboard.core.i18n import t
from dashboard.explore import download_meta
from dashboard.explore.real_data import CENSUS_TOPICS
from dashboard.explore.view_context import ChartView

VIEW = ChartView("Título", {}, pd.DataFrame(), "")




def test_indicator_chart_describes_the_indicator_under_its_measure(warehouse):
    manifest = warehouse.manifest()
    meta = download_meta.chart_meta("map", _ctx(warehouse, depto=16), VIEW, manifest)
    assert meta.title == "Título" and meta.origen == "demo"
    assert meta.release_id == manifest.release_id
    assert (meta.numerator, meta.denominator) == ("Retirados", "Inscritos al inicio")
    assert ("Departamento", "16") in meta.filters
    assert meta.url == "/?indicador=desercion&anio=2023&depto=16"
    count = download_meta.chart_meta("map", _ctx(warehouse, medida="count"), VIEW, manifest)
    assert count.denominator == ""  # a count is divided by nothing
    per = download_meta.chart_meta("map", _ctx(warehouse, medida="per_1000"), VIEW, manifest)
    assert per.denominator == t("indicators.measure.per_1000", "es")


def test_without_a_release_the_id_is_a_dash(warehouse):
    meta = download_meta.chart_meta("trend", _ctx(warehouse, "en"), VIEW, None)
    assert meta.release_id == "—" and meta.lang == "en"


def test_census_chart_is_its_own_table_and_follows_only_the_place(warehouse):
    ctx = _ctx(warehouse, depto=16, nivel="primaria")
    meta = download_meta.chart_meta("census", ctx, VIEW, warehouse.manifest(), "alfabetismo")
    assert meta.origen == "real" and meta.numerator == "" and meta.denominator == ""
    assert meta.sources == ["—"]  # the demo release has no census table to name a source
    assert meta.filters == [("Departamento", "Alta Verapaz"),
                            (t("explore.census.tema", "es"), t("explore.census.alfabetismo", "es"))]
    assert meta.definition == t("explore.download.census.alfabetismo", "es")
    assert meta.notes[-1] == t("explore.download.real_follows_place", "es")
    unknown = download_meta.chart_meta("census", ctx, VIEW, warehouse.manifest(), "otro")
    assert unknown.definition == t(f"explore.download.census.{CENSUS_TOPICS[0]}", "es")


def test_graduandos_chart_states_its_method_and_the_2015_caveat(warehouse):
    ctx = _ctx(warehouse, "en", depto=16, muni=1601)
    meta = download_meta.chart_meta("graduandos", ctx, VIEW, warehouse.manifest())
    assert meta.filters == [("Municipality", "Cobán")]
    assert meta.notes[:2] == (t("explore.download.graduandos.method", "en"),
                              t("explore.graduandos.note_2015", "en"))
    assert meta.origen == "real"
