"""``/api/v1/indicators``: the explorer's numbers as JSON, CSV and Parquet; clear 400s."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from app import create_app


@pytest.fixture(scope="module")
def client(demo_settings):
    return create_app(demo_settings).server.test_client()


def test_json_by_department_is_marked_demo_with_cors(client):
    r = client.get("/api/v1/indicators?indicador=desercion&anio=2023")
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    body = r.get_json()
    assert body["demo"] is True and body["licence"] == "CC BY 4.0" and body["release_id"]
    assert body["indicator"]["key"] == "desercion"
    assert body["columns"] == ["code", "nombre", "numerador", "denominador", "valor", "suprimido"]
    assert [row["code"] for row in body["data"]] == list(range(1, 23))
    for row in body["data"]:
        assert row["suprimido"] or 0 <= row["valor"] <= 1
        if row["suprimido"]:
            assert row["valor"] is None


def test_municipalities_of_a_department_as_csv_and_parquet_hold_the_same_rows(client):
    base = "/api/v1/indicators?indicador=desercion&anio=2023&depto=13"
    csv = client.get(base + "&format=csv")
    parquet = client.get(base + "&format=parquet")
    data = client.get(base).get_json()["data"]
    assert csv.status_code == parquet.status_code == 200
    assert "attachment" in csv.headers["Content-Disposition"]
    assert csv.headers["Access-Control-Allow-Origin"] == "*"
    from_csv = pd.read_csv(io.BytesIO(csv.data))
    from_parquet = pd.read_parquet(io.BytesIO(parquet.data))
    assert list(from_csv["code"]) == list(from_parquet["code"]) == [r["code"] for r in data]
    assert all(code // 100 == 13 for code in from_csv["code"])


@pytest.mark.parametrize(
    "desglose, column", [("anio", "anio"), ("nivel", "categoria"), ("sexo", "categoria")]
)
def test_breakdowns(client, desglose, column):
    r = client.get(f"/api/v1/indicators?indicador=promocion&anio=2022&depto=5&desglose={desglose}")
    assert r.status_code == 200 and column in r.get_json()["columns"]


@pytest.mark.parametrize(
    "query, param",
    [
        ("anio=2023", "indicador"),
        ("indicador=nada&anio=2023", "indicador"),
        ("indicador=desercion&anio=20x3", "anio"),
        ("indicador=desercion&depto=99", "depto"),
        ("indicador=desercion&sexo=%3Cscript%3E", "sexo"),
        ("indicador=desercion&format=xml", "format"),
        ("indicador=desercion&desglose=escuela", "desglose"),
        ("indicador=desercion&foo=1", "foo"),
        ("indicador=ipg&medida=conteo", "medida"),
        ("indicador=ipg&desglose=sexo", "desglose"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, query, param):
    r = client.get("/api/v1/indicators?" + query)
    assert r.status_code == 400
    assert r.get_json()["error"]["param"] == param
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_a_municipality_of_another_department_is_named_with_its_rule(client):
    r = client.get("/api/v1/indicators?indicador=matricula&anio=2023&depto=1&muni=2217")
    assert r.status_code == 400
    assert r.get_json()["error"]["message"] == "invalid value for muni: '2217' (not in depto 1)"


def test_the_api_matches_the_page_download(client, demo_settings):
    """The API's by-area values equal what the explorer's ranking table shows."""
    from dashboard.explore.state import ExploreState
    from dashboard.explore.view_context import ViewContext
    from dashboard.explore.views import ranking_view
    from dashboard.queries import Warehouse

    view = ranking_view(
        ViewContext(ExploreState("desercion", 2023, depto=13), "es", Warehouse(demo_settings))
    )
    api = pd.DataFrame(
        client.get("/api/v1/indicators?indicador=desercion&anio=2023&depto=13").get_json()["data"]
    )
    table = view.table.set_index("Código INE")["Valor (%)"]
    for row in api.itertuples():
        expected = None if pd.isna(row.valor) else round(row.valor * 100, 2)
        shown = table.loc[row.code]
        assert (pd.isna(shown) and expected is None) or shown == pytest.approx(expected)
