"""Citizen feedback intake: validate, rate-limit, store once, hand back a tracking number.

Idempotency is enforced by the database (UNIQUE ``idempotency_key``): a double click, a retry
after a timeout or two workers racing on the same key all end with one row, and every caller
gets the same tracking number. A key reused with a *different* message is refused rather than
silently answered with someone else's number.

Moderation lives in ``feedback_moderation``; public views and aggregates in ``feedback_public``.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dashboard.feedback.rate_limit import RateLimiter, build_limiter
from dashboard.feedback.validation import Submission
from dashboard.services import Services
from dashboard.store import Store, utcnow
from dashboard.store.feedback_tables import Feedback

# Crockford base32 without look-alikes (no I, L, O, U): easy to read out over the phone.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_RANDOM_CHARS = 8  # 32**8 ≈ 1.1e12 per year: numbers cannot be enumerated


class RateLimitedError(Exception):
    """The client has used up its feedback budget for the current window."""


class IdempotencyConflictError(Exception):
    """The idempotency key was already used for a different submission."""


@dataclass(frozen=True)
class SubmitResult:
    tracking: str
    created: bool  # False when an earlier post with the same key is being replayed


def new_tracking(now: datetime | None = None) -> str:
    """``GT-2026-7K3M9QXA``: the year (for people) and 8 random characters (for safety)."""
    year = (now or utcnow()).year
    code = "".join(secrets.choice(_ALPHABET) for _ in range(TRACKING_RANDOM_CHARS))
    return f"GT-{year}-{code}"


def request_hash(sub: Submission) -> str:
    """A fingerprint of what was submitted, to tell a genuine retry from a reused key."""
    raw = json.dumps(asdict(sub), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def fake_tracking() -> str:
    """What a bot that filled the honeypot is told (nothing is stored)."""
    return new_tracking()


class FeedbackIntake:
    """Stores submissions; one instance per app (it holds the store and the limiter)."""

    def __init__(self, store: Store, limiter: RateLimiter,
                 release_id: Callable[[], str | None]) -> None:
        self.store = store
        self.limiter = limiter
        self.release_id = release_id

    @classmethod
    def for_services(cls, services: Services) -> FeedbackIntake:
        def release() -> str | None:
            manifest = services.warehouse.manifest()
            return manifest.release_id if manifest else None

        return cls(services.store, build_limiter(services.settings, services.store), release)

    def limiter_period(self) -> int:
        """Seconds until the current rate-limit window is over at the latest (Retry-After)."""
        return int(getattr(self.limiter, "period", 60))

    def _existing(self, key: str, digest: str) -> SubmitResult | None:
        with self.store.session() as session:
            row = session.execute(
                select(Feedback.tracking, Feedback.request_hash)
                .where(Feedback.idempotency_key == key)).first()
        if row is None:
            return None
        if row.request_hash != digest:
            raise IdempotencyConflictError(key)
        return SubmitResult(row.tracking, created=False)

    def submit(self, sub: Submission, key: str, client: str) -> SubmitResult:
        """Store ``sub`` once per ``key``; may raise RateLimitedError, IdempotencyConflictError."""
        digest = request_hash(sub)
        replay = self._existing(key, digest)
        if replay is not None:
            return replay  # a retry never consumes the rate-limit budget
        if not self.limiter.hit(client):
            raise RateLimitedError(client)
        release = self.release_id()
        for _attempt in range(5):
            tracking = new_tracking()
            try:
                with self.store.session() as session:
                    session.add(_row(sub, key, digest, tracking, release))
                return SubmitResult(tracking, created=True)
            except IntegrityError:
                replay = self._existing(key, digest)
                if replay is not None:
                    return replay  # another request with this key won the race
                # otherwise the random tracking number collided: draw another one
        raise RuntimeError("could not allocate a tracking number")


def _row(sub: Submission, key: str, digest: str, tracking: str,
         release: str | None) -> Feedback:
    return Feedback(
        tracking=tracking, idempotency_key=key, request_hash=digest, kind=sub.tipo,
        message=sub.mensaje, view_url=sub.vista, depto=sub.depto, indicator=sub.indicador,
        milestone_id=sub.hito, name=sub.nombre if sub.consentimiento else None,
        email=sub.email if sub.consentimiento else None, consent=sub.consentimiento,
        release_id=release, status="nuevo", created_at=utcnow(),
    )
