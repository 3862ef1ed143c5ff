"""The tracker's ``Snapshot``: everything the public views show, built from the store's records.

The queries live in ``dashboard.store.tracker_repository``; this module turns its rows into the
pure dataclasses of ``dashboard.tracker.rules`` and applies the rules once, at ``today``. Every
view (page, panel, API, print view, staff pages) is built from the same ``snapshot``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store import tracker_repository as records
from dashboard.store.chain_tables import FeedbackPublication
from dashboard.store.evidence_tables import EvidenceFile, EvidencePurge, EvidenceRemoval
from dashboard.store.tracker_tables import Event as EventRow
from dashboard.store.tracker_tables import Milestone, MilestoneUpdate
from dashboard.tracker.compliance import PeriodCheck, compliance
from dashboard.tracker.data_promise import DataPromise, data_promise
from dashboard.tracker.rules import (
    Event,
    EvidenceItem,
    Plan,
    ReplyRecord,
    State,
    Update,
    current_state,
)
from dashboard.tracker.seed import readings

COMMITMENT_ID = "GT0112"
UNKNOWN_AUTHOR = "?"


def _plan(row: Milestone) -> Plan:
    data = row.data
    return Plan(id=row.id, titulo=dict(data.get("titulo", {})),
                responsable=str(data.get("responsable", {}).get("valor", "")),
                lecturas=readings(data), inicio_planificado=row.inicio_planificado,
                fin_planificado=row.fin_planificado,
                nota_calidad=dict(data.get("nota_calidad", {})), data=dict(data))


def _update(r: MilestoneUpdate, authors: dict[int, str]) -> Update:
    return Update(id=r.id, milestone_id=r.milestone_id, created_at=r.created_at,
                  autor=authors.get(r.author_id, UNKNOWN_AUTHOR), estado=r.estado,
                  avance=r.avance, resumen=r.resumen, motivo_retraso=r.motivo_retraso,
                  proximos_pasos=r.proximos_pasos, evidencias=tuple(r.evidencias or ()),
                  inicio_real=r.inicio_real, fin_real=r.fin_real, corrige_id=r.corrige_id,
                  fecha=r.fecha)


def _event(r: EventRow, authors: dict[int, str]) -> Event:
    return Event(id=r.id, fecha=r.fecha, tipo=r.tipo, titulo=r.titulo,
                 participantes=r.participantes, enlace_acta=r.enlace_acta, notas=r.notas,
                 created_at=r.created_at, autor=authors.get(r.author_id, UNKNOWN_AUTHOR),
                 corrige_id=r.corrige_id, anula=r.anula)


def _files(rows: tuple[EvidenceFile, ...], removals: tuple[EvidenceRemoval, ...],
           authors: dict[int, str],
           purges: tuple[EvidencePurge, ...] = ()) -> tuple[EvidenceItem, ...]:
    gone = {r.evidence_id: r for r in removals}
    erased = {p.evidence_id: p for p in purges}
    return tuple(_file(f, gone.get(f.id), erased.get(f.id), authors) for f in rows)


def _file(f: EvidenceFile, removal: EvidenceRemoval | None, purge: EvidencePurge | None,
          authors: dict[int, str]) -> EvidenceItem:
    return EvidenceItem(
        id=f.id, sha256=f.sha256, filename=f.filename, size=f.size, media_type=f.media_type,
        created_at=f.created_at, autor=authors.get(f.author_id, UNKNOWN_AUTHOR),
        update_id=f.update_id, event_id=f.event_id,
        removal_id=removal.id if removal else None,
        removed_at=removal.created_at if removal else None,
        removal_reason=removal.motivo if removal else "",
        purge_id=purge.id if purge else None,
        purged_at=purge.purged_at if purge else None,
        purge_reason=purge.motivo if purge else "")


def _replies(rows: tuple[FeedbackPublication, ...]) -> tuple[ReplyRecord, ...]:
    return tuple(ReplyRecord(id=r.id, tracking=r.tracking, status=r.status, reply=r.reply,
                             created_at=r.created_at) for r in rows)


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
    files: tuple[EvidenceItem, ...] = ()
    replies: tuple[ReplyRecord, ...] = ()

    def files_of(self, update_id: int | None = None,
                 event_id: int | None = None) -> list[EvidenceItem]:
        """The files attached to one update or one event (withdrawn ones included)."""
        return [f for f in self.files if (update_id is not None and f.update_id == update_id)
                or (event_id is not None and f.event_id == event_id)]

    def state(self, milestone_id: str) -> State | None:
        return next((s for s in self.states if s.plan.id == milestone_id), None)


def monitoring_start(commitment: dict[str, Any]) -> date:
    """The day OGP monitoring starts (the seed's ``seguimiento_desde``), else 1 Jan 2022."""
    raw = commitment.get("requisitos_ogp", {}).get("seguimiento_desde", {}).get("valor")
    return date.fromisoformat(raw) if raw else date(2022, 1, 1)


def build_snapshot(found: records.TrackerRecords, settings: Settings, today: date) -> Snapshot:
    """Pure: the store's records → the rules' view of them at ``today``."""
    updates = [_update(r, found.authors) for r in found.updates]
    events = tuple(_event(r, found.authors) for r in found.events)
    since = monitoring_start(found.commitment)
    states = tuple(current_state(_plan(r), updates, today) for r in found.milestones)
    return Snapshot(today, found.commitment, states, events,
                    compliance(updates, events, since, today),
                    data_promise(settings, today), since,
                    _files(found.files, found.removals, found.authors, found.purges),
                    _replies(found.replies))


def snapshot(store: Store, settings: Settings, today: date) -> Snapshot:
    return build_snapshot(records.read_tracker(store, COMMITMENT_ID), settings, today)
