"""The census as the 2018 coverage denominator over generated population (decision 0015).

A release with INE's real census imported over demo data: the 2018 gross coverage and parity
index divide the (demo) enrolment by the population derived from the census parquet (worked
out here independently, from the file, by the stated rule); other years keep the generated
population; every row, the API and the explorer say which years' denominators are generated.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from dash.development.base_component import Component

from app import create_app
from callbacks.explore import card_outputs
from dashboard.core import indicators, provenance
from dashboard.core.release_folder import current_release_id, releases_dir
from dashboard.explore import state as es
from dashboard.queries.filters import IndicatorQuery
from dashboard.services import Services

COBAN = 1601
# Each level's official ages as (five-year group, share of its five years).
RULE = {"preprimaria": {"0-4": 1, "5-9": 2}, "primaria": {"5-9": 3, "10-14": 3},
        "basico": {"10-14": 2, "15-19": 1}, "diversificado": {"15-19": 3}}


@pytest.fixture(scope="module")
def services(census_settings):
    return Services.build(census_settings)


@pytest.fixture(scope="module")
def demo_services(demo_settings):
    return Services.build(demo_settings)


@pytest.fixture(scope="module")
def a1(census_settings) -> pd.DataFrame:
    folder = releases_dir(census_settings) / current_release_id(census_settings)
    frame = pd.read_parquet(folder / "censo_poblacion.parquet")
    return frame[frame["area"] == "total"]


def _census_population(a1: pd.DataFrame, muni: int, nivel: str) -> dict[str, int]:
    """F and M population of ``nivel``'s ages in ``muni``, by hand from the A1 rows."""
    rows = a1[a1["muni"] == muni]
    group = rows[rows["sexo"] == "total"].set_index("grupo_edad")["poblacion"]
    sex = rows[rows["grupo_edad"] == "total"].set_index("sexo")["poblacion"]
    people = sum(int(group[g]) * fifths / 5 for g, fifths in RULE[nivel].items())
    total = int(sex["F"]) + int(sex["M"])
    return {s: round(people * int(sex[s]) / total) for s in ("F", "M")}


def _q(key: str, year: int, **kw) -> IndicatorQuery:
    return IndicatorQuery(key, year, depto=16, muni=COBAN, **kw)


@pytest.mark.parametrize(("nivel", "munis"), [
    ("primaria", [COBAN]), ("preprimaria", [COBAN]),
    *((n, None) for n in ("preprimaria", "primaria", "basico", "diversificado"))])
def test_2018_coverage_is_demo_enrolment_over_census_population(services, a1, nivel, munis):
    """A municipality, and the department (Alta Verapaz: the sum over its municipalities)."""
    wh = services.warehouse
    place = {"depto": 16, "muni": munis[0]} if munis else {"depto": 16}
    codes = munis or sorted(m for m in a1["muni"].unique() if m // 100 == 16)
    enrolled = wh.indicator_value(IndicatorQuery("matricula", 2018, nivel=nivel, **place))
    people = sum(sum(_census_population(a1, m, nivel).values()) for m in codes)
    got = wh.indicator_value(IndicatorQuery("cobertura_bruta", 2018, nivel=nivel, **place))
    assert enrolled["valor"] and got["numerador"] == enrolled["valor"]
    assert got["denominador"] == people
    assert got["valor"] == pytest.approx(enrolled["valor"] / people)


def test_2018_parity_index_uses_the_census_split_by_sex(services, a1):
    wh = services.warehouse
    pop = _census_population(a1, COBAN, "primaria")
    girls = wh.indicator_value(_q("matricula", 2018, nivel="primaria", sexo="F"))["valor"]
    boys = wh.indicator_value(_q("matricula", 2018, nivel="primaria", sexo="M"))["valor"]
    got = wh.indicator_value(_q("ipg", 2018, nivel="primaria"))["valor"]
    assert got == pytest.approx((girls / pop["F"]) / (boys / pop["M"]))


def test_other_years_keep_the_generated_population(services, demo_services):
    for year in (2017, 2019):
        census_run = services.warehouse.indicator_value(_q("cobertura_bruta", year))
        demo_run = demo_services.warehouse.indicator_value(_q("cobertura_bruta", year))
        assert census_run == demo_run
    assert services.warehouse.indicator_value(_q("cobertura_bruta", 2018)) != \
        demo_services.warehouse.indicator_value(_q("cobertura_bruta", 2018))


def test_provenance_is_per_year(services):
    manifest = services.warehouse.manifest()
    cov = indicators.get("cobertura_bruta")
    assert provenance.census_denominator_years(manifest) == (2018,)
    y2018 = provenance.indicator(cov, manifest, year=2018)
    y2017 = provenance.indicator(cov, manifest, year=2017)
    assert (y2018.origen, y2018.denominator_table) == ("mixto", "censo_poblacion")
    assert (y2017.origen, y2017.denominator_table) == ("demo", "fact_poblacion")
    assert any("Censo" in s for s in y2018.sources)
    assert provenance.indicator(cov, manifest).origen == "mixto"  # all years together
    # Dropout reads no population: untouched.
    assert provenance.indicator(indicators.get("desercion"), manifest, year=2018).origen == "demo"


SENTENCE = "El denominador de 2018 es real (Censo 2018, INE); el de los demás años es generado"


def test_api_rows_say_their_own_origin_and_which_years_are_generated(census_settings):
    client = create_app(census_settings).server.test_client()
    url = "/api/v1/indicators?indicador=cobertura_bruta&desglose=anio&depto=16&muni=1601"
    body = client.get(url).get_json()
    origins = {row["anio"]: row["origen"] for row in body["data"] if row["sexo"] == "T"}
    assert origins[2018] == "mixto" and origins[2017] == "demo" and origins[2024] == "demo"
    assert body["origen"] == "mixto" and SENTENCE in body["origen_nota"]["es"]
    assert "other years' denominators are generated" in body["origen_nota"]["en"]
    frame = pd.read_csv(io.StringIO(client.get(url + "&format=csv").get_data(True)))
    rows = frame[frame["sexo"] == "T"].set_index("anio")
    assert rows.loc[2018, "origen"] == "mixto" and "Censo" in rows.loc[2018, "fuente"]
    assert rows.loc[2017, "origen"] == "demo" and "Censo" not in rows.loc[2017, "fuente"]
    one = client.get("/api/v1/indicators?indicador=cobertura_bruta&anio=2017").get_json()
    assert one["origen"] == "demo" and SENTENCE in one["origen_nota"]["es"]


def _text(node) -> str:
    return str(node.to_plotly_json() if isinstance(node, Component) else node)


@pytest.mark.parametrize(("year", "badge"), [(2018, "Datos mixtos"), (2017, "demostración")])
def test_explorer_cards_say_which_years_are_generated(services, year, badge):
    store = {"state": es.ExploreState("cobertura_bruta", year, depto=16).to_json()}
    cards, _definition, shown = card_outputs(store, "es", services)
    assert SENTENCE in _text(cards)
    assert badge in shown.children


def test_demo_release_keeps_its_population_and_says_nothing_of_the_census(demo_services):
    manifest = demo_services.warehouse.manifest()
    assert provenance.census_denominator_years(manifest) == ()
    origin = provenance.indicator(indicators.get("cobertura_bruta"), manifest, year=2018)
    assert (origin.origen, origin.denominator_table, origin.sentence()) == \
        ("demo", "fact_poblacion", "")
