"""The trajectory filters: parsed once from raw strings, the place bounds read from ``places``."""

from __future__ import annotations

from dashboard.core import places
from dashboard.trayectorias.params import Filtros, Problem, parse
from dashboard.web.inputs import parse_int


def test_empty_values_mean_not_given():
    assert parse({"lugar": "", "sexo": ""}, parse_int) == Filtros()


def test_typed_values_and_their_url_words():
    filtros = parse({"lugar": "1601", "anio": "2023", "sexo": "F"}, parse_int)
    assert filtros == Filtros(lugar=1601, anio=2023, sexo="F")
    assert filtros.as_query() == {"lugar": "1601", "anio": "2023", "sexo": "F"}
    assert filtros.as_query_values()["lugar"] == 1601


def test_a_place_outside_the_codes_names_the_bounds_places_gives():
    low, high = places.department_range()
    problem = parse({"lugar": "0"}, parse_int)
    assert problem == Problem("lugar", f"lugar must be a department ({low}-{high}) "
                                       "or municipality code")
    assert isinstance(parse({"lugar": str(high * 100 + 100)}, parse_int), Problem)
    assert parse({"lugar": str(high * 100 + 99)}, parse_int) == Filtros(lugar=high * 100 + 99)


def test_the_first_problem_is_reported():
    assert parse({"anio": "19x", "sexo": "X"}, parse_int).param == "anio"
    assert parse({"sexo": "X"}, parse_int) == Problem("sexo", "sexo must be one of F, M")
