"""Server-side staff sessions: validity rule, idle clock, revocation, pruning."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from dashboard.store import Store, accounts, utcnow
from dashboard.store import sessions as staff_sessions
from dashboard.store.sessions import IDLE_TIMEOUT, MAX_AGE, StaffSession


@pytest.fixture
def user_id(store: Store) -> int:
    with store.session() as ses:
        return accounts.create_user(ses, "ana", "una clave muy larga 1").id


def test_token_is_random_and_only_its_hash_is_stored(store: Store, user_id: int) -> None:
    with store.session() as ses:
        first = staff_sessions.open_session(ses, user_id, "10.0.0.1")
        second = staff_sessions.open_session(ses, user_id, "10.0.0.1")
    assert first != second and len(first) >= 40
    with store.session() as ses:
        stored = set(ses.scalars(select(StaffSession.token_hash)))
        assert first not in stored and len(stored) == 2
        assert staff_sessions.check_session(ses, first, user_id)
        assert not staff_sessions.check_session(ses, first, user_id + 1)  # someone else's
        assert not staff_sessions.check_session(ses, "forged", user_id)
        assert not staff_sessions.check_session(ses, "", user_id)


def test_idle_and_absolute_timeouts(store: Store, user_id: int) -> None:
    start = utcnow()
    with store.session() as ses:
        token = staff_sessions.open_session(ses, user_id, "", now=start)
    with store.session() as ses:
        late = start + IDLE_TIMEOUT - timedelta(seconds=1)
        assert staff_sessions.check_session(ses, token, user_id, now=late)  # refreshes
    with store.session() as ses:  # idle clock restarted at ``late``
        assert staff_sessions.check_session(ses, token, user_id, now=late + IDLE_TIMEOUT)
    with store.session() as ses:
        gone = late + 2 * IDLE_TIMEOUT + timedelta(seconds=2)
        assert not staff_sessions.check_session(ses, token, user_id, now=gone)
    with store.session() as ses:
        busy = staff_sessions.open_session(ses, user_id, "", now=start)
    now = start
    while now < start + MAX_AGE:  # active all day long, never idle
        now += IDLE_TIMEOUT / 2
        with store.session() as ses:
            alive = staff_sessions.check_session(ses, busy, user_id, now=now)
        assert alive == (now - start <= MAX_AGE)


def test_revoke_one_and_all(store: Store, user_id: int) -> None:
    with store.session() as ses:
        tokens = [staff_sessions.open_session(ses, user_id, "") for _ in range(3)]
    with store.session() as ses:
        staff_sessions.revoke(ses, tokens[0])
    with store.session() as ses:
        assert [staff_sessions.check_session(ses, t, user_id) for t in tokens] == [
            False, True, True]
        assert staff_sessions.revoke_user(ses, user_id) == 2
    with store.session() as ses:
        assert not any(staff_sessions.check_session(ses, t, user_id) for t in tokens)


def test_password_change_ends_every_session(store: Store, user_id: int) -> None:
    with store.session() as ses:
        token = staff_sessions.open_session(ses, user_id, "")
    with store.session() as ses:
        user = accounts.get_user(ses, user_id)
        assert user is not None
        with pytest.raises(accounts.AccountError):
            accounts.set_password(ses, user, "corta")
        assert accounts.set_password(ses, user, "otra clave muy larga 2") == 1
    with store.session() as ses:
        assert not staff_sessions.check_session(ses, token, user_id)
        assert accounts.authenticate(ses, "ana", "otra clave muy larga 2") is not None
        assert accounts.authenticate(ses, "ana", "una clave muy larga 1") is None


def test_prune_forgets_only_long_dead_sessions(store: Store, user_id: int) -> None:
    old = utcnow() - timedelta(days=40)
    with store.session() as ses:
        staff_sessions.open_session(ses, user_id, "", now=old)
        live = staff_sessions.open_session(ses, user_id, "")
    with store.session() as ses:
        assert staff_sessions.prune_sessions(ses) == 1
        assert staff_sessions.check_session(ses, live, user_id)
