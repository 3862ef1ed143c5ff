"""The choropleth: two traces on one geometry, honest colours, small recolour patches."""

from __future__ import annotations

import numpy as np
import pandas as pd
from plotly.io.json import to_json_plotly

from dashboard.core import geo
from dashboard.core.chart_style import NO_DATA, SUPPRESSED
from dashboard.explore.figures import map as mapfig

TEXT = mapfig.MapText(
    "Tasa de deserción", "Retirados", "Inscritos", "Sin datos", "Dato suprimido", ""
)


def frame(codes, values, suppressed=()):
    return pd.DataFrame(
        {
            "code": codes,
            "nombre": [f"L{c}" for c in codes],
            "numerador": [np.nan if c in suppressed else 10.0 for c in codes],
            "denominador": [np.nan if c in suppressed else 200.0 for c in codes],
            "valor": values,
            "suprimido": [c in suppressed for c in codes],
        }
    )


def test_values_no_data_and_suppressed_are_told_apart():
    gj = geo.departments_geojson()
    codes = list(range(1, 23))
    values = [0.05] * 22
    values[0] = np.nan  # no data for 1
    values[1] = np.nan  # suppressed for 2
    fig = mapfig.choropleth(
        gj,
        frame(codes, values, suppressed={2}),
        scale=mapfig.Scale("pct"),
        text=TEXT,
        lang="es",
        geometry_key="depto",
    )
    base, vals = fig["data"]
    assert base["z"][0] == 0 and base["z"][1] == 1 and base["colorscale"][0][1] == NO_DATA
    assert base["colorscale"][-1][1] == SUPPRESSED
    assert vals["z"][0] is None and vals["z"][1] is None and vals["z"][2] == 0.05
    assert vals["customdata"][1][1] == "Dato suprimido"
    assert vals["customdata"][2][:2] == ["L3", "5.0\u00a0%"]
    assert "Retirados" in vals["hovertemplate"] and "Inscritos" in vals["hovertemplate"]
    assert fig["layout"]["uirevision"] == "depto"
    assert fig["layout"]["geo"]["visible"] is False  # no base map, nothing fetched
    assert base["geojson"] is vals["geojson"]


def test_missing_rows_become_no_data():
    gj = geo.municipalities_geojson(13)
    fig = mapfig.choropleth(
        gj,
        frame([1301], [0.1]),
        scale=mapfig.Scale("pct"),
        text=TEXT,
        lang="es",
        geometry_key="muni-13",
    )
    assert fig["data"][1]["z"].count(None) == len(gj["features"]) - 1


def test_parity_index_uses_a_diverging_scale_centred_on_one_with_a_band():
    scale, zmin, zmax = mapfig.diverging_scale([0.9, 1.0, 1.12], 1.0, (0.97, 1.03))
    assert abs((zmin + zmax) / 2 - 1.0) < 1e-9
    lo = (0.97 - zmin) / (zmax - zmin)
    hi = (1.03 - zmin) / (zmax - zmin)
    band = [c for pos, c in scale if lo - 1e-9 <= pos <= hi + 1e-9]
    assert band.count(mapfig.PARITY_COLOUR) == 2
    gj = geo.departments_geojson()
    fig = mapfig.choropleth(
        gj,
        frame(list(range(1, 23)), [1.0] * 22),
        scale=mapfig.Scale("index", 1.0, (0.97, 1.03)),
        text=TEXT,
        lang="es",
        geometry_key="depto",
    )
    assert 0.97 in fig["data"][1]["colorbar"]["tickvals"]
    assert 1.03 in fig["data"][1]["colorbar"]["tickvals"]


def test_recolour_patch_sends_no_geometry_and_stays_under_10_kb(capsys):
    sizes = {}
    for key, gj in (
        ("depto", geo.departments_geojson()),
        ("muni-13", geo.municipalities_geojson(13)),
        ("muni-1", geo.municipalities_geojson(1)),
    ):
        codes = geo.feature_codes(gj)
        patch = mapfig.recolour_patch(
            gj,
            frame(codes, [0.01 * i for i in range(len(codes))]),
            scale=mapfig.Scale("pct"),
            text=TEXT,
            lang="es",
            selected=None,
        )
        body = to_json_plotly(patch.to_plotly_json())
        assert '"coordinates"' not in body and "geojson" not in body
        sizes[key] = len(body)
    with capsys.disabled():
        print("\n[map] recolour patch bytes: " + ", ".join(f"{k} {v}" for k, v in sizes.items()))
    assert max(sizes.values()) <= 10_000


def test_selected_place_gets_a_thick_outline():
    gj = geo.municipalities_geojson(13)
    codes = geo.feature_codes(gj)
    fig = mapfig.choropleth(
        gj,
        frame(codes, [0.1] * len(codes)),
        scale=mapfig.Scale("pct"),
        text=TEXT,
        lang="es",
        geometry_key="muni-13",
        selected=1302,
    )
    widths = fig["data"][1]["marker"]["line"]["width"]
    assert widths[codes.index(1302)] > widths[codes.index(1301)]
    assert "NaN" not in to_json_plotly(fig)  # valid JSON: missing values are null
