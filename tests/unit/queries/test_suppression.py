"""Disclosure control at the edges: 4 vs 5, zero, denominator 4 vs 5, complementary cells.

The pure rules are tested on frames; the same edges are then driven end to end through a tiny
hand-made release (publish → rollups → Warehouse), so the SQL path cannot bypass them.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from conftest import make_settings

from dashboard import releases
from dashboard.core import places
from dashboard.queries import Warehouse, suppression
from dashboard.queries.filters import IndicatorQuery as Q

# ---- pure rules -----------------------------------------------------------------------------


def _frame(num: list[float | None], den: list[float | None]) -> pd.DataFrame:
    return pd.DataFrame({"numerador": num, "denominador": den}, dtype="float64")


def test_counts_one_to_four_are_suppressed_zero_and_five_are_not():
    out = suppression.apply_frame(_frame([0, 1, 4, 5, 120], [None] * 5), has_denominator=False)
    assert out["suprimido"].tolist() == [False, True, True, False, False]
    assert out["valor"].tolist()[0] == 0
    assert math.isnan(out["valor"].iloc[2]) and math.isnan(out["numerador"].iloc[2])
    assert out["valor"].iloc[3] == 5


def test_rate_with_denominator_four_is_suppressed_five_is_not():
    out = suppression.apply_frame(_frame([0, 0, 5, 5], [4, 5, 4, 5]), has_denominator=True)
    assert out["suprimido"].tolist() == [True, False, True, False]
    assert out["valor"].iloc[1] == 0.0
    assert out["valor"].iloc[3] == 1.0
    hidden = out[out["suprimido"]]
    assert hidden[["numerador", "denominador", "valor"]].isna().all().all()


def test_small_numerator_hides_a_rate_even_with_large_denominator():
    out = suppression.apply_frame(_frame([3, 5], [1000, 1000]), has_denominator=True)
    assert out["suprimido"].tolist() == [True, False]


def test_zero_over_zero_is_no_data_not_suppressed():
    out = suppression.apply_frame(_frame([0, None], [0, None]), has_denominator=True)
    assert out["suprimido"].tolist() == [False, False]
    assert out["valor"].isna().all()


def test_per_thousand_scale():
    out = suppression.apply_frame(_frame([50], [1000]), has_denominator=True, scale=1000)
    assert out["valor"].iloc[0] == 50.0


def test_complement_hides_the_next_smallest_cell_of_a_partition():
    raw = np.array([3, 40, 9, 0, 2, 50], dtype="float64")
    cols = suppression.apply(raw, None)
    out = suppression.complement(cols, raw, np.array([1, 1, 1, 1, 2, 2]))
    assert out["suprimido"].tolist() == [True, False, True, False, True, True]
    assert np.isnan(out["valor"][2])


def test_complement_leaves_partitions_with_two_hidden_cells_alone():
    raw = np.array([3, 2, 9], dtype="float64")
    out = suppression.complement(suppression.apply(raw, None), raw)
    assert out["suprimido"].tolist() == [True, True, False]


# ---- end to end on a tiny release -----------------------------------------------------------

SCHOOLS = [  # codigo, muni, sector, area
    ("01-01-0001-43", 101, "oficial", "urbana"),
    ("01-02-0001-43", 102, "oficial", "rural"),
    ("02-01-0001-43", 201, "privado", "urbana"),
]
# codigo, sexo, inscritos_inicial, retirados
FLOWS = [
    ("01-01-0001-43", "F", 100, 4), ("01-01-0001-43", "M", 100, 5),
    ("01-02-0001-43", "F", 4, 0), ("01-02-0001-43", "M", 5, 0),
    ("02-01-0001-43", "F", 0, 0), ("02-01-0001-43", "M", 50, 0),
]
TEACHERS = [("01-01-0001-43", "F", 4), ("01-01-0001-43", "M", 0),
            ("02-01-0001-43", "F", 3), ("02-01-0001-43", "M", 2)]
POPULATION = [(101, "F", 300), (101, "M", 300), (102, "F", 4), (102, "M", 5)]


def tiny_tables() -> dict[str, pd.DataFrame]:
    schools = pd.DataFrame(SCHOOLS, columns=["codigo", "muni", "sector", "area"]).assign(
        nombre="Escuela", depto=lambda f: f["muni"] // 100, nivel="primaria",
        estado="abierta", modalidad="monolingüe", jornada="matutina", plan="diario")
    flows = pd.DataFrame(FLOWS, columns=["codigo", "sexo", "inscritos_inicial", "retirados"])
    flows = flows.assign(anio=2024, nivel="primaria", grado=1,
                         inscritos_final=lambda f: f["inscritos_inicial"] - f["retirados"],
                         promovidos=lambda f: f["inscritos_final"], no_promovidos=0,
                         repitentes=0, sobreedad=0)
    teachers = pd.DataFrame(TEACHERS, columns=["codigo", "sexo", "docentes"]).assign(
        anio=2024, nivel="primaria")
    population = pd.DataFrame(POPULATION, columns=["muni", "sexo", "poblacion"]).assign(
        anio=2024, grupo_edad="7-12")
    nivel = pd.DataFrame([{"nivel": "primaria", "nombre_es": "Primaria",
                           "nombre_en": "Primary", "orden": 2, "edad_inicio": 7, "grados": 6}])
    return {"dim_departamento": places.departments(), "dim_municipio": places.municipalities(),
            "dim_nivel": nivel, "dim_anio": pd.DataFrame({"anio": [2024]}),
            "dim_establecimiento": schools, "fact_matricula": flows,
            "fact_docentes": teachers, "fact_poblacion": population}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    settings = make_settings(tmp_path_factory.mktemp("tiny"))
    releases.publish(settings, tiny_tables(), sources=[], note="tiny")
    return Warehouse(settings)


@pytest.mark.parametrize(("muni", "sexo", "suppressed", "value"), [
    (101, "F", True, None),      # 4 dropouts of 100
    (101, "M", False, 0.05),     # 5 dropouts of 100
    (102, "F", True, None),      # 0 dropouts, denominator 4
    (102, "M", False, 0.0),      # 0 dropouts, denominator 5
    (201, "F", False, None),     # 0 of 0: no data, not suppressed
])
def test_dropout_edges(tiny: Warehouse, muni: int, sexo: str, suppressed: bool, value):
    got = tiny.indicator_value(Q("desercion", 2024, muni=muni, sexo=sexo))
    assert got["suprimido"] is suppressed
    assert got["valor"] == value
    if suppressed:
        assert got["numerador"] is None and got["denominador"] is None


@pytest.mark.parametrize(("muni", "sexo", "suppressed", "value"), [
    (102, "F", True, None), (102, "M", False, 5.0), (201, "F", False, 0.0),
])
def test_enrolment_count_edges(tiny: Warehouse, muni: int, sexo: str, suppressed: bool, value):
    got = tiny.indicator_value(Q("matricula", 2024, muni=muni, sexo=sexo))
    assert (got["suprimido"], got["valor"]) == (suppressed, value)


def test_students_per_teacher_denominator_four_vs_five(tiny: Warehouse):
    four = tiny.indicator_value(Q("alumnos_docente", 2024, muni=101))
    five = tiny.indicator_value(Q("alumnos_docente", 2024, muni=201))
    assert four["suprimido"] and four["valor"] is None
    assert not five["suprimido"] and five["valor"] == 10.0


def test_teacher_counts_follow_the_same_rule(tiny: Warehouse):
    assert tiny.indicator_value(Q("docentes", 2024, muni=101, sexo="F"))["suprimido"]
    zero = tiny.indicator_value(Q("docentes", 2024, muni=101, sexo="M"))
    assert (zero["suprimido"], zero["valor"]) == (False, 0.0)


def test_coverage_population_four_vs_five(tiny: Warehouse):
    girls = tiny.indicator_value(Q("cobertura_bruta", 2024, muni=102, sexo="F"))
    boys = tiny.indicator_value(Q("cobertura_bruta", 2024, muni=102, sexo="M"))
    assert girls["suprimido"] and girls["valor"] is None
    assert not boys["suprimido"] and boys["valor"] == 1.0


def test_breakdown_gets_complementary_suppression(tiny: Warehouse):
    out = tiny.indicator_breakdown(Q("matricula", 2024, muni=102), "sexo")
    assert out["suprimido"].tolist() == [True, True]
    assert out["valor"].isna().all()


def test_trend_hides_the_other_sex_when_one_is_suppressed(tiny: Warehouse):
    out = tiny.indicator_trend(Q("desercion", 2024, muni=101)).set_index("sexo")
    assert not out.loc["T", "suprimido"] and out.loc["T", "valor"] == pytest.approx(9 / 200)
    assert out.loc["F", "suprimido"] and out.loc["M", "suprimido"]


def test_map_never_shows_a_small_count(tiny: Warehouse):
    out = tiny.indicator_by_area(Q("matricula", 2024, sexo="F"), "muni")
    shown = out.loc[~out["suprimido"], "valor"].dropna()
    assert not shown.between(1, 4).any()
    assert bool(out.set_index("code").loc[102, "suprimido"])
