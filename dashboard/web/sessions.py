"""The Flask side of server-side staff sessions: the cookie carries a token, the store decides.

``start`` runs right after ``login_user`` (a fresh token per login, so no fixation);
``is_live`` runs inside Flask-Login's user loader on every staff request, so a revoked, idle or
expired session reads as "not logged in" everywhere (staff pages, and Dash callbacks that ask
``is_staff_logged_in``); ``end`` runs on logout. The rules themselves (timeouts, revocation)
live in ``dashboard.store.sessions``.
"""

from __future__ import annotations

from flask import session
from sqlalchemy.orm import Session

from dashboard.store import sessions as staff_sessions
from dashboard.store.db import Store

SESSION_ID_KEY = "_sid"


def start(store: Store, user_id: int, ip: str) -> None:
    with store.session() as ses:
        staff_sessions.prune_sessions(ses)  # logins are rare: a good moment to tidy up
        session[SESSION_ID_KEY] = staff_sessions.open_session(ses, user_id, ip)


def is_live(ses: Session, user_id: int) -> bool:
    """Whether the request's cookie names a live session of ``user_id`` (in ``ses``)."""
    token = session.get(SESSION_ID_KEY)
    return isinstance(token, str) and staff_sessions.check_session(ses, token, user_id)


def end(store: Store) -> None:
    token = session.get(SESSION_ID_KEY)
    if isinstance(token, str):
        with store.session() as ses:
            staff_sessions.revoke(ses, token)
