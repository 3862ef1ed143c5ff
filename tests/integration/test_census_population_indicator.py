"""The census school-age population as an explorer/API indicator (``poblacion_censo``).

Checked against the INE workbook itself (read here with openpyxl, not through the importer):
the national figure, a department and a municipality are the sums of A1's 5-9, 10-14 and
15-19 columns; the indicator is real, from INE, describes 2018 only and says so; coverage
reads the census for 2018 only (decision 0015).
"""

from __future__ import annotations

from collections import defaultdict

import openpyxl
import pytest
from dash.development.base_component import Component

from app import create_app
from callbacks.explore import card_outputs, map_outputs
from dashboard.core import indicators, provenance
from dashboard.explore import state as es
from dashboard.explore.catalog import catalog
from dashboard.explore.view_context import ViewContext
from dashboard.explore.views import BUILDERS
from dashboard.queries.filters import IndicatorQuery
from dashboard.services import Services

SCHOOL_AGE = ("5 - 9", "10 - 14", "15 - 19")


@pytest.fixture(scope="module")
def services(census_settings):
    return Services.build(census_settings)


@pytest.fixture(scope="module")
def workbook_school_age(real_data) -> list[tuple[int, int]]:
    """(code as printed, 5-19 population) per row of the A1 workbook (two municipalities of
    Huehuetenango share a printed code: a list, not a dict)."""
    path = next((real_data / "ine-censo-2018").glob("*Cuadro A1 -*.xlsx"))
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header = [" ".join(str(h).split()) if h else "" for h in rows[0]]
    cols = [header.index(h) for h in SCHOOL_AGE]
    return [(int(row[1]), sum(int(row[c]) for c in cols if row[c] not in (None, "-")))
            for row in rows[1:] if row[1] is not None]


def _q(**kw) -> IndicatorQuery:
    return IndicatorQuery("poblacion_censo", 2018, **kw)


def test_national_and_department_totals_match_the_workbook(services, workbook_school_age):
    wh = services.warehouse
    nation = wh.indicator_value(_q())
    assert nation["valor"] == sum(people for _, people in workbook_school_age)
    assert 4_900_000 < nation["valor"] < 5_000_000  # about a third of 14.9 million
    by_depto: dict[int, int] = defaultdict(int)
    for code, people in workbook_school_age:
        by_depto[code // 100] += people
    areas = wh.indicator_by_area(_q(), "depto").set_index("code")["valor"]
    assert len(areas) == 22
    assert areas.sum() == nation["valor"]
    assert areas.loc[3] == by_depto[3]  # Sacatepéquez: no code corrections there


def test_a_municipality_is_its_own_row(services, workbook_school_age):
    value = services.warehouse.indicator_value(_q(depto=1, muni=101))
    assert value["valor"] == dict(workbook_school_age)[101]


def test_registry_and_provenance_say_real_ine_2018(services):
    ind = indicators.get("poblacion_censo")
    assert (ind.origin, ind.fixed_year, ind.unit) == ("real", 2018, "count")
    assert not ind.supports("sexo") and not ind.supports("nivel")
    origin = provenance.indicator(ind, services.warehouse.manifest())
    assert origin.origen == "real"
    assert any("Censo" in s and "2018" in s for s in origin.sources)
    assert catalog(services.warehouse).years_of("poblacion_censo") == (2018,)


def test_coverage_reads_the_census_for_2018_only(services):
    """Over a generated population table the census is the 2018 denominator, and only 2018's
    (decision 0015; ``test_census_denominator`` checks the figures)."""
    cov = indicators.get("cobertura_bruta")
    manifest = services.warehouse.manifest()
    assert provenance.indicator(cov, manifest, year=2018).denominator_table == "censo_poblacion"
    assert provenance.indicator(cov, manifest, year=2017).denominator_table == "fact_poblacion"


def test_explorer_url_for_another_year_falls_back_to_2018(services):
    state, notices = es.parse({"indicador": ["poblacion_censo"], "anio": ["2024"],
                               "sexo": ["F"]}, catalog(services.warehouse))
    assert state.anio == 2018 and state.sexo is None
    assert {n.param for n in notices} == {"anio", "sexo"}


def test_api_answers_2018_real_and_refuses_other_years(census_settings):
    client = create_app(census_settings).server.test_client()
    body = client.get("/api/v1/indicators?indicador=poblacion_censo&anio=2018").get_json()
    assert body["origen"] == "real" and body["indicator"]["fixed_year"] == 2018
    assert any("Censo" in s for s in body["fuentes"]) and len(body["data"]) == 22
    assert "2018" in body["indicator"]["explanation"]["es"]
    assert body["filters"]["anio"] == "2018"
    bad = client.get("/api/v1/indicators?indicador=poblacion_censo&anio=2024")
    assert bad.status_code == 400 and bad.get_json()["error"]["param"] == "anio"
    csv = client.get("/api/v1/indicators?indicador=poblacion_censo&format=csv").get_data(True)
    header, first = csv.splitlines()[:2]
    assert "origen" in header and ",real," in first


def test_demo_release_without_census_does_not_offer_it(demo_settings):
    cat = catalog(Services.build(demo_settings).warehouse)
    assert not cat.is_available("poblacion_censo")


def _text(node) -> str:
    return str(node.to_plotly_json() if isinstance(node, Component) else node)


def test_explorer_map_cards_and_every_chart_draw_it(services):
    store = {"state": es.ExploreState("poblacion_censo", 2018, depto=16).to_json()}
    out = map_outputs(store, None, "es", services)
    assert "2018" in out[0] and "2024" not in out[0]
    cards, definition, badge = card_outputs(store, "es", services)
    text = _text(cards)
    assert "personas de 5 a 19 años en 2018" in text and badge.children == "Datos reales: INE"
    assert "Solo existe para 2018" in _text(definition)
    vc = ViewContext(es.from_json(store["state"], catalog(services.warehouse)), "es",
                     services.warehouse)
    views = {name: build(vc) for name, build in BUILDERS.items()}  # none raises
    assert len(views["ranking"].table) == 17  # Alta Verapaz's municipalities
    assert views["nivel"].table.empty  # no level breakdown: it says so instead of drawing
