"""Callback requests checked against the callback they name: the shape check itself (pure),
and on a small Dash app the 400 it gives, the 400 for a ValueError escaping a callback, and the
404 for an unknown component path."""

from __future__ import annotations

import json

import pytest
from dash import MATCH, Dash, Input, Output, State, html

from dashboard.web.dash_requests import DASH_DISPATCH, BadCallbackRequestError, check_callback_body
from dashboard.web.dash_requests import install as install_checks


@pytest.fixture(scope="module")
def callback_map():
    app = Dash(__name__)
    app.layout = html.Div()
    app.callback(Output("out", "children"), Input("a", "value"), State("b", "data"))(
        lambda a, b: a)
    app.callback(Output({"type": "t", "k": MATCH}, "children"),
                 Input({"type": "btn", "k": MATCH}, "n_clicks"))(lambda n: n)
    return app.callback_map


def _body(**changes):
    body = {"output": "out.children", "outputs": {"id": "out", "property": "children"},
            "inputs": [{"id": "a", "property": "value", "value": 1}],
            "state": [{"id": "b", "property": "data", "value": None}],
            "changedPropIds": ["a.value"]}
    return {**body, **changes}


def test_a_browser_shaped_request_passes(callback_map):
    check_callback_body(_body(), callback_map)
    wildcard = {"output": next(k for k in callback_map if k.startswith("{")),
                "outputs": {"id": {"type": "t", "k": "x"}, "property": "children"},
                "inputs": [{"id": {"k": "x", "type": "btn"}, "property": "n_clicks",
                            "value": 1}],
                "changedPropIds": [json.dumps({"k": "x", "type": "btn"},
                                              separators=(",", ":")) + ".n_clicks"]}
    check_callback_body(wildcard, callback_map)


@pytest.mark.parametrize("changes", [
    {"output": "nope.children"}, {"output": 5}, {"outputs": []}, {"outputs": "x"},
    {"outputs": {"id": "other", "property": "children"}},
    {"inputs": []}, {"inputs": [{"id": "a", "property": "data", "value": 1}]},
    {"inputs": [{"id": {"type": "a"}, "property": "value"}]}, {"state": "x"},
    {"state": [{"id": "b", "property": "data"}, {"id": "b", "property": "data"}]},
    {"changedPropIds": "a.value"}, {"changedPropIds": ["b.data"]}, {"changedPropIds": [3]},
    {"inputs": [{"id": "a", "property": "value", "value": "\ud800"}]},
])
def test_misshapen_requests_are_refused(callback_map, changes):
    with pytest.raises(BadCallbackRequestError):
        check_callback_body(_body(**changes), callback_map)


def _fails(value):
    raise ValueError(f"cannot use {value!r}")


@pytest.fixture
def client():
    app = Dash(__name__)
    app.layout = html.Div()
    app.callback(Output("out", "children"), Input("a", "value"), State("b", "data"))(
        lambda a, b: a)
    app.callback(Output("boom", "children"), Input("c", "value"))(_fails)
    install_checks(app)
    return app.server.test_client()


def test_the_app_answers_a_mismatch_with_a_400_before_the_callback_runs(client) -> None:
    ok = client.post(DASH_DISPATCH, json=_body())
    assert ok.status_code == 200 and ok.get_json()["response"]["out"]["children"] == 1
    bad = client.post(DASH_DISPATCH, json=_body(changedPropIds=["b.data"]))
    assert bad.status_code == 400
    assert "changedPropIds" in bad.get_json()["error"]["message"]


def test_a_value_error_in_a_callback_is_a_logged_400_not_a_500(client) -> None:
    body = {"output": "boom.children", "outputs": {"id": "boom", "property": "children"},
            "inputs": [{"id": "c", "property": "value", "value": "x"}],
            "changedPropIds": ["c.value"]}
    response = client.post(DASH_DISPATCH, json=body)
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == (
        "The callback could not use the values it was sent.")


def test_an_unknown_component_path_is_a_404(client) -> None:
    response = client.get("/_dash-component-suites/nada/nada.v1m1.js")
    assert (response.status_code, response.get_data(as_text=True)) == (404, "Not found")
