"""Flags against a fixed "today": before, on and after each boundary; missing dates; the
impossible 4.6 pair."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from dashboard.tracker.rules import (
    DateReading,
    Plan,
    Update,
    add_months,
    current_state,
    effective_end,
    has_data_quality_issue,
    is_at_risk,
    is_overdue,
    is_stale,
    plan_dates,
    summary_counts,
)

END = date(2022, 7, 31)


def plan(start: date | None = date(2022, 2, 1), end: date | None = END,
         readings: tuple[DateReading, ...] | None = None) -> Plan:
    lecturas = readings if readings is not None else (DateReading("orden_texto", start, end),)
    inicio, fin = plan_dates(lecturas)
    return Plan("4.1", {"es": "x", "en": "x"}, "MINEDUC", lecturas, inicio, fin)


def update(day: date, estado: str = "en_progreso", avance: int = 50, uid: int = 1) -> Update:
    return Update(uid, "4.1", datetime(day.year, day.month, day.day, 12, tzinfo=UTC), "Ana",
                  estado, avance)


IMPOSSIBLE_46 = (DateReading("orden_texto", date(2022, 8, 1), date(2022, 7, 31)),
                 DateReading("texto_hito", date(2022, 7, 1), date(2022, 12, 31)))


@pytest.mark.parametrize(("today", "expected"), [
    (date(2022, 7, 30), False), (END, False), (date(2022, 8, 1), True)])
def test_overdue_boundary(today: date, expected: bool) -> None:
    assert is_overdue(plan(), "en_progreso", today) is expected


@pytest.mark.parametrize("estado", ["completado", "cancelado"])
def test_closed_milestones_are_never_overdue(estado: str) -> None:
    assert not is_overdue(plan(), estado, date(2030, 1, 1))


def test_missing_end_date_is_not_overdue_but_flags_data_quality() -> None:
    p = plan(end=None)
    assert p.fin_planificado is None
    assert not is_overdue(p, "no_iniciado", date(2030, 1, 1))
    assert has_data_quality_issue(p)
    assert "calidad_datos" in current_state(p, [], date(2030, 1, 1)).alertas


@pytest.mark.parametrize(("today", "expected"), [
    (date(2023, 1, 14), False), (date(2023, 1, 15), False), (date(2023, 1, 16), True)])
def test_stale_boundary_six_months_after_last_update(today: date, expected: bool) -> None:
    assert is_stale(plan(), "en_progreso", date(2022, 7, 15), today) is expected


def test_stale_without_updates_counts_from_planned_start() -> None:
    p = plan()  # starts 2022-02-01
    assert not is_stale(p, "no_iniciado", None, date(2022, 8, 1))
    assert is_stale(p, "no_iniciado", None, date(2022, 8, 2))
    assert not is_stale(p, "completado", None, date(2030, 1, 1))


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2022, 8, 31), 6) == date(2023, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2022, 12, 15), 1) == date(2023, 1, 15)


@pytest.mark.parametrize(("today", "avance", "expected"), [
    (date(2022, 6, 30), 10, False),   # 31 days before the end
    (date(2022, 7, 1), 10, True),     # 30 days before
    (END, 74, True),                  # on the end date, below 75 %
    (END, 75, False),                 # progress threshold
    (date(2022, 8, 1), 10, False),    # past the end: overdue, not "at risk"
])
def test_at_risk_boundaries(today: date, avance: int, expected: bool) -> None:
    assert is_at_risk(plan(), "en_progreso", avance, today) is expected


def test_impossible_pair_keeps_both_readings_and_no_official_plan() -> None:
    p = plan(readings=IMPOSSIBLE_46)
    assert (p.inicio_planificado, p.fin_planificado) == (None, None)
    assert not IMPOSSIBLE_46[0].valid and IMPOSSIBLE_46[1].valid
    assert has_data_quality_issue(p)
    assert effective_end(p) == date(2022, 12, 31)  # most favourable reading for flags
    assert not is_overdue(p, "en_progreso", date(2022, 12, 31))
    assert is_overdue(p, "en_progreso", date(2023, 1, 1))


def test_valid_single_reading_has_no_data_quality_flag() -> None:
    assert not has_data_quality_issue(plan())


def test_current_state_uses_latest_update_and_orders_flags() -> None:
    today = date(2023, 6, 1)
    state = current_state(plan(), [update(date(2022, 3, 1), avance=20, uid=1),
                                   update(date(2022, 5, 1), avance=40, uid=2)], today)
    assert (state.estado, state.avance) == ("en_progreso", 40)
    assert state.ultima_actualizacion == datetime(2022, 5, 1, 12, tzinfo=UTC)
    assert state.alertas == ("vencido", "desactualizado")
    assert [u.id for u in state.historial] == [1, 2]


def test_no_updates_means_not_started() -> None:
    state = current_state(plan(), [], date(2022, 1, 1))
    assert (state.estado, state.avance, state.ultima_actualizacion) == ("no_iniciado", 0, None)
    assert state.alertas == ()


def test_summary_counts() -> None:
    today = date(2023, 1, 1)
    states = [current_state(plan(), [update(date(2022, 12, 1), "completado", 100)], today),
              current_state(plan(), [], today)]
    assert summary_counts(states) == {"total": 2, "completado": 1, "en_progreso": 0,
                                      "vencido": 1, "desactualizado": 1}
