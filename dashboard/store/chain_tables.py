"""Tables of the tamper-evident history (migration ``0003_auditors``).

``history_chain`` holds one entry per tracker history row (commitment, milestones, updates,
events, evidence files, their removals and purges), each with the SHA-256 of the row's canonical
content and of the previous entry: rewriting any row, or any entry, breaks every later link. The
table is append-only (database triggers). ``history_chain_lock`` is a one-row table whose only use
is to be updated first in every appending transaction, so two appends wait for each other instead
of forking the chain (row lock on PostgreSQL, the write lock on SQLite).

``feedback_publications`` (migration ``0004_reply_chain``) is the append-only public record of
the ministry's answers to citizens: one row each time a published item's status or public reply
changes. The mutable ``feedback`` row is what the pages read; verification checks that it still
agrees with its latest record (``chain_replies``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.base import Base, UTCDateTime, utcnow


class ChainEntry(Base):
    __tablename__ = "history_chain"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32))
    ref: Mapped[str] = mapped_column(String(64))
    content_sha256: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChainLock(Base):
    __tablename__ = "history_chain_lock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    appends: Mapped[int] = mapped_column(Integer, default=0)


class FeedbackPublication(Base):
    __tablename__ = "feedback_publications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id"), index=True)
    tracking: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16))
    reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
