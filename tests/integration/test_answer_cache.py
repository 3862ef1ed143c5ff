"""The explorer's answers are kept per release: a repeat is a hit with the same bytes, another
language or a new release is a miss with its own answer, and feedback is never kept."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine
from callback_fuzz_support import base_request, layout_props
from dash import Output
from tracker_support import login, make_app, post_update

from app import create_app
from dashboard import releases
from dashboard.core import places
from dashboard.explore.views import BUILDERS
from dashboard.web import answer_cache
from layouts.ids import alerta as aid
from layouts.ids import explore as ids
from layouts.ids import participa as pid
from layouts.ids import shell as sid
from layouts.ids import tracker as tid
from layouts.ids import trayectorias as trid

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


def test_exactly_the_pure_views_and_the_public_record_are_declared(explorer):
    """The explorer's views, /alerta's and /trayectorias' filtered parts (release only), the
    tracker chart and published feedback (chain head + day). Not the download (its zip carries
    today's date), the feedback form or the lookup."""
    app, _, _ = explorer
    charts = (*BUILDERS, "census", "graduandos")
    assert answer_cache.declared_outputs(app) == {
        f"{ids.STATE}.data", f"{ids.MAP}.figure", f"{ids.CARDS}.children",
        *(f"{ids.graph(chart)}.figure" for chart in charts),
        f"{tid.GANTT}.figure", f"{pid.CHARTS}.children", f"{pid.LIST}.children",
        f"{aid.CONTENT}.children", f"{trid.RESULTS}.children"}


# ------------------------------------------------ answers that read the store and the clock

@pytest.fixture
def with_staff(demo_copy):
    app = make_app(demo_copy)
    public, staff = app.server.test_client(), app.server.test_client()
    login(staff)
    return app, public, staff, layout_props(public)


def test_the_tracker_chart_is_kept_until_the_record_or_the_date_changes(with_staff):
    app, public, staff, props = with_staff
    body = request_for(app, props, Output(tid.GANTT, "figure"))
    with time_machine.travel(datetime(2026, 5, 4, 15, tzinfo=UTC), tick=False):
        login(staff)  # sessions are dated: sign in on the day travelled to
        first, again = post(public, body), post(public, body)
        assert (first.headers["X-Answer-Cache"], again.headers["X-Answer-Cache"]) == (
            "miss", "hit")
        assert post_update(staff, "4.2", inicio_real="2026-01-15").status_code == 302
        after = post(public, body)
        assert after.headers["X-Answer-Cache"] == "miss"
        assert after.get_data() != first.get_data()  # the actual start is drawn
    with time_machine.travel(datetime(2026, 5, 5, 15, tzinfo=UTC), tick=False):
        assert post(public, body).headers["X-Answer-Cache"] == "miss"  # a new day


def test_the_first_render_is_kept_per_page_language_and_record(with_staff):
    _, public, staff, _ = with_staff

    def layout(client, page: str):
        return client.get("/_dash-layout", headers={"Referer": f"http://localhost{page}"})

    first, again = layout(public, "/?indicador=desercion"), layout(public, "/?indicador=desercion")
    assert (first.headers["X-Answer-Cache"], again.headers["X-Answer-Cache"]) == ("miss", "hit")
    assert again.get_data() == first.get_data()
    other = layout(public, "/?indicador=repitencia")
    assert other.headers["X-Answer-Cache"] == "miss" and other.get_data() != first.get_data()
    english = layout(public, "/?indicador=desercion&lang=en")
    assert english.headers["X-Answer-Cache"] == "miss" and english.get_data() != first.get_data()
    tracker = layout(public, "/compromiso")
    assert layout(public, "/compromiso").headers["X-Answer-Cache"] == "hit"
    assert post_update(staff, "4.2", avance="85").status_code == 302
    assert layout(public, "/compromiso").get_data() != tracker.get_data()
    assert "X-Answer-Cache" not in layout(staff, "/compromiso").headers  # signed in: never shared
