"""Login throttling per account and per address, atomic, never a permanent lock-out.

Three fixed-window counters (table ``login_throttle`` of migration ``0002_security``), with
``LOGIN_RATE_LIMIT`` = *L* per *W* (default 5 per minute):

- **pair** (address + account): *L* per *W*. One machine guessing one password.
- **account** (from anywhere): ``ACCOUNT_FACTOR`` × *L* per ``ACCOUNT_WINDOW_S`` (15 min). Many
  addresses guessing one password (20 addresses no longer get 20 × *L* tries).
- **address** (any account): ``ADDRESS_FACTOR`` × *L* per *W*. One address spraying many names.

An attempt is *charged before the password is checked*: one ``INSERT ... ON CONFLICT DO UPDATE
... RETURNING hits`` per counter, so 40 concurrent tries each see a distinct count and at most
the limit get through (checking first and recording afterwards let 6 of 40 through a limit of
5). A correct password refunds what it was charged and clears the pair counter.

Why a correct password is never locked out for good: every counter is a window that ends (at
most 15 minutes), and an address from which the account has logged in successfully in the last
``KNOWN_PAIR_DAYS`` days (a *known pair*: the staff member's office) is exempt from the account
and address counters. So colleagues behind the same office NAT keep logging in while someone
there mistypes or guesses other accounts, and a staff member under a distributed attack still
gets in from their usual address. Only the pair counter applies to a known pair; it costs a
guesser sharing that address *L* tries per *W*, and the real owner at most *W* of waiting.
Refused attempts are not written to ``login_attempts`` (the incident log keeps real tries).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Integer, String, delete, exists, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from dashboard.store.accounts import LoginAttempt
from dashboard.store.base import Base, utcnow
from dashboard.store.ratelimit import parse_rate

ACCOUNT_FACTOR = 4
ACCOUNT_WINDOW_S = 15 * 60
ADDRESS_FACTOR = 4
KNOWN_PAIR_DAYS = 30


class LoginThrottleRow(Base):
    __tablename__ = "login_throttle"

    bucket: Mapped[str] = mapped_column(String(160), primary_key=True)
    window_start: Mapped[int] = mapped_column(Integer, primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)


@dataclass(frozen=True)
class Counter:
    bucket: str
    limit: int
    window_s: int

    def window(self, now: float) -> int:
        return int(now // self.window_s) * self.window_s


@dataclass(frozen=True)
class Admission:
    """What ``admit`` decided; ``charged`` is refunded if the password turns out right."""

    allowed: bool
    retry_after: int = 0
    charged: tuple[tuple[str, int], ...] = field(default=())


def _upsert(session: Session, bucket: str, window: int) -> Any:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(LoginThrottleRow).values(bucket=bucket, window_start=window, hits=1)
    return stmt.on_conflict_do_update(
        index_elements=[LoginThrottleRow.bucket, LoginThrottleRow.window_start],
        set_={"hits": LoginThrottleRow.hits + 1},
    ).returning(LoginThrottleRow.hits)


def known_pair(session: Session, ip: str, username: str, days: int = KNOWN_PAIR_DAYS) -> bool:
    """Whether ``username`` logged in successfully from ``ip`` in the last ``days`` days."""
    since = utcnow() - timedelta(days=days)
    return bool(session.scalar(select(exists().where(
        LoginAttempt.ip == ip, LoginAttempt.username == username,
        LoginAttempt.success.is_(True), LoginAttempt.at >= since))))


class LoginThrottle:
    """The policy above for one ``LOGIN_RATE_LIMIT`` spec (stateless: all state is in rows)."""

    def __init__(self, spec: str) -> None:
        self.limit, self.window_s = parse_rate(spec)

    @property
    def longest_window(self) -> int:
        return max(self.window_s, ACCOUNT_WINDOW_S)

    def counters(self, ip: str, username: str, known: bool) -> list[Counter]:
        pair = Counter(f"pair:{ip[:64]}|{username[:64]}", self.limit, self.window_s)
        if known:
            return [pair]
        return [pair,
                Counter(f"acct:{username[:64]}", ACCOUNT_FACTOR * self.limit, ACCOUNT_WINDOW_S),
                Counter(f"addr:{ip[:64]}", ADDRESS_FACTOR * self.limit, self.window_s)]

    def admit(self, session: Session, ip: str, username: str,
              now: float | None = None) -> Admission:
        """Charge one attempt to each counter; refuse at the first one over its limit.

        Run it in its own short transaction, committed before the (slow) password check.
        """
        now = time.time() if now is None else now
        charged: list[tuple[str, int]] = []
        for counter in self.counters(ip, username, known_pair(session, ip, username)):
            window = counter.window(now)
            hits = int(session.execute(_upsert(session, counter.bucket, window)).scalar_one())
            charged.append((counter.bucket, window))
            if hits == 1:  # first hit of a window: windows that can no longer matter go
                session.execute(delete(LoginThrottleRow).where(
                    LoginThrottleRow.window_start < now - 2 * self.longest_window))
            if hits > counter.limit:
                retry = max(1, int(window + counter.window_s - now))
                return Admission(False, retry, tuple(charged))
        return Admission(True, 0, tuple(charged))

    def succeeded(self, session: Session, admission: Admission) -> None:
        """A correct password: refund this attempt and forget the pair's earlier failures."""
        for bucket, window in admission.charged:
            if bucket.startswith("pair:"):
                session.execute(delete(LoginThrottleRow).where(LoginThrottleRow.bucket == bucket))
            else:
                session.execute(update(LoginThrottleRow)
                                .where(LoginThrottleRow.bucket == bucket,
                                       LoginThrottleRow.window_start == window,
                                       LoginThrottleRow.hits > 0)
                                .values(hits=LoginThrottleRow.hits - 1))
