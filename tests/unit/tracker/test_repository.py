"""The Snapshot: built from the store's records (by hand here) and from a seeded store."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.core.config import Settings
from dashboard.store import Store, accounts
from dashboard.store.tracker_repository import TrackerRecords, append_update
from dashboard.store.tracker_tables import Event, Milestone, MilestoneUpdate
from dashboard.tracker.repository import build_snapshot, monitoring_start, snapshot
from dashboard.tracker.seed import ensure_seeded
from dashboard.tracker.staff_input import NewUpdate

TODAY = date(2023, 3, 1)
AT = datetime(2022, 6, 1, 15, tzinfo=UTC)
HITO = {"titulo": {"es": "Diagnóstico", "en": "Assessment"}, "responsable": {"valor": "MINEDUC"},
        "lecturas_fechas": [{"id": "orden_texto", "inicio": "2022-02-01", "fin": "2022-07-31"}]}


def _records() -> TrackerRecords:
    plan = Milestone(id="4.1", commitment_id="GT0112", position=1,
                     inicio_planificado=date(2022, 2, 1), fin_planificado=date(2022, 7, 31),
                     data=HITO)
    updates = (MilestoneUpdate(id=1, milestone_id="4.1", created_at=AT, author_id=7,
                               estado="en_progreso", avance=30, resumen="Primer avance",
                               motivo_retraso="", proximos_pasos="", evidencias=None,
                               inicio_real=None, fin_real=None, corrige_id=None),
               MilestoneUpdate(id=2, milestone_id="4.1", created_at=AT.replace(month=7),
                               author_id=99, estado="completado", avance=100, resumen="Listo",
                               motivo_retraso="", proximos_pasos="",
                               evidencias=[{"titulo": "Acta", "url": "https://example.org/a"}],
                               inicio_real=None, fin_real=None, corrige_id=None))
    events = (Event(id=5, fecha=date(2022, 9, 1), tipo="foro_multiactor", titulo="Foro",
                    participantes="", enlace_acta="", notas="", created_at=AT, author_id=7,
                    corrige_id=None, anula=False),)
    commitment = {"requisitos_ogp": {"seguimiento_desde": {"valor": "2022-03-01"}}}
    return TrackerRecords(commitment, (plan,), updates, events, {7: "Ana Pérez"})


def test_snapshot_is_built_from_the_records(settings: Settings) -> None:
    snap = build_snapshot(_records(), settings, TODAY)
    state = snap.state("4.1")
    assert state is not None and snap.state("4.9") is None
    assert (state.plan.titulo["en"], state.plan.responsable, state.estado, state.avance) == (
        "Assessment", "MINEDUC", "completado", 100)
    assert [(u.id, u.autor, u.evidencias) for u in state.historial] == [
        (1, "Ana Pérez", ()), (2, "?", ({"titulo": "Acta", "url": "https://example.org/a"},))]
    assert [(e.id, e.autor, e.titulo) for e in snap.events] == [(5, "Ana Pérez", "Foro")]
    assert (snap.today, snap.since) == (TODAY, date(2022, 3, 1))
    assert set(snap.compliance) and all(snap.compliance.values())


def test_monitoring_starts_in_2022_when_the_seed_says_nothing() -> None:
    assert monitoring_start({}) == date(2022, 1, 1)


def test_snapshot_of_a_seeded_store(settings: Settings) -> None:
    store = Store(settings)
    store.migrate()
    ensure_seeded(store)
    with store.session() as ses:
        ana = accounts.create_user(ses, "ana", "una clave muy larga 1").id
    append_update(store, ana, NewUpdate("4.3", "retrasado", 20, "Va lento", "Presupuesto", "",
                                        (), None, None, None), "")
    snap = snapshot(store, settings, TODAY)
    assert [s.plan.id for s in snap.states] == ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"]
    assert snap.commitment["compromiso"]["id"] == "GT0112"
    delayed = snap.state("4.3")
    assert delayed is not None
    assert (delayed.estado, delayed.avance, delayed.current.autor) == ("retrasado", 20, "ana")
    assert snap.events == ()
