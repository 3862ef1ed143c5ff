"""The demo generator: deterministic, complete geography, exact flow identities, believable."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard import releases
from dashboard.core import dictionary, places
from dashboard.releases import demo
from dashboard.releases import demo_calibration as cal

SCALE = 0.05


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return demo.generate(SCALE, seed=11)


def test_same_seed_same_frames_other_seed_differs(tables):
    again = demo.generate(SCALE, seed=11)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, again[name], obj=name)
    other = demo.generate(SCALE, seed=12)
    assert not other["fact_matricula"]["inscritos_inicial"].equals(
        tables["fact_matricula"]["inscritos_inicial"])


def test_tables_match_the_dictionary_and_validate(tables):
    for name, frame in tables.items():
        assert list(frame.columns) == dictionary.table(name).column_names(), name
        assert releases.validate_frame(name, frame) == [], name
    assert "censo_alfabetismo" not in tables and "resultados_graduandos" not in tables


def test_calibration_covers_exactly_the_ine_departments():
    for table in (cal.DEPTO_POP, cal.DISADVANTAGE, cal.URBAN_SHARE, cal.BILINGUAL_SHARE):
        assert set(table) == places.department_codes()
    assert places.department_codes() >= cal.NORTHWEST


def test_all_departments_municipalities_and_years(tables):
    assert len(tables["dim_departamento"]) == 22
    assert len(tables["dim_municipio"]) == 340
    assert tables["dim_anio"]["anio"].tolist() == list(range(2015, 2025))
    schools = tables["dim_establecimiento"]
    assert schools["muni"].nunique() == 340, "every municipality has at least one school"
    assert set(tables["fact_poblacion"]["muni"]) == set(tables["dim_municipio"]["muni"])


def test_school_codes_follow_the_mineduc_pattern(tables):
    schools = tables["dim_establecimiento"]
    assert schools["codigo"].str.fullmatch(r"\d{2}-\d{2}-\d{4}-(42|43|45|46)").all()
    first = schools.iloc[0]
    dd, mm, _, ll = re.split("-", first["codigo"])
    assert int(dd) * 100 + int(mm) == first["muni"]
    assert {"42": "preprimaria", "43": "primaria", "45": "basico",
            "46": "diversificado"}[ll] == first["nivel"]


def test_flow_identities_and_non_negative(tables):
    f = tables["fact_matricula"]
    counts = f.select_dtypes("number").drop(columns=["anio", "grado"])
    assert (counts >= 0).all().all()
    assert (f["inscritos_final"] == f["inscritos_inicial"] - f["retirados"]).all()
    assert (f["promovidos"] + f["no_promovidos"] == f["inscritos_final"]).all()
    assert (f["repitentes"] <= f["inscritos_inicial"]).all()
    assert (f["sobreedad"] <= f["inscritos_inicial"]).all()


def test_small_counts_exist_so_suppression_bites(tables):
    n = tables["fact_matricula"]["inscritos_inicial"]
    assert n.between(1, 4).sum() > 100


def test_scale_one_is_about_four_million_students_a_year():
    """Checked on the scale-0.05 output: students scale linearly with the factor."""
    f = demo.generate(0.05, seed=2024)["fact_matricula"]
    per_year = f.groupby("anio")["inscritos_inicial"].sum() / 0.05
    assert per_year.between(3.4e6, 4.8e6).all()
    by_level = f[f["anio"] == 2024].groupby("nivel", observed=True)["inscritos_inicial"].sum()
    assert list(by_level.sort_values(ascending=False).index) == [
        "primaria", "basico", "preprimaria", "diversificado"]
    assert per_year[2021] < per_year[2019] and per_year[2021] < per_year[2023], "pandemic dip"


def _joined(tables) -> pd.DataFrame:
    schools = tables["dim_establecimiento"][["codigo", "depto", "sector", "area"]]
    f = tables["fact_matricula"].astype({"codigo": str})
    return f.merge(schools, on="codigo")


def test_sector_mix(tables):
    f = _joined(tables)
    share = f.groupby(["nivel", "sector"], observed=True)["inscritos_inicial"].sum() \
        .unstack(fill_value=0)
    share = share.div(share.sum(axis=1), axis=0)
    assert share.loc["primaria"].idxmax() == "oficial"
    assert share.loc["diversificado"].idxmax() == "privado"
    assert share.loc["basico", "cooperativa"] > 0.1


def test_department_differences_and_gender_gap(tables):
    f = _joined(tables)
    sums = f.groupby("depto")[["retirados", "sobreedad", "inscritos_inicial"]].sum()
    dropout = sums["retirados"] / sums["inscritos_inicial"]
    overage = sums["sobreedad"] / sums["inscritos_inicial"]
    for worse in (16, 14, 13):  # Alta Verapaz, Quiché, Huehuetenango
        for better in (1, 3, 9):  # Guatemala, Sacatepéquez, Quetzaltenango
            assert dropout[worse] > dropout[better]
            assert overage[worse] > overage[better]
    nw_rural = f[f["depto"].isin([13, 14, 16]) & (f["area"] == "rural")
                 & (f["nivel"] == "diversificado")]
    girls = nw_rural.groupby("sexo", observed=True)["inscritos_inicial"].sum()
    assert girls["F"] < girls["M"]


def test_scale_must_be_positive():
    with pytest.raises(ValueError, match="scale"):
        demo.generate(0, seed=1)
