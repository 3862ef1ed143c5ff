"""From summed numerators and denominators to published values: the filters a query binds,
and ``finish`` (rate, count, per 1,000, published averages, gender parity) on sums worked out
by hand, suppression included."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.queries import measures
from dashboard.queries.filters import IndicatorQuery


def _arr(*values: float) -> np.ndarray:
    return np.array(values, dtype="float64")


def test_base_filters_muni_beats_depto_and_dims_can_be_dropped():
    q = IndicatorQuery("desercion", 2023, depto=16, muni=1601, nivel="primaria", sexo="F")
    assert measures.base_filters(q) == {"muni": 1601, "anio": 2023, "nivel": "primaria",
                                        "sexo": "F"}
    assert measures.base_filters(IndicatorQuery("desercion", 2023, depto=16)) == {
        "depto": 16, "anio": 2023}
    assert measures.base_filters(q, geo=False, year=False, drop=("sexo",)) == {
        "nivel": "primaria"}


def test_rate_suppresses_small_numerators_and_keeps_no_data_apart():
    # 2/100: 2 dropouts are 1-4 people → hidden; 10/200 = 0.05; 0/0 is no data, not hidden
    cols = {"code": np.array([1, 2, 3]), "numerador": _arr(2, 10, 0),
            "denominador": _arr(100, 200, 0)}
    out = measures.finish(cols, IndicatorQuery("desercion", 2023))
    assert out["suprimido"].tolist() == [True, False, False]
    assert math.isnan(out["valor"][0]) and math.isnan(out["numerador"][0])
    assert out["valor"][1] == pytest.approx(0.05) and math.isnan(out["valor"][2])
    assert out["code"].tolist() == [1, 2, 3]
    assert out["_num"].tolist() == [2.0, 10.0, 0.0]  # raw numerator kept for sorting


def test_per_1000_scales_and_count_ignores_the_denominator():
    cols = {"numerador": _arr(10, 3), "denominador": _arr(200, 400)}
    per = measures.finish(dict(cols), IndicatorQuery("desercion", 2023, measure="per_1000"))
    assert per["valor"][0] == pytest.approx(50.0)  # 10 / 200 × 1,000
    count = measures.finish(dict(cols), IndicatorQuery("desercion", 2023, measure="count"))
    assert count["valor"][0] == 10.0 and math.isnan(count["denominador"][0])
    assert count["suprimido"].tolist() == [False, True]  # 3 people: hidden as a count too


def test_published_averages_pass_through_as_shares_never_suppressed():
    cols = {"numerador": _arr(45.5, 2.0), "denominador": _arr(np.nan, np.nan)}
    out = measures.finish(cols, IndicatorQuery("graduandos_lectura", 2019))
    assert out["valor"].tolist() == pytest.approx([0.455, 0.02])
    assert out["suprimido"].tolist() == [False, False]
    assert np.isnan(out["numerador"]).all() and np.isnan(out["denominador"]).all()


def test_gender_parity_is_the_girls_rate_over_the_boys_rate():
    # girls 90/100 = 0.9, boys 100/100 = 1.0 → 0.9; second place: 3 girls' population → hidden
    cols = {"numerador_F": _arr(90, 50), "numerador_M": _arr(100, 60),
            "denominador_F": _arr(100, 3), "denominador_M": _arr(100, 60)}
    out = measures.finish(cols, IndicatorQuery("ipg", 2023))
    assert out["valor"][0] == pytest.approx(0.9)
    assert (out["numerador"][0], out["denominador"][0]) == pytest.approx((0.9, 1.0))
    assert out["_num"][0] == 190.0
    assert out["suprimido"].tolist() == [False, True] and math.isnan(out["valor"][1])
    assert not any(k.endswith(("_F", "_M")) for k in out)


def test_raw_without_the_source_tables_is_empty_and_runs_nothing():
    def never(text: str, params: dict[str, object]) -> dict[str, np.ndarray]:
        raise AssertionError("no query for a table the release lacks")

    out = measures.raw(never, frozenset(), IndicatorQuery("desercion", 2023), ("code",), {})
    assert set(out) == {"code", "numerador", "denominador"}
    assert all(len(v) == 0 for v in out.values())
    parity = measures.raw(never, frozenset(), IndicatorQuery("ipg", 2023), (), {})
    assert set(parity) == set(measures.SEX_VALUES)
