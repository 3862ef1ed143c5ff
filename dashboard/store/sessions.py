"""Server-side staff sessions (table of migration ``0002_security``): revocable, with timeouts.

The Flask session cookie is signed but lives in the browser, so on its own a copied cookie
keeps working after logout. Each login therefore opens a row here and the cookie carries only a
random token; the row is what makes the cookie valid. Logout revokes the row, a password change
revokes every row of the user, and a row unused for ``IDLE_TIMEOUT`` (or older than
``MAX_AGE``) no longer counts. Only a SHA-256 of the token is stored: a copy of the database
(a backup) does not hand out live sessions.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, delete, or_, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from dashboard.store.base import Base, UTCDateTime, utcnow

IDLE_TIMEOUT = timedelta(minutes=30)
MAX_AGE = timedelta(hours=12)  # a working day: log in again the next morning
TOUCH_EVERY = timedelta(minutes=1)  # at most one write per minute per active session
TOKEN_BYTES = 32


class StaffSession(Base):
    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ip: Mapped[str] = mapped_column(String(64), default="")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(session: Session, user_id: int, ip: str, now: datetime | None = None) -> str:
    """Start a session for ``user_id``; the returned token goes into the signed cookie."""
    now = now or utcnow()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(StaffSession(token_hash=_digest(token), user_id=user_id, created_at=now,
                             last_seen_at=now, ip=ip[:64]))
    session.flush()
    return token


def is_live(row: StaffSession | None, user_id: int, now: datetime) -> bool:
    """The one rule of validity: same user, not revoked, not idle, not too old."""
    return (row is not None and row.user_id == user_id and row.revoked_at is None
            and now - row.last_seen_at <= IDLE_TIMEOUT and now - row.created_at <= MAX_AGE)


def check_session(session: Session, token: str, user_id: int,
                  now: datetime | None = None) -> bool:
    """Whether ``token`` is a live session of ``user_id``; refreshes its idle clock."""
    if not token or len(token) > 128:
        return False
    now = now or utcnow()
    row = session.get(StaffSession, _digest(token))
    if not is_live(row, user_id, now):
        return False
    assert row is not None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    return True


def revoke(session: Session, token: str, now: datetime | None = None) -> None:
    """End one session (logout)."""
    session.execute(update(StaffSession)
                    .where(StaffSession.token_hash == _digest(token),
                           StaffSession.revoked_at.is_(None))
                    .values(revoked_at=now or utcnow()))


def revoke_user(session: Session, user_id: int, now: datetime | None = None) -> int:
    """End every session of a user (password change, deactivation); returns how many."""
    result = session.execute(update(StaffSession)
                             .where(StaffSession.user_id == user_id,
                                    StaffSession.revoked_at.is_(None))
                             .values(revoked_at=now or utcnow()))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def prune_sessions(session: Session, now: datetime | None = None,
                   keep: timedelta = timedelta(days=30)) -> int:
    """Forget sessions that ended (or went idle) more than ``keep`` ago."""
    cutoff = (now or utcnow()) - keep
    result = session.execute(delete(StaffSession).where(
        or_(StaffSession.last_seen_at < cutoff, StaffSession.revoked_at < cutoff)))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
