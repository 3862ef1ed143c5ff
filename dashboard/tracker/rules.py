"""Domain rules of the GT0112 tracker: flags, current state, what changed, OGP compliance.

Pure functions over small frozen dataclasses; every rule that depends on the date takes
``today`` so tests can pin it. Database access lives in ``dashboard.store.tracker_repository``
(read into a snapshot by ``dashboard.tracker.repository``); the data-release promise in
``dashboard.tracker.data_promise``.

Boundary conventions (tested): a milestone is *overdue* the day after its planned end; *stale*
the day after six calendar months without an update; *at risk* when its end is 0-30 days away
and progress is below 75 %. Where the source gives several readings of the dates, flags use the
reading most favourable to the ministry (the latest end), so a flag is never overstated.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from dashboard.store.tracker_tables import ESTADOS, TIPOS_EVENTO

__all__ = ["ESTADOS", "TIPOS_EVENTO"]  # re-exported: one definition, shared with the schema
CLOSED: frozenset[str] = frozenset({"completado", "cancelado"})
ALERTAS: tuple[str, ...] = ("vencido", "desactualizado", "en_riesgo", "calidad_datos")
STALE_MONTHS = 6
RISK_DAYS = 30
RISK_PROGRESS = 75


@dataclass(frozen=True)
class DateReading:
    """One way of reading the source's planned dates for a milestone."""

    id: str
    inicio: date | None
    fin: date | None
    inicio_texto: str = ""
    fin_texto: str = ""

    @property
    def valid(self) -> bool:
        return self.inicio is not None and self.fin is not None and self.inicio <= self.fin


@dataclass(frozen=True)
class Plan:
    """A milestone as the action plan states it (seeded once, never edited)."""

    id: str
    titulo: dict[str, str]
    responsable: str
    lecturas: tuple[DateReading, ...]
    inicio_planificado: date | None = None
    fin_planificado: date | None = None
    nota_calidad: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)


def recorded_later(day: date, recorded: datetime) -> bool:
    """Entered after the day it speaks for (backfilled): the one test for updates, events and
    the change list, on the day of recording in UTC, as the store stamps it."""
    stamped = recorded.astimezone(UTC) if recorded.tzinfo else recorded
    return day < stamped.date()


@dataclass(frozen=True)
class Update:
    """One append-only progress report; a complete snapshot of the milestone's state."""

    id: int
    milestone_id: str
    created_at: datetime
    autor: str
    estado: str
    avance: int
    resumen: str = ""
    motivo_retraso: str = ""
    proximos_pasos: str = ""
    evidencias: tuple[dict[str, str], ...] = ()
    inicio_real: date | None = None
    fin_real: date | None = None
    corrige_id: int | None = None
    fecha: date | None = None  # backfill: the day reported on when entered later

    @property
    def reported_on(self) -> date:
        """The day this update speaks for: its backfilled date, else its publication day."""
        return self.fecha or self.created_at.date()

    @property
    def entered_later(self) -> bool:
        return self.fecha is not None and recorded_later(self.fecha, self.created_at)


@dataclass(frozen=True)
class Event:
    id: int
    fecha: date
    tipo: str
    titulo: str
    participantes: str = ""
    enlace_acta: str = ""
    notas: str = ""
    created_at: datetime | None = None
    autor: str = ""
    corrige_id: int | None = None
    anula: bool = False

    @property
    def entered_later(self) -> bool:
        """Recorded after the day it took place (a past meeting backfilled with its real date;
        the same test as the change list's ``registro_posterior``)."""
        return self.created_at is not None and recorded_later(self.fecha, self.created_at)


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence file attached to an update or an event; withdrawn files keep their row, and
    so do purged ones (bytes erased by legal order, decision 0016: name and hash stay)."""

    id: int
    sha256: str
    filename: str
    size: int
    media_type: str
    created_at: datetime
    autor: str
    update_id: int | None = None
    event_id: int | None = None
    removal_id: int | None = None
    removed_at: datetime | None = None
    removal_reason: str = ""
    purge_id: int | None = None
    purged_at: datetime | None = None
    purge_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.removal_id is not None

    @property
    def purged(self) -> bool:
        """The bytes were erased by legal order: nothing to download any more."""
        return self.purge_id is not None


@dataclass(frozen=True)
class ReplyRecord:
    """One chained change to what the public sees of a citizen's item (``feedback_publications``):
    its tracking number, status and the ministry's public reply, never the citizen's message."""

    id: int
    tracking: str
    status: str
    reply: str | None
    created_at: datetime

    @property
    def answered(self) -> bool:
        """The record publishes a reply of the ministry."""
        return self.status == "respondido" and bool(self.reply)


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_dates(lecturas: Sequence[DateReading]) -> tuple[date | None, date | None]:
    """The official plan only when the source gives exactly one valid reading; else unknown."""
    if len(lecturas) == 1 and lecturas[0].valid:
        return lecturas[0].inicio, lecturas[0].fin
    return None, None


def effective_start(plan: Plan) -> date | None:
    if plan.inicio_planificado is not None:
        return plan.inicio_planificado
    starts = [r.inicio for r in plan.lecturas if r.inicio is not None]
    return min(starts) if starts else None


def effective_end(plan: Plan) -> date | None:
    """The planned end, or the latest end among the readings (favourable to the ministry)."""
    if plan.fin_planificado is not None:
        return plan.fin_planificado
    ends = [r.fin for r in plan.lecturas if r.fin is not None]
    return max(ends) if ends else None


def has_data_quality_issue(plan: Plan) -> bool:
    """Missing dates, an impossible pair, or several readings of the same dates."""
    return (plan.inicio_planificado is None or plan.fin_planificado is None
            or len(plan.lecturas) != 1 or not all(r.valid for r in plan.lecturas))


def is_overdue(plan: Plan, estado: str, today: date) -> bool:
    end = effective_end(plan)
    return end is not None and today > end and estado not in CLOSED


def is_stale(plan: Plan, estado: str, last_update: date | None, today: date,
             months: int = STALE_MONTHS) -> bool:
    """No update for more than ``months`` (counted from the start if none was ever posted)."""
    if estado in CLOSED:
        return False
    reference = last_update or effective_start(plan)
    return reference is not None and today > add_months(reference, months)


def is_at_risk(plan: Plan, estado: str, avance: int, today: date) -> bool:
    end = effective_end(plan)
    if end is None or estado in CLOSED:
        return False
    return 0 <= (end - today).days <= RISK_DAYS and avance < RISK_PROGRESS


@dataclass(frozen=True)
class State:
    """A milestone now: its plan, current snapshot, flags and full history."""

    plan: Plan
    estado: str
    avance: int
    ultima_actualizacion: datetime | None
    alertas: tuple[str, ...]
    historial: tuple[Update, ...]

    @property
    def current(self) -> Update | None:
        return self.historial[-1] if self.historial else None


def current_state(plan: Plan, updates: Iterable[Update], today: date) -> State:
    """Fold the history (the latest entry is the current snapshot) and compute the flags.

    History runs by the day each update reports on, so a past update entered later (backfill)
    takes its place in the past instead of becoming the current state.
    """
    history = tuple(sorted((u for u in updates if u.milestone_id == plan.id),
                           key=lambda u: (u.reported_on, u.created_at, u.id)))
    last = history[-1] if history else None
    estado = last.estado if last else "no_iniciado"
    avance = last.avance if last else 0
    last_at = last.created_at if last else None
    alerts = []
    if is_overdue(plan, estado, today):
        alerts.append("vencido")
    if is_stale(plan, estado, last.reported_on if last else None, today):
        alerts.append("desactualizado")
    if is_at_risk(plan, estado, avance, today):
        alerts.append("en_riesgo")
    if has_data_quality_issue(plan):
        alerts.append("calidad_datos")
    return State(plan, estado, avance, last_at, tuple(alerts), history)


DIFF_FIELDS: tuple[str, ...] = ("estado", "avance", "resumen", "motivo_retraso",
                                "proximos_pasos", "evidencias", "inicio_real", "fin_real")


def _baseline(current: Update) -> Update:
    """The state the public saw before the first update: not started, 0 %, nothing else."""
    return Update(id=0, milestone_id=current.milestone_id, created_at=current.created_at,
                  autor="", estado="no_iniciado", avance=0)


def changes(previous: Update | None, current: Update) -> list[tuple[str, Any, Any]]:
    """``(field, before, after)`` for every field this update changed.

    The first update is compared with the implicit starting point (not started, 0 %).
    """
    before_state = previous if previous is not None else _baseline(current)
    return [(name, getattr(before_state, name), getattr(current, name))
            for name in DIFF_FIELDS if getattr(before_state, name) != getattr(current, name)]


def effective_events(events: Iterable[Event]) -> list[Event]:
    """Events that still stand: drop any that a later entry corrected or annulled."""
    events = list(events)
    superseded = {e.corrige_id for e in events if e.corrige_id is not None}
    return sorted((e for e in events if e.id not in superseded and not e.anula),
                  key=lambda e: (e.fecha, e.id))


def summary_counts(states: Sequence[State]) -> dict[str, int]:
    """What the compact panel shows: completed, in progress, overdue, stale, total."""
    return {
        "total": len(states),
        "completado": sum(s.estado == "completado" for s in states),
        "en_progreso": sum(s.estado in {"en_progreso", "retrasado"} for s in states),
        "vencido": sum("vencido" in s.alertas for s in states),
        "desactualizado": sum("desactualizado" in s.alertas for s in states),
    }
