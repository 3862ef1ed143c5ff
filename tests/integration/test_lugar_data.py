"""The place pages' one-pass digest publishes exactly what each place's own queries publish.

The digest reads every place at once (``Warehouse.indicator_each_area``, census and graduandos
for all municipalities); these tests compare it, place by place, with the explorer's own
per-place queries on the small demo release, where suppression really happens.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import with_real_tables

from dashboard.core import places
from dashboard.lugar import data
from dashboard.lugar.gazetteer import Gazetteer
from dashboard.queries.filters import IndicatorQuery
from dashboard.queries.warehouse import Warehouse

SAMPLE = (0, 1, 16, 17, 101, 1601, 1602, 1709, 2217, 1302)


@pytest.fixture(scope="module")
def warehouse(demo_settings) -> Warehouse:
    return Warehouse(demo_settings)


@pytest.fixture(scope="module")
def digest(warehouse) -> data.Digest:
    return data.Digest.build(warehouse)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.build(places.departments(), places.municipalities())


def _same(a: float | None, b: float) -> bool:
    return (a is None and np.isnan(b)) or (a is not None and np.isclose(a, b))


@pytest.mark.parametrize("key", data.KEY_INDICATORS)
def test_trends_equal_each_places_own_trend(warehouse, digest, gaz, key):
    latest = digest.years[-1]
    for code in SAMPLE:
        place = gaz.get(code)
        q = IndicatorQuery(key, latest, depto=place.depto, muni=place.muni)
        own = warehouse.indicator_trend(q)
        own = own[own["sexo"] == "T"]
        mine = data.place_data(digest, place).trends[key]
        assert [p.anio for p in mine] == own["anio"].tolist()
        for point, value, secret in zip(mine, own["valor"], own["suprimido"], strict=True):
            assert point.suprimido == bool(secret) and _same(point.valor, value)


def test_levels_equal_each_places_own_breakdown(warehouse, digest, gaz):
    latest = digest.years[-1]
    for code in SAMPLE:
        place = gaz.get(code)
        own = warehouse.indicator_breakdown(
            IndicatorQuery(data.HEADLINE, latest, depto=place.depto, muni=place.muni), "nivel")
        mine = data.place_data(digest, place).levels
        assert [n for n, _ in mine] == own["categoria"].tolist()
        for (_, point), value, secret in zip(mine, own["valor"], own["suprimido"], strict=True):
            assert point.suprimido == bool(secret) and _same(point.valor, value)


def test_the_demo_release_suppresses_some_small_places(digest):
    hidden = [p for series in digest.trends["matricula"].values() for p in series if p.suprimido]
    levels = [p for rows in digest.levels.values() for _, p in rows if p.suprimido]
    assert levels or hidden  # the small demo has municipalities with fewer than 5 pupils
    assert all(p.valor is None for p in hidden + levels)


def test_parent_and_nation_are_the_latest_year_of_their_own_series(digest, gaz):
    coban = data.place_data(digest, gaz.get(1601))
    alta = data.place_data(digest, gaz.get(16))
    country = data.place_data(digest, gaz.get(0))
    assert coban.parent["desercion"] == alta.trends["desercion"][-1]
    assert coban.nation["desercion"] == country.trends["desercion"][-1]
    assert country.parent == {} and country.nation == {}


@pytest.fixture(scope="module")
def real_warehouse(demo_settings, real_data, tmp_path_factory) -> Warehouse:
    base = tmp_path_factory.mktemp("lugar-real")
    return Warehouse(with_real_tables(demo_settings, real_data, base, graduandos=True,
                                      schools=True))


def test_real_tables_equal_each_places_own_queries(real_warehouse, gaz):
    digest = data.Digest.build(real_warehouse)
    w = real_warehouse
    for code in SAMPLE:
        place = gaz.get(code)
        mine = data.place_data(digest, place)
        lit = w.census("censo_alfabetismo", place.depto, place.muni)
        assert [(s.categoria, s.numerador, s.denominador) for s in mine.literacy[1:]] == [
            (r.sexo, float(r.alfabetas), float(r.poblacion)) for r in lit.itertuples()]
        edu = w.census("censo_nivel_educativo", place.depto, place.muni)
        assert [(s.categoria, s.numerador) for s in mine.education] == [
            (r.nivel_educativo, float(r.poblacion)) for r in edu.itertuples()]
        for key, attr in (("graduandos_lectura", "lectura"),
                          ("graduandos_matematica", "matematica")):
            own = w.indicator_trend(IndicatorQuery(key, 2019, depto=place.depto,
                                                   muni=place.muni))
            assert [r.anio for r in mine.results] == own["anio"].tolist()
            assert all(_same(getattr(r, attr), v * 100)
                       for r, v in zip(mine.results, own["valor"], strict=True))
        counts = w.school_counts(place.depto, place.muni)["escuelas"].sum()
        assert sum(n for *_, n in mine.schools) == counts


def test_a_departments_graduandos_are_the_apis_departmental_figure(real_warehouse, gaz):
    """Sacatepéquez 2019: the source's own departmental figure (48.20 in reading), not the
    mean of its municipalities (35.70); the same number the API answers."""
    from app import create_app

    depto, settings = 3, real_warehouse.settings
    client = create_app(settings).server.test_client()
    mine = {r.anio: r for r in data.place_data(data.Digest.build(real_warehouse),
                                               gaz.get(depto)).results}
    for key, attr in (("graduandos_lectura", "lectura"), ("graduandos_matematica",
                                                           "matematica")):
        body = client.get(f"/api/v1/indicators?indicador={key}&anio=2019").get_json()
        row = next(r for r in body["data"] if r["code"] == depto)
        assert row["metodo"] == "fuente"
        assert getattr(mine[2019], attr) == pytest.approx(row["valor"] * 100)
        assert mine[2019].metodo == "fuente"
    assert mine[2019].lectura == pytest.approx(48.2)
    page = client.get(gaz.get(depto).path).get_data(as_text=True)
    assert "48.2" in page and "Cifra departamental de la fuente" in page
