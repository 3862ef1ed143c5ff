"""Shared pieces of every figure: palette, fonts, value formatting and the empty state.

Figures are plain dicts (``{"data": [...], "layout": {...}}``): Dash serialises them directly,
which skips plotly.py's validation (the slowest part of building a figure) and keeps the
builders trivially testable.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any

from dashboard.core.i18n import PCT, normalize_lang

Figure = dict[str, Any]

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2a37"
MUTED = "#5b6675"
GRID = "#e3e7ec"
NO_DATA = "#c9ced5"  # mid grey: no data for this place
SUPPRESSED = "#565d68"  # dark slate, unlike any viridis/PuOr colour: hidden (n < 5)
ACCENT = "#0b5394"
SEX_COLOURS = {"T": "#1f2a37", "F": "#b5367a", "M": "#2a7ab0"}  # Okabe-Ito-like, CB-safe
SERIES = ("#0b5394", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00")

BASE_LAYOUT: dict[str, Any] = {
    "font": {"family": FONT, "color": INK, "size": 13},
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
    "hoverlabel": {"font": {"family": FONT}},
    "separators": ".,",
}

# Every graph's config starts here. plotly.js 4 adds a "Share chart..." button that uploads
# the figure to Plotly Cloud: a third-party upload the site must never offer (offline rule).
BASE_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["sendChartToCloud"],
}
CONFIG: dict[str, Any] = {  # charts: no mode bar (the table and download replace its tools)
    **BASE_CONFIG,
    "displayModeBar": False,
}
MAP_CONFIG: dict[str, Any] = {
    **BASE_CONFIG,
    "scrollZoom": False,
    "displayModeBar": True,
    "modeBarButtonsToRemove": ["sendChartToCloud", "select2d", "lasso2d", "toImage"],
}


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# Grouping and decimal marks per language. es_GT and en_US both write 1,234.5 (Babel's CLDR
# data agrees; tests/unit/test_figures_charts.py checks these against i18n.fmt_number), so the
# hot paths (hover texts of 340 places) use Python's formatting instead of Babel (~40 µs each).
_MARKS = {"es": (",", "."), "en": (",", ".")}


def number(value: float, lang: str, decimals: int = 0) -> str:
    """``i18n.fmt_number`` for the two site languages, ~50× faster."""
    group, point = _MARKS[normalize_lang(lang)]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


def fmt_value(value: float | None, unit: str, lang: str) -> str:
    """A value as people read it: 6.1 %, 23.4, 1,234 (em dash when missing or suppressed)."""
    if is_missing(value):
        return "—"
    number_ = float(value)  # type: ignore[arg-type]
    if unit == "pct":
        return f"{number(number_ * 100, lang, 1)}{PCT}"
    if unit == "count":
        return number(round(number_), lang)
    if unit == "index":
        return number(number_, lang, 2)
    return number(number_, lang, 1)


NTICKS = 7  # value axes and colour bars ask plotly for at most this many ticks


def tick_decimals(span: float | None, scale: float = 1.0, most: int = 3) -> int:
    """Decimals that keep every tick label distinct on an axis spanning ``span``.

    With at most ``NTICKS`` ticks plotly's step is a round number (1, 2 or 5 × 10^k) no
    smaller than span / NTICKS; the labels need that step's decimals, or a narrow range
    prints the same label twice ("5%, 5%, 4%, 4%"). ``scale`` converts to the shown unit
    (100 for percent).
    """
    if span is None or not math.isfinite(span) or span <= 0:
        return 0
    least = span * scale / NTICKS
    power = math.floor(math.log10(least))
    step = next(m * 10.0**power for m in (1, 2, 5, 10) if m * 10.0**power >= least * (1 - 1e-9))
    return max(0, min(most, -math.floor(math.log10(step) + 1e-9)))


def axis_format(unit: str, span: float | None = None) -> dict[str, Any]:
    """Tick format for a value axis or colour bar of this unit spanning ``span`` values."""
    if unit == "pct":
        return {"tickformat": f".{tick_decimals(span, 100)}%"}
    if unit == "index":
        return {"tickformat": f".{max(2, tick_decimals(span))}f"}
    if unit == "count":
        return {"tickformat": f",.{tick_decimals(span)}f"}
    return {"tickformat": f",.{max(1, tick_decimals(span))}f"}


def value_span(values: Sequence[object], *, from_zero: bool = False) -> float | None:
    """Range of the finite values (down to 0 for bars, which always start there)."""
    numbers = [float(v) for v in values if not is_missing(v)]  # type: ignore[arg-type]
    if not numbers:
        return None
    if from_zero:
        numbers.append(0.0)
    return max(numbers) - min(numbers)


def year_axis(years: Sequence[int], flagged: Sequence[int] = (), max_ticks: int = 6) -> dict:
    """Ticks on whole years only (a single year must not read "2017, 2018, 2018, 2019").

    Years with a different method get an asterisk; on long series every n-th year is
    labelled, always including the latest.
    """
    ordered = sorted({int(y) for y in years})
    step = max(1, math.ceil(len(ordered) / max_ticks))
    shown = ordered[::-1][::step][::-1]
    marked = set(flagged)
    return {
        "tickmode": "array",
        "tickvals": shown,
        "ticktext": [f"{y} *" if y in marked else str(y) for y in shown],
    }


def hover_value_format(unit: str) -> str:
    return {"pct": ":.1%", "index": ":.2f", "count": ":,.0f"}.get(unit, ":,.1f")


def clean(values: list[object]) -> list[float | None]:
    """Floats with NaN → None (valid JSON ``null``)."""
    return [None if is_missing(v) else float(v) for v in values]  # type: ignore[arg-type]


EMPTY_WRAP = 32


def empty_figure(message: str) -> Figure:
    """The empty state: no axes, one centred sentence (never an error)."""
    return {
        "data": [],
        "layout": {
            **BASE_LAYOUT,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "height": 220,
            "annotations": [
                {
                    # 32 characters fit the narrowest card (the census one, ~270 px on a
                    # 360 px phone); plotly never wraps annotation text by itself.
                    "text": "<br>".join(textwrap.wrap(message, EMPTY_WRAP)),
                    "showarrow": False,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                    "font": {"size": 14, "color": MUTED},
                }
            ],
        },
    }
