"""``/api/v1/indicators`` in the OpenAPI document: every parameter the route reads, its enums
taken from the code, the three formats and the 400 that names the parameter."""

from __future__ import annotations

import pytest

from app import create_app
from dashboard.api import indicators as api
from dashboard.core import indicators
from dashboard.explore import state as explore_state

FILTERS = ["indicador", "anio", "desde", "hasta", "depto", "muni", "sexo", "nivel", "sector",
           "area", "medida"]


@pytest.fixture(scope="module")
def client(demo_settings, tmp_path_factory):
    settings = demo_settings.with_overrides(instance_dir=tmp_path_factory.mktemp("oa-ind"))
    return create_app(settings).server.test_client()


@pytest.fixture(scope="module")
def operation(client):
    return client.get("/api/v1/openapi.json").get_json()["paths"]["/indicators"]["get"]


def test_oai001_parameters_match_what_the_route_reads(operation):
    params = {p["name"]: p for p in operation["parameters"]}
    assert list(params) == [*FILTERS, "desglose", "format"]
    assert set(FILTERS) <= set(explore_state.KEYS)  # the route parses the explorer's URL keys
    assert params["indicador"]["required"] is True
    assert not any(p["required"] for name, p in params.items() if name != "indicador")
    assert params["indicador"]["schema"]["enum"] == list(indicators.keys())
    assert params["desglose"]["schema"]["enum"] == list(api.DESGLOSES)
    assert params["format"]["schema"]["enum"] == list(api.FORMATS) == ["json", "csv", "parquet"]
    assert params["sexo"]["schema"]["enum"] == list(explore_state.SEXO_URL)
    assert params["medida"]["schema"]["enum"] == list(explore_state.MEDIDA_URL)


def test_oai002_responses_cover_the_formats_and_a_400_naming_the_parameter(client, operation):
    ok = operation["responses"]["200"]["content"]
    assert set(ok) == {"application/json", "text/csv", "application/vnd.apache.parquet"}
    assert ok["application/json"]["schema"] == {"$ref": "#/components/schemas/IndicatorData"}
    error = operation["responses"]["400"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/Error"}
    for fmt, media in (("csv", "text/csv"), ("parquet", "application/vnd.apache.parquet")):
        response = client.get(f"/api/v1/indicators?indicador=desercion&format={fmt}")
        assert response.status_code == 200 and response.mimetype == media
    bad = client.get("/api/v1/indicators?indicador=desercion&nivel=universidad")
    assert bad.status_code == 400 and bad.get_json()["error"]["param"] == "nivel"
