"""Citizen feedback intake: the one use case behind the widget and ``POST /api/v1/feedback``.

Both edges translate what they received into a ``FeedbackPost`` (the submitted fields, an
idempotency key, the client address) and call ``FeedbackIntake.receive``, which runs the whole
rule in one order: spam trap → validation → idempotent replay → rate limit → store → tracking
number. The edges only translate the result (or the typed errors below) into their own output.

Idempotency is enforced by the database (UNIQUE ``idempotency_key``): a double click, a retry
after a timeout or two workers racing on the same key all end with one row, and every caller
gets the same tracking number. A key reused with a *different* message is refused rather than
silently answered with someone else's number. A retry never consumes the rate-limit budget.

Moderation lives in ``moderation``; public views and aggregates in ``public``; every query in
``dashboard.store.feedback_repository``.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from dashboard.core.clock import today_gt
from dashboard.feedback.rate_limit import RateLimiter
from dashboard.feedback.validation import Submission, is_spam, parse_submission
from dashboard.store import Store
from dashboard.store import feedback_repository as repo

# Crockford base32 without look-alikes (no I, L, O, U): easy to read out over the phone.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_RANDOM_CHARS = 8  # 32**8 ≈ 1.1e12 per year: numbers cannot be enumerated
_TRACKING_ATTEMPTS = 5


class RateLimitedError(Exception):
    """The client has used up its feedback budget for the current window."""

    def __init__(self, client: str, retry_after: int) -> None:
        super().__init__(client)
        self.retry_after = retry_after  # seconds until the window is over at the latest


class IdempotencyConflictError(Exception):
    """The idempotency key was already used for a different submission."""


@dataclass(frozen=True)
class FeedbackPost:
    """One submission as an edge received it, before any feedback rule ran.

    ``fields`` is the untrusted JSON-like object (the API body, or the widget's values with
    the page it was sent from as ``vista``); ``key`` is a valid idempotency key (the edge
    checked it with ``validation.valid_idempotency_key``); ``client`` names the rate-limit
    bucket (the client address).
    """

    fields: object
    key: str
    client: str


@dataclass(frozen=True)
class SubmitResult:
    tracking: str
    created: bool  # False when an earlier post with the same key is being replayed


def new_tracking(now: datetime | None = None) -> str:
    """``GT-2026-7K3M9QXA``: the year in Guatemala (for people) and 8 random characters (for
    safety)."""
    year = today_gt(now).year
    code = "".join(secrets.choice(_ALPHABET) for _ in range(TRACKING_RANDOM_CHARS))
    return f"GT-{year}-{code}"


def request_hash(sub: Submission) -> str:
    """A fingerprint of what was submitted, to tell a genuine retry from a reused key."""
    raw = json.dumps(asdict(sub), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def fake_tracking() -> str:
    """What a bot that filled the honeypot is told (nothing is stored)."""
    return new_tracking()


def new_row(sub: Submission, key: str, digest: str, release: str | None) -> repo.NewFeedback:
    """The columns to store: name and e-mail only with the citizen's consent."""
    return repo.NewFeedback(
        idempotency_key=key, request_hash=digest, kind=sub.tipo, message=sub.mensaje,
        view_url=sub.vista, depto=sub.depto, indicator=sub.indicador, milestone_id=sub.hito,
        name=sub.nombre if sub.consentimiento else None,
        email=sub.email if sub.consentimiento else None, consent=sub.consentimiento,
        release_id=release,
    )


class FeedbackIntake:
    """Receives submissions; one instance per app (it holds the store and the limiter)."""

    def __init__(self, store: Store, limiter: RateLimiter,
                 release_id: Callable[[], str | None]) -> None:
        self.store = store
        self.limiter = limiter
        self.release_id = release_id

    def receive(self, post: FeedbackPost) -> SubmitResult:
        """The whole use case; may raise InvalidSubmissionError, RateLimitedError,
        IdempotencyConflictError.

        A filled honeypot gets a believable tracking number and nothing is stored or counted.
        """
        if is_spam(post.fields):
            return SubmitResult(fake_tracking(), created=True)
        return self.submit(parse_submission(post.fields), post.key, post.client)

    def submit(self, sub: Submission, key: str, client: str) -> SubmitResult:
        """Store a validated ``sub`` once per ``key`` (the part of ``receive`` after checks)."""
        digest = request_hash(sub)
        replay = self._existing(key, digest)
        if replay is not None:
            return replay  # a retry never consumes the rate-limit budget
        if not self.limiter.hit(client):
            raise RateLimitedError(client, self.limiter.period)
        row = new_row(sub, key, digest, self.release_id())
        for _attempt in range(_TRACKING_ATTEMPTS):
            tracking = new_tracking()
            if repo.insert(self.store, row, tracking):
                return SubmitResult(tracking, created=True)
            replay = self._existing(key, digest)
            if replay is not None:
                return replay  # another request with this key won the race
            # otherwise the random tracking number collided: draw another one
        raise RuntimeError("could not allocate a tracking number")

    def _existing(self, key: str, digest: str) -> SubmitResult | None:
        used = repo.key_use(self.store, key)
        if used is None:
            return None
        if used.request_hash != digest:
            raise IdempotencyConflictError(key)
        return SubmitResult(used.tracking, created=False)
