"""Every query on the GT0112 tracker tables: read the history, append to it, seed the plan.

The tracker domain (``dashboard.tracker``) holds the rules and turns what this module returns
into its own dataclasses; this module knows tables, not rules, and never imports the tracker.
Writes are INSERTs only (database triggers refuse anything else); each write takes the chain
lock first, then adds its rows, their entries in the history hash chain (``chain``) and its
audit entry, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dashboard.store import chain, chain_replies
from dashboard.store.accounts import User, audit
from dashboard.store.chain_tables import ChainEntry, FeedbackPublication
from dashboard.store.db import Store
from dashboard.store.evidence_tables import EvidenceFile, EvidencePurge, EvidenceRemoval
from dashboard.store.tracker_tables import Commitment, Event, Milestone, MilestoneUpdate

MAX_ROW_ID = 2**63 - 1  # a larger id (from a URL) would overflow SQLite's INTEGER


class TrackerError(ValueError):
    """A write that the store refuses (unknown target of a correction, say)."""


@dataclass(frozen=True)
class TrackerRecords:
    """The whole tracker history, read in one transaction.

    Rows are detached (sessions do not expire on commit), so their columns stay readable;
    ``authors`` maps a user id to the name shown next to what that user published.
    """

    commitment: dict[str, Any]
    milestones: tuple[Milestone, ...]
    updates: tuple[MilestoneUpdate, ...]
    events: tuple[Event, ...]
    authors: dict[int, str]
    files: tuple[EvidenceFile, ...] = ()
    removals: tuple[EvidenceRemoval, ...] = ()
    replies: tuple[FeedbackPublication, ...] = ()
    purges: tuple[EvidencePurge, ...] = ()


@dataclass(frozen=True)
class PlannedMilestone:
    """One milestone of the action plan, as seeded (the plan dates are the tracker's reading)."""

    id: str
    position: int
    inicio_planificado: date | None
    fin_planificado: date | None
    data: dict[str, Any]


class UpdateFields(Protocol):
    """What a new progress update carries (``dashboard.tracker.staff_input.NewUpdate``)."""

    @property
    def milestone_id(self) -> str: ...
    @property
    def estado(self) -> str: ...
    @property
    def avance(self) -> int: ...
    @property
    def resumen(self) -> str: ...
    @property
    def motivo_retraso(self) -> str: ...
    @property
    def proximos_pasos(self) -> str: ...
    @property
    def evidencias(self) -> Sequence[Mapping[str, str]]: ...
    @property
    def inicio_real(self) -> date | None: ...
    @property
    def fin_real(self) -> date | None: ...
    @property
    def corrige_id(self) -> int | None: ...
    @property
    def fecha(self) -> date | None: ...


class EventFields(Protocol):
    """What a new event carries (``dashboard.tracker.staff_input.NewEvent``)."""

    @property
    def fecha(self) -> date: ...
    @property
    def tipo(self) -> str: ...
    @property
    def titulo(self) -> str: ...
    @property
    def participantes(self) -> str: ...
    @property
    def enlace_acta(self) -> str: ...
    @property
    def notas(self) -> str: ...
    @property
    def corrige_id(self) -> int | None: ...
    @property
    def anula(self) -> bool: ...


def read_tracker(store: Store, commitment_id: str) -> TrackerRecords:
    """Commitment, plan, updates, events, files (with their withdrawals and purges) and the
    chained public records of the ministry's replies (``feedback_publications``), in the order
    every view shows them."""
    with store.session() as ses:
        row = ses.get(Commitment, commitment_id)
        return TrackerRecords(
            commitment=dict(row.data) if row is not None else {},
            milestones=tuple(ses.scalars(select(Milestone).order_by(Milestone.position))),
            updates=tuple(ses.scalars(select(MilestoneUpdate).order_by(MilestoneUpdate.id))),
            events=tuple(ses.scalars(select(Event).order_by(Event.fecha, Event.id))),
            authors={u.id: u.display_name or u.username for u in ses.scalars(select(User))},
            files=tuple(ses.scalars(select(EvidenceFile).order_by(EvidenceFile.id))),
            removals=tuple(ses.scalars(select(EvidenceRemoval).order_by(EvidenceRemoval.id))),
            replies=tuple(chain_replies.all_records(ses)),
            purges=tuple(ses.scalars(select(EvidencePurge).order_by(EvidencePurge.id))))


def append_update(store: Store, user_id: int, new: UpdateFields, ip: str) -> int:
    """Insert one update and its audit entry; a correction must target the same milestone."""
    with store.session() as ses:
        chain.lock(ses)
        if new.corrige_id is not None:
            target = ses.get(MilestoneUpdate, new.corrige_id)
            if target is None or target.milestone_id != new.milestone_id:
                raise TrackerError("corrige_id.invalid")
        row = MilestoneUpdate(milestone_id=new.milestone_id, author_id=user_id,
                              estado=new.estado, avance=new.avance, resumen=new.resumen,
                              motivo_retraso=new.motivo_retraso,
                              proximos_pasos=new.proximos_pasos,
                              evidencias=[dict(e) for e in new.evidencias],
                              inicio_real=new.inicio_real, fin_real=new.fin_real,
                              corrige_id=new.corrige_id, fecha=new.fecha)
        ses.add(row)
        ses.flush()
        chain.append(ses, [row])
        audit(ses, user_id, "tracker.update", f"milestone:{new.milestone_id}",
              {"update_id": row.id, "estado": new.estado, "avance": new.avance,
               "corrige_id": new.corrige_id, "evidencias": len(new.evidencias)}, ip)
        return row.id


def append_event(store: Store, user_id: int, new: EventFields, ip: str) -> int:
    """Insert one event and its audit entry; a correction must target an existing event."""
    with store.session() as ses:
        chain.lock(ses)
        if new.corrige_id is not None and ses.get(Event, new.corrige_id) is None:
            raise TrackerError("corrige_id.invalid")
        row = Event(fecha=new.fecha, tipo=new.tipo, titulo=new.titulo,
                    participantes=new.participantes, enlace_acta=new.enlace_acta,
                    notas=new.notas, author_id=user_id, corrige_id=new.corrige_id,
                    anula=new.anula)
        ses.add(row)
        ses.flush()
        chain.append(ses, [row])
        audit(ses, user_id, "tracker.event", f"event:{row.id}",
              {"tipo": new.tipo, "fecha": new.fecha.isoformat(), "corrige_id": new.corrige_id,
               "anula": new.anula}, ip)
        return row.id


def insert_commitment_once(store: Store, commitment_id: str, data: dict[str, Any],
                           seed_sha256: str, milestones: Sequence[PlannedMilestone]) -> bool:
    """Store the commitment and its plan unless present; ``True`` when this call stored them.

    Safe when two gunicorn workers start together: the loser of the race hits the primary key
    and simply moves on. The commitment and its milestones are the first entries of the history
    chain, so a fresh installation already has a chain to verify.
    """
    with store.session() as ses:
        if ses.get(Commitment, commitment_id) is not None:
            return False
    rows: list[Commitment | Milestone] = [
        Commitment(id=commitment_id, data=data, seed_sha256=seed_sha256)]
    rows += [Milestone(id=m.id, commitment_id=commitment_id, position=m.position,
                       inicio_planificado=m.inicio_planificado,
                       fin_planificado=m.fin_planificado, data=m.data) for m in milestones]
    try:
        with store.session() as ses:
            chain.lock(ses)
            ses.add_all(rows)
            ses.flush()
            chain.append(ses, rows)
    except IntegrityError:
        return False  # another worker seeded first
    return True


@dataclass(frozen=True)
class StoredFile:
    """An evidence file's public facts, as staff attach it (the bytes are already on disk)."""

    sha256: str
    filename: str
    size: int
    media_type: str


def attach_evidence(store: Store, user_id: int, target: tuple[str, int], file: StoredFile,
                    ip: str) -> int:
    """Attach a stored file to ``("update", id)`` or ``("event", id)``; a chained new row."""
    kind, target_id = target
    model = MilestoneUpdate if kind == "update" else Event
    if not 0 < target_id <= MAX_ROW_ID:
        raise TrackerError("evidence.target_invalid")
    with store.session() as ses:
        chain.lock(ses)
        if kind not in ("update", "event") or ses.get(model, target_id) is None:
            raise TrackerError("evidence.target_invalid")
        row = EvidenceFile(sha256=file.sha256, filename=file.filename, size=file.size,
                           media_type=file.media_type, author_id=user_id,
                           update_id=target_id if kind == "update" else None,
                           event_id=target_id if kind == "event" else None)
        ses.add(row)
        ses.flush()
        chain.append(ses, [row])
        audit(ses, user_id, "tracker.evidence", f"{kind}:{target_id}",
              {"evidence_id": row.id, "sha256": file.sha256, "size": file.size}, ip)
        return row.id


def remove_evidence(store: Store, user_id: int, evidence_id: int, motivo: str, ip: str) -> int:
    """Withdraw a file from the public lists: a chained new row that says why."""
    if not 0 < evidence_id <= MAX_ROW_ID:
        raise TrackerError("evidence.not_found")
    with store.session() as ses:
        chain.lock(ses)
        if ses.get(EvidenceFile, evidence_id) is None:
            raise TrackerError("evidence.not_found")
        if ses.scalar(select(EvidenceRemoval.id)
                      .where(EvidenceRemoval.evidence_id == evidence_id)) is not None:
            raise TrackerError("evidence.already_removed")
        row = EvidenceRemoval(evidence_id=evidence_id, motivo=motivo, author_id=user_id)
        ses.add(row)
        ses.flush()
        chain.append(ses, [row])
        audit(ses, user_id, "tracker.evidence_removed", f"evidence:{evidence_id}",
              {"removal_id": row.id}, ip)
        return row.id


def evidence_file(store: Store, evidence_id: int) -> EvidenceFile | None:
    if not 0 < evidence_id <= MAX_ROW_ID:
        return None
    with store.session() as ses:
        return ses.get(EvidenceFile, evidence_id)


@dataclass(frozen=True)
class ChainPage:
    """The chain's head and count, and one page of entries with their rows' canonical content."""

    count: int
    head: str
    entries: tuple[ChainEntry, ...]
    contents: tuple[dict[str, Any] | None, ...]


def chain_page(store: Store, offset: int, limit: int) -> ChainPage:
    with store.session() as ses:
        count, head = chain.head(ses)
        entries = chain.page(ses, offset, limit)
        return ChainPage(count, head, tuple(entries), tuple(chain.contents(ses, entries)))


def chain_head(store: Store) -> tuple[int, str]:
    """(count, hash of the last entry): changes with every tracker entry and every change to
    what the public sees of feedback, since all of them are chained."""
    with store.session() as ses:
        return chain.head(ses)


def verify_chain(store: Store) -> chain.Verdict:
    with store.session() as ses:
        return chain.verify(ses)
