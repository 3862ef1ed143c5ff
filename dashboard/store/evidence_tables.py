"""Tables of evidence files attached to tracker history (migrations ``0003_auditors`` and
``0005_evidence_purge``).

An ``EvidenceFile`` row is one attachment of a stored file (bytes kept once under their SHA-256
in ``instance/evidence/``) to one milestone update or one event. Removing a file from public
view is a new ``EvidenceRemoval`` row that says why. When the law requires the bytes gone, an
``EvidencePurge`` row (written from the command line only, after the withdrawal) records the
legal basis, who ran it and when, and keeps the SHA-256 so a copy can still be proven. All three
tables are append-only and chained.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.base import Base, UTCDateTime, utcnow


class EvidenceFile(Base):
    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    update_id: Mapped[int | None] = mapped_column(ForeignKey("milestone_updates.id"),
                                                  nullable=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class EvidenceRemoval(Base):
    __tablename__ = "evidence_removals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_files.id"), index=True)
    motivo: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class EvidencePurge(Base):
    """A legally ordered erasure of a withdrawn file's bytes; the row (and the hash) stay.

    ``autor`` is the operating-system account that ran ``python -m dashboard evidence purge``
    (the chain is public: never an e-mail address).
    """

    __tablename__ = "evidence_purges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_files.id"), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    motivo: Mapped[str] = mapped_column(Text)
    autor: Mapped[str] = mapped_column(String(64))
    purged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
