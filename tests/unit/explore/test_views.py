"""What each explorer chart shows, on the demo release: the ranking highest first, the trend's
total the sum of its sexes, a breakdown's values its own numerator over denominator, and the
charts that need a choice say so instead of drawing."""

from __future__ import annotations

import pytest
from view_context_support import view_context as _ctx

from dashboard.core.i18n import t
from dashboard.explore import views


def test_ranking_is_highest_first_and_names_its_extremes(warehouse):
    view = views.ranking_view(_ctx(warehouse, depto=16))
    values = view.table["Valor (%)"].dropna()
    assert values.is_monotonic_decreasing and len(values) > 2
    top, bottom = view.table.iloc[0], view.table.loc[values.index[-1]]
    assert view.summary.startswith(f"{top['Lugar']} tiene el valor más alto")
    assert f"y {bottom['Lugar']} el más bajo" in view.summary
    assert view.title == "Clasificación de municipios, 2023"


def test_trend_of_one_year_totals_its_sexes(warehouse):
    view = views.trend_view(_ctx(warehouse, desde=2020, hasta=2020))
    table = view.table.set_index("Sexo")
    assert list(table.index) == ["Total", "Mujeres", "Hombres"]
    assert table.loc["Total", "Retirados"] == table.loc["Mujeres", "Retirados"] + \
        table.loc["Hombres", "Retirados"]
    assert view.title.startswith("Por sexo, 2020")
    assert "2020, el único año con datos" in view.summary


def test_breakdown_values_are_numerator_over_denominator(warehouse):
    view = views.nivel_view(_ctx(warehouse, depto=16))
    table = view.table
    assert table["Categoría"].tolist() == ["Preprimaria", "Primaria", "Básico", "Diversificado"]
    expected = (table["Retirados"] / table["Inscritos al inicio"] * 100).round(2)
    assert table["Valor (%)"].tolist() == pytest.approx(expected.tolist(), abs=0.006)


def test_charts_that_need_a_choice_say_so(warehouse):
    grado = views.grado_view(_ctx(warehouse))
    assert grado.summary == t("explore.chart.grado_needs_nivel", "es") and grado.table.empty
    compare = views.compare_view(_ctx(warehouse, comparar=(16,)))
    assert compare.summary == t("explore.chart.compare_empty", "es")
    census = views.nivel_view(_ctx(warehouse, indicador="alfabetismo"))
    assert census.summary == t("explore.chart.no_breakdown", "es")


def test_compare_states_the_latest_year_of_each_place(warehouse):
    view = views.compare_view(_ctx(warehouse, comparar=(16, 1)))
    assert set(view.table["Código INE"]) == {1, 16}
    assert view.summary.startswith("En 2024: Alta Verapaz ")
    assert "Guatemala " in view.summary


def test_every_builder_is_listed():
    assert set(views.BUILDERS) == {"ranking", "trend", "nivel", "grado", "compare"}
