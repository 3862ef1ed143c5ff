"""Staff sessions end on the server: logout, password change and idle time beat a copied cookie.

Also the login throttle through the real login form: a shared office address keeps working for
accounts that are not under attack, many addresses against one account are slowed.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update
from tracker_support import PASSWORD, csrf_token, login, make_app

from dashboard.core.config import Settings
from dashboard.store import accounts, utcnow
from dashboard.store.sessions import IDLE_TIMEOUT, StaffSession

PRIVATE = "/staff/moderacion"  # shows senders' names and e-mail addresses


@pytest.fixture
def app(settings: Settings):
    app = make_app(settings.with_overrides(login_rate_limit="3/day"))
    with app.server.extensions["services"].store.session() as ses:
        accounts.create_user(ses, "luis.gomez", PASSWORD)
    return app


def copied(app, client):
    """A second browser holding a copy of ``client``'s session cookie."""
    thief = app.server.test_client()
    cookie = client.get_cookie("session")
    assert cookie is not None
    thief.set_cookie("session", cookie.value)
    return thief


def logout(client):
    token = csrf_token(client.get("/staff/").get_data(as_text=True))
    return client.post("/staff/logout", data={"csrf_token": token})


def login_from(app, ip: str, username: str, password: str = PASSWORD):
    client = app.server.test_client()
    env = {"REMOTE_ADDR": ip}
    token = csrf_token(client.get("/staff/login", environ_base=env).get_data(as_text=True))
    return client.post("/staff/login", environ_base=env,
                       data={"csrf_token": token, "username": username, "password": password})


def test_copied_cookie_stops_working_after_logout(app) -> None:
    client = app.server.test_client()
    assert login(client).status_code == 302
    thief = copied(app, client)
    assert thief.get(PRIVATE).status_code == 200
    assert logout(client).status_code == 302
    response = thief.get(PRIVATE)
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_password_change_ends_other_sessions(app) -> None:
    client = app.server.test_client()
    login(client)
    store = app.server.extensions["services"].store
    with store.session() as ses:
        user = accounts.get_user_by_name(ses, "ana.perez")
        assert user is not None
        accounts.set_password(ses, user, "una clave nueva y larga")
    assert client.get(PRIVATE).status_code == 302
    assert login(client, password="una clave nueva y larga").status_code == 302
    assert client.get(PRIVATE).status_code == 200


def test_idle_session_expires(app) -> None:
    client = app.server.test_client()
    login(client)
    assert client.get(PRIVATE).status_code == 200
    with app.server.extensions["services"].store.session() as ses:
        ses.execute(update(StaffSession).values(
            last_seen_at=utcnow() - IDLE_TIMEOUT - timedelta(seconds=1)))
    assert client.get(PRIVATE).status_code == 302


def test_shared_address_still_logs_in_accounts_not_under_attack(app) -> None:
    office = "10.20.0.1"
    failures = [login_from(app, office, "ana.perez", "mal mal mal mal").status_code
                for _ in range(4)]
    assert failures == [401, 401, 401, 429]
    assert login_from(app, office, "luis.gomez").status_code == 302  # a colleague, same NAT
    assert login_from(app, "10.30.0.1", "ana.perez").status_code == 302  # ana, from home


def test_many_addresses_against_one_account_are_refused_with_retry_after(app) -> None:
    statuses = [login_from(app, f"10.40.0.{k}", "luis.gomez", "mal mal mal mal").status_code
                for k in range(14)]
    assert statuses == [401] * 12 + [429] * 2
    refused = login_from(app, "10.40.1.1", "luis.gomez")  # even the right password, for now
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) <= 900
