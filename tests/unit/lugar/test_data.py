"""One place's slice of a release digest (``place_data``, pure), on a digest written by hand:
the parent department and the country at the latest year, census shares out of their own
totals, schools summed per key. The digest's reading of a release is compared with each
place's own queries in ``tests/integration/test_lugar_data.py``."""

from __future__ import annotations

from dashboard.lugar.data import Digest, Point, Share, place_data
from dashboard.lugar.gazetteer import COUNTRY, Place

COBAN = Place(1601, "muni", "Cobán", 16, "Alta Verapaz")
ALTA = Place(16, "depto", "Alta Verapaz", 16, "Alta Verapaz")
PAIS = Place(COUNTRY, "pais", "Guatemala")


def _digest() -> Digest:
    trends = {"desercion": {
        COUNTRY: (Point(2023, 0.05), Point(2024, 0.04)),
        16: (Point(2023, 0.07), Point(2024, None, suprimido=True)),
        1601: (Point(2023, 0.08), Point(2024, 0.06)),
    }}
    census = {
        "literacy": {1601: {"F": [60.0, 100.0], "M": [80.0, 100.0]}},
        "education": {1601: {"ninguno": [30.0], "primaria": [50.0], "superior": [20.0]}},
    }
    schools = {1601: {("privado", "urbana", "abierto"): 2, ("oficial", "rural", "abierto"): 7}}
    return Digest("r1", "2025-01-01", (2023, 2024), trends=trends, census=census,
                  schools=schools)


def test_a_municipality_gets_its_series_and_its_parents_latest_points():
    got = place_data(_digest(), COBAN)
    assert got.latest == 2024 and got.release_id == "r1"
    assert got.trends["desercion"] == (Point(2023, 0.08), Point(2024, 0.06))
    # the department's 2024 point is suppressed: it is still the parent's point, not 2023's
    assert got.parent["desercion"] == Point(2024, None, suprimido=True)
    assert got.nation["desercion"] == Point(2024, 0.04)


def test_a_department_has_no_parent_and_the_country_neither_nor_a_nation():
    alta = place_data(_digest(), ALTA)
    assert alta.parent == {} and alta.nation["desercion"] == Point(2024, 0.04)
    pais = place_data(_digest(), PAIS)
    assert pais.parent == {} and pais.nation == {}
    assert pais.trends["desercion"][-1] == Point(2024, 0.04)


def test_census_shares_are_out_of_their_own_totals():
    got = place_data(_digest(), COBAN)
    # literacy: total first, 140 literate of 200 people; then each sex of its own population
    assert got.literacy == (Share("T", 140.0, 200.0), Share("F", 60.0, 100.0),
                            Share("M", 80.0, 100.0))
    # education: each level out of the sum of all levels (30 + 50 + 20 = 100), source order
    assert got.education == (Share("ninguno", 30.0, 100.0), Share("primaria", 50.0, 100.0),
                             Share("superior", 20.0, 100.0))
    assert got.absence == () and got.attendance == ()


def test_schools_are_sorted_by_key_and_a_place_without_data_is_empty():
    got = place_data(_digest(), COBAN)
    assert got.schools == (("oficial", "rural", "abierto", 7), ("privado", "urbana", "abierto", 2))
    other = place_data(_digest(), Place(1602, "muni", "San Pedro Carchá", 16, "Alta Verapaz"))
    assert other.trends == {"desercion": ()} and other.literacy == () and other.schools == ()
    assert other.parent["desercion"].suprimido  # its department's point still applies


def test_an_empty_digest_gives_an_empty_page():
    got = place_data(Digest(), COBAN)
    assert got.latest is None and got.trends == {} and got.parent == {} and got.results == ()
