"""The tracker's queries: history read in order, append-only writes with audit, seeding once."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT
from sqlalchemy import func, select

from dashboard.store import Store, accounts
from dashboard.store.accounts import AuditEntry
from dashboard.store.tracker_repository import (
    PlannedMilestone,
    TrackerError,
    append_event,
    append_update,
    insert_commitment_once,
    read_tracker,
)
from dashboard.store.tracker_tables import Event, MilestoneUpdate
from dashboard.tracker.staff_input import NewEvent, NewUpdate

PLAN = (PlannedMilestone("4.2", 2, None, None, {"titulo": {"es": "Dos"}}),
        PlannedMilestone("4.1", 1, date(2022, 2, 1), date(2022, 7, 31), {"titulo": {"es": "Uno"}}))


@pytest.fixture
def seeded(store: Store) -> Store:
    assert insert_commitment_once(store, "GT0112", {"compromiso": {"id": "GT0112"}}, "a" * 64,
                                  PLAN)
    return store


@pytest.fixture
def ana(seeded: Store) -> int:
    with seeded.session() as ses:
        return accounts.create_user(ses, "ana", "una clave muy larga 1",
                                    display_name="Ana Pérez").id


def _update(milestone: str = "4.1", corrige_id: int | None = None) -> NewUpdate:
    return NewUpdate(milestone, "en_progreso", 40, "Avance", "", "Sigue",
                     ({"titulo": "Acta", "url": "https://example.org/a"},), None, None,
                     corrige_id)


def _event(fecha: date, corrige_id: int | None = None, anula: bool = False) -> NewEvent:
    return NewEvent(fecha, "reunion_abierta", "Reunión", "OSC", "", "", corrige_id, anula)


def _count(store: Store, column) -> int:
    with store.session() as ses:
        return int(ses.scalar(select(func.count(column))) or 0)


def test_empty_store_reads_as_no_commitment(store: Store) -> None:
    found = read_tracker(store, "GT0112")
    assert (found.commitment, found.milestones, found.updates, found.events) == ({}, (), (), ())


def test_seeding_happens_once_and_plan_reads_in_position_order(seeded: Store) -> None:
    assert not insert_commitment_once(seeded, "GT0112", {}, "b" * 64, PLAN)
    found = read_tracker(seeded, "GT0112")
    assert found.commitment == {"compromiso": {"id": "GT0112"}}
    assert [(m.id, m.position, m.fin_planificado) for m in found.milestones] == [
        ("4.1", 1, date(2022, 7, 31)), ("4.2", 2, None)]


def test_update_is_stored_with_its_audit_entry_and_author(seeded: Store, ana: int) -> None:
    update_id = append_update(seeded, ana, _update(), "10.0.0.1")
    found = read_tracker(seeded, "GT0112")
    (row,) = found.updates
    assert (row.id, row.milestone_id, row.avance, row.evidencias) == (
        update_id, "4.1", 40, [{"titulo": "Acta", "url": "https://example.org/a"}])
    assert found.authors == {ana: "Ana Pérez"}
    with seeded.session() as ses:
        entry = ses.scalar(select(AuditEntry).where(AuditEntry.action == "tracker.update"))
        assert entry is not None
        assert (entry.target, entry.ip, entry.details["update_id"]) == (
            "milestone:4.1", "10.0.0.1", update_id)


@pytest.mark.parametrize(("milestone", "target"), [("4.2", "first"), ("4.1", "missing")])
def test_correction_must_target_an_update_of_the_same_milestone(
        seeded: Store, ana: int, milestone: str, target: str) -> None:
    first = append_update(seeded, ana, _update(), "")
    corrige = first if target == "first" else first + 99
    with pytest.raises(TrackerError, match=r"corrige_id\.invalid"):
        append_update(seeded, ana, _update(milestone, corrige), "")
    assert _count(seeded, MilestoneUpdate.id) == 1
    assert _count(seeded, AuditEntry.id) == 1  # the refused write left no audit entry


def test_events_read_by_date_and_corrections_need_a_target(seeded: Store, ana: int) -> None:
    late = append_event(seeded, ana, _event(date(2024, 5, 1)), "")
    early = append_event(seeded, ana, _event(date(2023, 1, 9)), "")
    void = append_event(seeded, ana, _event(date(2024, 5, 2), corrige_id=late, anula=True), "")
    with pytest.raises(TrackerError):
        append_event(seeded, ana, _event(date(2024, 5, 3), corrige_id=void + 50), "")
    found = read_tracker(seeded, "GT0112")
    assert [(e.id, e.corrige_id, e.anula) for e in found.events] == [
        (early, None, False), (late, None, False), (void, late, True)]
    assert _count(seeded, Event.id) == 3


def test_store_never_imports_the_tracker() -> None:
    """Direction is tracker → store: loading every store module pulls in no tracker module."""
    code = ("import sys\n"
            "from dashboard.store import cli, db, models, ratelimit, tracker_repository\n"
            "print(sorted(m for m in sys.modules if m.startswith('dashboard.tracker')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120)
    assert done.stdout.strip() == "[]"
