"""Rate limits kept in the database, so they hold across gunicorn workers and restarts.

``parse_rate("5/minute")`` → ``(5, 60)``. Login attempts are rows of ``login_attempts`` (the
incident log; the login limits themselves are counters in ``dashboard.store.login_throttle``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
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
