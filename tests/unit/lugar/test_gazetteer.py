"""Which paths name a place, readable slugs, and the index search."""

from __future__ import annotations

import pytest

from dashboard.core import places
from dashboard.lugar.gazetteer import Gazetteer, parse_segment, slugify


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.build(places.departments(), places.municipalities())


def test_every_place_has_a_page_country_first(gaz):
    every = gaz.all()
    assert len(every) == 1 + 22 + 340
    assert every[0].kind == "pais" and every[0].path == "/lugar/0-guatemala"
    assert [p.code for p in every[1:3]] == [1, 101]  # a department, then its municipalities


@pytest.mark.parametrize(("segment", "code"), [
    ("0", 0), ("16", 16), ("1601", 1601), ("1601-coban", 1601), ("1601-anything", 1601),
    ("016", 16),
])
def test_numeric_and_readable_paths(gaz, segment, code):
    assert gaz.resolve(segment).code == code


@pytest.mark.parametrize("segment", [
    "99", "abc", "1799", "-1", "9" * 5000, "", "16/", "١٦", "16 ", "+16", "1601-cob án",
    "2299", "1600", "²",
])
def test_unknown_or_malformed_paths_name_nothing(gaz, segment):
    assert gaz.resolve(segment) is None


def test_parse_segment_never_raises_on_odd_input():
    assert parse_segment(None) is None
    assert parse_segment(16) is None
    assert parse_segment("16") == 16


def test_slugs_are_ascii_and_readable(gaz):
    assert slugify("Cobán") == "coban"
    assert slugify("San José Poaquil") == "san-jose-poaquil"
    assert gaz.get(1601).path == "/lugar/1601-coban"
    assert all(p.slug.isascii() and " " not in p.slug for p in gaz.all())


def test_search_ignores_accents_and_puts_departments_first(gaz):
    names = [p.name for p in gaz.search("coban")]
    assert names[0] == "Cobán"
    assert gaz.search("alta verapaz")[0].kind == "depto"
    assert gaz.search("1601")[0].code == 1601
    assert gaz.search("   ") == [] and gaz.search("zzzz") == []
    assert len(gaz.search("san")) <= 40


def test_explorer_link_keeps_the_place(gaz):
    assert gaz.get(1601).explorer_search("desercion") == "?depto=16&muni=1601&indicador=desercion"
    assert gaz.get(16).explorer_search("desercion") == "?depto=16&indicador=desercion"
    assert gaz.get(0).explorer_search("desercion") == "?indicador=desercion"


def test_exact_names_one_place_or_none(gaz):
    assert gaz.exact("coban").code == 1601
    assert gaz.exact("  COBÁN ").code == 1601
    assert gaz.exact("16").code == 16
    assert gaz.exact("guatemala") is None  # the country, a department and a municipality
    assert gaz.exact("san") is None
