"""The tamper-evident history: a hash chain over every tracker history row.

Each entry ``n`` stores ``content_sha256 = sha256(canonical(row))`` and
``entry_hash = sha256(prev_hash | n | kind | ref | content_sha256)`` (``|`` is a newline, the
first ``prev_hash`` is 64 zeros). Rewriting a stored row changes its content hash; rewriting the
chain too changes every later ``entry_hash``, so a head that an auditor kept no longer appears.
The canonical form is documented in ``docs/auditoria.md`` and reproducible in a few lines of
Python: JSON with sorted keys, no spaces, UTF-8, columns whose value is NULL left out (so a
column added later does not change the hash of older rows), dates ISO 8601 and timestamps UTC
``YYYY-MM-DDTHH:MM:SS.ffffffZ``.

Appends happen in the transaction that inserts the rows, after ``lock`` has taken the one-row
lock table, so two concurrent appends cannot read the same head.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, inspect, select, update
from sqlalchemy.orm import Session

from dashboard.store import chain_replies
from dashboard.store.base import Base
from dashboard.store.chain_tables import ChainEntry, ChainLock, FeedbackPublication
from dashboard.store.evidence_tables import EvidenceFile, EvidencePurge, EvidenceRemoval
from dashboard.store.tracker_tables import Commitment, Event, Milestone, MilestoneUpdate

GENESIS = "0" * 64
CHAINED: dict[str, type[Base]] = {
    "commitments": Commitment, "milestones": Milestone, "milestone_updates": MilestoneUpdate,
    "events": Event, "evidence_files": EvidenceFile, "evidence_removals": EvidenceRemoval,
    chain_replies.KIND: FeedbackPublication, "evidence_purges": EvidencePurge,
}


def canonical_value(value: Any) -> Any:
    """One column value in the form the content hash covers."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_content(row: Base) -> dict[str, Any]:
    """Every non-NULL column of ``row`` (by column name), canonical."""
    mapper = inspect(type(row))
    values = {attr.columns[0].name: getattr(row, attr.key) for attr in mapper.column_attrs}
    return {k: canonical_value(v) for k, v in values.items() if v is not None}


def content_sha256(content: dict[str, Any]) -> str:
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link_hash(prev_hash: str, seq: int, kind: str, ref: str, content_hash: str) -> str:
    text = "\n".join((prev_hash, str(seq), kind, ref, content_hash))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _ref(row: Base) -> str:
    return "/".join(str(v) for v in inspect(row).identity or ())


def lock(ses: Session) -> None:
    """Take the chain's write lock for this transaction (call before reading anything)."""
    ses.execute(update(ChainLock).where(ChainLock.id == 1)
                .values(appends=ChainLock.appends + 1))


def head(ses: Session) -> tuple[int, str]:
    """(count, hash of the last entry); ``(0, GENESIS)`` for an empty chain."""
    last = ses.scalars(select(ChainEntry).order_by(ChainEntry.seq.desc()).limit(1)).first()
    return (last.seq, last.entry_hash) if last else (0, GENESIS)


def append(ses: Session, rows: Iterable[Base]) -> None:
    """Chain ``rows`` (flushed, in order) after the current head; ``lock`` must be held."""
    seq, prev = head(ses)
    for row in rows:
        seq += 1
        kind = type(row).__tablename__
        ref = _ref(row)
        digest = content_sha256(row_content(row))
        entry = ChainEntry(seq=seq, kind=kind, ref=ref, content_sha256=digest, prev_hash=prev,
                           entry_hash=link_hash(prev, seq, kind, ref, digest))
        ses.add(entry)
        prev = entry.entry_hash
    ses.flush()


def page(ses: Session, offset: int, limit: int) -> list[ChainEntry]:
    return list(ses.scalars(select(ChainEntry).order_by(ChainEntry.seq)
                            .offset(offset).limit(limit)))


def contents(ses: Session, entries: Sequence[ChainEntry]) -> list[dict[str, Any] | None]:
    """The current canonical content of each entry's row (``None`` if the row is gone)."""
    return [_content_of(ses, e) for e in entries]


def _content_of(ses: Session, entry: ChainEntry) -> dict[str, Any] | None:
    model = CHAINED.get(entry.kind)
    if model is None:
        return None
    key = entry.ref if model in (Commitment, Milestone) else int(entry.ref)
    row = ses.get(model, key)
    return row_content(row) if row is not None else None


@dataclass(frozen=True)
class Verdict:
    """What ``verify`` found: the chain's size and head, or the first broken entry."""

    count: int
    head: str
    broken_seq: int | None = None
    broken_ref: str = ""
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify(ses: Session) -> Verdict:
    """Walk the whole chain against the stored rows; stop at the first broken entry."""
    prev, seq, seen = GENESIS, 0, dict[tuple[str, str], int]()
    for entry in ses.scalars(select(ChainEntry).order_by(ChainEntry.seq)).yield_per(500):
        seq += 1
        reason = _problem(ses, entry, seq, prev)
        if reason:
            return Verdict(seq - 1, prev, entry.seq, f"{entry.kind}:{entry.ref}", reason)
        seen[(entry.kind, entry.ref)] = entry.seq
        prev = entry.entry_hash
    missing = _unchained(ses, seen)
    if missing:
        return Verdict(seq, prev, seq + 1, missing, "row not in the chain")
    return _replies_agree(ses, seen, Verdict(seq, prev))


def _replies_agree(ses: Session, seen: dict[tuple[str, str], int], verdict: Verdict) -> Verdict:
    """``verdict`` unless a feedback item no longer shows what its latest chained record says
    (a published reply rewritten in place); then that item, at its record's entry."""
    found = chain_replies.first_disagreement(ses)
    if found is None:
        return verdict
    feedback_id, record_id = found
    if record_id is None:
        return Verdict(verdict.count, verdict.head, verdict.count + 1,
                       f"feedback:{feedback_id}", "published item not in the chain")
    return Verdict(verdict.count, verdict.head, seen[(chain_replies.KIND, str(record_id))],
                   f"feedback:{feedback_id}", "public reply or status differs from the chain")


def _problem(ses: Session, entry: ChainEntry, seq: int, prev: str) -> str:
    if entry.seq != seq:
        return f"sequence gap: expected {seq}"
    if entry.prev_hash != prev:
        return "prev_hash does not match the previous entry"
    if entry.entry_hash != link_hash(prev, entry.seq, entry.kind, entry.ref,
                                     entry.content_sha256):
        return "entry_hash does not match the entry"
    content = _content_of(ses, entry)
    if content is None:
        return "row missing"
    if content_sha256(content) != entry.content_sha256:
        return "row content changed"
    return ""


def _unchained(ses: Session, seen: dict[tuple[str, str], int]) -> str:
    """The first stored history row without a chain entry, as ``kind:ref`` ('' if none)."""
    for kind, model in CHAINED.items():
        if ses.scalar(select(func.count()).select_from(model)) == sum(k == kind for k, _ in seen):
            continue
        for row in ses.scalars(select(model)):
            if (kind, _ref(row)) not in seen:
                return f"{kind}:{_ref(row)}"
    return ""


def history_in_order(ses: Session) -> list[Base]:
    """Every history row in the order a new chain takes them (migration of an existing store):
    the commitment and its plan first, then updates, events and files by creation time.

    Purges (``evidence_purges``, migration 0005) are not here: none can predate their table,
    which is created after the chain exists, and this runs in migration 0003 before it does."""
    plan: list[Base] = [*ses.scalars(select(Commitment).order_by(Commitment.id)),
                        *ses.scalars(select(Milestone).order_by(Milestone.position))]
    later: list[Any] = [*ses.scalars(select(MilestoneUpdate)), *ses.scalars(select(Event)),
                        *ses.scalars(select(EvidenceFile)), *ses.scalars(select(EvidenceRemoval))]
    later.sort(key=lambda r: (r.created_at, CHAINED_ORDER.index(type(r).__tablename__), r.id))
    return plan + later


CHAINED_ORDER = tuple(CHAINED)
