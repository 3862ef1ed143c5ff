"""Feedback queries on a real SQLite store: unique keys, the rate counter, reads, moderation."""

from __future__ import annotations

import pytest
from feedback_support import open_store
from sqlalchemy import select

from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store import feedback_repository as repo
from dashboard.store.accounts import AuditEntry
from dashboard.store.feedback_tables import FeedbackRate


@pytest.fixture
def store(settings: Settings):
    yield from open_store(settings)


def _new(key: str, kind: str = "pregunta", milestone: str | None = None) -> repo.NewFeedback:
    return repo.NewFeedback(
        idempotency_key=key, request_hash="h-" + key, kind=kind, message="¿Y 2025?",
        view_url="/?depto=3", depto=3, indicator=None, milestone_id=milestone, name=None,
        email=None, consent=False, release_id="R1")


def _publish(store: Store, feedback_id: int, reply: str | None = None) -> None:
    status = "respondido" if reply else "publicado"
    change = repo.Moderation("feedback.test", None, "127.0.0.1", reply)
    assert repo.moderate(store, feedback_id, lambda _row: status, change) is not None


def test_insert_refuses_a_taken_key_or_tracking_number(store):
    assert repo.insert(store, _new("clave-0001"), "GT-2026-AAAAAAAA")
    assert not repo.insert(store, _new("clave-0001"), "GT-2026-BBBBBBBB")
    assert not repo.insert(store, _new("clave-0002"), "GT-2026-AAAAAAAA")
    assert repo.key_use(store, "clave-0001") == repo.KeyUse("GT-2026-AAAAAAAA", "h-clave-0001")
    assert repo.key_use(store, "clave-0002") is None
    row = repo.by_tracking(store, "GT-2026-AAAAAAAA")
    assert row is not None and row.status == "nuevo" and row.created_at.tzinfo is not None


def test_count_hit_counts_per_bucket_and_window_and_forgets_old_windows(store):
    assert [repo.count_hit(store, "fb:a", 600, 60) for _ in range(3)] == [1, 2, 3]
    assert repo.count_hit(store, "fb:b", 600, 60) == 1
    assert repo.count_hit(store, "fb:a", 720, 60) == 1  # a new window prunes windows < 660
    with store.session() as session:
        assert sorted(session.scalars(select(FeedbackRate.window_start))) == [720]


def test_public_reads_see_only_published_items_newest_first(store):
    for i, (kind, hito) in enumerate([("pregunta", "4.1"), ("queja", None), ("pregunta", "4.1"),
                                      ("queja", "4.2")], start=1):
        repo.insert(store, _new(f"clave-{i:04d}", kind, hito), f"GT-2026-0000000{i}")
    for feedback_id in (1, 2, 3):
        _publish(store, feedback_id)
    rows, total = repo.published_page(store, 1, 10)
    assert ([r.id for r in rows], total) == ([3, 2, 1], 3)
    rows, total = repo.published_page(store, 2, 1, kind="pregunta", milestone="4.1")
    assert ([r.id for r in rows], total) == ([1], 2)
    assert [r.id for r in repo.published_on_milestones(store)] == [3, 1]
    assert sorted(kind for kind, *_ in repo.published_facets(store)) == [
        "pregunta", "pregunta", "queja"]


def test_queue_and_counts_by_status(store):
    for i in range(1, 4):
        repo.insert(store, _new(f"clave-{i:04d}"), f"GT-2026-0000000{i}")
    _publish(store, 2)
    rows, total = repo.queue_page(store, "nuevo", 1, 10, oldest_first=True)
    assert ([r.id for r in rows], total) == ([1, 3], 2)
    rows, total = repo.queue_page(store, None, 1, 2, oldest_first=False)
    assert ([r.id for r in rows], total) == ([3, 2], 3)
    assert repo.count_by_status(store) == {"nuevo": 2, "publicado": 1}


def test_moderate_writes_the_reply_and_its_audit_line_together(store):
    repo.insert(store, _new("clave-0001"), "GT-2026-00000001")
    seen: list[str] = []

    def next_status(row) -> str:
        seen.append(row.status)
        return "respondido"

    change = repo.Moderation("feedback.responder", None, "10.0.0.1", "Se corrigió.")
    row = repo.moderate(store, 1, next_status, change)
    assert seen == ["nuevo"]
    assert row is not None and (row.status, row.reply) == ("respondido", "Se corrigió.")
    assert row.moderated_at is not None and row.replied_at is not None
    with store.session() as session:
        entry = session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.target, entry.ip) == ("feedback.responder", "GT-2026-00000001",
                                                     "10.0.0.1")
    assert entry.details == {"from": "nuevo", "to": "respondido", "reply": "Se corrigió."}
    assert repo.moderate(store, 99, next_status, change) is None
