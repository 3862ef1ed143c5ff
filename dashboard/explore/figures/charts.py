"""Charts of the explorer: trend by sex, breakdown, ranking, comparison (small multiples).

Every builder takes the frame the query layer returned (suppressed values are NaN with
``suprimido`` true) plus words already translated, and returns a plain-dict figure. A frame
without any number gives the empty-state figure with the caller's message, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard.core.chart_style import (
    ACCENT,
    BASE_LAYOUT,
    GRID,
    MUTED,
    NTICKS,
    SERIES,
    SEX_COLOURS,
    Figure,
    axis_format,
    clean,
    empty_figure,
    fmt_value,
    hover_value_format,
    value_span,
    year_axis,
)

BAR_ROW_PX = 24
LABEL_MAX = 20  # longer place names are cut so a phone keeps room for the bars


def short_labels(names: Sequence[str], most: int = LABEL_MAX) -> list[str]:
    """Place names cut to ``most`` characters with an ellipsis (full name stays in the hover).

    On a 360 px phone "San Martín Sacatepéquez" took half the chart. A category axis merges
    equal labels, so if two cut names collide the full names are kept.
    """
    names = [str(n) for n in names]
    cut = [n if len(n) <= most else n[: most - 1].rstrip() + "…" for n in names]
    return cut if len(set(cut)) == len(set(names)) else names


def _has_values(frame: pd.DataFrame) -> bool:
    return len(frame) > 0 and bool(frame["valor"].notna().any())


def _value_axis(unit: str, title: str = "", span: float | None = None) -> dict[str, Any]:
    axis = {
        "gridcolor": GRID,
        "zeroline": False,
        "automargin": True,
        "nticks": NTICKS,  # tick_decimals assumes this bound
        **axis_format(unit, span),
    }
    if title:
        axis["title"] = {"text": title}
    return axis


def trend(
    frame: pd.DataFrame,
    *,
    unit: str,
    series_names: Mapping[str, str],
    value_label: str,
    empty: str,
    flagged_years: Sequence[int] = (),
) -> Figure:
    """One line per sex (T total, F, M) over the years; gaps where a value is suppressed.

    Years computed with a different method (``flagged_years``) get hollow markers and an
    asterisk on the axis.
    """
    if not _has_values(frame):
        return empty_figure(empty)
    fmt = hover_value_format(unit)
    flagged = {int(y) for y in flagged_years}
    traces = []
    for sexo in ("T", "F", "M"):
        part = frame[frame["sexo"] == sexo].sort_values("anio")
        if part.empty:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": series_names.get(sexo, sexo),
                "x": [int(a) for a in part["anio"]],
                "y": clean(list(part["valor"])),
                "line": {
                    "color": SEX_COLOURS[sexo],
                    "width": 3 if sexo == "T" else 2,
                    "dash": "solid" if sexo == "T" else ("dot" if sexo == "F" else "dash"),
                },
                "marker": {
                    "size": 7,
                    "symbol": {"T": "circle", "F": "diamond", "M": "square"}[sexo],
                    "color": [
                        "#ffffff" if int(a) in flagged else SEX_COLOURS[sexo] for a in part["anio"]
                    ],
                    "line": {"color": SEX_COLOURS[sexo], "width": 2},
                },
                "hovertemplate": f"%{{x}}: %{{y{fmt}}}<extra>{series_names.get(sexo, sexo)}"
                "</extra>",
                "connectgaps": False,
            }
        )
    return {
        "data": traces,
        "layout": {
            **BASE_LAYOUT,
            "height": 320,
            "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
            "xaxis": {
                "gridcolor": GRID,
                "automargin": True,
                **year_axis(frame["anio"], sorted(flagged)),
            },
            "yaxis": _value_axis(unit, value_label, value_span(list(frame["valor"]))),
            "legend": {"orientation": "h", "y": -0.18, "x": 0},
            "hovermode": "x unified",
        },
    }


def bars(
    frame: pd.DataFrame,
    *,
    unit: str,
    labels: Mapping[str, str],
    value_label: str,
    empty: str,
    order: Sequence[str] | None = None,
    lang: str = "es",
) -> Figure:
    """Horizontal bars for a breakdown (level, grade, sex, sector, area), in a fixed order."""
    if not _has_values(frame):
        return empty_figure(empty)
    rows = frame.copy()
    rows["categoria"] = rows["categoria"].astype(str)
    if order:
        rank = {c: i for i, c in enumerate(order)}
        rows = rows.sort_values("categoria", key=lambda s: s.map(lambda c: rank.get(c, 99)))
    names = [labels.get(c, c) for c in rows["categoria"]]
    values = clean(list(rows["valor"]))
    text = [fmt_value(v, unit, lang) for v in values]
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "y": names,
                "x": values,
                "text": text,
                "textposition": "auto",
                "marker": {"color": ACCENT},
                "hovertemplate": f"%{{y}}: %{{x{hover_value_format(unit)}}}<extra></extra>",
                "cliponaxis": False,
            }
        ],
        "layout": {
            **BASE_LAYOUT,
            "height": max(180, 60 + BAR_ROW_PX * len(names)),
            "xaxis": _value_axis(unit, value_label, value_span(values, from_zero=True)),
            "yaxis": {"autorange": "reversed", "automargin": True, "type": "category"},
            "bargap": 0.25,
        },
    }


def ranking(
    frame: pd.DataFrame,
    *,
    unit: str,
    value_label: str,
    national: float | None,
    national_label: str,
    empty: str,
    selected: int | None = None,
    lang: str = "es",
) -> Figure:
    """Places sorted by value (highest first), the selected one highlighted, national mark."""
    if not _has_values(frame):
        return empty_figure(empty)
    rows = frame.sort_values("valor", ascending=False, na_position="last")
    colours = [ACCENT if int(c) == selected else "#7aa6cf" for c in rows["code"]]
    values = clean(list(rows["valor"]))
    names = [str(n) for n in rows["nombre"]]
    xaxis = _value_axis(unit, value_label, value_span(values, from_zero=True))
    # A fixed range: plotly widens an autoranged axis until the national-average label fits
    # beside its line, which on a phone stretched 0-4 % to 0-11 % and squeezed the bars.
    top = max([v for v in values if v is not None] + ([national] if national is not None else []))
    if top > 0:
        xaxis["range"] = [0, top * 1.05]
    layout: dict[str, Any] = {
        **BASE_LAYOUT,
        "height": max(220, 70 + BAR_ROW_PX * len(rows)),
        "xaxis": xaxis,
        "yaxis": {"autorange": "reversed", "automargin": True, "type": "category"},
        "bargap": 0.2,
    }
    if national is not None:
        layout["shapes"] = [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": national,
                "x1": national,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#1f2a37", "width": 2, "dash": "dash"},
            }
        ]
        layout["annotations"] = [
            {
                "x": national,
                "xref": "x",
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                # The label runs from the line towards the middle of the plot, never off it.
                "xanchor": "right" if top > 0 and national > top / 2 else "left",
                "text": f"{national_label}: {fmt_value(national, unit, lang)}",
                "showarrow": False,
                "font": {"size": 12, "color": "#1f2a37"},
                "bgcolor": "rgba(255,255,255,0.85)",
            }
        ]
        layout["margin"] = {**BASE_LAYOUT["margin"], "t": 28}
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "y": short_labels(names),
                "x": values,
                "customdata": names,
                "marker": {"color": colours},
                "hovertemplate": (
                    f"%{{customdata}}: %{{x{hover_value_format(unit)}}}<extra></extra>"
                ),
            }
        ],
        "layout": layout,
    }


def compare(
    frame: pd.DataFrame, *, unit: str, value_label: str, empty: str, places: Sequence[int]
) -> Figure:
    """Small multiples: one panel per place (2-4), the same y scale so heights compare."""
    if not _has_values(frame) or not places:
        return empty_figure(empty)
    n = len(places)
    gap = 0.04
    width = (1 - gap * (n - 1)) / n
    top = float(frame["valor"].max()) * 1.1
    bottom = min(0.0, float(frame["valor"].min()))
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {
        **BASE_LAYOUT,
        "height": 300,
        "showlegend": False,
        "margin": {"l": 8, "r": 8, "t": 36, "b": 8},
        "annotations": [],
    }
    fmt = hover_value_format(unit)
    for i, code in enumerate(places):
        part = frame[frame["code"] == code].sort_values("anio")
        suffix = "" if i == 0 else str(i + 1)
        name = str(part["nombre"].iloc[0]) if len(part) else str(code)
        x0 = i * (width + gap)
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": [int(a) for a in part["anio"]],
                "y": clean(list(part["valor"])),
                "xaxis": f"x{suffix}",
                "yaxis": f"y{suffix}",
                "line": {"color": SERIES[i % len(SERIES)], "width": 2.5},
                "name": name,
                "hovertemplate": f"{name} %{{x}}: %{{y{fmt}}}<extra></extra>",
            }
        )
        layout[f"xaxis{suffix}"] = {
            "domain": [x0, x0 + width],
            "anchor": f"y{suffix}",
            "gridcolor": GRID,
            "automargin": True,
            **year_axis(frame["anio"], max_ticks=3),  # narrow panels: few whole years
        }
        layout[f"yaxis{suffix}"] = {
            **_value_axis(unit, value_label if i == 0 else "", top - bottom),
            "anchor": f"x{suffix}",
            "range": [bottom, top],
            "showticklabels": i == 0,
        }
        short = name if len(name) <= 12 else name[:11] + "…"  # panels are narrow on phones
        layout["annotations"].append(
            {
                "text": f"<b>{short}</b>",
                "x": x0 + width / 2,
                "xref": "paper",
                "y": 1.02,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12, "color": MUTED},
            }
        )
    return {"data": data, "layout": layout}
