"""The Flask side of the shell: health check, real API 404s, request guards."""

from __future__ import annotations

import json

import pytest

from app import create_app


@pytest.fixture
def client(settings):
    return create_app(settings).server.test_client()


def test_healthz_without_release(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    assert resp.get_json() == {"status": "ok", "release_id": None, "demo": False}


def test_healthz_reports_the_served_release(demo_settings):
    client = create_app(demo_settings).server.test_client()
    body = client.get("/healthz").get_json()
    assert body["release_id"] and body["demo"] is True


def test_unknown_api_path_is_a_json_404(client):
    resp = client.get("/api/v1/no-such-thing")
    assert resp.status_code == 404
    assert resp.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"output": 1}', b"\xff\xfe",
                                  json.dumps({"output": "a.b", "outputs": {}, "inputs": "x",
                                              "changedPropIds": []}).encode()])
def test_malformed_dash_bodies_get_400_not_500(client, body):
    resp = client.post("/_dash-update-component", data=body,
                       content_type="application/json")
    assert resp.status_code == 400
    assert "error" in resp.get_json()


def test_oversized_body_is_refused(client):
    resp = client.post("/_dash-update-component", data=b"x" * 2_000_000,
                       content_type="application/json")
    assert resp.status_code == 413


def test_security_headers_present(client):
    resp = client.get("/healthz")
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_index_page_is_spanish_and_served_locally(client):
    html = client.get("/").get_data(as_text=True)
    assert "Transparencia Educativa GT" in html
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
