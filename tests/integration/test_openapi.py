"""The served OpenAPI 3.1 document is valid, and documents the routes the app really has."""

from __future__ import annotations

import re

import pytest
from openapi_spec_validator import validate

from app import create_app

SAMPLES = {"version": "current", "tabla": "dim_departamento", "formato": "csv",
           "nombre": "dim_departamento", "seguimiento": "GT-2026-NOEXISTE", "milestone_id": "4.1"}


@pytest.fixture(scope="module")
def app(demo_settings, tmp_path_factory):
    settings = demo_settings.with_overrides(instance_dir=tmp_path_factory.mktemp("oa"))
    return create_app(settings)


@pytest.fixture(scope="module")
def document(app):
    response = app.server.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()


def test_oa001_document_is_valid_openapi_31(document):
    validate(document)
    assert document["openapi"].startswith("3.1")
    post = document["paths"]["/feedback"]["post"]
    assert {"201", "200", "400", "413", "429"} <= set(post["responses"])
    assert post["parameters"][0]["name"] == "Idempotency-Key"


def test_oa002_every_documented_get_answers(app, document):
    client = app.server.test_client()
    for path, ops in document["paths"].items():
        if "get" not in ops:
            continue
        url = "/api/v1" + re.sub(r"\{(\w+)\}", lambda m: SAMPLES[m.group(1)], path)
        response = client.get(url)
        response.get_data()  # consume streamed downloads inside their request context
        response.close()
        unknown = (response.status_code == 404
                   and "param" not in (response.get_json() or {}).get("error", {}))
        assert not unknown, url
        assert response.status_code < 500, url


def test_oa003_every_api_route_is_documented(app, document):
    documented = {re.sub(r"\{\w+\}", "<>", p) for p in document["paths"]}
    for rule in app.server.url_map.iter_rules():
        path = str(rule.rule)
        if not path.startswith("/api/v1/") or "_unknown" in path:
            continue
        if not rule.methods & {"GET", "POST"} or rule.endpoint.split(".")[-1].startswith("ro_"):
            continue
        normalized = re.sub(r"<[^>]+>", "<>", path.removeprefix("/api/v1"))
        assert normalized in documented, path
