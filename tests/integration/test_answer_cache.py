"""The explorer's answers are kept per release: a repeat is a hit with the same bytes, another
language or a new release is a miss with its own answer, and feedback is never kept."""

from __future__ import annotations

import json

import pytest
from callback_fuzz_support import base_request, layout_props
from dash import Output

from app import create_app
from dashboard import releases
from dashboard.core import places
from dashboard.explore.views import BUILDERS
from dashboard.web import answer_cache
from layouts.ids import explore as ids
from layouts.ids import participa as pid
from layouts.ids import shell as sid

DISPATCH = "/_dash-update-component"


def callback_key(app, output: Output) -> str:
    (key,) = answer_cache.cacheable_callbacks(app.callback_map, {str(output)})
    return key


def request_for(app, props: dict, output: Output, lang: str = "es") -> dict:
    key = callback_key(app, output)
    body = base_request(key, app.callback_map[key], props)
    for entry in body["state"]:
        if entry["id"] == sid.LANG:
            entry["value"] = lang
    return body


def post(client, body: dict):
    resp = client.post(DISPATCH, data=json.dumps(body), content_type="application/json")
    assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    return resp


@pytest.fixture
def explorer(demo_copy):
    app = create_app(demo_copy)
    client = app.server.test_client()
    return app, client, layout_props(client)


def test_the_same_request_twice_is_a_hit_with_identical_bytes(explorer):
    app, client, props = explorer
    for output in (Output(ids.MAP, "figure"), Output(ids.CARDS, "children"),
                   Output(ids.graph("trend"), "figure")):
        body = request_for(app, props, output)
        first, again = post(client, body), post(client, body)
        assert first.headers["X-Answer-Cache"] == "miss", output
        assert again.headers["X-Answer-Cache"] == "hit", output
        assert again.get_data() == first.get_data()
        assert again.headers["Content-Type"] == first.headers["Content-Type"]


def test_another_language_is_a_miss_with_its_own_answer(explorer):
    app, client, props = explorer
    spanish = post(client, request_for(app, props, Output(ids.CARDS, "children"), "es"))
    english = post(client, request_for(app, props, Output(ids.CARDS, "children"), "en"))
    assert english.headers["X-Answer-Cache"] == "miss"
    assert english.get_data() != spanish.get_data()


def test_a_new_release_is_a_miss_and_a_rollback_finds_the_old_answer(explorer, demo_copy):
    app, client, props = explorer
    body = request_for(app, props, Output(ids.MAP, "figure"))
    before = post(client, body)
    assert "Guatemala (renombrado)" not in before.get_data(as_text=True)
    renamed = places.departments()
    renamed.loc[renamed["depto"] == 1, "nombre"] = "Guatemala (renombrado)"
    releases.publish(demo_copy, {"dim_departamento": renamed}, sources=[])
    after = post(client, body)
    assert after.headers["X-Answer-Cache"] == "miss"
    assert "Guatemala (renombrado)" in after.get_data(as_text=True)
    releases.rollback(demo_copy)
    back = post(client, body)
    assert back.headers["X-Answer-Cache"] == "hit" and back.get_data() == before.get_data()


def test_the_feedback_submit_is_never_kept(explorer):
    app, client, props = explorer
    (key,) = [k for k in app.callback_map if f"{pid.FB_RESULT}.children" in k]
    body = base_request(key, app.callback_map[key], props)
    kept = len(answer_cache.installed(app))
    for _ in range(2):
        resp = client.post(DISPATCH, json=body)
        assert resp.status_code in (200, 204) and "X-Answer-Cache" not in resp.headers
    assert len(answer_cache.installed(app)) == kept


def test_exactly_the_explorer_views_and_state_are_declared(explorer):
    """Not the download (its zip carries today's date), nor any other page's callbacks."""
    app, _, _ = explorer
    charts = (*BUILDERS, "census", "graduandos")
    assert answer_cache.declared_outputs(app) == {
        f"{ids.STATE}.data", f"{ids.MAP}.figure", f"{ids.CARDS}.children",
        *(f"{ids.graph(chart)}.figure" for chart in charts)}
