"""Staff area: sessions, CSRF, login rate limit, cookies, audit log; Dash still works."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from tracker_support import csrf_token, login, make_app, post_event, post_update

from dashboard.core.config import Settings
from dashboard.store import utcnow
from dashboard.store.accounts import AuditEntry, LoginAttempt
from dashboard.store.ratelimit import record_login
from dashboard.store.tracker_tables import MilestoneUpdate


@pytest.fixture
def app(settings: Settings):
    # a day-long fixed window: attempts cannot straddle a window edge while a test runs
    return make_app(settings.with_overrides(login_rate_limit="3/day"))


def count(app, column) -> int:
    with app.server.extensions["services"].store.session() as ses:
        return int(ses.scalar(select(func.count(column))) or 0)


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/staff/"), ("get", "/staff/hitos/4.1/actualizar"), ("get", "/staff/eventos/nuevo"),
])
def test_no_session_is_sent_to_login(app, method: str, path: str) -> None:
    response = getattr(app.server.test_client(), method)(path)
    assert response.status_code == 302
    assert "/staff/login" in response.headers["Location"]


def test_no_session_post_changes_nothing(app) -> None:
    client = app.server.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    response = client.post("/staff/hitos/4.1/actualizar",
                           data={"csrf_token": csrf_token(page), "estado": "completado",
                                 "avance": "100", "resumen": "x"})
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert count(app, MilestoneUpdate.id) == 0


def test_login_sets_hardened_cookie_and_audits(app) -> None:
    client = app.server.test_client()
    response = login(client)
    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/staff/").status_code == 200
    with app.server.extensions["services"].store.session() as ses:
        assert [e.action for e in ses.scalars(select(AuditEntry))] == ["login"]


def test_secure_cookie_when_configured(settings: Settings) -> None:
    app = make_app(settings.with_overrides(secure_cookies=True))
    response = login(app.server.test_client())
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie


def test_wrong_passwords_are_rate_limited_per_ip(app) -> None:
    client = app.server.test_client()
    statuses = [login(client, password="incorrecta 123456").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    assert login(client).status_code == 429  # even the right password, while blocked
    other = app.server.test_client()
    other_ip = {"REMOTE_ADDR": "10.9.9.9"}
    token = csrf_token(other.get("/staff/login", environ_base=other_ip).get_data(as_text=True))
    ok = other.post("/staff/login", environ_base=other_ip,
                    data={"csrf_token": token, "username": "ana.perez",
                          "password": "una clave muy larga 1"})
    assert ok.status_code == 302
    assert count(app, LoginAttempt.id) == 4  # 3 failures + 1 success; blocked tries not stored


def test_each_login_attempt_prunes_attempts_past_retention(app) -> None:
    """The login_attempts table stays bounded: a login deletes rows older than a month."""
    now = utcnow()
    with app.server.extensions["services"].store.session() as ses:
        record_login(ses, "10.0.0.7", "old", False, now - timedelta(days=90))
        record_login(ses, "10.0.0.7", "recent", False, now - timedelta(days=2))
    assert login(app.server.test_client(), password="incorrecta 123456").status_code == 401
    with app.server.extensions["services"].store.session() as ses:
        kept = [a.username for a in ses.scalars(select(LoginAttempt).order_by(LoginAttempt.id))]
    assert kept == ["recent", "ana.perez"]


def test_rate_limit_is_shared_through_the_database(settings: Settings) -> None:
    """Two app instances (as two gunicorn workers) on one database share the counter."""
    first = make_app(settings.with_overrides(login_rate_limit="2/day"))
    from app import create_app

    second = create_app(settings.with_overrides(login_rate_limit="2/day"))
    assert login(first.server.test_client(), password="mal mal mal mal").status_code == 401
    assert login(second.server.test_client(), password="mal mal mal mal").status_code == 401
    assert login(first.server.test_client()).status_code == 429


def test_missing_or_bad_csrf_is_400_and_changes_nothing(app) -> None:
    client = app.server.test_client()
    assert client.post("/staff/login", data={"username": "ana.perez",
                                             "password": "una clave muy larga 1"}
                       ).status_code == 400
    login(client)
    form = {"estado": "completado", "avance": "100", "resumen": "sin token"}
    assert client.post("/staff/hitos/4.1/actualizar", data=form).status_code == 400
    assert client.post("/staff/hitos/4.1/actualizar",
                       data={**form, "csrf_token": "forged"}).status_code == 400
    assert client.post("/staff/logout").status_code == 400
    assert count(app, MilestoneUpdate.id) == 0


def test_cross_origin_post_is_refused(app) -> None:
    client = app.server.test_client()
    login(client)
    page = client.get("/staff/hitos/4.1/actualizar").get_data(as_text=True)
    response = client.post("/staff/hitos/4.1/actualizar", headers={"Origin": "https://evil.example"},
                           data={"csrf_token": csrf_token(page), "estado": "en_progreso",
                                 "avance": "10", "resumen": "x"})
    assert response.status_code == 403
    assert count(app, MilestoneUpdate.id) == 0


def test_dash_dispatch_is_not_blocked_by_csrf(app) -> None:
    """Dash's JSON callbacks carry no CSRF token; they must keep working (dash 4.4.1)."""
    client = app.server.test_client()
    body = {"output": "tracker-gantt.figure", "outputs": {"id": "tracker-gantt",
                                                          "property": "figure"},
            "inputs": [{"id": "tracker-lang", "property": "data", "value": "es"}],
            "changedPropIds": ["tracker-lang.data"], "state": []}
    response = client.post("/_dash-update-component", data=json.dumps(body),
                           content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    figure = response.get_json()["response"]["tracker-gantt"]["figure"]
    assert figure["layout"]["shapes"][0]["type"] == "line"


def test_staff_posts_update_and_event_with_audit(app) -> None:
    client = app.server.test_client()
    login(client)
    response = post_update(client, "4.4", evidencias="Portal | https://example.org/portal")
    assert response.status_code == 302 and "ok=update" in response.headers["Location"]
    assert post_event(client).status_code == 302
    bad = post_update(client, "4.4", avance="150")
    assert bad.status_code == 400 and "0 a 100" in bad.get_data(as_text=True)
    with app.server.extensions["services"].store.session() as ses:
        actions = [(e.action, e.target) for e in ses.scalars(select(AuditEntry))]
    assert actions == [("login", "user:ana.perez"), ("tracker.update", "milestone:4.4"),
                       ("tracker.event", "event:1")]
    assert client.post("/staff/logout", data={
        "csrf_token": csrf_token(client.get("/staff/").get_data(as_text=True))}
    ).status_code == 302
    assert client.get("/staff/").status_code == 302


def test_open_redirect_is_refused(app) -> None:
    client = app.server.test_client()
    token = csrf_token(client.get("/staff/login").get_data(as_text=True))
    response = client.post("/staff/login?next=https://evil.example/x",
                           data={"csrf_token": token, "username": "ana.perez",
                                 "password": "una clave muy larga 1"})
    assert response.headers["Location"].endswith("/staff/")
