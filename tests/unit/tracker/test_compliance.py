"""OGP minimum requirements per period, from updates and the events log."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.tracker.compliance import compliance, periods, share_met
from dashboard.tracker.rules import Event, Update, effective_events


def upd(day: date, uid: int = 1) -> Update:
    return Update(uid, "4.1", datetime(day.year, day.month, day.day, tzinfo=UTC), "Ana",
                  "en_progreso", 10)


def ev(eid: int, day: date, tipo: str, corrige: int | None = None, anula: bool = False) -> Event:
    return Event(eid, day, tipo, f"e{eid}", corrige_id=corrige, anula=anula)


def test_periods_are_calendar_aligned() -> None:
    assert periods(date(2022, 2, 10), date(2022, 12, 31), 6) == [
        (date(2022, 1, 1), date(2022, 6, 30)), (date(2022, 7, 1), date(2022, 12, 31))]
    assert len(periods(date(2022, 1, 1), date(2023, 1, 1), 3)) == 5
    assert periods(date(2022, 1, 1), date(2022, 3, 31), 12) == [
        (date(2022, 1, 1), date(2022, 12, 31))]


def test_each_requirement_met_not_met_or_in_progress() -> None:
    today = date(2023, 2, 15)
    result = compliance(
        [upd(date(2022, 3, 1))],
        [ev(1, date(2022, 5, 5), "reunion_abierta"), ev(2, date(2022, 2, 1), "foro_multiactor"),
         ev(3, date(2022, 11, 30), "informe_avance")],
        date(2022, 1, 1), today)
    sem = [(c.label, c.resultado) for c in result["actualizacion_semestral"]]
    assert sem == [("2022-S1", "cumplido"), ("2022-S2", "cumplido"), ("2023-S1", "en_curso")]
    assert [(c.label, c.resultado) for c in result["reunion_abierta_anual"]] == [
        ("2022", "cumplido"), ("2023", "en_curso")]
    quarters = [(c.label, c.resultado) for c in result["foro_trimestral"]]
    assert quarters == [("2022-T1", "cumplido"), ("2022-T2", "no_cumplido"),
                        ("2022-T3", "no_cumplido"), ("2022-T4", "no_cumplido"),
                        ("2023-T1", "en_curso")]
    assert share_met(result["foro_trimestral"]) == (1, 4)


def test_boundary_days_belong_to_their_period() -> None:
    result = compliance([upd(date(2022, 6, 30))], [], date(2022, 1, 1), date(2022, 7, 1))
    assert [c.resultado for c in result["actualizacion_semestral"]] == ["cumplido", "en_curso"]
    result = compliance([upd(date(2022, 7, 1))], [], date(2022, 1, 1), date(2022, 7, 1))
    assert [c.resultado for c in result["actualizacion_semestral"]] == ["no_cumplido",
                                                                        "cumplido"]


def test_corrected_and_withdrawn_events_do_not_count() -> None:
    events = [ev(1, date(2022, 2, 1), "foro_multiactor"),
              ev(2, date(2022, 4, 2), "foro_multiactor", corrige=1),   # wrong date fixed
              ev(3, date(2022, 8, 1), "foro_multiactor"),
              ev(4, date(2022, 8, 1), "foro_multiactor", corrige=3, anula=True)]  # withdrawn
    assert [e.id for e in effective_events(events)] == [2]
    result = compliance([], events, date(2022, 1, 1), date(2022, 12, 31))
    assert [c.resultado for c in result["foro_trimestral"]] == [
        "no_cumplido", "cumplido", "no_cumplido", "en_curso"]
