"""``/api/v1/trayectorias``: a place's reconstructed cohort as JSON and CSV; clear 400s."""

from __future__ import annotations

import io
from itertools import pairwise

import pandas as pd
import pytest

from app import create_app
from dashboard.queries import Warehouse
from dashboard.queries.filters import IndicatorQuery


@pytest.fixture(scope="module")
def client(demo_settings):
    return create_app(demo_settings).server.test_client()


def test_national_cohort_is_whole_demo_labelled_and_consistent(client, demo_settings):
    r = client.get("/api/v1/trayectorias")
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    body = r.get_json()
    assert body["demo"] is True and body["origen"] == "demo" and body["estado"] == "ok"
    assert body["max_repeticiones"] == 2 and body["minimo_por_grado"] == 30
    rows = body["data"]
    assert [(x["nivel"], x["grado"]) for x in rows][:2] == [("primaria", 1), ("primaria", 2)]
    assert len(rows) == 12 and all(x["origen"] == "demo" for x in rows)
    assert rows[0]["alcanzan"] == 1000
    for row, nxt in pairwise(rows):
        assert row["alcanzan"] == pytest.approx(row["abandonan"] + row["promovidos"], abs=0.11)
        assert nxt["alcanzan"] <= row["promovidos"] + 0.05
    # the headline figures are the explorer's indicators for the same place and year
    anio = body["filtros"]["anio"]
    wh = Warehouse(demo_settings)
    survival = wh.indicator_value(IndicatorQuery("supervivencia_6", anio))
    assert body["resumen"]["supervivencia_6"] == pytest.approx(survival["numerador"], abs=1e-3)
    assert rows[5]["alcanzan"] == pytest.approx(survival["numerador"], abs=0.05)
    completion = wh.indicator_value(IndicatorQuery("culminacion_primaria", anio))
    assert body["resumen"]["culminacion_primaria"] == pytest.approx(completion["numerador"],
                                                                    abs=1e-3)


def test_csv_holds_the_json_rows_with_origin(client):
    base = "/api/v1/trayectorias?lugar=16&sexo=F"
    body = client.get(base).get_json()
    csv = client.get(base + "&format=csv")
    assert csv.status_code == 200 and "attachment" in csv.headers["Content-Disposition"]
    frame = pd.read_csv(io.StringIO(csv.get_data(as_text=True).lstrip("\ufeff")))
    assert list(frame.columns) == body["columns"]
    assert (frame["origen"] == "demo").all() and (frame["lugar"] == 16).all()
    assert frame["alcanzan"].tolist()[:6] == pytest.approx([x["alcanzan"] for x in
                                                           body["data"]][:6])


def test_small_slice_is_suppressed_not_noisy(client):
    body = client.get("/api/v1/trayectorias?lugar=1601&sector=cooperativa&area=rural"
                      ).get_json()
    assert body["estado"] in ("suprimido", "sin_datos")
    assert body["resumen"]["supervivencia_6"] is None
    assert all(x["alcanzan"] is None for x in body["data"])


@pytest.mark.parametrize(("query", "param"), [
    ("lugar=abc", "lugar"), ("lugar=9999", "lugar"), ("lugar=2399", "lugar"),
    ("anio=1800", "anio"), ("anio=2015", "anio"), ("sexo=X", "sexo"),
    ("sector=nope", "sector"), ("area=mar", "area"), ("format=xml", "format"),
])
def test_bad_parameters_are_400_naming_the_parameter(client, query, param):
    r = client.get(f"/api/v1/trayectorias?{query}")
    assert r.status_code == 400
    assert r.get_json()["error"]["param"] == param


def test_openapi_documents_the_route(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    op = doc["paths"]["/trayectorias"]["get"]
    names = [p["name"] for p in op["parameters"]]
    assert names == ["lugar", "anio", "sexo", "sector", "area", "format"]
    years = next(p for p in op["parameters"] if p["name"] == "anio")["schema"]["enum"]
    assert 2015 not in years and 2024 in years
    assert "Trayectoria" in doc["components"]["schemas"]
    enum = doc["paths"]["/indicators"]["get"]["parameters"][0]["schema"]["enum"]
    assert {"supervivencia_6", "culminacion_primaria"} <= set(enum)


def test_cohort_indicator_trend_total_is_its_own_cohort_not_a_sum(demo_settings):
    wh = Warehouse(demo_settings)
    trend = wh.indicator_trend(IndicatorQuery("supervivencia_6", 2024))
    years = sorted(set(trend["anio"]))
    assert years[0] == min(wh.years()) + 1  # the first year has no year before it
    total = trend[trend["sexo"] == "T"].set_index("anio")["valor"]
    girls = trend[trend["sexo"] == "F"].set_index("anio")["valor"]
    boys = trend[trend["sexo"] == "M"].set_index("anio")["valor"]
    assert (total <= 1).all() and (total > 0).all()
    # not the F + M sum the additive indicators use (a share of 1,000 each), nor their mean:
    # a pooled cohort follows pooled rates (it may even lie outside the two)
    assert ((total - (girls + boys)).abs() > 0.2).all()
    assert ((total - (girls + boys) / 2).abs() > 1e-6).any()
    for anio in years[-2:]:
        value = wh.indicator_value(IndicatorQuery("supervivencia_6", int(anio)))
        assert total[anio] == pytest.approx(value["valor"])


def test_cohort_for_place_is_what_the_alerta_card_calls(demo_settings):
    wh = Warehouse(demo_settings)
    frame, summary = wh.cohort_for_place(1601)
    assert len(frame) == 12 and summary["estado"] in ("ok", "parcial", "suprimido")
    with pytest.raises(ValueError):
        wh.cohort_for_place(1699)  # a municipality code of the right form that does not exist
    with pytest.raises(ValueError):
        wh.cohort_for_place(None, sexo="X")
