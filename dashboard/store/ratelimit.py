"""Rate limits kept in the database, so they hold across gunicorn workers and restarts.

``parse_rate("5/minute")`` → ``(5, 60)``. Login attempts are rows of ``login_attempts``; the
limit counts failed attempts from one IP inside the window. Each login attempt prunes the rows
older than ``ATTEMPT_RETENTION`` (or the window, if longer), so the table stays bounded.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dashboard.store.accounts import LoginAttempt
from dashboard.store.base import utcnow

_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
ATTEMPT_RETENTION = timedelta(days=30)  # old attempts are only noise; a month for incident review


def parse_rate(spec: str) -> tuple[int, int]:
    """``"N/period"`` (period: second, minute, hour, day; plural or "10 minutes") → (N, s)."""
    try:
        count_text, period_text = spec.strip().split("/", 1)
        count = int(count_text)
        parts = period_text.strip().split()
        multiplier = int(parts[0]) if len(parts) == 2 else 1
        unit = parts[-1].lower().rstrip("s")
        seconds = _PERIODS[unit] * multiplier
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"bad rate limit {spec!r}; expected e.g. '5/minute'") from exc
    if count < 1 or seconds < 1:
        raise ValueError(f"bad rate limit {spec!r}")
    return count, seconds


def failed_logins(session: Session, ip: str, window_s: int,
                  now: datetime | None = None) -> int:
    since = (now or utcnow()) - timedelta(seconds=window_s)
    return int(session.scalar(
        select(func.count(LoginAttempt.id)).where(
            LoginAttempt.ip == ip, LoginAttempt.success.is_(False), LoginAttempt.at >= since)
    ) or 0)


def login_blocked(session: Session, ip: str, spec: str, now: datetime | None = None) -> bool:
    """True when ``ip`` has used up its failed attempts for the current window."""
    limit, window = parse_rate(spec)
    return failed_logins(session, ip, window, now) >= limit


def record_login(session: Session, ip: str, username: str, success: bool,
                 now: datetime | None = None) -> None:
    session.add(LoginAttempt(at=now or utcnow(), ip=ip, username=username[:64],
                             success=success))
    session.flush()


def prune_login_attempts(session: Session, spec: str, now: datetime | None = None) -> int:
    """Delete attempts older than the retention period, never any the ``spec`` window counts.

    One indexed DELETE on ``login_attempts.at``, cheap enough to run on every login attempt.
    """
    _, window = parse_rate(spec)
    keep = max(ATTEMPT_RETENTION, timedelta(seconds=window))
    result = session.execute(delete(LoginAttempt).where(LoginAttempt.at < (now or utcnow()) - keep))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
