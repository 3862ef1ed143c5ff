"""Hostile input to every server callback: a clear 4xx or a 200 with a notice, never a 5xx.

Walks ``app.callback_map`` (string and pattern-matching ids, every page, the feedback widget and
the router), so a callback added later is fuzzed without touching this file. Values are sampled
(not a cross product) to keep the run short.
"""

from __future__ import annotations

import json
import shutil

import pytest
from callback_fuzz_support import (
    base_request,
    encode,
    hostile_variants,
    layout_props,
    server_callbacks,
)
from conftest import make_settings

from app import create_app

DISPATCH = "/_dash-update-component"
PER_SLOT = 9


@pytest.fixture(scope="module")
def fuzz_app(demo_settings, tmp_path_factory):
    """The real app on a private copy of the demo release (the widget may store feedback)."""
    settings = make_settings(tmp_path_factory.mktemp("fuzz"), feedback_rate_limit="100000/minute")
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    return create_app(settings)


@pytest.fixture(scope="module")
def client(fuzz_app):
    return fuzz_app.server.test_client()


@pytest.fixture(scope="module")
def props(client):
    return layout_props(client)


def post(client, body) -> tuple[int, object]:
    resp = client.post(DISPATCH, data=encode(body) if not isinstance(body, bytes) else body,
                       content_type="application/json")
    return resp.status_code, resp


def assert_handled(status: int, resp, what: str) -> None:
    assert status < 500, f"{status} for {what}"
    if 400 <= status < 500:
        err = resp.get_json(silent=True)
        assert isinstance(err, dict) and "error" in err, f"4xx without JSON error: {what}"


def test_every_server_callback_answers_its_realistic_request(fuzz_app, client, props):
    callbacks = server_callbacks(fuzz_app)
    assert len(callbacks) >= 15
    for key, cb in callbacks:
        status, _resp = post(client, base_request(key, cb, props))
        assert status in (200, 204), f"{status} for realistic {key[:80]}"


def test_hostile_values_never_give_5xx(fuzz_app, client, props):
    sent = 0
    for n, (key, cb) in enumerate(server_callbacks(fuzz_app)):
        for body in hostile_variants(base_request(key, cb, props), PER_SLOT, seed=n):
            status, resp = post(client, body)
            sent += 1
            changed = [e for g in ("inputs", "state") for e in body[g]]
            assert_handled(status, resp, f"{key[:60]} with {json.dumps(changed)[:160]}")
    assert sent > 300
    assert client.get("/healthz").status_code == 200


def _crafted(base: dict) -> list[dict]:
    """Structurally wrong requests a browser never sends."""
    first = base["inputs"][0]
    return [
        {**base, "output": "no-such-component.children"},
        {**base, "output": base["output"] + "x"},
        {**base, "inputs": []},
        {**base, "inputs": base["inputs"] + [first]},
        {**base, "inputs": [{"id": "evil", "property": "value", "value": 1}]
            * len(base["inputs"])},
        {**base, "inputs": [{"value": 1}] * len(base["inputs"])},
        {**base, "inputs": [{**first, "id": {"type": ["MATCH"]}}, *base["inputs"][1:]]},
        {**base, "state": [{"id": "x"}]},
        {**base, "state": "x"},
        {**base, "outputs": []},
        {**base, "outputs": "x"},
        {**base, "outputs": [base["outputs"]] * 30},
        {**base, "changedPropIds": "x"},
        {**base, "changedPropIds": [None, 3, {"a": 1}]},
        {**base, "changedPropIds": ["nope.value"]},
    ]


def test_crafted_bodies_get_a_json_4xx_or_a_harmless_200(fuzz_app, client, props):
    for key, cb in server_callbacks(fuzz_app):
        for body in _crafted(base_request(key, cb, props)):
            status, resp = post(client, body)
            assert_handled(status, resp, f"crafted {key[:60]}: {json.dumps(body)[:200]}")


@pytest.mark.parametrize("raw", [b"", b"{", b"[]", b"null", b'{"inputs": "x"}', b"\xff\xfe",
                                 b'{"output": "a.b", "outputs": {}, "inputs": [NaN],'
                                 b' "changedPropIds": []}', b'"' + b"a" * 900_000 + b'"',
                                 b"[" * 100_000 + b"]" * 100_000])
def test_malformed_bodies_are_400(client, raw):
    status, resp = post(client, raw)
    assert status == 400
    assert "error" in resp.get_json()


def test_deeply_nested_values_and_lone_surrogates_are_400(fuzz_app, client, props):
    key = "participa-lookup-result.children"
    deep: list = []
    for _ in range(80):
        deep = [deep]
    for value in ("GT-\ud800", deep):
        body = base_request(key, fuzz_app.callback_map[key], props)
        body["inputs"][1]["value"] = value
        status, resp = post(client, body)
        assert status == 400
        assert "error" in resp.get_json()


def test_router_with_non_string_path_renders_not_found_or_home(fuzz_app, client, props):
    key = next(k for k, _ in server_callbacks(fuzz_app) if "shell-root.children" in k)
    cb = fuzz_app.callback_map[key]
    body = base_request(key, cb, props)
    body["inputs"][0]["value"] = ["/participa"]
    body["state"][1]["value"] = None
    status, resp = post(client, body)
    assert status == 200
    assert "shell-root" in resp.get_json()["response"]


def test_participa_lookup_with_a_list_shows_not_found(fuzz_app, client, props):
    key = "participa-lookup-result.children"
    body = base_request(key, fuzz_app.callback_map[key], props)
    body["inputs"][1]["value"] = ["GT-1"]
    body["changedPropIds"] = ["participa-lookup-input.value"]
    status, resp = post(client, body)
    assert status == 200
    assert "participa-lookup-result" in resp.get_json()["response"]
