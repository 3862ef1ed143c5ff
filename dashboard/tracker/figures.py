"""The tracker's timeline (Gantt) figure: planned periods, alternative readings, actual
periods and a line for today. Pure: states in, figure out (no I/O).

Bars on a date axis are drawn as durations (milliseconds) from a ``base`` date, the way
``plotly.express.timeline`` does it, but built from dicts to skip express's overhead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import plotly.graph_objects as go

from dashboard.core.i18n import fmt_date, t
from dashboard.tracker.rules import State

_DAY_MS = 86_400_000
TOP_MARGIN = 56  # room for the mode bar (~30 px) above the "Hoy" label
COLORS = {"planned": "#9ec5fe", "alt": "#ffe69c", "actual": "#0a3d91", "today": "#b02a37"}


def gantt_height(rows: int) -> int:
    """Pixel height of the timeline for ``rows`` milestones (placeholder and chart agree)."""
    return 90 + TOP_MARGIN - 32 + 48 * rows


def _span(start: date, end: date) -> int:
    return ((end - start).days + 1) * _DAY_MS


def actual_period(state: State, today: date) -> tuple[date, date] | None:
    """From the reported actual start to the actual end (or today while still open)."""
    cur = state.current
    if cur is None or cur.inicio_real is None:
        return None
    end = cur.fin_real or today
    return (cur.inicio_real, end) if end >= cur.inicio_real else None


def timeline_rows(states: Sequence[State], today: date) -> list[dict[str, object]]:
    """One row per bar: milestone, kind (planned/alt/actual), start, end."""
    rows: list[dict[str, object]] = []
    for state in states:
        plan = state.plan
        if plan.inicio_planificado and plan.fin_planificado:
            rows.append({"id": plan.id, "kind": "planned", "start": plan.inicio_planificado,
                         "end": plan.fin_planificado})
        else:
            for reading in plan.lecturas:
                if reading.inicio and reading.fin:
                    start, end = sorted((reading.inicio, reading.fin))
                    rows.append({"id": plan.id, "kind": "alt", "start": start, "end": end,
                                 "reading": reading.id, "valid": reading.valid,
                                 "as_read": (reading.inicio, reading.fin)})
        actual = actual_period(state, today)
        if actual:
            rows.append({"id": plan.id, "kind": "actual", "start": actual[0], "end": actual[1]})
    return rows


def _trace(rows: list[dict[str, object]], kind: str, lang: str, width: float) -> dict:
    names = {"planned": "tracker.timeline.planned", "alt": "tracker.timeline.alt",
             "actual": "tracker.timeline.actual"}
    picked = [r for r in rows if r["kind"] == kind]
    hover = [f"{t('tracker.milestone', lang)} {r['id']}: {fmt_date(r['start'], lang)} → "  # type: ignore[arg-type]
             f"{fmt_date(r['end'], lang)}" for r in picked]  # type: ignore[arg-type]
    trace = {
        "type": "bar", "orientation": "h", "name": t(names[kind], lang),
        "y": [r["id"] for r in picked], "base": [str(r["start"]) for r in picked],
        "x": [_span(r["start"], r["end"]) for r in picked],  # type: ignore[arg-type]
        "width": width, "marker": {"color": COLORS[kind]},
        "hovertext": hover, "hoverinfo": "text",
        "offsetgroup": "actual" if kind == "actual" else "plan",
    }
    if kind == "alt":
        trace["marker"]["pattern"] = {"shape": "/", "fgcolor": "#997404"}
    return trace


LEGEND_ALWAYS = ("planned", "actual")  # the legend explains these even with no bar yet
NO_BAR_NAMES = {"actual": "tracker.timeline.actual_none"}


def _legend_only(kind: str, lang: str, width: float) -> dict:
    """A swatch in the legend for a kind with no bar yet (draws nothing, no hover).

    Before any actual date is reported the legend would otherwise lose "Real", and a reader
    could not tell what the dark bars will mean; its name says none is reported yet. One
    null point, not an empty trace: plotly hides empty traces, legend entry included.
    """
    name = t(NO_BAR_NAMES.get(kind, f"tracker.timeline.{kind}"), lang)
    return {"type": "bar", "orientation": "h", "name": name, "y": [None], "x": [None],
            "width": width, "marker": {"color": COLORS[kind]}, "hoverinfo": "skip",
            "showlegend": True, "offsetgroup": "actual" if kind == "actual" else "plan"}


def gantt_figure(states: Sequence[State], today: date, lang: str) -> go.Figure:
    rows = timeline_rows(states, today)
    ids = [s.plan.id for s in states]
    traces: list[dict] = []
    for kind, width in (("planned", 0.7), ("alt", 0.7), ("actual", 0.35)):
        if any(r["kind"] == kind for r in rows):
            traces.append(_trace(rows, kind, lang, width))
        elif kind in LEGEND_ALWAYS:
            traces.append(_legend_only(kind, lang, width))
    starts = [r["start"] for r in rows] or [today]
    first = min(min(starts), today) - timedelta(days=31)  # type: ignore[type-var]
    fig = go.Figure({"data": traces, "layout": {
        "barmode": "overlay", "height": gantt_height(len(ids)),
        # The top margin keeps the "Hoy" label below the mode bar (plotly draws it in the top
        # ~30 px of the figure, over the plot's top-right corner).
        "margin": {"l": 48, "r": 16, "t": TOP_MARGIN, "b": 40},
        "xaxis": {"type": "date", "range": [str(first), str(today + timedelta(days=60))]},
        "yaxis": {"categoryorder": "array", "categoryarray": list(reversed(ids)),
                  "type": "category"},
        "legend": {"orientation": "h", "y": -0.15},
        "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": str(today),
                    "x1": str(today), "y0": 0, "y1": 1,
                    "line": {"color": COLORS["today"], "width": 2, "dash": "dot"}}],
        "annotations": [{"xref": "x", "yref": "paper", "x": str(today), "y": 1,
                         "yanchor": "bottom", "xanchor": "right", "showarrow": False,
                         "text": t("tracker.timeline.today", lang),
                         "font": {"color": COLORS["today"]}}],
        "uirevision": "tracker-gantt",
        "plot_bgcolor": "#ffffff",
    }})
    return fig
