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


def test_oa004_unlisted_methods_get_405_with_the_real_allow(app, document):
    """Every documented path: OPTIONS lists exactly its methods, any other method is a JSON 405
    with the same Allow (a write to the read-only API never reaches the catch-all 404)."""
    client = app.server.test_client()
    for path, ops in document["paths"].items():
        url = "/api/v1" + re.sub(r"\{(\w+)\}", lambda m: SAMPLES[m.group(1)], path)
        allowed = {m.upper() for m in ops} | {"HEAD", "OPTIONS"}
        options = client.options(url)
        assert set(options.headers["Allow"].split(", ")) == allowed, url
        for method in {"POST", "PUT", "PATCH", "DELETE"} - allowed:
            response = client.open(url, method=method)
            assert response.status_code == 405, (method, url)
            assert set(response.headers["Allow"].split(", ")) == allowed, (method, url)
            assert response.get_json()["error"]["code"] == "method_not_allowed"


def test_oa005_unknown_api_paths_are_json_404_for_get_and_405_for_writes(app):
    client = app.server.test_client()
    missing = client.get("/api/v1/no-such-endpoint")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"
    write = client.put("/api/v1/no-such-endpoint")
    assert write.status_code == 405 and write.headers["Allow"] == "GET, HEAD, OPTIONS"
    page = client.put("/no-such-page")  # outside the API: Flask's own answer, not the JSON
    assert page.status_code == 405 and page.mimetype == "text/html"


def test_oa006_examples_name_the_served_release(app, document):
    release = app.server.test_client().get("/api/v1/releases/current").get_json()["release_id"]
    version = document["paths"]["/releases/{version}"]["get"]["parameters"][0]
    assert version["example"] == release
    years = document["paths"]["/indicators"]["get"]["parameters"][1]["schema"]["enum"]
    assert years == sorted(years) and 2015 in years
