"""Small charts drawn on the server as inline SVG: a trend line and horizontal bars.

Pure functions from numbers to markup (escaped text, rounded coordinates), so a chart costs a
few hundred bytes, needs no JavaScript and prints as sharp as the text. Every chart has a
``<title>`` (its accessible name) and the page puts the same numbers in a table next to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

PALETTE: tuple[str, ...] = ("#1f5f99", "#b3541e", "#2e7d32")  # ≥ 4.5:1 on white
TEXT = "#222"
GRID = "#d0d0d0"
Format = Callable[[float], str]


@dataclass(frozen=True)
class Line:
    label: str
    points: tuple[tuple[int, float | None], ...]  # (year, value); None = gap


def _open(width: int, height: int, title: str, chart_id: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-labelledby="{chart_id}-t" class="chart">'
            f'<title id="{chart_id}-t">{escape(title)}</title>')


def _scale(lo: float, hi: float, out_lo: float, out_hi: float) -> Callable[[float], float]:
    span = (hi - lo) or 1.0
    return lambda v: out_lo + (v - lo) * (out_hi - out_lo) / span


def _runs(points: Sequence[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """Consecutive points with values (a missing or suppressed year breaks the line)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, y in points:
        if y is None:
            runs.append([])
        else:
            runs[-1].append((x, y))
    return [r for r in runs if r]


def line_chart(lines: Sequence[Line], *, title: str, fmt: Format, chart_id: str,
               width: int = 320, height: int = 160, zero: bool = True) -> str:
    """Lines over years, labelled at the first and last year, one colour per line."""
    years = sorted({x for line in lines for x, _ in line.points})
    values = [y for line in lines for _, y in line.points if y is not None]
    if not years or not values:
        return ""
    left, right, top, bottom = 8, width - 8, 22, height - 20
    lo = min(0.0, min(values)) if zero else min(values)
    hi = max(values)
    sx = _scale(years[0], years[-1], left + 4, right - 4) if len(years) > 1 else (
        lambda _v: (left + right) / 2)
    sy = _scale(lo, hi, bottom, top)
    parts = [_open(width, height, title, chart_id),
             f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{GRID}"/>',
             f'<text x="{left}" y="{height - 5}" font-size="11" fill="{TEXT}">{years[0]}</text>',
             f'<text x="{right}" y="{height - 5}" font-size="11" fill="{TEXT}" '
             f'text-anchor="end">{years[-1]}</text>']
    for i, line in enumerate(lines):
        colour = PALETTE[i % len(PALETTE)]
        for run in _runs(line.points):
            coords = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in run)
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                         f'stroke-width="2.5"/>')
            for x, y in (run[0], run[-1]):
                parts.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" '
                             f'fill="{colour}"/>')
        last = next(((x, y) for x, y in reversed(line.points) if y is not None), None)
        if last is not None:
            label = escape(f"{line.label} {fmt(last[1])}".strip())
            parts.append(f'<text x="{right}" y="{max(sy(last[1]) - 7, 11):.1f}" font-size="11" '
                         f'fill="{colour}" text-anchor="end">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(rows: Sequence[tuple[str, float | None]], *, title: str, fmt: Format,
              chart_id: str, width: int = 320, missing: str = "—",
              highlight: int | None = None) -> str:
    """One horizontal bar per row, the label above it and the value at its end."""
    if not rows:
        return ""
    step, bar = 34, 12
    height = step * len(rows) + 4
    values = [v for _, v in rows if v is not None]
    top = max(values) if values else 1.0
    scale = (width - 70) / (top or 1.0)
    parts = [_open(width, height, title, chart_id)]
    for i, (label, value) in enumerate(rows):
        y = i * step + 14
        colour = PALETTE[1] if i == highlight else PALETTE[0]
        parts.append(f'<text x="0" y="{y}" font-size="12" fill="{TEXT}">{escape(label)}</text>')
        length = max(value * scale, 1.0) if value is not None else 0.0
        if value is not None:
            parts.append(f'<rect x="0" y="{y + 4}" width="{length:.1f}" height="{bar}" '
                         f'fill="{colour}"/>')
        text = fmt(value) if value is not None else missing
        parts.append(f'<text x="{length + 4:.1f}" y="{y + 14}" font-size="11" '
                     f'fill="{TEXT}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)
