"""Where a place is: a small locator map as inline SVG, and which places border it.

Built from the boundaries the explorer's maps already use (``core.geo``): the country shows
its departments, a department is highlighted among them, a municipality among the others of
its department. Coordinates are projected (longitude scaled by the cosine of the latitude) and
simplified to about a pixel of the drawing, so the whole map is a few kilobytes of markup.
Outlines and borders are worked out once per department and process (``functools.cache``:
they depend only on the installed boundaries); a page only picks the colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

import shapely
from shapely.geometry import shape

from dashboard.core import geo, places

WIDTH = 240
FILL, HIGHLIGHT, STROKE = "#c9d6e3", "#b3541e", "#ffffff"


@dataclass(frozen=True)
class Outlines:
    """SVG path data per place code, in a ``width`` × ``height`` drawing."""

    width: int
    height: int
    paths: tuple[tuple[int, str], ...]


def _geometries(features: Sequence[dict[str, Any]]) -> list[tuple[int, Any]]:
    return [(int(f["id"]), shape(f["geometry"])) for f in features]


def _rings(geometry: Any) -> list[Any]:
    rings = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        rings.append(polygon.exterior)
        rings.extend(polygon.interiors)
    return rings


def outlines(features: Sequence[dict[str, Any]], width: int = WIDTH) -> Outlines:
    """Project and simplify the features to about a pixel of a ``width``-wide drawing."""
    shapes = _geometries(features)
    if not shapes:
        return Outlines(width, 0, ())
    minx, miny, maxx, maxy = shapely.total_bounds([g for _, g in shapes])
    kx = math.cos(math.radians((miny + maxy) / 2))
    scale = (width - 4) / (((maxx - minx) * kx) or 1.0)
    tolerance = 0.8 / scale  # about a pixel, in degrees
    paths = []
    for code, geometry in shapes:
        simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
        parts = []
        for ring in _rings(simple):
            pts = [(round(2 + (x - minx) * kx * scale), round(2 + (maxy - y) * scale))
                   for x, y in ring.coords]
            kept = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
            if len(kept) >= 3:
                parts.append("M" + "L".join(f"{x} {y}" for x, y in kept) + "Z")
        paths.append((code, "".join(parts)))
    return Outlines(width, int((maxy - miny) * scale) + 4, tuple(paths))


def locator_svg(drawing: Outlines, highlight: frozenset[int], title: str) -> str:
    """The outlines filled in grey, those in ``highlight`` in the accent colour."""
    if not drawing.paths:
        return ""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {drawing.width} '
             f'{drawing.height}" width="{drawing.width}" height="{drawing.height}" role="img" '
             f'aria-labelledby="mapa-t" class="locator"><title id="mapa-t">{escape(title)}'
             f'</title>']
    for code, path in drawing.paths:
        colour = HIGHLIGHT if code in highlight else FILL
        parts.append(f'<path d="{path}" fill="{colour}" stroke="{STROKE}" stroke-width="0.8"/>')
    parts.append("</svg>")
    return "".join(parts)


def adjacency(features: Sequence[dict[str, Any]]) -> dict[int, tuple[int, ...]]:
    """For each feature, the codes of those that touch it (shared border within ~100 m)."""
    shapes = _geometries(features)
    grown = [(code, geometry.buffer(0.001)) for code, geometry in shapes]
    tree = shapely.STRtree([g for _, g in shapes])
    out: dict[int, tuple[int, ...]] = {}
    for code, around in grown:
        hits = tree.query(around, predicate="intersects")
        out[code] = tuple(sorted(shapes[i][0] for i in hits if shapes[i][0] != code))
    return out


@cache
def _country() -> tuple[Outlines, dict[int, tuple[int, ...]]]:
    features = geo.departments_geojson()["features"]
    return outlines(features), adjacency(features)


@cache
def _department(depto: int) -> tuple[Outlines, dict[int, tuple[int, ...]]]:
    features = geo.municipalities_geojson(depto)["features"]
    return outlines(features), adjacency(features)


def department_neighbours(depto: int) -> tuple[int, ...]:
    return _country()[1].get(depto, ())


def municipality_neighbours(muni: int) -> tuple[int, ...]:
    """Bordering municipalities inside the department (the page links its department too)."""
    return _department(places.department_of(muni))[1].get(muni, ())


def map_for(code: int, depto: int | None, title: str) -> str:
    """The locator map of a place: the country, a department among all, a municipality
    among its department's."""
    if depto is None:
        drawing = _country()[0]
        return locator_svg(drawing, frozenset(c for c, _ in drawing.paths), title)
    if code == depto:
        return locator_svg(_country()[0], frozenset({depto}), title)
    return locator_svg(_department(depto)[0], frozenset({code}), title)


def warm() -> None:
    """Work out every outline and border once (about a second), so no visitor pays for it;
    ``install`` runs it in a background thread at start-up, as ``create_app`` does for
    ``geo.warm``."""
    _country()
    for feature in geo.departments_geojson()["features"]:
        _department(int(feature["id"]))
