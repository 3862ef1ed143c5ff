"""The query contract: an ``IndicatorQuery`` cannot be built with a value SQL should not see."""

from __future__ import annotations

import pytest

from dashboard.core import places
from dashboard.queries.filters import IndicatorQuery


def test_a_valid_query_keeps_its_typed_values():
    q = IndicatorQuery("matricula", 2023, depto=16, muni=1601, sexo="F", measure="count")
    assert (q.depto, q.muni, q.sexo, q.measure) == (16, 1601, "F", "count")


@pytest.mark.parametrize(("fields", "names"), [
    ({"year": 1800}, "year"),
    ({"year": True}, "year"),  # a bool is not a year, though Python counts it as an int
    ({"depto": places.department_range()[1] + 1}, "depto"),
    ({"depto": "16"}, "depto"),  # strings were parsed at the edge; here they are refused
    ({"muni": 99999}, "muni"),
    ({"sexo": "X"}, "sexo"),
    ({"measure": "mean"}, "measure"),
])
def test_each_wrong_field_is_named(fields, names):
    with pytest.raises(ValueError, match=names):
        IndicatorQuery(**{"indicator": "matricula", "year": 2023, **fields})


def test_a_municipality_outside_its_department_is_refused():
    with pytest.raises(ValueError, match="not in depto"):
        IndicatorQuery("matricula", 2023, depto=1, muni=1601)


def test_an_unknown_indicator_is_refused():
    with pytest.raises((KeyError, ValueError)):
        IndicatorQuery("nada", 2023)
