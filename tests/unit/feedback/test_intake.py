"""The one feedback use case (widget and API): spam trap, validation, replay, limit, storage."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from feedback_support import open_store
from sqlalchemy import func, select

from dashboard.core.config import Settings
from dashboard.feedback.intake import (
    FeedbackIntake,
    FeedbackPost,
    IdempotencyConflictError,
    RateLimitedError,
    new_tracking,
)
from dashboard.feedback.rate_limit import DatabaseLimiter
from dashboard.feedback.validation import InvalidSubmissionError
from dashboard.store import Store
from dashboard.store.feedback_tables import Feedback, FeedbackRate

GOOD = {"tipo": "error_datos", "mensaje": "La tasa de 2024 no cuadra",
        "vista": "/?depto=16&indicador=desercion", "hito": "4.4"}


@pytest.fixture
def store(settings: Settings):
    yield from open_store(settings)


def _intake(store: Store, rate: str = "2/minute") -> FeedbackIntake:
    return FeedbackIntake(store, DatabaseLimiter(store, rate), lambda: "R-2026")


def _rows(store: Store) -> list[Feedback]:
    with store.session() as session:
        return list(session.scalars(select(Feedback).order_by(Feedback.id)))


def _hits(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.coalesce(func.sum(FeedbackRate.hits), 0))))


def test_a_valid_post_is_stored_with_what_its_view_shows(store):
    result = _intake(store).receive(FeedbackPost(GOOD, "clave-0001", "1.1.1.1"))
    assert result.created and result.tracking.startswith("GT-")
    [row] = _rows(store)
    assert (row.tracking, row.kind, row.depto, row.indicator, row.milestone_id) == (
        result.tracking, "error_datos", 16, "desercion", "4.4")
    assert (row.status, row.release_id, row.idempotency_key) == ("nuevo", "R-2026",
                                                                "clave-0001")


def test_contact_details_are_kept_only_with_consent(store):
    intake = _intake(store, "10/minute")
    contact = {"nombre": "Ana", "email": "ana@example.gt"}
    intake.receive(FeedbackPost({**GOOD, **contact, "consentimiento": True}, "clave-0001", "a"))
    with pytest.raises(InvalidSubmissionError) as info:  # contact without consent: refused
        intake.receive(FeedbackPost({**GOOD, **contact}, "clave-0002", "a"))
    assert set(info.value.errors) == {"consentimiento"}
    [row] = _rows(store)
    assert (row.name, row.email, row.consent) == ("Ana", "ana@example.gt", True)


def test_the_honeypot_gets_a_number_but_nothing_is_stored_or_counted(store):
    intake = _intake(store)
    spam = FeedbackPost({**GOOD, "sitio_web": "http://compre.example"}, "clave-0001", "b")
    first, second = intake.receive(spam), intake.receive(spam)
    assert first.created and first.tracking.startswith("GT-") and first != second
    assert _rows(store) == [] and _hits(store) == 0
    junk = FeedbackPost({"sitio_web": "x"}, "clave-0002", "b")  # invalid too: still quiet
    assert intake.receive(junk).created


def test_a_blank_honeypot_is_not_spam(store):
    result = _intake(store).receive(FeedbackPost({**GOOD, "sitio_web": "  "}, "clave-0001", "c"))
    assert [r.tracking for r in _rows(store)] == [result.tracking]


def test_invalid_fields_are_named_before_the_limit_is_touched(store):
    with pytest.raises(InvalidSubmissionError) as info:
        _intake(store).receive(FeedbackPost({"tipo": "nada", "mensaje": ""}, "clave-0001", "d"))
    assert set(info.value.errors) == {"tipo", "mensaje", "vista"}
    assert _hits(store) == 0


def test_a_replay_returns_the_same_number_without_using_the_budget(store):
    intake = _intake(store, "1/minute")
    post = FeedbackPost(GOOD, "clave-0001", "e")
    first = intake.receive(post)
    again = intake.receive(post)
    assert (again.tracking, again.created) == (first.tracking, False)
    assert len(_rows(store)) == 1 and _hits(store) == 1


def test_a_key_reused_for_another_message_is_a_conflict(store):
    intake = _intake(store)
    intake.receive(FeedbackPost(GOOD, "clave-0001", "f"))
    with pytest.raises(IdempotencyConflictError):
        intake.receive(FeedbackPost({**GOOD, "mensaje": "Otro texto"}, "clave-0001", "f"))
    assert len(_rows(store)) == 1


def test_over_the_limit_nothing_is_stored_and_the_wait_is_told(store):
    intake = _intake(store, "1/hour")
    intake.receive(FeedbackPost(GOOD, "clave-0001", "g"))
    with pytest.raises(RateLimitedError) as info:
        intake.receive(FeedbackPost({**GOOD, "mensaje": "Otra duda"}, "clave-0002", "g"))
    assert info.value.retry_after == 3600
    assert len(_rows(store)) == 1
    other_client = intake.receive(FeedbackPost({**GOOD, "mensaje": "Otra"}, "clave-0003", "h"))
    assert other_client.created


def test_the_tracking_year_is_the_year_in_guatemala():
    """New Year's Eve at 20:00 in Guatemala is already January in UTC."""
    assert new_tracking(datetime(2027, 1, 1, 2, 0, tzinfo=UTC)).startswith("GT-2026-")
    assert new_tracking(datetime(2027, 1, 1, 6, 0, tzinfo=UTC)).startswith("GT-2027-")
