"""Today in Guatemala (UTC-6 all year): the day deadlines, staleness and tracking years use."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from dashboard.core.clock import today_gt


def test_the_day_turns_at_six_in_the_morning_utc():
    assert today_gt(datetime(2026, 1, 1, 5, 59, tzinfo=UTC)) == date(2025, 12, 31)
    assert today_gt(datetime(2026, 1, 1, 6, 0, tzinfo=UTC)) == date(2026, 1, 1)


def test_any_aware_instant_is_read_in_guatemala():
    tokyo = timezone(timedelta(hours=9))
    assert today_gt(datetime(2026, 7, 2, 8, 0, tzinfo=tokyo)) == date(2026, 7, 1)


def test_without_an_instant_it_is_now():
    before = today_gt(datetime.now(UTC))
    assert today_gt() in {before, before + timedelta(days=1)}
