"""Exact-grain rollups: the default municipal map reads rows instead of aggregating."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.core import places
from dashboard.queries import sql

NUM, DEN = sql.indicator_parts("desercion", "rate")
EXACT = frozenset(sql.EXACT_TABLE_NAMES)


def _text(keys, filters, exact=EXACT, by_sex=False) -> str:
    return sql.ratio(NUM, DEN, sql.Cut(keys, filters, exact), by_sex=by_sex)[0]


def test_department_municipal_map_reads_the_exact_grain_rollup():
    text = _text(("muni",), {"anio": 2024, "depto": 5})
    assert "FROM r_matricula_mt" in text and "GROUP BY" not in text and "sum(" not in text


def test_national_municipal_map_and_municipal_figures_are_exact_too():
    assert "r_matricula_mt" in _text(("muni",), {"anio": 2024})
    assert "r_matricula_mt" in _text((), {"muni": 501, "anio": 2024})
    assert "r_matricula_mt" in _text(("muni", "anio"), {"muni_in": [501, 1601]})


def test_department_views_by_one_category_are_exact():
    assert "FROM r_matricula_dt" in _text(("depto",), {"anio": 2024})  # national map
    assert "FROM r_matricula_d_nivel" in _text(("depto",), {"anio": 2024, "nivel": "basico"})
    text = _text(("sector",), {"depto": 5, "anio": 2024})  # the sector chart
    assert "FROM r_matricula_d_sector" in text and "GROUP BY" not in text
    assert "FROM r_matricula_d_sexo" in _text(("anio", "sexo"), {"depto": 5})  # trend by sex


def test_any_other_combination_needs_the_aggregating_rollups():
    assert "FROM r_matricula_m " in _text(("muni",), {"anio": 2024, "nivel": "primaria"})
    text = _text(("depto",), {"anio": 2024, "nivel": "basico", "sexo": "F"})
    assert "FROM r_matricula_d " in text and "GROUP BY" in text
    assert "GROUP BY" in _text(("sector",), {"anio": 2024})  # national: sums departments
    text = _text(("muni",), {"anio": 2024, "depto": 5}, by_sex=True)
    assert "r_matricula_mt" not in text and "FILTER" in text


def test_a_release_without_the_exact_rollup_falls_back():
    text = _text(("muni",), {"anio": 2024, "depto": 5}, exact=frozenset())
    assert "FROM r_matricula_m " in text and "GROUP BY" in text


def test_department_of_sql_is_places_rule_in_duckdb():
    codes = [101, 1601, 1617, 2217]
    got = duckdb.sql(f"SELECT {sql.department_of_sql('muni')} AS d "  # noqa: S608
                     "FROM unnest($codes) t(muni)", params={"codes": codes}).fetchall()
    assert [d for (d,) in got] == [places.department_of(c) for c in codes]
    assert sql.department_of_sql("c.muni").startswith("(c.muni ")


def test_municipality_code_sql_is_places_rule_in_duckdb():
    got = duckdb.sql(f"SELECT {sql.municipality_code_sql('dd', 'mm')} "  # noqa: S608
                     "FROM (SELECT 16 AS dd, 1 AS mm)").fetchall()[0]
    assert got == (places.municipality_code(16, 1),)


@pytest.mark.parametrize("bad", ["1601", "muni; DROP TABLE x", "muni // 1", "$depto", "Muni",
                                 "a.b.c", ""])
def test_the_place_sql_helpers_take_column_names_only(bad: str):
    with pytest.raises(ValueError, match="not a column name"):
        sql.department_of_sql(bad)
    with pytest.raises(ValueError, match="not a column name"):
        sql.municipality_code_sql("dd", bad)
