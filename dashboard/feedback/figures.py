"""Pure builders for "what citizens ask about": labelled counts → bar figure and table rows.

Labels are resolved here (type names, department names, indicator names) so the chart and the
table behind it always say the same thing, in the visitor's language.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from dashboard.core import indicators, places
from dashboard.core.i18n import fmt_number, t

DIMENSIONS: tuple[str, ...] = ("tipo", "depto", "indicador", "mes")


def label(dim: str, value: Any, lang: str) -> str:
    """Human label of one aggregate key (falls back to the raw value, never fails)."""
    if dim == "tipo":
        return t(f"participa.tipo.{value}", lang)
    if dim == "depto":
        deptos = places.departments()
        names = dict(zip(deptos["depto"], deptos["nombre"], strict=True))
        return str(names.get(int(value), value))
    if dim == "indicador" and value in indicators.INDICATORS:
        return indicators.INDICATORS[value].name(lang)
    return str(value)


def labelled(dim: str, rows: list[tuple[Any, int]], lang: str) -> list[tuple[str, int]]:
    return [(label(dim, value, lang), int(count)) for value, count in rows]


def bar_figure(dim: str, rows: list[tuple[Any, int]], lang: str) -> go.Figure:
    """Horizontal bars (long Spanish labels stay readable at 360 px); months as columns."""
    pairs = labelled(dim, rows, lang)
    names = [p[0] for p in pairs]
    counts = [p[1] for p in pairs]
    axis = t("participa.chart.count", lang)
    if dim == "mes":
        trace = go.Bar(x=names, y=counts, marker_color="#0b5ed7",
                       hovertemplate="%{x}: %{y}<extra></extra>")
        layout = {"xaxis": {"type": "category"}, "yaxis": {"title": {"text": axis}}}
    else:
        trace = go.Bar(y=names[::-1], x=counts[::-1], orientation="h", marker_color="#0b5ed7",
                       hovertemplate="%{y}: %{x}<extra></extra>")
        layout = {"xaxis": {"title": {"text": axis}}, "yaxis": {"automargin": True}}
    figure = go.Figure(trace)
    figure.update_layout(title={"text": t(f"participa.chart.{dim}", lang)},
                         margin={"l": 10, "r": 10, "t": 40, "b": 40},
                         height=max(220, 40 + 28 * len(pairs)), **layout)
    return figure


def table_rows(dim: str, rows: list[tuple[Any, int]], lang: str) -> list[tuple[str, str]]:
    return [(name, fmt_number(count, lang)) for name, count in labelled(dim, rows, lang)]
