"""Feedback tables (migration ``0002_feedback``): citizen feedback and the rate-limit counter.

``feedback.idempotency_key`` and ``feedback.tracking`` are UNIQUE: the database, not the code,
guarantees that a retried or double-clicked post is stored once, even across workers.
``feedback_rate`` is a fixed-window counter (one row per client and window) updated with an
atomic upsert, so the per-IP limit holds across gunicorn workers without Redis.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.base import Base, UTCDateTime, utcnow

STATUSES: tuple[str, ...] = ("nuevo", "publicado", "oculto", "respondido")
PUBLIC_STATUSES: tuple[str, ...] = ("publicado", "respondido")


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tracking: Mapped[str] = mapped_column(String(24), unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    message: Mapped[str] = mapped_column(Text)
    view_url: Mapped[str] = mapped_column(String(1000))
    depto: Mapped[int | None] = mapped_column(Integer, nullable=True)
    indicator: Mapped[str | None] = mapped_column(String(40), nullable=True)
    milestone_id: Mapped[str | None] = mapped_column(String(8), nullable=True, index=True)
    name: Mapped[str | None] = mapped_column(String(120), nullable=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    release_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="nuevo", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    replied_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class FeedbackRate(Base):
    __tablename__ = "feedback_rate"

    bucket: Mapped[str] = mapped_column(String(80), primary_key=True)
    window_start: Mapped[int] = mapped_column(Integer, primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)
