"""The explorer's map for a view state, on the demo release: which geometry, a full figure the
first time and a recolour patch after, the legend entries, the title, and a table and summary
of every area drawn."""

from __future__ import annotations

from dash import Patch
from view_context_support import view_context as _ctx

from dashboard.core import places
from dashboard.explore.map_view import geometry_key, map_title, map_view


def test_geometry_key():
    assert geometry_key(None) == "depto"
    assert geometry_key(16) == "muni-16"


def test_first_map_is_a_figure_then_a_patch_for_the_same_geometry(warehouse):
    ctx = _ctx(warehouse, depto=16)
    full = map_view(ctx, None)
    assert isinstance(full.figure, dict) and full.geometry_key == "muni-16"
    assert isinstance(map_view(ctx, "muni-16").figure, Patch)
    assert isinstance(map_view(ctx, "depto").figure, dict)  # other geometry: redraw


def test_table_and_summary_cover_every_municipality_of_the_department(warehouse):
    view = map_view(_ctx(warehouse, depto=16), None).view
    n = int((places.municipalities()["muni"] // 100 == 16).sum())  # Alta Verapaz: 17
    assert len(view.table) == n
    shown = view.table["Valor (%)"].notna().sum()
    assert view.summary.endswith(f"{shown} de {n} lugares tienen dato.")
    assert view.title == "Tasa de deserción por municipio, 2023 · Alta Verapaz"


def test_national_title_and_parity_band_only_for_the_parity_index(warehouse):
    assert map_title(_ctx(warehouse)) == "Tasa de deserción por departamento, 2023"
    assert map_view(_ctx(warehouse), None).legend == ("no_data", "suppressed")
    assert map_view(_ctx(warehouse, indicador="ipg"), None).legend == (
        "no_data", "suppressed", "parity")
