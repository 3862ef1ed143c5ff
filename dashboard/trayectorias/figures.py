"""The flow chart of a cohort: each grade a stacked bar of the pupils who reach it.

A bar's segments add up to those who reach the grade: who go on to the next grade, who leave
school from it (in the grade, or passed and did not go on), who graduate from it; a dot marks
the repetitions spent in it. Plain dict figures (``core.chart_style``): no plotly.py
validation, no external assets, the same plotly.js bundle as the rest of the site.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.chart_style import BASE_LAYOUT, GRID, MUTED, SERIES, SUPPRESSED, Figure
from dashboard.core.i18n import t

SEGMENTS: tuple[tuple[str, str], ...] = (
    ("continuan", SERIES[0]), ("abandonan", SERIES[5]), ("graduados", SERIES[2]))


def grade_label(nivel: str, grado: int, lang: str) -> str:
    return t(f"tray.grade.{nivel}", lang, g=int(grado))


def segments(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per grade: ``continuan`` (reach of the next grade), ``abandonan`` (leave in the grade
    plus passed and did not go on), ``graduados``; NaN where the grade is hidden."""
    reach = frame["alcanzan"].to_numpy("float64")
    nxt = np.append(reach[1:], 0.0)
    leave = frame["abandonan"].to_numpy("float64") + \
        np.nan_to_num(frame["no_continuan"].to_numpy("float64"))
    grads = frame["graduados"].to_numpy("float64")
    going = np.where(np.isnan(reach) | np.isnan(nxt), np.nan, nxt)  # hidden: draw nothing
    return {"continuan": going, "abandonan": leave, "graduados": grads}


def flow_figure(frame: pd.DataFrame, lang: str = "es") -> Figure:
    """Stacked bars per grade (x) of the pupils per 1,000 entrants (y)."""
    labels = [grade_label(n, g, lang) for n, g in zip(frame["nivel"], frame["grado"],
                                                       strict=True)]
    parts = segments(frame)
    data: list[dict] = []
    for key, colour in SEGMENTS:
        values = parts[key]
        data.append({"type": "bar", "name": t(f"tray.{key}", lang), "x": labels,
                     "y": [None if np.isnan(v) else round(float(v), 1) for v in values],
                     "marker": {"color": colour},
                     "hovertemplate": "%{x}: %{y:,.1f}<extra>%{fullData.name}</extra>"})
    repeats = frame["repiten"].to_numpy("float64")
    data.append({"type": "scatter", "mode": "markers", "name": t("tray.repiten", lang),
                 "x": labels,
                 "y": [None if np.isnan(v) else round(float(v), 1) for v in repeats],
                 "marker": {"color": SUPPRESSED, "symbol": "diamond", "size": 9},
                 "hovertemplate": "%{x}: %{y:,.1f}<extra>%{fullData.name}</extra>"})
    layout = {**BASE_LAYOUT, "barmode": "stack", "height": 380,
              "margin": {"l": 48, "r": 8, "t": 8, "b": 96},
              "legend": {"orientation": "h", "y": -0.35, "x": 0},
              "xaxis": {"tickangle": -45, "fixedrange": True},
              "yaxis": {"title": {"text": t("tray.yaxis", lang), "font": {"color": MUTED}},
                        "gridcolor": GRID, "rangemode": "tozero", "fixedrange": True}}
    return {"data": data, "layout": layout}
