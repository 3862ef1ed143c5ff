"""Tables of the GT0112 tracker (migration ``0002_tracker``).

Everything here is append-only: milestones are the action plan as published (seeded once),
updates and events are history. A correction is a new row whose ``corrige_id`` points at the
row it corrects. Database triggers refuse UPDATE and DELETE on all four tables, and every row
is an entry of the history hash chain (``dashboard.store.chain``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.base import Base, UTCDateTime, utcnow

ESTADOS: tuple[str, ...] = ("no_iniciado", "en_progreso", "completado", "retrasado", "cancelado")
TIPOS_EVENTO: tuple[str, ...] = ("reunion_abierta", "foro_multiactor", "informe_avance")


class Commitment(Base):
    __tablename__ = "commitments"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    seed_sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Milestone(Base):
    __tablename__ = "milestones"

    id: Mapped[str] = mapped_column(String(8), primary_key=True)
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitments.id"))
    position: Mapped[int] = mapped_column(Integer)
    inicio_planificado: Mapped[date | None] = mapped_column(Date, nullable=True)
    fin_planificado: Mapped[date | None] = mapped_column(Date, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class MilestoneUpdate(Base):
    __tablename__ = "milestone_updates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    milestone_id: Mapped[str] = mapped_column(ForeignKey("milestones.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    estado: Mapped[str] = mapped_column(String(16))
    avance: Mapped[int] = mapped_column(Integer)
    resumen: Mapped[str] = mapped_column(Text, default="")
    motivo_retraso: Mapped[str] = mapped_column(Text, default="")
    proximos_pasos: Mapped[str] = mapped_column(Text, default="")
    evidencias: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    inicio_real: Mapped[date | None] = mapped_column(Date, nullable=True)
    fin_real: Mapped[date | None] = mapped_column(Date, nullable=True)
    corrige_id: Mapped[int | None] = mapped_column(ForeignKey("milestone_updates.id"),
                                                   nullable=True)
    # The day the update reports on when staff record it later (backfill, ``0003_auditors``);
    # NULL means the day it was published (``created_at``).
    fecha: Mapped[date | None] = mapped_column(Date, nullable=True)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fecha: Mapped[date] = mapped_column(Date, index=True)
    tipo: Mapped[str] = mapped_column(String(24))
    titulo: Mapped[str] = mapped_column(String(300))
    participantes: Mapped[str] = mapped_column(Text, default="")
    enlace_acta: Mapped[str] = mapped_column(String(1000), default="")
    notas: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    corrige_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), nullable=True)
    anula: Mapped[bool] = mapped_column(Boolean, default=False)
