"""Where a place is: a small locator map as inline SVG, and which places border it.

Built from the boundaries the explorer's maps already use (``core.geo``): the country shows
its departments, a department is highlighted among them, a municipality among the others of
its department. Coordinates are projected (longitude scaled by the cosine of the latitude) and
simplified to about a pixel of the drawing, so the whole map is a few kilobytes of markup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from html import escape
from typing import Any

import shapely
from shapely.geometry import shape

from dashboard.core import geo

WIDTH = 240
FILL, HIGHLIGHT, STROKE = "#c9d6e3", "#b3541e", "#ffffff"


def _geometries(features: Sequence[dict[str, Any]]) -> list[tuple[int, Any]]:
    return [(int(f["id"]), shape(f["geometry"])) for f in features]


def _rings(geometry: Any) -> list[Any]:
    polygons = getattr(geometry, "geoms", [geometry])
    rings = []
    for polygon in polygons:
        rings.append(polygon.exterior)
        rings.extend(polygon.interiors)
    return rings


def locator_svg(features: Sequence[dict[str, Any]], highlight: frozenset[int], *,
                title: str, width: int = WIDTH) -> str:
    """The features filled in grey, those in ``highlight`` in the accent colour."""
    shapes = _geometries(features)
    if not shapes:
        return ""
    minx, miny, maxx, maxy = shapely.total_bounds([g for _, g in shapes])
    kx = math.cos(math.radians((miny + maxy) / 2))
    scale = (width - 4) / (((maxx - minx) * kx) or 1.0)
    height = int((maxy - miny) * scale) + 4
    tolerance = 0.8 / scale  # about a pixel, in degrees
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-labelledby="mapa-t" '
             f'class="locator"><title id="mapa-t">{escape(title)}</title>']
    for code, geometry in shapes:
        simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
        path = []
        for ring in _rings(simple):
            pts = [(round(2 + (x - minx) * kx * scale), round(2 + (maxy - y) * scale))
                   for x, y in ring.coords]
            kept = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
            if len(kept) >= 3:
                path.append("M" + "L".join(f"{x} {y}" for x, y in kept) + "Z")
        colour = HIGHLIGHT if code in highlight else FILL
        parts.append(f'<path d="{"".join(path)}" fill="{colour}" stroke="{STROKE}" '
                     f'stroke-width="0.8"/>')
    parts.append("</svg>")
    return "".join(parts)


def bordering(features: Sequence[dict[str, Any]], code: int) -> list[int]:
    """Codes of the features that touch ``code``'s (shared border within ~100 m)."""
    shapes = dict(_geometries(features))
    own = shapes.get(code)
    if own is None:
        return []
    grown = own.buffer(0.001)
    return sorted(c for c, g in shapes.items() if c != code and grown.intersects(g))


@cache
def department_neighbours(depto: int) -> tuple[int, ...]:
    return tuple(bordering(geo.departments_geojson()["features"], depto))


@cache
def municipality_neighbours(muni: int) -> tuple[int, ...]:
    """Bordering municipalities inside the department (the page links its department too)."""
    features = geo.municipalities_geojson(muni // 100)["features"]
    return tuple(bordering(features, muni))


@cache
def map_for(code: int, depto: int | None, title: str) -> str:
    """The locator map of a place (cached: boundaries and titles never change in a process)."""
    if depto is None:
        features = geo.departments_geojson()["features"]
        return locator_svg(features, frozenset(int(f["id"]) for f in features), title=title)
    if code == depto:
        return locator_svg(geo.departments_geojson()["features"], frozenset({depto}),
                           title=title)
    return locator_svg(geo.municipalities_geojson(depto)["features"], frozenset({code}),
                       title=title)
