"""Staff moderation of feedback: publish, hide, reply in public — each action audited.

The status and the audit entry are written in the same transaction, so there is never a
moderation change without its audit line (or the other way round). Names and e-mails are shown
to staff only, for follow-up, and only when the citizen consented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dashboard.feedback.validation import clean_text
from dashboard.store import Store
from dashboard.store import feedback_repository as repo
from dashboard.store.feedback_tables import STATUSES, Feedback

ACTIONS: tuple[str, ...] = ("publicar", "ocultar", "responder")
MAX_REPLY = 4000


class ModerationError(ValueError):
    """An action that cannot be applied (unknown item or action, empty reply)."""


@dataclass(frozen=True)
class QueueItem:
    id: int
    tracking: str
    kind: str
    message: str
    view_url: str
    milestone_id: str | None
    name: str | None
    email: str | None
    status: str
    created_at: datetime
    reply: str | None
    replied_at: datetime | None


def _item(row: Feedback) -> QueueItem:
    return QueueItem(row.id, row.tracking, row.kind, row.message, row.view_url,
                     row.milestone_id, row.name, row.email, row.status, row.created_at,
                     row.reply, row.replied_at)


def queue(store: Store, status: str | None = "nuevo", page: int = 1,
          per_page: int = 50) -> tuple[list[QueueItem], int]:
    """One page of the staff queue (oldest new items first; others newest first)."""
    if status is not None and status not in STATUSES:
        raise ModerationError(f"unknown status {status!r}")
    rows, total = repo.queue_page(store, status, page, per_page,
                                  oldest_first=status == "nuevo")
    return [_item(r) for r in rows], total


def counts_by_status(store: Store) -> dict[str, int]:
    """Items per status, every status present (zero when empty), in ``STATUSES`` order."""
    found = repo.count_by_status(store)
    return {s: found.get(s, 0) for s in STATUSES}


def _next_status(row: Feedback, action: str) -> str:
    if action == "ocultar":
        return "oculto"
    if action == "responder":
        return "respondido"
    return "respondido" if row.reply else "publicado"


def moderate(store: Store, feedback_id: int, action: str, user_id: int | None,
             reply: str | None = None, ip: str = "") -> QueueItem:
    """Apply ``action`` as ``user_id`` and append the audit entry in the same transaction."""
    if action not in ACTIONS:
        raise ModerationError(f"unknown action {action!r}")
    text = clean_text(reply or "", multiline=True)
    if action == "responder" and not text:
        raise ModerationError("a public reply cannot be empty")
    if len(text) > MAX_REPLY:
        raise ModerationError(f"reply longer than {MAX_REPLY} characters")
    change = repo.Moderation(audit_action=f"feedback.{action}", user_id=user_id, ip=ip,
                             reply=text if action == "responder" else None)
    row = repo.moderate(store, feedback_id, lambda current: _next_status(current, action),
                        change)
    if row is None:
        raise ModerationError(f"no feedback with id {feedback_id}")
    return _item(row)
