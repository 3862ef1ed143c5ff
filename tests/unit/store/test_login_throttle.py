"""Login throttle: per pair, per account, per address; atomic; windows end; known pairs pass."""

from __future__ import annotations

import threading

import pytest

from dashboard.core.config import Settings
from dashboard.store import Store, ratelimit
from dashboard.store.login_throttle import (
    ACCOUNT_FACTOR,
    ACCOUNT_WINDOW_S,
    ADDRESS_FACTOR,
    Admission,
    LoginThrottle,
)

T0 = 1_800_000_000.0  # a window boundary for both 60 s and 900 s windows
assert T0 % ACCOUNT_WINDOW_S == 0


@pytest.fixture
def store(settings: Settings) -> Store:
    store = Store(settings)
    store.migrate()
    return store


def admit(store: Store, throttle: LoginThrottle, ip: str, user: str,
          now: float = T0) -> Admission:
    with store.session() as ses:
        return throttle.admit(ses, ip, user, now)


def test_pair_limit_then_the_window_ends(store: Store) -> None:
    throttle = LoginThrottle("3/minute")
    verdicts = [admit(store, throttle, "10.0.0.1", "ana", T0 + k).allowed for k in range(5)]
    assert verdicts == [True, True, True, False, False]
    refused = admit(store, throttle, "10.0.0.1", "ana", T0 + 20)
    assert refused.retry_after == 40
    assert admit(store, throttle, "10.0.0.1", "ana", T0 + 60).allowed  # next window
    assert admit(store, throttle, "10.0.0.2", "ana", T0 + 20).allowed  # another address
    assert admit(store, throttle, "10.0.0.1", "luis", T0 + 20).allowed  # another account


def test_many_addresses_against_one_account_are_slowed(store: Store) -> None:
    throttle = LoginThrottle("3/minute")
    limit = ACCOUNT_FACTOR * 3
    verdicts = [admit(store, throttle, f"10.1.0.{k}", "ana").allowed for k in range(20)]
    assert verdicts == [True] * limit + [False] * (20 - limit)
    late = admit(store, throttle, "10.1.1.1", "ana", T0 + 300)
    assert not late.allowed and late.retry_after == ACCOUNT_WINDOW_S - 300
    assert admit(store, throttle, "10.1.1.1", "ana", T0 + ACCOUNT_WINDOW_S).allowed


def test_one_address_spraying_names_is_slowed(store: Store) -> None:
    throttle = LoginThrottle("3/minute")
    limit = ADDRESS_FACTOR * 3
    verdicts = [admit(store, throttle, "10.2.0.1", f"user{k}").allowed for k in range(20)]
    assert verdicts == [True] * limit + [False] * (20 - limit)


def test_a_known_pair_skips_the_account_and_address_counters(store: Store) -> None:
    throttle = LoginThrottle("3/minute")
    with store.session() as ses:  # ana logged in from her office last week
        ratelimit.record_login(ses, "10.3.0.1", "ana", True)
    for k in range(20):  # her account is attacked from everywhere, her office sprays names
        admit(store, throttle, f"10.4.0.{k}", "ana")
        admit(store, throttle, "10.3.0.1", f"otro{k}")
    assert not admit(store, throttle, "10.4.1.1", "ana").allowed
    assert not admit(store, throttle, "10.3.0.1", "luis").allowed
    assert admit(store, throttle, "10.3.0.1", "ana").allowed


def test_success_refunds_and_clears_the_pair(store: Store) -> None:
    throttle = LoginThrottle("3/minute")
    for _ in range(2):
        admit(store, throttle, "10.5.0.1", "ana")
    ok = admit(store, throttle, "10.5.0.1", "ana")
    with store.session() as ses:
        throttle.succeeded(ses, ok)
    verdicts = [admit(store, throttle, "10.5.0.1", "ana").allowed for _ in range(4)]
    assert verdicts == [True, True, True, False]


def test_forty_concurrent_attempts_never_exceed_the_limit(store: Store) -> None:
    throttle = LoginThrottle("5/minute")
    results: list[bool] = []
    lock = threading.Lock()
    barrier = threading.Barrier(40)

    def attempt() -> None:
        barrier.wait()
        verdict = admit(store, throttle, "10.6.0.1", "ana").allowed
        with lock:
            results.append(verdict)

    threads = [threading.Thread(target=attempt) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 40 and results.count(True) == 5
