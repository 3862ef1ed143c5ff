"""Today in Guatemala: the date milestone deadlines, staleness and data promises are judged on.

One definition, so the tracker page, its API, the print page and staff forms never disagree
about which day it is near midnight (Guatemala is UTC-6 all year, no daylight saving time).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

GUATEMALA = timezone(timedelta(hours=-6), "America/Guatemala")


def today_gt(now: datetime | None = None) -> date:
    """Today's date in Guatemala (``now`` lets tests and replays pick the instant)."""
    return (now or datetime.now(UTC)).astimezone(GUATEMALA).date()
