"""Figures of the real (non-demo) data: graduandos pass rates over the years.

Census charts reuse ``charts.bars`` (shares by category). The 2015 graduandos point is drawn
hollow and annotated because that year was computed with a different method.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.core.chart_style import BASE_LAYOUT, GRID, SERIES, Figure, clean, empty_figure
from dashboard.core.i18n import PCT


def graduandos(
    frame: pd.DataFrame, *, names: Mapping[str, str], axis_title: str, note_2015: str, empty: str
) -> Figure:
    """Reading and mathematics pass rates (0-100 %) by year; 2015 marked as not comparable."""
    if frame.empty or frame[["lectura_pct", "matematica_pct"]].isna().all().all():
        return empty_figure(empty)
    rows = frame.sort_values("anio")
    years = [int(a) for a in rows["anio"]]
    different = [bool(d) for d in rows["metodo_distinto"]]
    traces = []
    for i, column in enumerate(("lectura_pct", "matematica_pct")):
        colour = SERIES[i]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": names[column],
                "x": years,
                "y": clean(list(rows[column])),
                "line": {"color": colour, "width": 2.5},
                "marker": {
                    "size": 9,
                    "color": ["#ffffff" if d else colour for d in different],
                    "line": {"color": colour, "width": 2},
                    "symbol": "circle" if i == 0 else "square",
                },
                "hovertemplate": f"%{{x}}: %{{y:.1f}}{PCT}<extra>{names[column]}</extra>",
            }
        )
    layout = {
        **BASE_LAYOUT,
        "height": 320,
        "xaxis": {"dtick": 1, "gridcolor": GRID, "automargin": True},
        "yaxis": {
            "title": {"text": axis_title},
            "gridcolor": GRID,
            "ticksuffix": PCT,
            "rangemode": "tozero",
            "automargin": True,
        },
        "legend": {"orientation": "h", "y": -0.18, "x": 0},
    }
    if any(different):
        year = years[different.index(True)]
        layout["annotations"] = [
            {
                "x": year,
                "y": 1,
                "yref": "paper",
                "text": note_2015,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#5b6675"},
            }
        ]
        layout["margin"] = {**BASE_LAYOUT["margin"], "t": 30}
    return {"data": traces, "layout": layout}
