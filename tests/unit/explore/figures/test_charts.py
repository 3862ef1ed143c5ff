"""Chart builders on hand-made frames: series, order, marks, empty states."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from dashboard.core.chart_style import empty_figure, fmt_value
from dashboard.explore.figures import charts, real

EMPTY = "No hay datos para esta combinación de filtros."


def test_trend_draws_total_and_both_sexes_with_gaps_for_suppressed():
    frame = pd.DataFrame(
        {
            "anio": [2022, 2022, 2022, 2023, 2023, 2023],
            "sexo": ["T", "F", "M"] * 2,
            "numerador": [10, 5, 5, 12, np.nan, 8],
            "denominador": [100, 50, 50, 100, np.nan, 50],
            "valor": [0.1, 0.1, 0.1, 0.12, np.nan, 0.16],
            "suprimido": [False, False, False, False, True, False],
        }
    )
    fig = charts.trend(
        frame,
        unit="pct",
        series_names={"T": "Total", "F": "Mujeres", "M": "Hombres"},
        value_label="Tasa",
        empty=EMPTY,
    )
    assert [t["name"] for t in fig["data"]] == ["Total", "Mujeres", "Hombres"]
    assert fig["data"][1]["y"] == [0.1, None]
    assert fig["data"][0]["x"] == [2022, 2023]
    assert fig["layout"]["yaxis"]["tickformat"] == ".0%"
    json.dumps(fig)


def test_empty_frames_give_the_empty_state_not_an_error():
    none = pd.DataFrame({"anio": [2023], "sexo": ["T"], "valor": [np.nan], "suprimido": [True]})
    for fig in (
        charts.trend(none, unit="pct", series_names={}, value_label="", empty=EMPTY),
        charts.bars(
            pd.DataFrame(columns=["categoria", "valor"]),
            unit="pct",
            labels={},
            value_label="",
            empty=EMPTY,
        ),
        charts.ranking(
            pd.DataFrame(columns=["code", "nombre", "valor"]),
            unit="pct",
            value_label="",
            national=None,
            national_label="",
            empty=EMPTY,
        ),
        charts.compare(
            pd.DataFrame(columns=["code", "nombre", "anio", "valor"]),
            unit="pct",
            value_label="",
            empty=EMPTY,
            places=[1, 2],
        ),
    ):
        assert fig["data"] == []
        assert "combinación" in fig["layout"]["annotations"][0]["text"]


def test_breakdown_bars_follow_the_given_order_and_labels():
    frame = pd.DataFrame(
        {
            "categoria": ["basico", "primaria"],
            "valor": [0.05, 0.02],
            "numerador": [5, 2],
            "denominador": [100, 100],
            "suprimido": [False, False],
        }
    )
    fig = charts.bars(
        frame,
        unit="pct",
        labels={"primaria": "Primaria", "basico": "Básico"},
        value_label="Tasa",
        empty=EMPTY,
        order=["primaria", "basico"],
    )
    assert fig["data"][0]["y"] == ["Primaria", "Básico"]
    assert fig["data"][0]["text"] == ["2.0\u00a0%", "5.0\u00a0%"]


def test_ranking_sorts_highest_first_marks_national_and_selected():
    frame = pd.DataFrame(
        {
            "code": [1, 2, 3],
            "nombre": ["A", "B", "C"],
            "valor": [0.02, 0.07, np.nan],
            "suprimido": [False, False, True],
        }
    )
    fig = charts.ranking(
        frame,
        unit="pct",
        value_label="Tasa",
        national=0.04,
        national_label="Promedio nacional",
        empty=EMPTY,
        selected=1,
    )
    bar = fig["data"][0]
    assert bar["y"] == ["B", "A", "C"] and bar["x"] == [0.07, 0.02, None]
    assert bar["marker"]["color"][1] != bar["marker"]["color"][0]  # A (selected) stands out
    assert fig["layout"]["shapes"][0]["x0"] == 0.04
    assert "Promedio nacional: 4.0\u00a0%" in fig["layout"]["annotations"][0]["text"]


def test_compare_builds_small_multiples_on_one_scale():
    rows = [
        (code, name, year, v)
        for code, name in ((1, "Guatemala"), (13, "Huehuetenango"))
        for year, v in ((2022, 0.03 if code == 1 else 0.06), (2023, 0.04 if code == 1 else 0.08))
    ]
    frame = pd.DataFrame(rows, columns=["code", "nombre", "anio", "valor"])
    fig = charts.compare(frame, unit="pct", value_label="Tasa", empty=EMPTY, places=[13, 1])
    assert [t["name"] for t in fig["data"]] == ["Huehuetenango", "Guatemala"]
    assert fig["layout"]["yaxis"]["range"] == fig["layout"]["yaxis2"]["range"]
    assert fig["layout"]["xaxis"]["domain"][1] < fig["layout"]["xaxis2"]["domain"][0]


def test_graduandos_marks_2015_as_computed_differently():
    frame = pd.DataFrame(
        {
            "anio": [2015, 2016],
            "lectura_pct": [30.0, 35.0],
            "matematica_pct": [10.0, 12.0],
            "metodo_distinto": [True, False],
        }
    )
    fig = real.graduandos(
        frame,
        names={"lectura_pct": "Lectura", "matematica_pct": "Matemática"},
        axis_title="%",
        note_2015="2015 *",
        empty=EMPTY,
    )
    assert fig["data"][0]["marker"]["color"][0] == "#ffffff"  # hollow marker for 2015
    assert fig["layout"]["annotations"][0]["text"] == "2015 *"


def test_values_are_formatted_per_unit_and_language():
    assert fmt_value(0.0612, "pct", "es") == "6.1\u00a0%"
    assert fmt_value(1234567, "count", "en") == "1,234,567"
    assert fmt_value(0.987, "index", "es") == "0.99"
    assert fmt_value(None, "pct", "es") == "—"
    assert empty_figure("x")["layout"]["annotations"][0]["text"] == "x"


def test_fast_number_formatting_matches_babel_for_both_languages():
    from dashboard.core.chart_style import number
    from dashboard.core.i18n import fmt_number, fmt_percent

    for lang in ("es", "en"):
        for value in (0, 7, 1234, 1234567.891, 0.5, 99.95):
            for decimals in (0, 1, 2):
                assert number(value, lang, decimals) == fmt_number(value, lang, decimals)
        assert fmt_value(0.0612, "pct", lang) == fmt_percent(0.0612, lang, 1)
