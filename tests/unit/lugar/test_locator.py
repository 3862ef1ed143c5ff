"""The locator map and bordering places, from the real boundaries."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # our own markup, not untrusted input

from dashboard.core import geo
from dashboard.lugar import locator

NS = "{http://www.w3.org/2000/svg}"


def test_a_municipality_is_highlighted_among_its_department():
    out = locator.map_for(1601, 16, "Ubicación de Cobán")
    root = ET.fromstring(out)  # noqa: S314
    paths = root.findall(f"{NS}path")
    assert len(paths) == len(geo.municipalities_geojson(16)["features"])
    assert [p.get("fill") for p in paths].count(locator.HIGHLIGHT) == 1
    assert root.find(f"{NS}title").text == "Ubicación de Cobán"
    assert len(out) < 12_000  # a few kB of markup, not the 150 kB GeoJSON


def test_country_map_has_every_department():
    root = ET.fromstring(locator.map_for(0, None, "Guatemala"))  # noqa: S314
    assert len(root.findall(f"{NS}path")) == 22


def test_neighbours_share_a_border():
    assert set(locator.department_neighbours(16)) == {14, 15, 17, 18, 19}
    assert 1602 in locator.municipality_neighbours(1601)
    assert 1601 not in locator.municipality_neighbours(1601)
