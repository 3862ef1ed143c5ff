"""Tracking-number lookups are throttled per client, one budget for the API and the page."""

from __future__ import annotations

import pytest
from feedback_support import private_settings

from dashboard.core.config import Settings
from dashboard.feedback.rate_limit import parse_rate
from layouts.ids import participa as pid

LIMIT, PERIOD = parse_rate(Settings.lookup_rate_limit)  # the default every install gets


@pytest.fixture
def app(demo_settings, tmp_path):
    from app import create_app

    return create_app(private_settings(demo_settings, tmp_path))


def lookup_callback(client, value: str) -> str:
    """The Participa form's lookup, as the browser sends it; the reply's text."""
    body = {"output": f"{pid.LOOKUP_RESULT}.children",
            "outputs": {"id": pid.LOOKUP_RESULT, "property": "children"},
            "inputs": [{"id": pid.LOOKUP_BUTTON, "property": "n_clicks", "value": 1},
                       {"id": pid.LOOKUP_INPUT, "property": "value", "value": value}],
            "state": [{"id": pid.PAGE, "property": "data", "value": {"lang": "es"}}],
            "changedPropIds": [f"{pid.LOOKUP_BUTTON}.n_clicks"]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return str(response.get_json()["response"][pid.LOOKUP_RESULT]["children"])


def test_api_lookups_are_limited_per_client(app) -> None:
    client = app.server.test_client()
    statuses = [client.get("/api/v1/feedback/GT-2026-ZZZZZZZZ").status_code
                for _ in range(LIMIT + 1)]
    assert statuses == [404] * LIMIT + [429]
    refused = client.get("/api/v1/feedback/GT-2026-ZZZZZZZZ")
    assert refused.headers["Retry-After"] == str(PERIOD)
    assert refused.get_json()["error"]["code"] == "rate_limited"
    other = client.get("/api/v1/feedback/GT-2026-ZZZZZZZZ",
                       environ_base={"REMOTE_ADDR": "10.7.0.1"})
    assert other.status_code == 404


def test_page_lookups_share_the_budget(app) -> None:
    client = app.server.test_client()
    assert "No encontramos" in lookup_callback(client, "GT-2026-ZZZZZZZZ")
    for _ in range(LIMIT - 1):
        client.get("/api/v1/feedback/GT-2026-ZZZZZZZZ")
    assert "Demasiadas consultas" in lookup_callback(client, "GT-2026-ZZZZZZZZ")
    assert lookup_callback(client, "") == "None"  # an empty box costs nothing
