"""Backfill: a past update entered later counts for its own period and keeps its entry date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.tracker.compliance import compliance
from dashboard.tracker.rules import Plan, Update, current_state
from dashboard.tracker.staff_input import parse_update

TODAY = date(2026, 11, 20)
ENTERED = datetime(2026, 11, 19, 15, 0, tzinfo=UTC)


def _update(uid: int, fecha: date | None, estado: str = "en_progreso") -> Update:
    return Update(id=uid, milestone_id="4.1", created_at=ENTERED, autor="Ana", estado=estado,
                  avance=50, fecha=fecha)


def test_a_backfilled_update_meets_the_requirement_of_its_own_period() -> None:
    checks = compliance([_update(1, date(2023, 2, 14))], [], date(2022, 1, 1), TODAY)
    by_label = {c.label: c.resultado for c in checks["actualizacion_semestral"]}
    assert by_label["2023-S1"] == "cumplido"
    assert by_label["2026-S2"] == "en_curso"  # entered in 2026, but it speaks for 2023


def test_it_is_marked_entered_later_and_takes_its_place_in_the_past() -> None:
    past, now = _update(2, date(2023, 2, 14), "retrasado"), _update(1, None, "completado")
    assert past.entered_later and not now.entered_later
    assert past.reported_on == date(2023, 2, 14) and now.reported_on == ENTERED.date()
    plan = Plan(id="4.1", titulo={}, responsable="", lecturas=())
    state = current_state(plan, [now, past], TODAY)
    assert [u.id for u in state.historial] == [2, 1] and state.estado == "completado"


def test_the_staff_form_reads_the_date_and_refuses_the_future() -> None:
    form = {"milestone_id": "4.1", "estado": "en_progreso", "avance": "10", "resumen": "x"}
    new, errors = parse_update({**form, "fecha": "2023-02-14"}, {"4.1"}, TODAY)
    assert errors == [] and new is not None and new.fecha == date(2023, 2, 14)
    assert parse_update({**form, "fecha": "2027-01-01"}, {"4.1"}, TODAY)[1] == ["fecha.future"]
    assert parse_update({**form, "fecha": "ayer"}, {"4.1"}, TODAY)[1] == ["fecha.invalid"]
    assert parse_update(form, {"4.1"}, TODAY)[0].fecha is None
