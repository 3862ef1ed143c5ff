"""The edge guards on a small Flask app: body size limits (with an endpoint's own larger limit
and its own 413 page), deeply nested JSON, the Dash dispatch body's shape, security headers."""

from __future__ import annotations

import json

import pytest
from flask import Flask, request

from dashboard.web.guards import DASH_DISPATCH, MAX_BODY_BYTES, install_guards

GOOD_DASH = {"output": "out.children", "outputs": {"id": "out", "property": "children"},
             "inputs": [{"id": "a", "property": "value", "value": 1}],
             "changedPropIds": ["a.value"]}


@pytest.fixture
def client():
    server = Flask(__name__)
    server.add_url_rule(DASH_DISPATCH, "dispatch", lambda: "ran", methods=["POST"])
    server.add_url_rule("/echo", "echo", lambda: {"got": request.get_json(silent=True)},
                        methods=["POST"])
    server.add_url_rule("/upload", "upload", lambda: str(len(request.get_data())),
                        methods=["POST"])
    server.add_url_rule("/form", "form", lambda: "ok", methods=["POST"])
    server.config["BODY_LIMITS"] = {"upload": 3 * MAX_BODY_BYTES}
    server.config["BODY_TOO_LARGE"] = {"form": lambda: ("archivo demasiado grande", 413),
                                       "echo": lambda: None}  # None: the JSON 413
    install_guards(server)
    return server.test_client()


def test_a_well_formed_request_passes_with_security_headers(client) -> None:
    response = client.post(DASH_DISPATCH, json=GOOD_DASH)
    assert (response.status_code, response.get_data(as_text=True)) == (200, "ran")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_bodies_over_the_limit_get_413_unless_the_endpoint_allows_more(client) -> None:
    big = b"x" * (MAX_BODY_BYTES + 1)
    answer = client.post("/echo", data=big)
    assert answer.status_code == 413 and answer.get_json()["error"]["code"] == "bad_request"
    form = client.post("/form", data=big)
    assert (form.status_code, form.get_data(as_text=True)) == (413, "archivo demasiado grande")
    upload = client.post("/upload", data=big)
    assert (upload.status_code, upload.get_data(as_text=True)) == (200, str(len(big)))
    assert client.post("/upload", data=b"x" * (3 * MAX_BODY_BYTES + 1)).status_code == 413


def test_json_nested_past_the_parser_limit_is_a_400(client) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post("/echo", data=deep, content_type="application/json")
    assert response.status_code == 400 and "nested too deeply" in response.get_data(as_text=True)
    assert client.post("/echo", json=[[1]]).get_json() == {"got": [[1]]}


@pytest.mark.parametrize(("body", "message"), [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe", "not valid JSON"),
    (json.dumps([GOOD_DASH]).encode(), "not a Dash callback request"),
    (json.dumps({"output": "out.children"}).encode(), "not a Dash callback request"),
    (json.dumps({**GOOD_DASH, "inputs": "a"}).encode(), "Malformed callback inputs or output"),
    (json.dumps({**GOOD_DASH, "output": 3}).encode(), "Malformed callback inputs or output"),
    (json.dumps({**GOOD_DASH, "state": {"b": 1}}).encode(), "Malformed callback state"),
    (json.dumps({**GOOD_DASH, "inputs": [1]}).encode(), "Malformed callback inputs."),
])
def test_malformed_dash_bodies_are_a_400_that_says_why(client, body: bytes, message) -> None:
    response = client.post(DASH_DISPATCH, data=body, content_type="application/json")
    assert response.status_code == 400 and message in response.get_json()["error"]["message"]
