"""Boundaries: INE codes as feature ids, simplified and rounded, and small enough for phones."""

from __future__ import annotations

import pytest
from plotly.io.json import to_json_plotly

from dashboard.core import geo
from dashboard.explore.figures import map as mapfig

LIMIT = 150_000  # bytes of JSON, department map and one department's municipalities


def test_departments_have_the_22_ine_codes_and_names():
    gj = geo.departments_geojson()
    assert geo.feature_codes(gj) == list(range(1, 23))
    names = {f["id"]: f["properties"]["nombre"] for f in gj["features"]}
    assert names[1] == "Guatemala" and names[13] == "Huehuetenango"


def test_municipalities_of_one_department_use_their_ine_codes():
    gj = geo.municipalities_geojson(13)
    codes = geo.feature_codes(gj)
    assert len(codes) == 33 and all(c // 100 == 13 for c in codes)


def test_coordinates_are_rounded_to_four_decimals():
    text = to_json_plotly(geo.departments_geojson())
    numbers = [
        n
        for n in text.replace("[", " ").replace("]", " ").replace(",", " ").split()
        if n.startswith("-") or n[0].isdigit()
    ]
    decimals = [len(n.split(".")[1]) for n in numbers if "." in n]
    assert max(decimals) <= geo.DECIMALS


def test_geometry_and_full_map_figures_stay_under_150_kb(capsys):
    frame = _frame(geo.departments_geojson())
    dept_geo = len(to_json_plotly(geo.departments_geojson()))
    dept_fig = _fig_size(geo.departments_geojson(), frame)
    muni_sizes = {
        d: _fig_size(geo.municipalities_geojson(d), _frame(geo.municipalities_geojson(d)))
        for d in range(1, 23)
    }
    biggest = max(muni_sizes, key=muni_sizes.get)
    with capsys.disabled():
        print(
            f"\n[geo] departments geojson {dept_geo / 1000:.1f} kB, full map figure "
            f"{dept_fig / 1000:.1f} kB; largest municipality figure: depto {biggest} "
            f"{muni_sizes[biggest] / 1000:.1f} kB"
        )
    assert dept_fig <= LIMIT
    assert max(muni_sizes.values()) <= LIMIT


def test_loaders_are_cached_per_process():
    assert geo.departments_geojson() is geo.departments_geojson()
    assert geo.geojson_for(None) is geo.departments_geojson()
    assert geo.geojson_for(13) is geo.municipalities_geojson(13)


def _frame(gj):
    import pandas as pd

    codes = geo.feature_codes(gj)
    return pd.DataFrame(
        {
            "code": codes,
            "nombre": [f"Lugar {c}" for c in codes],
            "numerador": [100.0] * len(codes),
            "denominador": [1000.0] * len(codes),
            "valor": [0.1 + i / 1000 for i in range(len(codes))],
            "suprimido": [False] * len(codes),
        }
    )


def _fig_size(gj, frame) -> int:
    fig = mapfig.choropleth(
        gj, frame, scale=mapfig.Scale("pct"), text=_TEXT, lang="es", geometry_key="k"
    )
    return len(to_json_plotly(fig))


_TEXT = mapfig.MapText("Tasa", "Retirados", "Inscritos", "Sin datos", "Suprimido", "")


@pytest.mark.parametrize("depto", [1, 13, 17])
def test_every_municipality_polygon_is_valid_geojson(depto):
    for feature in geo.municipalities_geojson(depto)["features"]:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert feature["geometry"]["coordinates"]
