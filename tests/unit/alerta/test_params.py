"""The early warning's query, parsed once at the edge: typed values or a named problem."""

from __future__ import annotations

from dashboard.alerta.params import AlertaQuery, Problem, parse
from dashboard.core import places

YEARS = (2022, 2023, 2024)


def test_nothing_given_is_the_latest_scorable_year():
    assert parse({}, YEARS) == (AlertaQuery(2024), None)


def test_typed_values_last_one_wins():
    query, problem = parse({"anio": ["2022", "2023"], "nivel": ["primaria"], "depto": ["16"],
                            "muni": ["1601"]}, YEARS)
    assert problem is None
    assert query == AlertaQuery(2023, "primaria", 16, 1601)


def test_each_problem_names_its_parameter():
    low, high = places.department_range()
    assert parse({"depto": ["99"]}, YEARS) == (
        None, Problem("depto", f"depto must be a department code {low}-{high}"))
    assert parse({"anio": ["2019"]}, YEARS)[1].param == "anio"
    assert parse({"nivel": ["kinder"]}, YEARS)[1].param == "nivel"
    assert parse({"muni": ["1699"]}, YEARS)[1].param == "muni"  # code form, but no such place
    assert parse({"depto": ["1"], "muni": ["1601"]}, YEARS)[1] == Problem(
        "muni", "muni must belong to depto")
    assert parse({"pagina": ["2"]}, YEARS)[1].param == "pagina"
    assert parse({"pagina": ["2"]}, YEARS, extra=frozenset({"pagina"}))[1] is None


def test_no_scorable_year_is_a_problem_not_a_crash():
    assert parse({}, ())[1].param == "anio"
