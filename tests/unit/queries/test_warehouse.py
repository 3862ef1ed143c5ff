"""The public query contract (columns, places, measures) on the session demo release."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.queries import Warehouse
from dashboard.queries.filters import IndicatorQuery as Q
from dashboard.releases import demo

RESULT = ["numerador", "denominador", "valor", "suprimido"]


@pytest.fixture(scope="module")
def wh(demo_settings: Settings) -> Warehouse:
    return Warehouse(demo_settings)


def test_reference_dimensions(wh: Warehouse):
    assert wh.years() == list(range(2015, 2025))
    assert wh.release_id() == releases.current_release_id(wh.settings)
    assert list(wh.departments().columns) == ["depto", "nombre", "region"]
    assert len(wh.departments()) == 22
    alta = wh.municipalities(16)
    assert list(alta.columns) == ["muni", "depto", "nombre"]
    assert set(alta["depto"]) == {16} and "Cobán" in set(alta["nombre"])
    assert wh.levels()["nivel"].tolist() == ["preprimaria", "primaria", "basico",
                                             "diversificado"]


def test_map_by_department_adds_up_to_the_nation(wh: Warehouse):
    q = Q("matricula", 2024)
    areas = wh.indicator_by_area(q, "depto")
    assert list(areas.columns) == ["code", "nombre", *RESULT]
    assert areas["code"].tolist() == list(range(1, 23))
    nation = wh.indicator_value(q)
    assert areas["numerador"].sum() == nation["numerador"]


def test_map_by_municipality_of_one_department(wh: Warehouse):
    areas = wh.indicator_by_area(Q("desercion", 2024, depto=16, nivel="primaria"), "muni")
    assert set(areas["code"]) == set(wh.municipalities(16)["muni"])
    shown = areas[~areas["suprimido"]]
    assert shown["valor"].between(0, 1).all()


def test_value_prefers_muni_then_depto(wh: Warehouse):
    muni = wh.indicator_value(Q("matricula", 2024, depto=16, muni=1601))
    depto = wh.indicator_value(Q("matricula", 2024, depto=16))
    assert set(muni) == set(RESULT)
    assert muni["valor"] < depto["valor"]


def test_trend_total_is_the_sum_of_sexes(wh: Warehouse):
    trend = wh.indicator_trend(Q("matricula", 2024, depto=1, year_from=2018))
    assert list(trend.columns) == ["anio", "sexo", *RESULT]
    assert trend["anio"].min() == 2018 and set(trend["sexo"]) == {"T", "F", "M"}
    wide = trend.pivot(index="anio", columns="sexo", values="numerador")
    assert (wide["T"] == wide["F"] + wide["M"]).all()


def test_trend_of_an_indicator_without_sex_has_only_totals(wh: Warehouse):
    trend = wh.indicator_trend(Q("ipg", 2024, nivel="basico"))
    assert set(trend["sexo"]) == {"T"} and len(trend) == 10
    assert trend["valor"].between(0.7, 1.3).all()


def test_breakdowns(wh: Warehouse):
    by_level = wh.indicator_breakdown(Q("matricula", 2024, nivel="primaria"), "nivel")
    assert list(by_level.columns) == ["categoria", *RESULT]
    assert by_level["categoria"].tolist() == ["preprimaria", "primaria", "basico",
                                              "diversificado"]
    grades = wh.indicator_breakdown(Q("desercion", 2024, nivel="basico"), "grado")
    assert grades["categoria"].tolist() == ["basico-1", "basico-2", "basico-3"]
    sexes = wh.indicator_breakdown(Q("promocion", 2024, sexo="F"), "sexo")
    assert sexes["categoria"].tolist() == ["F", "M"]
    with pytest.raises(ValueError, match="cannot be broken down"):
        wh.indicator_breakdown(Q("cobertura_bruta", 2024), "sector")


def test_compare_departments_and_municipalities(wh: Warehouse):
    out = wh.indicator_compare(Q("desercion", 2024, year_from=2020, year_to=2024),
                               [16, 1, 1601])
    assert list(out.columns) == ["code", "nombre", "anio", *RESULT]
    assert out["code"].drop_duplicates().tolist() == [16, 1, 1601]
    assert sorted(out["anio"].unique()) == [2020, 2021, 2022, 2023, 2024]
    with pytest.raises(ValueError):
        wh.indicator_compare(Q("desercion", 2024), [1, 2, 3, 4, 5])
    with pytest.raises(ValueError, match="unknown place"):
        wh.indicator_compare(Q("desercion", 2024), [99])


def test_measures(wh: Warehouse):
    count = wh.indicator_value(Q("desercion", 2024, measure="count"))
    rate = wh.indicator_value(Q("desercion", 2024))
    per = wh.indicator_value(Q("desercion", 2024, measure="per_1000"))
    assert count["valor"] == rate["numerador"]
    assert 0 < rate["valor"] < 0.2
    assert per["valor"] == pytest.approx(count["valor"] / per["denominador"] * 1000)


def test_demo_is_believable_through_the_queries(wh: Warehouse):
    drop = wh.indicator_by_area(Q("desercion", 2024), "depto").set_index("code")["valor"]
    assert drop[16] > drop[1] and drop[14] > drop[3]
    cov = wh.indicator_by_area(Q("cobertura_bruta", 2024, nivel="primaria"), "depto")
    assert cov["valor"].between(0.6, 1.5).all()
    trend = wh.indicator_trend(Q("matricula", 2024)).query("sexo == 'T'").set_index("anio")
    assert trend.loc[2021, "valor"] < trend.loc[2019, "valor"]


def test_real_tables_absent_give_empty_frames(wh: Warehouse):
    assert list(wh.graduandos(16, None).columns) == [
        "muni", "nombre", "anio", "lectura_pct", "matematica_pct", "metodo_distinto"]
    assert wh.census("censo_alfabetismo", None, None).empty
    assert wh.indicator_value(Q("alfabetismo", 2024))["valor"] is None
    with pytest.raises(ValueError, match="census table"):
        wh.census("fact_matricula", None, None)


@pytest.mark.parametrize("values", [
    {"indicator": "nope", "year": 2024},
    {"indicator": "desercion", "year": "2024"},
    {"indicator": "desercion", "year": True},
    {"indicator": "desercion", "year": 2024, "nivel": "primaria'; DROP TABLE r_matricula"},
    {"indicator": "desercion", "year": 2024, "sexo": "X"},
    {"indicator": "desercion", "year": 2024, "depto": 0},
    {"indicator": "desercion", "year": 2024, "depto": 23},
    {"indicator": "desercion", "year": 2024, "muni": 100},
    {"indicator": "desercion", "year": 2024, "muni": 2300},
    {"indicator": "desercion", "year": 2024, "depto": 1, "muni": 1601},
    {"indicator": "desercion", "year": 2024, "measure": "mean"},
    {"indicator": "ipg", "year": 2024, "measure": "count"},
    {"indicator": "cobertura_bruta", "year": 2024, "sector": "privado"},
])
def test_bad_filters_are_value_errors(values: dict[str, object]):
    with pytest.raises(ValueError):
        Q(**values)  # type: ignore[arg-type]


def test_place_filters_take_every_code_of_the_ine_form():
    assert Q("desercion", 2024, depto=22, muni=2217).muni == 2217
    assert Q("desercion", 2024, depto=1).depto == 1
    with pytest.raises(ValueError, match="depto must be an integer between 1 and 22"):
        Q("desercion", 2024, depto=23)
    with pytest.raises(ValueError, match="muni must be an integer between 101 and 2299"):
        Q("desercion", 2024, muni=2300)


def test_bad_level_is_a_value_error(wh: Warehouse):
    with pytest.raises(ValueError, match="level"):
        wh.indicator_by_area(Q("desercion", 2024), "region")


def test_no_release_raises_release_error(settings: Settings):
    empty = Warehouse(settings)
    assert empty.years() == [] and len(empty.departments()) == 22
    with pytest.raises(releases.ReleaseError):
        empty.indicator_value(Q("desercion", 2024))


def test_new_release_is_picked_up_without_restart(demo_copy: Settings):
    wh = Warehouse(demo_copy)
    before = wh.indicator_value(Q("matricula", 2024))["valor"]
    demo.publish_demo(demo_copy, scale=0.01, seed=3)
    assert wh.indicator_value(Q("matricula", 2024))["valor"] < before
    releases.rollback(demo_copy)
    assert wh.indicator_value(Q("matricula", 2024))["valor"] == before


def test_connection_is_reopened_after_fork(wh: Warehouse):
    """A forked child (gunicorn worker) must not use the parent's DuckDB connection."""
    parent = wh.indicator_value(Q("matricula", 2024))["valor"]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            value = wh.indicator_value(Q("matricula", 2024))["valor"]
            os.write(write, str(value == parent).encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    assert os.read(read, 16) == b"True"


def test_results_are_dataframes(wh: Warehouse):
    assert isinstance(wh.indicator_breakdown(Q("docentes", 2024), "sector"), pd.DataFrame)
