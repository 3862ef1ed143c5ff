"""Staff moderation on a real SQLite store: the queue, counts per status, and each action's
next status and audit line (a reply cannot be empty; publishing an answered item keeps it
answered)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dashboard.feedback.moderation import (
    MAX_REPLY,
    ModerationError,
    counts_by_status,
    moderate,
    queue,
)
from dashboard.store import Store
from dashboard.store import feedback_repository as repo
from dashboard.store.accounts import AuditEntry


def _submit(store: Store, n: int) -> None:
    new = repo.NewFeedback(idempotency_key=f"clave-{n:04d}", request_hash=f"h{n}",
                           kind="pregunta", message=f"Mensaje {n}", view_url="/", depto=None,
                           indicator=None, milestone_id=None, name="Ana",
                           email="ana@correo.gt", consent=True, release_id="R1")
    assert repo.insert(store, new, f"GT-2026-{n:08d}")


def _audit(store: Store) -> list[tuple[str, str, dict]]:
    with store.session() as ses:
        return [(a.action, a.target, a.details)
                for a in ses.scalars(select(AuditEntry).order_by(AuditEntry.id))]


@pytest.fixture
def three(store: Store) -> Store:
    for n in (1, 2, 3):
        _submit(store, n)
    return store


def test_queue_lists_new_items_oldest_first_and_others_newest_first(three: Store) -> None:
    items, total = queue(three)
    assert ([i.id for i in items], total) == ([1, 2, 3], 3)
    assert items[0].email == "ana@correo.gt"  # staff see the consented contact
    moderate(three, 1, "publicar", None)
    moderate(three, 3, "publicar", None)
    assert [i.id for i in queue(three, "publicado")[0]] == [3, 1]
    assert [i.id for i in queue(three, None, page=2, per_page=2)[0]] == [1]
    assert counts_by_status(three) == {"nuevo": 1, "publicado": 2, "oculto": 0,
                                       "respondido": 0}
    with pytest.raises(ModerationError):
        queue(three, "borrado")


def test_each_action_sets_its_status_and_writes_its_audit_line(three: Store) -> None:
    answered = moderate(three, 1, "responder", None, reply="  En marzo.\x07 ", ip="10.0.0.9")
    assert (answered.status, answered.reply) == ("respondido", "En marzo.")
    assert moderate(three, 1, "ocultar", None).status == "oculto"
    # publishing again an item that has a reply shows it answered, not merely published
    assert moderate(three, 1, "publicar", None).status == "respondido"
    assert moderate(three, 2, "publicar", None).status == "publicado"
    assert _audit(three) == [
        ("feedback.responder", "GT-2026-00000001",
         {"from": "nuevo", "to": "respondido", "reply": "En marzo."}),
        ("feedback.ocultar", "GT-2026-00000001", {"from": "respondido", "to": "oculto"}),
        ("feedback.publicar", "GT-2026-00000001", {"from": "oculto", "to": "respondido"}),
        ("feedback.publicar", "GT-2026-00000002", {"from": "nuevo", "to": "publicado"}),
    ]


@pytest.mark.parametrize(("feedback_id", "action", "reply"), [
    (1, "borrar", None), (1, "responder", None), (1, "responder", " \x00\u200b "),
    (1, "responder", "x" * (MAX_REPLY + 1)), (99, "publicar", None)])
def test_refused_actions_change_nothing(three: Store, feedback_id: int, action: str,
                                        reply: str | None) -> None:
    with pytest.raises(ModerationError):
        moderate(three, feedback_id, action, None, reply=reply)
    assert counts_by_status(three)["nuevo"] == 3 and _audit(three) == []
