"""Tables of the tamper-evident history (migration ``0003_auditors``).

``history_chain`` holds one entry per tracker history row (commitment, milestones, updates,
events, evidence files and their removals), each with the SHA-256 of the row's canonical content
and of the previous entry: rewriting any row, or any entry, breaks every later link. The table
is append-only (database triggers). ``history_chain_lock`` is a one-row table whose only use is
to be updated first in every appending transaction, so two appends wait for each other instead
of forking the chain (row lock on PostgreSQL, the write lock on SQLite).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
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
