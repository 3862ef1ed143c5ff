"""Per-client rate limit for feedback that holds across gunicorn workers.

A fixed-window counter: one row (or Redis key) per client and window, incremented atomically
(``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` on SQLite ≥ 3.35 and PostgreSQL, ``INCR`` on
Redis). An in-process counter would give each worker its own budget, which is what the issue
forbids. The client address comes from ``X-Forwarded-For`` only when ``TRUST_PROXY`` says a
reverse proxy sits in front (otherwise anyone could pick their own address).

Tracking-number lookups (the API's ``GET /feedback/<seguimiento>`` and the Participa form) share
one budget per client, ``LOOKUP_RATE_LIMIT``, in their own buckets (``build_lookup_limiter``):
numbers cannot be enumerated anyway, but a scraper should not be able to hammer the store.
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store.feedback_repository import count_hit
from dashboard.store.ratelimit import parse_rate

__all__ = ["DatabaseLimiter", "RateLimiter", "RedisLimiter",
           "build_limiter", "build_lookup_limiter", "parse_rate"]

class RateLimiter(Protocol):
    period: int  # seconds per window (what a refused client is told to wait at most)

    def hit(self, client: str, now: float | None = None) -> bool:
        """Count one attempt by ``client``; ``True`` while it is within the limit."""


class DatabaseLimiter:
    """Fixed-window counter in the ``feedback_rate`` table of the transactional store."""

    def __init__(self, store: Store, spec: str, prefix: str = "fb") -> None:
        self.store = store
        self.prefix = prefix
        self.limit, self.period = parse_rate(spec)

    def hit(self, client: str, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        window = int(now // self.period) * self.period
        bucket = f"{self.prefix}:{client}"[:80]
        return count_hit(self.store, bucket, window, self.period) <= self.limit


class RedisLimiter:
    """The same fixed window on Redis (``INCR`` + ``EXPIRE`` in one pipeline).

    If Redis cannot be reached the database counter takes over (``fallback``): feedback keeps
    working and the limit still holds across workers, only slower.
    """

    def __init__(self, client: Any, spec: str, fallback: RateLimiter | None = None,
                 prefix: str = "gt:feedback:rate") -> None:
        self.client = client
        self.fallback = fallback
        self.prefix = prefix
        self.limit, self.period = parse_rate(spec)

    def hit(self, client: str, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        window = int(now // self.period) * self.period
        key = f"{self.prefix}:{client}:{window}"
        try:
            pipe = self.client.pipeline()
            pipe.incr(key)
            pipe.expire(key, self.period * 2)
            hits = int(pipe.execute()[0])
        except Exception:  # redis.ConnectionError, TimeoutError...: any outage
            if self.fallback is None:
                raise
            return self.fallback.hit(client, now)
        return hits <= self.limit


def _build(settings: Settings, store: Store, spec: str, name: str) -> RateLimiter:
    """Redis when ``REDIS_URL`` is set (the ``redis`` package is then required), else the DB."""
    db_prefix = "fb" if name == "feedback" else name
    database = DatabaseLimiter(store, spec, prefix=db_prefix)
    if settings.redis_url:
        import redis  # imported only when configured

        client = redis.Redis.from_url(settings.redis_url, socket_timeout=2,
                                      socket_connect_timeout=2)
        return RedisLimiter(client, spec, fallback=database, prefix=f"gt:{name}:rate")
    return database


def build_limiter(settings: Settings, store: Store) -> RateLimiter:
    """The feedback intake's limiter (``FEEDBACK_RATE_LIMIT`` per client)."""
    return _build(settings, store, settings.feedback_rate_limit, "feedback")


def build_lookup_limiter(settings: Settings, store: Store) -> RateLimiter:
    """The tracking-number lookups' limiter (``LOOKUP_RATE_LIMIT`` per client)."""
    return _build(settings, store, settings.lookup_rate_limit, "lookup")
