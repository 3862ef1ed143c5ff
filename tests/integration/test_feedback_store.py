"""Feedback intake on the real database: races on one key, limits shared by two "workers"."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from feedback_support import open_store
from sqlalchemy import func, select

from dashboard.feedback.intake import FeedbackIntake, RateLimitedError
from dashboard.feedback.moderation import moderate
from dashboard.feedback.public import milestone_comments
from dashboard.feedback.rate_limit import DatabaseLimiter, RedisLimiter
from dashboard.feedback.validation import parse_submission
from dashboard.store import Store
from dashboard.store.feedback_tables import Feedback, FeedbackRate

SUB = parse_submission({"tipo": "sugerencia", "mensaje": "Agregar datos de 2025",
                        "vista": "/?depto=1"})


@pytest.fixture
def store(store_settings):
    yield from open_store(store_settings)  # SQLite, then PostgreSQL (tests/conftest.py)


def _rows(store: Store) -> int:
    with store.session() as ses:
        return int(ses.scalar(select(func.count(Feedback.id))))


def test_fbs001_concurrent_posts_with_one_key_store_one_row(store):
    # Two Store objects = two engines, like two gunicorn workers on one database.
    other = Store(store.settings)
    intakes = [FeedbackIntake(s, DatabaseLimiter(s, "1000/minute"), lambda: "R1")
               for s in (store, other)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: intakes[i % 2].submit(SUB, "misma-clave-1", "1.1.1.1"),
                                range(16)))
    assert len({r.tracking for r in results}) == 1
    assert sum(r.created for r in results) == 1
    assert _rows(store) == 1
    other.dispose()


def test_fbs002_limit_holds_across_two_engines(store):
    other = Store(store.settings)
    limiters = [DatabaseLimiter(store, "5/minute"), DatabaseLimiter(other, "5/minute")]
    now = 1_800_000_010.0
    allowed = [limiters[i % 2].hit("9.9.9.9", now) for i in range(6)]
    assert allowed == [True] * 5 + [False]
    assert limiters[0].hit("8.8.8.8", now)  # another address has its own budget
    assert limiters[1].hit("9.9.9.9", now + 60)  # next window
    with store.session() as ses:  # windows that can no longer matter are cleaned up
        assert all(r.window_start >= 1_800_000_000 - 60
                   for r in ses.scalars(select(FeedbackRate)))
    other.dispose()


def test_fbs003_rate_limited_intake_stores_nothing(store):
    intake = FeedbackIntake(store, DatabaseLimiter(store, "1/minute"), lambda: None)
    intake.submit(SUB, "clave-a-0001", "2.2.2.2")
    with pytest.raises(RateLimitedError):
        intake.submit(parse_submission({**SUB.__dict__, "mensaje": "otro"}), "clave-a-0002",
                      "2.2.2.2")
    assert _rows(store) == 1


def test_fbs004_milestone_comments_only_published(store):
    intake = FeedbackIntake(store, DatabaseLimiter(store, "100/minute"), lambda: "R1")
    for i, hito in enumerate(("4.2", "4.2", "4.5")):
        sub = parse_submission({"tipo": "pregunta", "mensaje": f"comentario {i}",
                                "vista": "/compromiso", "hito": hito})
        intake.submit(sub, f"clave-h-{i:04d}", "3.3.3.3")
    moderate(store, 1, "publicar", user_id=None)
    moderate(store, 3, "publicar", user_id=None)
    comments = milestone_comments(store, "4.2")
    assert [c["mensaje"] for c in comments] == ["comentario 0"]
    assert "email" not in comments[0] and "nombre" not in comments[0]


class _FakeRedisPipeline:
    """Stands in for redis-py's pipeline (a third-party client, not our code)."""

    def __init__(self, data: dict[str, int]) -> None:
        self.data, self.ops = data, []

    def incr(self, key: str) -> None:
        self.ops.append(key)

    def expire(self, key: str, seconds: int) -> None:
        assert seconds > 0

    def execute(self) -> list[int]:
        key = self.ops.pop()
        self.data[key] = self.data.get(key, 0) + 1
        return [self.data[key], True]


class _FakeRedis:
    def __init__(self) -> None:
        self.data: dict[str, int] = {}

    def pipeline(self) -> _FakeRedisPipeline:
        return _FakeRedisPipeline(self.data)


def test_fbs005_redis_limiter_counts_per_window():
    limiter = RedisLimiter(_FakeRedis(), "2/minute")
    assert [limiter.hit("1.1.1.1", 120.0) for _ in range(3)] == [True, True, False]
    assert limiter.hit("1.1.1.1", 180.0)


def test_fbs006_redis_outage_falls_back_to_the_database(store):
    from dashboard.feedback.rate_limit import build_limiter

    # Port 1 on loopback: nothing listens, so every Redis call fails fast.
    limiter = build_limiter(store.settings.with_overrides(redis_url="redis://127.0.0.1:1/0",
                                                          feedback_rate_limit="2/minute"),
                            store)
    assert isinstance(limiter, RedisLimiter)
    assert [limiter.hit("4.4.4.4", 600.0) for _ in range(3)] == [True, True, False]
    with store.session() as ses:
        assert ses.scalar(select(FeedbackRate.hits)) == 3
