"""Every SQLAlchemy query of citizen feedback: intake, moderation, public reads, rate counter.

The feedback domain (``dashboard.feedback``) decides *what* happens — which fields are kept,
which status follows an action, what the public may see — and calls these functions for the
*how*; this module never imports the domain. Rows come back as detached ``Feedback`` objects
(the store's sessions do not expire on commit), so callers read them after the session closed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dashboard.store import chain, chain_replies
from dashboard.store.accounts import audit
from dashboard.store.base import utcnow
from dashboard.store.db import Store
from dashboard.store.feedback_tables import PUBLIC_STATUSES, Feedback, FeedbackRate

INITIAL_STATUS = "nuevo"


@dataclass(frozen=True)
class NewFeedback:
    """The columns of one new submission, already cleaned and reduced by the domain."""

    idempotency_key: str
    request_hash: str
    kind: str
    message: str
    view_url: str
    depto: int | None
    indicator: str | None
    milestone_id: str | None
    name: str | None
    email: str | None
    consent: bool
    release_id: str | None


@dataclass(frozen=True)
class KeyUse:
    """What an idempotency key was already used for."""

    tracking: str
    request_hash: str


@dataclass(frozen=True)
class Moderation:
    """One staff action to record: the audit name, who, from where, and a public reply if any."""

    audit_action: str
    user_id: int | None
    ip: str
    reply: str | None = None


# ---- intake -------------------------------------------------------------------------------


def key_use(store: Store, key: str) -> KeyUse | None:
    """The tracking number and request fingerprint stored under ``key``, if any."""
    with store.session() as session:
        row = session.execute(
            select(Feedback.tracking, Feedback.request_hash)
            .where(Feedback.idempotency_key == key)).first()
    return None if row is None else KeyUse(row.tracking, row.request_hash)


def insert(store: Store, new: NewFeedback, tracking: str) -> bool:
    """Store ``new`` as ``tracking``; ``False`` when the key or the number is already taken.

    Both columns are UNIQUE, so the database settles races between workers; the caller finds
    out which one collided with ``key_use``.
    """
    try:
        with store.session() as session:
            session.add(Feedback(tracking=tracking, status=INITIAL_STATUS, created_at=utcnow(),
                                 **asdict(new)))
    except IntegrityError:
        return False
    return True


# ---- rate limit ---------------------------------------------------------------------------


def _upsert_hit(store: Store, bucket: str, window: int) -> Any:
    dialect = postgresql if store.engine.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(FeedbackRate).values(bucket=bucket, window_start=window, hits=1)
    return stmt.on_conflict_do_update(
        index_elements=[FeedbackRate.bucket, FeedbackRate.window_start],
        set_={"hits": FeedbackRate.hits + 1},
    ).returning(FeedbackRate.hits)


def count_hit(store: Store, bucket: str, window: int, period: int) -> int:
    """Add one hit to ``bucket`` in ``window`` atomically and return the window's total.

    The first hit of a new window also deletes windows that can no longer matter.
    """
    with store.session() as session:
        hits = int(session.execute(_upsert_hit(store, bucket, window)).scalar_one())
        if hits == 1:
            session.execute(delete(FeedbackRate).where(
                FeedbackRate.window_start < window - period))
    return hits


# ---- public reads -------------------------------------------------------------------------


def _page(store: Store, where: Sequence[Any], order: Any, page: int,
          per_page: int) -> tuple[list[Feedback], int]:
    with store.session() as session:
        total = int(session.scalar(select(func.count(Feedback.id)).where(*where)) or 0)
        rows = session.scalars(select(Feedback).where(*where).order_by(order)
                               .limit(per_page).offset((page - 1) * per_page)).all()
    return list(rows), total


def published_page(store: Store, page: int, per_page: int, kind: str | None = None,
                   milestone: str | None = None) -> tuple[list[Feedback], int]:
    """One page of published items, newest first, and how many there are in all."""
    where = [Feedback.status.in_(PUBLIC_STATUSES)]
    if kind:
        where.append(Feedback.kind == kind)
    if milestone:
        where.append(Feedback.milestone_id == milestone)
    return _page(store, where, Feedback.id.desc(), page, per_page)


def published_on_milestones(store: Store) -> list[Feedback]:
    """Every published item that comments on a tracker milestone, newest first."""
    with store.session() as session:
        return list(session.scalars(
            select(Feedback)
            .where(Feedback.status.in_(PUBLIC_STATUSES), Feedback.milestone_id.is_not(None))
            .order_by(Feedback.id.desc())))


def by_tracking(store: Store, tracking: str) -> Feedback | None:
    with store.session() as session:
        return session.scalar(select(Feedback).where(Feedback.tracking == tracking))


def published_facets(store: Store) -> list[tuple[str, int | None, str | None, datetime]]:
    """(kind, department, indicator, created) of every published item, for the aggregates."""
    with store.session() as session:
        rows = session.execute(
            select(Feedback.kind, Feedback.depto, Feedback.indicator, Feedback.created_at)
            .where(Feedback.status.in_(PUBLIC_STATUSES))).all()
    return [(r.kind, r.depto, r.indicator, r.created_at) for r in rows]


# ---- moderation ---------------------------------------------------------------------------


def queue_page(store: Store, status: str | None, page: int, per_page: int,
               oldest_first: bool) -> tuple[list[Feedback], int]:
    """One page of items in ``status`` (every status when ``None``) and the total."""
    where = [] if status is None else [Feedback.status == status]
    order = Feedback.id.asc() if oldest_first else Feedback.id.desc()
    return _page(store, where, order, page, per_page)


def count_by_status(store: Store) -> dict[str, int]:
    """Items per status (statuses without items are absent)."""
    with store.session() as session:
        rows = session.execute(select(Feedback.status, func.count(Feedback.id))
                               .group_by(Feedback.status)).all()
    return {status: int(n) for status, n in rows}


def moderate(store: Store, feedback_id: int, next_status: Callable[[Feedback], str],
             action: Moderation) -> Feedback | None:
    """Move one item to ``next_status(row)`` and append its audit entry in one transaction.

    The row is locked while the new status is decided (``None`` when there is no such item),
    so there is never a status change without its audit line, or the other way round. A change
    to what the public sees (published, answered, hidden again) is chained in the same
    transaction (``chain_replies``).
    """
    with store.session() as session:
        row = session.get(Feedback, feedback_id, with_for_update=True)
        if row is None:
            return None
        before = row.status
        row.status = next_status(row)
        row.moderated_at = utcnow()
        details: dict[str, object] = {"from": before, "to": row.status}
        if action.reply is not None:
            row.reply, row.replied_at, row.replied_by = action.reply, utcnow(), action.user_id
            details["reply"] = action.reply
        audit(session, action.user_id, action.audit_action, target=row.tracking,
              details=details, ip=action.ip)
        session.flush()
        _chain_public_change(session, row, action.user_id)
        return row


def _chain_public_change(session: Session, row: Feedback, user_id: int | None) -> None:
    """Chain a new public record when what the public sees of ``row`` changed.

    The chain lock is taken after the item's row lock; tracker appends take only the chain
    lock, so the two orders never meet in a deadlock.
    """
    if chain_replies.public_view(row) == chain_replies.public_view_recorded(session, row.id):
        return
    chain.lock(session)
    record = chain_replies.record_change(session, row, user_id)
    if record is not None:
        chain.append(session, [record])
