"""Tick labels never repeat: value axes and colour bars get enough decimals for their range.

A narrow range (dropout between 4.2 % and 5.1 %) used to print "5%, 5%, 4%, 4%" on the map's
colour bar and the trend's axis; a single census year printed "2017, 2018, 2018, 2019".
``plotly_ticks`` reproduces plotly.js's automatic linear ticks (autoTicks with ``nticks``:
the step is span / nticks rounded up to 2, 5 or 10 × 10^k) to check the labels a reader sees.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.core.chart_style import NTICKS, axis_format, tick_decimals, year_axis
from dashboard.explore.figures import charts
from dashboard.explore.figures import map as mapfig

GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "id": c, "properties": {"nombre": f"D{c}"},
         "geometry": {"type": "Point", "coordinates": [0, 0]}}
        for c in (1, 2, 3)
    ],
}
TEXT = mapfig.MapText("Tasa", "Num", "Den", "Sin datos", "Suprimido", "")


def plotly_ticks(low: float, high: float, nticks: int) -> list[float]:
    rough = (high - low) / nticks
    base = 10 ** math.floor(math.log10(rough))
    step = base * next(m for m in (2, 5, 10) if m >= rough / base - 1e-12)
    first = math.ceil(low / step - 1e-9) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def labels(fmt: str, ticks: list[float]) -> list[str]:
    """d3-format's ``.N%`` / ``,.Nf`` as Python renders them."""
    decimals = int(fmt.rstrip("%f").split(".")[-1])
    if fmt.endswith("%"):
        return [f"{v * 100:.{decimals}f}%" for v in ticks]
    return [f"{v:,.{decimals}f}" for v in ticks]


@pytest.mark.parametrize(
    "unit, low, high",
    [
        ("pct", 0.042, 0.051),
        ("pct", 0.04, 0.05),
        ("pct", 0.7, 0.702),
        ("pct", 0.1, 0.9),
        ("index", 0.97, 1.01),
        ("ratio", 21.3, 22.1),
        ("count", 3, 7),
        ("count", 1000, 90000),
    ],
)
def test_tick_labels_are_distinct_for_any_range(unit, low, high):
    fmt = axis_format(unit, high - low)["tickformat"]
    shown = labels(fmt, plotly_ticks(low, high, NTICKS))
    assert len(shown) >= 2 and len(set(shown)) == len(shown), (fmt, shown)


def test_wide_ranges_keep_whole_percent_labels():
    assert axis_format("pct", 0.5) == {"tickformat": ".0%"}
    assert axis_format("pct", 0.02) == {"tickformat": ".1%"}
    assert axis_format("pct") == {"tickformat": ".0%"}  # no range known: as before
    assert tick_decimals(0.0) == tick_decimals(float("nan")) == 0


def test_map_colour_bar_of_a_narrow_range_has_decimals():
    frame = pd.DataFrame({"code": [1, 2, 3], "nombre": ["a", "b", "c"], "numerador": [42, 47, 51],
                          "denominador": [1000] * 3, "valor": [0.042, 0.047, 0.051],
                          "suprimido": [False] * 3})
    fig = mapfig.choropleth(GEOJSON, frame, scale=mapfig.Scale("pct"), text=TEXT, lang="es",
                            geometry_key="depto")
    bar = fig["data"][1]["colorbar"]
    assert bar["nticks"] == NTICKS and bar["tickformat"] == ".1%"
    shown = labels(bar["tickformat"], plotly_ticks(0.042, 0.051, bar["nticks"]))
    assert len(set(shown)) == len(shown)


def test_trend_axis_of_a_narrow_range_and_a_single_year():
    frame = pd.DataFrame({"anio": [2018] * 3, "sexo": ["T", "F", "M"],
                          "numerador": [1, 1, 1], "denominador": [2, 2, 2],
                          "valor": [0.717, 0.664, 0.776], "suprimido": [False] * 3})
    fig = charts.trend(frame, unit="pct", series_names={}, value_label="", empty="-")
    assert fig["layout"]["xaxis"]["tickvals"] == [2018]  # not 2017, 2018, 2018, 2019
    narrow = frame.assign(anio=[2022, 2023, 2024], sexo="T", valor=[0.046, 0.044, 0.042])
    fig = charts.trend(narrow, unit="pct", series_names={}, value_label="", empty="-")
    assert fig["layout"]["yaxis"]["tickformat"] == ".1%"
    assert fig["layout"]["xaxis"]["tickvals"] == [2022, 2023, 2024]


def test_year_axis_thins_long_series_and_marks_flagged_years():
    axis = year_axis(range(2015, 2025))
    assert axis["tickvals"][-1] == 2024 and len(axis["tickvals"]) <= 6
    assert year_axis(range(2015, 2020), [2015])["ticktext"][0] == "2015 *"


def test_trend_draws_flagged_years_hollow():
    frame = pd.DataFrame({"anio": [2015, 2016], "sexo": ["T", "T"], "numerador": [None, None],
                          "denominador": [None, None], "valor": [0.157, 0.22],
                          "suprimido": [False, False]})
    fig = charts.trend(frame, unit="pct", series_names={}, value_label="", empty="-",
                       flagged_years=[2015])
    assert fig["data"][0]["marker"]["color"][0] == "#ffffff"
    assert fig["layout"]["xaxis"]["ticktext"] == ["2015 *", "2016"]
