"""The feedback rate limit: a fixed window per client, shared through the store (so every
worker sees the same count), separate budgets for intake and lookups, and the database taking
over when Redis is down."""

from __future__ import annotations

import pytest

from dashboard.core.config import Settings
from dashboard.feedback.rate_limit import (
    DatabaseLimiter,
    RedisLimiter,
    build_limiter,
    build_lookup_limiter,
)
from dashboard.store import Store

T0 = 1_800_000_000.0  # a window boundary for a 60 s period (divisible by 60)


class _DownRedis:
    """A Redis client whose server cannot be reached (what ``redis`` raises is not ours)."""

    def pipeline(self):
        raise ConnectionError("redis is down")


class _Pipeline:
    def __init__(self, counts: dict[str, int]) -> None:
        self.counts, self.key = counts, ""

    def incr(self, key: str) -> None:
        self.key = key

    def expire(self, key: str, seconds: int) -> None:
        assert key == self.key and seconds == 120

    def execute(self) -> list[int]:
        self.counts[self.key] = self.counts.get(self.key, 0) + 1
        return [self.counts[self.key], True]


class _FakeRedis:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def pipeline(self) -> _Pipeline:
        return _Pipeline(self.counts)


def test_database_limit_counts_per_client_and_resets_each_window(store: Store) -> None:
    limiter = DatabaseLimiter(store, "2/minute")
    assert [limiter.hit("1.1.1.1", T0 + s) for s in (0, 10, 59)] == [True, True, False]
    assert limiter.hit("2.2.2.2", T0 + 30)  # another client has its own budget
    assert limiter.hit("1.1.1.1", T0 + 60)  # a new window starts afresh
    # a second limiter on the same store (another worker) shares the count
    other_worker = DatabaseLimiter(store, "2/minute")
    assert [other_worker.hit("2.2.2.2", T0 + s) for s in (31, 32)] == [True, False]


def test_intake_and_lookups_have_separate_budgets(settings: Settings, store: Store) -> None:
    tight = settings.with_overrides(feedback_rate_limit="1/minute", lookup_rate_limit="1/hour")
    intake, lookups = build_limiter(tight, store), build_lookup_limiter(tight, store)
    assert isinstance(intake, DatabaseLimiter) and (intake.limit, intake.period) == (1, 60)
    assert (lookups.limit, lookups.period) == (1, 3600)  # type: ignore[attr-defined]
    assert intake.hit("1.1.1.1", T0) and lookups.hit("1.1.1.1", T0)
    assert not intake.hit("1.1.1.1", T0 + 1) and not lookups.hit("1.1.1.1", T0 + 1)


def test_redis_counts_in_its_own_window_keys() -> None:
    client = _FakeRedis()
    limiter = RedisLimiter(client, "2/minute")
    assert [limiter.hit("1.1.1.1", T0 + s) for s in (0, 1, 2, 60)] == [True, True, False, True]
    assert client.counts == {f"gt:feedback:rate:1.1.1.1:{int(T0)}": 3,
                             f"gt:feedback:rate:1.1.1.1:{int(T0) + 60}": 1}


def test_redis_outage_falls_back_to_the_database_limit(store: Store) -> None:
    limiter = RedisLimiter(_DownRedis(), "1/minute", fallback=DatabaseLimiter(store, "1/minute"))
    assert [limiter.hit("1.1.1.1", T0 + s) for s in (0, 1)] == [True, False]
    with pytest.raises(ConnectionError):
        RedisLimiter(_DownRedis(), "1/minute").hit("1.1.1.1", T0)
