"""Reads and appends tracker records; the only module that touches the tracker tables.

Writes are INSERTs only (the triggers refuse anything else) and always add an audit entry in
the same transaction. Reads return the pure dataclasses of ``dashboard.tracker.rules``; the
``snapshot`` is what every view (page, panel, API, print view) is built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.core.config import Settings
from dashboard.store import Store, audit
from dashboard.store.accounts import User
from dashboard.store.tracker_tables import Commitment, Milestone, MilestoneUpdate
from dashboard.store.tracker_tables import Event as EventRow
from dashboard.tracker.compliance import PeriodCheck, compliance
from dashboard.tracker.data_promise import DataPromise, data_promise
from dashboard.tracker.rules import Event, Plan, State, Update, current_state
from dashboard.tracker.seed import readings
from dashboard.tracker.staff_input import NewEvent, NewUpdate

COMMITMENT_ID = "GT0112"


class TrackerError(ValueError):
    """A write that the rules refuse (unknown target of a correction, say)."""


def load_commitment(ses: Session) -> dict[str, Any]:
    row = ses.get(Commitment, COMMITMENT_ID)
    return dict(row.data) if row is not None else {}


def _plan(row: Milestone) -> Plan:
    data = row.data
    return Plan(id=row.id, titulo=dict(data.get("titulo", {})),
                responsable=str(data.get("responsable", {}).get("valor", "")),
                lecturas=readings(data), inicio_planificado=row.inicio_planificado,
                fin_planificado=row.fin_planificado,
                nota_calidad=dict(data.get("nota_calidad", {})), data=dict(data))


def load_plans(ses: Session) -> list[Plan]:
    return [_plan(r) for r in ses.scalars(select(Milestone).order_by(Milestone.position))]


def _authors(ses: Session) -> dict[int, str]:
    return {u.id: u.display_name or u.username for u in ses.scalars(select(User))}


def load_updates(ses: Session) -> list[Update]:
    names = _authors(ses)
    rows = ses.scalars(select(MilestoneUpdate).order_by(MilestoneUpdate.id))
    return [Update(id=r.id, milestone_id=r.milestone_id, created_at=r.created_at,
                   autor=names.get(r.author_id, "?"), estado=r.estado, avance=r.avance,
                   resumen=r.resumen, motivo_retraso=r.motivo_retraso,
                   proximos_pasos=r.proximos_pasos, evidencias=tuple(r.evidencias or ()),
                   inicio_real=r.inicio_real, fin_real=r.fin_real, corrige_id=r.corrige_id)
            for r in rows]


def load_events(ses: Session) -> list[Event]:
    names = _authors(ses)
    rows = ses.scalars(select(EventRow).order_by(EventRow.fecha, EventRow.id))
    return [Event(id=r.id, fecha=r.fecha, tipo=r.tipo, titulo=r.titulo,
                  participantes=r.participantes, enlace_acta=r.enlace_acta, notas=r.notas,
                  created_at=r.created_at, autor=names.get(r.author_id, "?"),
                  corrige_id=r.corrige_id, anula=r.anula)
            for r in rows]


def append_update(ses: Session, user_id: int, new: NewUpdate, ip: str) -> int:
    """Insert one update (and its audit entry); corrections must target the same milestone."""
    if new.corrige_id is not None:
        target = ses.get(MilestoneUpdate, new.corrige_id)
        if target is None or target.milestone_id != new.milestone_id:
            raise TrackerError("corrige_id.invalid")
    row = MilestoneUpdate(milestone_id=new.milestone_id, author_id=user_id, estado=new.estado,
                          avance=new.avance, resumen=new.resumen,
                          motivo_retraso=new.motivo_retraso, proximos_pasos=new.proximos_pasos,
                          evidencias=[dict(e) for e in new.evidencias],
                          inicio_real=new.inicio_real, fin_real=new.fin_real,
                          corrige_id=new.corrige_id)
    ses.add(row)
    ses.flush()
    audit(ses, user_id, "tracker.update", f"milestone:{new.milestone_id}",
          {"update_id": row.id, "estado": new.estado, "avance": new.avance,
           "corrige_id": new.corrige_id, "evidencias": len(new.evidencias)}, ip)
    return row.id


def append_event(ses: Session, user_id: int, new: NewEvent, ip: str) -> int:
    if new.corrige_id is not None and ses.get(EventRow, new.corrige_id) is None:
        raise TrackerError("corrige_id.invalid")
    row = EventRow(fecha=new.fecha, tipo=new.tipo, titulo=new.titulo,
                   participantes=new.participantes, enlace_acta=new.enlace_acta,
                   notas=new.notas, author_id=user_id, corrige_id=new.corrige_id,
                   anula=new.anula)
    ses.add(row)
    ses.flush()
    audit(ses, user_id, "tracker.event", f"event:{row.id}",
          {"tipo": new.tipo, "fecha": new.fecha.isoformat(), "corrige_id": new.corrige_id,
           "anula": new.anula}, ip)
    return row.id


@dataclass(frozen=True)
class Snapshot:
    """Everything the public views show, computed once at ``today``."""

    today: date
    commitment: dict[str, Any]
    states: tuple[State, ...]
    events: tuple[Event, ...]
    compliance: dict[str, list[PeriodCheck]]
    datos: DataPromise
    since: date

    def state(self, milestone_id: str) -> State | None:
        return next((s for s in self.states if s.plan.id == milestone_id), None)


def monitoring_start(commitment: dict[str, Any]) -> date:
    raw = commitment.get("requisitos_ogp", {}).get("seguimiento_desde", {}).get("valor")
    return date.fromisoformat(raw) if raw else date(2022, 1, 1)


def snapshot(store: Store, settings: Settings, today: date) -> Snapshot:
    with store.session() as ses:
        commitment = load_commitment(ses)
        plans = load_plans(ses)
        updates = load_updates(ses)
        events = load_events(ses)
    since = monitoring_start(commitment)
    states = tuple(current_state(p, updates, today) for p in plans)
    return Snapshot(today, commitment, states, tuple(events),
                    compliance(updates, events, since, today), data_promise(settings, today),
                    since)
