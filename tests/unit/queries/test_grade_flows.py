"""Grade flows and cohort measures on a tiny hand-made rollup (DuckDB in memory)."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from dashboard.queries import arrays, grade_flows, suppression
from dashboard.trayectorias import cohort

TABLES = frozenset({"r_matricula"})
SURVIVAL_6 = 1000 * 0.888 ** 5  # every grade: p .8, r .1 → 0.8 × (1 + .1 + .01) = .888 go on
COMPLETION = 1000 * 0.888 ** 6


def _rows() -> list[tuple]:
    """Municipality 101 (oficial, urbana): 100 pupils in every grade both years, 80 promoted,
    10 repeaters. Municipality 102 (oficial, rural) and a private school of 101: 10 each."""
    rows = []
    for anio in (2023, 2024):
        for nivel, grades in (("primaria", 6), ("basico", 3), ("diversificado", 3)):
            for grado in range(1, grades + 1):
                rows.append((101, 1, anio, nivel, grado, "F", "oficial", "urbana", 100, 80, 10, 5))
                rows.append((101, 1, anio, nivel, grado, "F", "privado", "urbana", 10, 8, 1, 1))
                rows.append((102, 1, anio, nivel, grado, "F", "oficial", "rural", 10, 8, 1, 1))
    return rows


@pytest.fixture(scope="module")
def run():
    con = duckdb.connect()
    con.execute("CREATE TABLE r_matricula (muni INT, depto INT, anio INT, nivel VARCHAR, "
                "grado INT, sexo VARCHAR, sector VARCHAR, area VARCHAR, "
                "inscritos_inicial BIGINT, promovidos BIGINT, repitentes BIGINT, "
                "retirados BIGINT)")
    con.executemany("INSERT INTO r_matricula VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", _rows())

    def runner(text, params):
        result = con.execute(text, params).fetchnumpy()
        return {k: arrays.unmask(v) for k, v in result.items()}

    return runner


def test_measure_by_municipality_publishes_big_places_and_hides_small_ones(run):
    out = grade_flows.measure(run, TABLES, "supervivencia_6", ("muni",), {"anio": 2024})
    by_muni = dict(zip(out["muni"].tolist(), range(len(out["muni"])), strict=True))
    big, small = by_muni[101], by_muni[102]
    # 101 adds its private school (110, 88, 11): the same rates, so the same cohort
    assert out["numerador"][big] == pytest.approx(SURVIVAL_6)
    assert out["valor"][big] == pytest.approx(SURVIVAL_6 / 1000)
    assert out["denominador"][big] == 1000 and not out["suprimido"][big]
    assert out["suprimido"][small] and np.isnan(out["valor"][small])
    assert np.isnan(out["numerador"][small])


def test_small_sector_slice_is_suppressed_not_noisy(run):
    filters = grade_flows.place_filters(muni=101, sector="privado")
    frame, summary = grade_flows.cohort_frames(run, TABLES, filters, 2024)
    assert summary["estado"] == "suprimido"
    assert summary["supervivencia_6"] is None
    assert frame["suprimido"].all() and frame["alcanzan"].isna().all()


def test_cohort_frames_of_a_place(run):
    frame, summary = grade_flows.cohort_frames(run, TABLES, {"muni": 101, "sector": "oficial"},
                                               2024)
    assert summary["estado"] == "ok"
    assert summary["supervivencia_6"] == pytest.approx(SURVIVAL_6, abs=1e-3)
    assert summary["culminacion_primaria"] == pytest.approx(COMPLETION, abs=1e-3)
    assert frame["tasa_promocion"].tolist() == pytest.approx([0.8] * cohort.N_GRADES)
    assert frame["tasa_repeticion"].tolist() == pytest.approx([0.1] * cohort.N_GRADES)
    assert frame["tasa_abandono"].tolist() == pytest.approx([0.1] * cohort.N_GRADES)
    assert (frame["alcanzan"] == frame["abandonan"] + frame["promovidos"]).all()
    assert list(frame.columns) == grade_flows.GRADE_COLUMNS


def test_no_pair_of_years_no_cohort(run):
    frame, summary = grade_flows.cohort_frames(run, TABLES, {}, 2023)  # 2022 is missing
    assert summary["estado"] == "sin_datos" and frame.empty


def test_trend_keys_give_one_row_per_year_with_a_previous_year(run):
    out = grade_flows.measure(run, TABLES, "culminacion_primaria", ("anio",), {})
    assert out["anio"].tolist() == [2024]
    assert out["numerador"][0] == pytest.approx(COMPLETION)


def test_published_flows_hide_small_counts(run):
    flows = grade_flows.flows(run, TABLES, grade_flows.place_filters(muni=102))
    assert len(flows) == 24 and flows["suprimido"].all()  # 1 repeater in every row
    assert flows["repitentes"].isna().all() and flows["inscritos_inicial"].isna().all()
    flows = grade_flows.flows(run, TABLES, grade_flows.place_filters(depto=1))
    assert not flows["suprimido"].any()
    assert flows["inscritos_inicial"].tolist() == [120.0] * 24


def test_sql_binds_every_value_and_refuses_unknown_names():
    text, params = grade_flows.flows_sql(("muni",), {"sexo": "F", "anio_from": 2023}, TABLES)
    assert "'F'" not in text and "2023" not in text
    assert params == {"niveles": ["primaria", "basico", "diversificado"], "sexo": "F",
                      "anio_from": 2023}
    with pytest.raises(ValueError):
        grade_flows.flows_sql(("grado; DROP",), {}, TABLES)
    with pytest.raises(ValueError):
        grade_flows.flows_sql((), {"nope": 1}, TABLES)


def test_rule_lives_in_suppression():
    assert suppression.MIN_COHORT_GRADE > suppression.MIN_COUNT
