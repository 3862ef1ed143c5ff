"""Login rate limit kept in the database: rate specs, failed attempts per IP, pruning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from dashboard.store import Store, ratelimit
from dashboard.store.accounts import LoginAttempt

NOW = datetime(2026, 1, 1, 12, tzinfo=UTC)


def _attempt_ages(store: Store) -> list[timedelta]:
    with store.session() as ses:
        return sorted(NOW - a.at for a in ses.scalars(select(LoginAttempt)))


@pytest.mark.parametrize(("spec", "expected"), [
    ("5/minute", (5, 60)), ("10/hour", (10, 3600)), ("3/10 minutes", (3, 600)),
    ("1/day", (1, 86400))])
def test_parse_rate(spec: str, expected: tuple[int, int]) -> None:
    assert ratelimit.parse_rate(spec) == expected


@pytest.mark.parametrize("spec", ["", "5", "x/minute", "5/fortnight", "0/minute"])
def test_parse_rate_rejects_garbage(spec: str) -> None:
    with pytest.raises(ValueError):
        ratelimit.parse_rate(spec)


def test_prune_drops_attempts_older_than_retention_and_keeps_recent(store: Store) -> None:
    ages = [timedelta(seconds=5), timedelta(hours=2), timedelta(days=29),
            timedelta(days=31), timedelta(days=400)]
    with store.session() as ses:
        for age in ages:
            ratelimit.record_login(ses, "10.0.0.1", "ana", False, NOW - age)
    with store.session() as ses:
        assert ratelimit.prune_login_attempts(ses, "5/minute", NOW) == 2
    assert _attempt_ages(store) == ages[:3]


def test_prune_never_drops_attempts_a_long_window_still_counts(store: Store) -> None:
    with store.session() as ses:
        ratelimit.record_login(ses, "10.0.0.1", "ana", False, NOW - timedelta(days=35))
        ratelimit.record_login(ses, "10.0.0.1", "ana", False, NOW - timedelta(days=45))
    with store.session() as ses:
        assert ratelimit.prune_login_attempts(ses, "3/40 days", NOW) == 1
    assert _attempt_ages(store) == [timedelta(days=35)]
