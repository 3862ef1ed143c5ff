"""The ministry's public replies in the tamper-evident history (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chain_support import rewrite
from sqlalchemy import text

from dashboard.core.config import Settings
from dashboard.feedback import moderation
from dashboard.store import Store, accounts
from dashboard.store import feedback_repository as repo
from dashboard.store.tracker_repository import chain_page, verify_chain
from dashboard.tracker.seed import ensure_seeded

SEEDED = 7


@pytest.fixture
def store(store_settings: Settings) -> Iterator[Store]:
    store = Store(store_settings)
    store.migrate()
    ensure_seeded(store)
    yield store
    store.dispose()


def _submit(store: Store, n: int) -> int:
    new = repo.NewFeedback(f"key-{n}", "h" * 64, "pregunta", f"¿Pregunta {n}?", "/", None, None,
                           "4.1", "Luisa", "l@example.org", True, None)
    assert repo.insert(store, new, f"TR-{n}")
    return repo.by_tracking(store, f"TR-{n}").id


@pytest.fixture
def replied(store: Store) -> tuple[int, int]:
    """Two items: one published and answered, one left in the queue."""
    with store.session() as ses:
        staff = accounts.create_user(ses, "mod", "una clave muy larga 1").id
    answered, queued = _submit(store, 1), _submit(store, 2)
    moderation.moderate(store, answered, "publicar", staff)
    moderation.moderate(store, answered, "publicar", staff)  # no public change: no entry
    moderation.moderate(store, answered, "responder", staff, reply="Respuesta «oficial»")
    moderation.moderate(store, queued, "ocultar", staff)  # never public: no entry
    return answered, queued


def test_each_public_change_is_chained_after_the_seed(store: Store, replied) -> None:
    page = chain_page(store, 0, 20)
    assert [(e.kind, e.ref) for e in page.entries[:2]] == [
        ("commitments", "GT0112"), ("milestones", "4.1")]
    later = page.entries[SEEDED:]
    assert [e.kind for e in later] == ["feedback_publications"] * 2
    contents = page.contents[SEEDED:]
    assert [(c["status"], c.get("reply")) for c in contents] == [
        ("publicado", None), ("respondido", "Respuesta «oficial»")]
    assert "message" not in contents[0] and "email" not in contents[0]  # never the citizen's
    assert verify_chain(store).ok


def test_hiding_a_published_item_is_chained(store: Store, replied) -> None:
    moderation.moderate(store, replied[0], "ocultar", None)
    last = chain_page(store, SEEDED + 2, 5)
    assert last.contents[0]["status"] == "oculto" and "reply" not in last.contents[0]
    assert verify_chain(store).ok


def test_rewriting_a_published_reply_is_detected_and_named(store: Store, replied) -> None:
    rewrite(store, "feedback", "UPDATE feedback SET reply = 'Otra respuesta' WHERE id = :id",
            id=replied[0])
    verdict = verify_chain(store)
    assert not verdict.ok
    assert (verdict.broken_seq, verdict.broken_ref) == (SEEDED + 2, f"feedback:{replied[0]}")


def test_publishing_behind_the_chain_is_detected(store: Store, replied) -> None:
    rewrite(store, "feedback", "UPDATE feedback SET status = 'publicado' WHERE id = :id",
            id=replied[1])
    verdict = verify_chain(store)
    assert verdict.broken_ref == f"feedback:{replied[1]}"
    assert verdict.reason == "published item not in the chain"


def test_rewriting_the_chained_record_is_detected(store: Store, replied) -> None:
    rewrite(store, "feedback_publications",
            "UPDATE feedback_publications SET reply = 'x' WHERE reply IS NOT NULL")
    verdict = verify_chain(store)
    assert (verdict.broken_seq, verdict.reason) == (SEEDED + 2, "row content changed")
    assert verdict.broken_ref.startswith("feedback_publications:")


def test_upgrading_chains_the_replies_already_public(store_settings: Settings) -> None:
    store = Store(store_settings)
    store.migrate("0003_auditors")
    store.migrate("0002_feedback")
    ensure_seeded(store)
    published, _queued = _submit(store, 1), _submit(store, 2)
    with store.engine.begin() as conn:  # as moderation left them before this revision
        conn.execute(text("UPDATE feedback SET status = 'respondido', reply = 'Ya',"
                          " moderated_at = created_at WHERE id = :id"), {"id": published})
    store.migrate()
    found = chain_page(store, SEEDED, 5)
    assert [c["feedback_id"] for c in found.contents] == [published]
    assert found.contents[0]["reply"] == "Ya" and verify_chain(store).ok
    store.dispose()
