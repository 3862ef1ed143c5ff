"""The ministry's public answers to citizens in the tamper-evident history.

A feedback item changes (status, reply), so the chain cannot cover the ``feedback`` row itself.
Instead every change to what the public sees of an item — published, answered, answer edited,
hidden again — appends one immutable ``feedback_publications`` row, which is chained like any
other history row. Verification then checks that each ``feedback`` row still shows exactly what
its latest record says, so rewriting a published reply in the database is named too.

Only the item's number, status and the ministry's reply are recorded, never the citizen's
message or contact data: the chain is public and append-only, and a hidden message must be able
to disappear from the site.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.store.base import utcnow
from dashboard.store.chain_tables import FeedbackPublication
from dashboard.store.feedback_tables import PUBLIC_STATUSES, Feedback

KIND = FeedbackPublication.__tablename__


def public_view(row: Feedback) -> tuple[str, str | None] | None:
    """What the public sees of ``row`` as (status, reply); ``None`` when it is not public."""
    return (row.status, row.reply) if row.status in PUBLIC_STATUSES else None


def _recorded(record: FeedbackPublication | None) -> tuple[str, str | None] | None:
    if record is None or record.status not in PUBLIC_STATUSES:
        return None
    return (record.status, record.reply)


def public_view_recorded(ses: Session, feedback_id: int) -> tuple[str, str | None] | None:
    """What the latest record of the item says the public sees (``None``: not public)."""
    return _recorded(latest(ses, feedback_id))


def all_records(ses: Session) -> list[FeedbackPublication]:
    """Every chained public record, oldest first: what the change list and the answers feed
    show (the chained record, never the mutable ``feedback`` row)."""
    return list(ses.scalars(select(FeedbackPublication).order_by(FeedbackPublication.id)))


def latest(ses: Session, feedback_id: int) -> FeedbackPublication | None:
    return ses.scalars(select(FeedbackPublication)
                       .where(FeedbackPublication.feedback_id == feedback_id)
                       .order_by(FeedbackPublication.id.desc()).limit(1)).first()


def record_change(ses: Session, row: Feedback, author_id: int | None,
                  at: datetime | None = None) -> FeedbackPublication | None:
    """A new record (added, flushed) when the public view of ``row`` changed, else ``None``."""
    seen = public_view(row)
    if seen == public_view_recorded(ses, row.id):
        return None
    record = FeedbackPublication(feedback_id=row.id, tracking=row.tracking, status=row.status,
                                 reply=row.reply if seen else None, created_at=at or utcnow(),
                                 author_id=author_id)
    ses.add(record)
    ses.flush()
    return record


def first_disagreement(ses: Session) -> tuple[int, int | None] | None:
    """(feedback id, id of its latest record or ``None``) of the first item whose public view
    no longer matches its latest record; ``None`` when every item agrees."""
    newest: dict[int, FeedbackPublication] = {}
    for record in ses.scalars(select(FeedbackPublication).order_by(FeedbackPublication.id)):
        newest[record.feedback_id] = record
    for row in ses.scalars(select(Feedback).order_by(Feedback.id)):
        record = newest.get(row.id)
        if public_view(row) != _recorded(record):
            return row.id, record.id if record else None
    return None


def backfill(ses: Session) -> list[FeedbackPublication]:
    """Records for the items already public (upgrade of an existing store), oldest first."""
    rows = ses.scalars(select(Feedback).where(Feedback.status.in_(PUBLIC_STATUSES))
                       .order_by(Feedback.moderated_at, Feedback.id))
    made = (record_change(ses, row, row.replied_by, row.moderated_at) for row in rows)
    return [record for record in made if record is not None]
