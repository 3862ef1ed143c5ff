"""The data dictionary: each table's description is consistent with itself, unknown names fail
loudly, and the JSON written into every release carries every table and derived figure."""

from __future__ import annotations

import json

import pytest

from dashboard.core import dictionary, places


def test_table_returns_the_definition_and_names_an_unknown_table():
    assert dictionary.table("fact_matricula").name == "fact_matricula"
    with pytest.raises(KeyError, match="unknown table 'fact_nada'"):
        dictionary.table("fact_nada")


@pytest.mark.parametrize("name", list(dictionary.TABLES))
def test_each_table_has_unique_columns_a_key_among_them_and_a_source(name):
    table = dictionary.TABLES[name]
    names = table.column_names()
    assert len(names) == len(set(names)), f"{name}: a column is described twice"
    assert set(table.primary_key) <= set(names), f"{name}: key names a missing column"
    assert table.source and table.es and table.en
    assert all(c.es and c.en for c in table.columns), f"{name}: a column lacks a language"


def test_department_range_in_the_text_comes_from_places():
    low, high = places.department_range()
    assert (low, high) == (1, 22)
    assert f"({low}-{high})" in dictionary.DEPTO.es and f"({low}-{high})" in dictionary.DEPTO.en


def test_as_json_is_plain_json_with_every_table_and_derived_figure():
    data = json.loads(json.dumps(dictionary.as_json(), ensure_ascii=False))
    assert [t["name"] for t in data["tables"]] == list(dictionary.TABLES)
    assert [d["name"] for d in data["derived"]] == list(dictionary.DERIVED)
    matricula = next(t for t in data["tables"] if t["name"] == "fact_matricula")
    assert [c["name"] for c in matricula["columns"]] == \
        dictionary.table("fact_matricula").column_names()
