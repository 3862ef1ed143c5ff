"""Numbers in explorer URLs are read as ASCII digits only: a crafted value gets a notice, not a 500.

``"--5".lstrip("-").isdigit()`` is True, so the old check let ``?depto=--5`` through to ``int()``,
which raised ``ValueError``: the first page load, the router and the state callback all failed.
"""

from __future__ import annotations

import shutil

import pytest
from callback_fuzz_support import base_request, encode, layout_props, server_callbacks
from conftest import make_settings

from app import create_app

DISPATCH = "/_dash-update-component"
CRAFTED = ["--5", "-" * 6, "--1", "²", "١٢", "-0", "9" * 5000]
KEYS = ["depto", "anio", "muni", "comparar"]


@pytest.fixture(scope="module")
def app(demo_settings, tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("urlnum"))
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    return create_app(settings)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def props(client):
    return layout_props(client)


def _request(app, props, prefix: str) -> dict:
    key = next(k for k, _ in server_callbacks(app) if k.startswith(prefix))
    return base_request(key, app.callback_map[key], props)


def _set(body: dict, cid: str, prop: str, value: object) -> None:
    for group in ("inputs", "state"):
        for entry in body[group]:
            if entry["id"] == cid and entry["property"] == prop:
                entry["value"] = value


@pytest.mark.parametrize("value", CRAFTED)
@pytest.mark.parametrize("key", KEYS)
def test_first_page_load_with_a_crafted_number_renders(client, key, value):
    resp = client.get("/_dash-layout", headers={"Referer": f"http://localhost/?{key}={value}"})
    assert resp.status_code == 200


@pytest.mark.parametrize("value", CRAFTED)
@pytest.mark.parametrize("key", KEYS)
def test_router_with_a_crafted_number_renders_the_explorer(app, client, props, key, value):
    body = _request(app, props, "..shell-root.children")
    _set(body, "shell-url", "pathname", "/")
    _set(body, "shell-url", "search", f"?{key}={value}")
    _set(body, "shell-page-meta", "data", None)  # nothing rendered yet: the router must render
    resp = client.post(DISPATCH, data=encode(body), content_type="application/json")
    assert resp.status_code == 200
    assert "explore-state" in resp.get_data(as_text=True)


@pytest.mark.parametrize("value", CRAFTED)
def test_state_callback_drops_a_crafted_department_with_a_notice(app, client, props, value):
    body = _request(app, props, "..explore-state.data")
    _set(body, "explore-url", "search", f"?depto={value}")
    _set(body, "explore-state", "data", {"state": {"indicador": "desercion", "anio": 2024,
                                                   "depto": 13}})
    body["changedPropIds"] = ["explore-url.search"]
    resp = client.post(DISPATCH, data=encode(body), content_type="application/json")
    assert resp.status_code == 200
    answer = resp.get_json()["response"]
    assert answer["explore-state"]["data"]["state"]["depto"] is None
    assert "depto" in str(answer["explore-notices"]["children"])
