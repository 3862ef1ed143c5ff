"""Exact-grain rollups: the default municipal map reads rows instead of aggregating."""

from __future__ import annotations

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
