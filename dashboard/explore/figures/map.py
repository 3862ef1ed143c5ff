"""The choropleth of one indicator over departments or one department's municipalities.

Drawn as a plotly ``choropleth`` on an SVG ``geo`` subplot with every base layer hidden: the
boundaries are our own GeoJSON, so nothing is fetched from a tile server or CDN, no WebGL is
needed (old phones, headless browsers) and the plotly.js bundle stays ~0.5 MB gzip lighter than
a maplibre ``choroplethmap`` (see assets/vendor/README.md).

Two traces share the geometry: ``base`` paints every place in the no-data or suppressed colour,
``values`` paints the places that have a number on top of it. Only the geometry is big, so a
change of filters sends ``recolour_patch`` (colours, hover texts, colour scale) and keeps the
geometry already in the browser; ``uirevision`` is the geometry key, so zoom and pan survive
recolouring and reset only when the map drills to another area.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from dash import Patch

from dashboard.core.chart_style import (
    BASE_LAYOUT,
    NO_DATA,
    NTICKS,
    SUPPRESSED,
    Figure,
    axis_format,
    fmt_value,
    is_missing,
    number,
)

GEOMETRY_KEYS = frozenset({"geojson", "locations", "featureidkey", "type", "name"})
SEQUENTIAL_SCALE = [  # viridis, reversed: light = low, dark = high (reads well on white)
    [0.0, "#fde725"],
    [0.25, "#5ec962"],
    [0.5, "#21918c"],
    [0.75, "#3b528b"],
    [1.0, "#440154"],
]
DIVERGING_LOW = ["#b35806", "#f1a340", "#fee0b6"]  # PuOr: orange below parity
DIVERGING_HIGH = ["#d8daeb", "#998ec3", "#542788"]  # purple above parity
PARITY_COLOUR = "#f4f4f4"
MAP_HEIGHT = 460


@dataclass(frozen=True)
class MapText:
    """Every word the map shows, already in the page's language."""

    value_label: str
    numerator_label: str
    denominator_label: str
    no_data: str
    suppressed: str
    colorbar_title: str


@dataclass(frozen=True)
class Scale:
    """How values become colours: sequential, or diverging around ``center`` with a band."""

    unit: str
    center: float | None = None
    band: tuple[float, float] | None = None


def _status(row: Mapping[str, Any]) -> str:
    if bool(row.get("suprimido")):
        return "suppressed"
    return "none" if is_missing(row.get("valor")) else "value"


def _hover_rows(
    codes: list[int],
    names: Mapping[int, str],
    frame: pd.DataFrame,
    scale: Scale,
    text: MapText,
    lang: str,
) -> tuple[list[Any], list[list[str]], list[int]]:
    """Per feature: z for the value trace, hover texts, and base status (0 none, 1 suppressed)."""
    by_code = {int(r["code"]): r for r in frame.to_dict("records")} if len(frame) else {}
    z: list[Any] = []
    custom: list[list[str]] = []
    status: list[int] = []
    for code in codes:
        row = by_code.get(code, {})
        kind = _status(row)
        name = str(row.get("nombre") or names.get(code, code))
        if kind == "value":
            value = float(row["valor"])
            z.append(value)
            custom.append(
                [
                    name,
                    fmt_value(value, scale.unit, lang),
                    _count(row.get("numerador"), lang),
                    _count(row.get("denominador"), lang),
                ]
            )
        else:
            z.append(None)
            label = text.suppressed if kind == "suppressed" else text.no_data
            custom.append([name, label, "—", "—"])
        status.append(1 if kind == "suppressed" else 0)
    return z, custom, status


def _count(value: object, lang: str) -> str:
    return "—" if is_missing(value) else number(float(value), lang)  # type: ignore[arg-type]


def diverging_scale(
    values: list[float], center: float, band: tuple[float, float]
) -> tuple[list[list[Any]], float, float]:
    """Colour scale symmetric around ``center`` with a flat neutral band: (scale, min, max)."""
    spread = max([abs(v - center) for v in values] + [abs(band[1] - center) * 2, 0.05])
    zmin, zmax = center - spread, center + spread
    lo = (band[0] - zmin) / (zmax - zmin)
    hi = (band[1] - zmin) / (zmax - zmin)
    scale = [
        [0.0, DIVERGING_LOW[0]],
        [lo / 2, DIVERGING_LOW[1]],
        [lo, DIVERGING_LOW[2]],
        [lo, PARITY_COLOUR],
        [hi, PARITY_COLOUR],
        [hi, DIVERGING_HIGH[0]],
        [(1 + hi) / 2, DIVERGING_HIGH[1]],
        [1.0, DIVERGING_HIGH[2]],
    ]
    return scale, zmin, zmax


def _colour(values: list[float], scale: Scale) -> dict[str, Any]:
    if scale.center is not None and scale.band is not None:
        colorscale, zmin, zmax = diverging_scale(values, scale.center, scale.band)
        ticks = [round(v, 2) for v in (zmin, scale.band[0], scale.center, scale.band[1], zmax)]
        return {
            "colorscale": colorscale,
            "zmin": zmin,
            "zmax": zmax,
            "colorbar_ticks": {"tickvals": ticks, **axis_format(scale.unit)},
        }
    zmin = min(values) if values else 0.0
    zmax = max(values) if values else 1.0
    if zmax == zmin:
        zmax = zmin + (abs(zmin) * 0.01 or 1.0)
    # nticks bounds plotly's step from below, so tick_decimals' labels stay distinct.
    ticks = {"nticks": NTICKS, **axis_format(scale.unit, zmax - zmin)}
    return {"colorscale": SEQUENTIAL_SCALE, "zmin": zmin, "zmax": zmax, "colorbar_ticks": ticks}


def _traces(
    geojson: Mapping[str, Any],
    frame: pd.DataFrame,
    scale: Scale,
    text: MapText,
    lang: str,
    selected: int | None,
) -> list[dict[str, Any]]:
    codes = [f["id"] for f in geojson["features"]]
    names = {f["id"]: f["properties"]["nombre"] for f in geojson["features"]}
    z, custom, status = _hover_rows(codes, names, frame, scale, text, lang)
    colour = _colour([v for v in z if v is not None], scale)
    line_width = [2.5 if code == selected else 0.6 for code in codes]
    hover = (
        f"<b>%{{customdata[0]}}</b><br>{text.value_label}: %{{customdata[1]}}"
        f"<br>{text.numerator_label}: %{{customdata[2]}}"
        f"<br>{text.denominator_label}: %{{customdata[3]}}<extra></extra>"
    )
    common = {
        "geojson": geojson,
        "locations": codes,
        "featureidkey": "id",
        "customdata": custom,
        "hovertemplate": hover,
    }
    base = {
        **common,
        "type": "choropleth",
        "name": "base",
        "z": status,
        "zmin": 0,
        "zmax": 1,
        "showscale": False,
        "colorscale": [[0, NO_DATA], [0.5, NO_DATA], [0.5, SUPPRESSED], [1, SUPPRESSED]],
        "marker": {"line": {"color": "#ffffff", "width": 0.6}},
    }
    values = {
        **common,
        "type": "choropleth",
        "name": "values",
        "z": z,
        "colorscale": colour["colorscale"],
        "zmin": colour["zmin"],
        "zmax": colour["zmax"],
        "marker": {"line": {"color": "#ffffff", "width": line_width}},
        "colorbar": {
            "title": {"text": text.colorbar_title, "side": "right"},
            "thickness": 14,
            "len": 0.8,
            "outlinewidth": 0,
            **colour["colorbar_ticks"],
        },
    }
    return [base, values]


def choropleth(
    geojson: Mapping[str, Any],
    frame: pd.DataFrame,
    *,
    scale: Scale,
    text: MapText,
    lang: str,
    geometry_key: str,
    selected: int | None = None,
) -> Figure:
    """The full map (geometry included): sent when the page loads or the map drills."""
    return {
        "data": _traces(geojson, frame, scale, text, lang, selected),
        "layout": {
            **BASE_LAYOUT,
            "height": MAP_HEIGHT,
            "uirevision": geometry_key,
            "geo": {
                "visible": False,
                "fitbounds": "locations",
                "projection": {"type": "mercator"},
                "bgcolor": "rgba(0,0,0,0)",
                "showframe": False,
            },
            "meta": {"geometry": geometry_key},
        },
    }


def recolour_patch(
    geojson: Mapping[str, Any],
    frame: pd.DataFrame,
    *,
    scale: Scale,
    text: MapText,
    lang: str,
    selected: int | None = None,
) -> Patch:
    """Only what changes when filters change on the same geometry (a few kB, never polygons)."""
    patch = Patch()
    for i, trace in enumerate(_traces(geojson, frame, scale, text, lang, selected)):
        for key, value in trace.items():
            if key not in GEOMETRY_KEYS:
                patch["data"][i][key] = value
    return patch
