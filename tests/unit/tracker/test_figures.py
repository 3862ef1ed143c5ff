"""The Gantt legend always explains planned and actual bars, even before any actual date."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.tracker.figures import gantt_figure
from dashboard.tracker.rules import DateReading, Plan, current_state

TODAY = date(2023, 3, 1)


def _states(with_plan: bool = True) -> list:
    reading = DateReading("orden_texto", date(2022, 2, 1), date(2022, 7, 31))
    dates = (date(2022, 2, 1), date(2022, 7, 31)) if with_plan else (None, None)
    plan = Plan("4.1", {"es": "Diagnóstico", "en": "Assessment"}, "MINEDUC", (reading,), *dates)
    return [current_state(plan, [], TODAY)]


def _legend(fig) -> list[str]:
    return [tr.name for tr in fig.data if tr.showlegend is not False]


@pytest.mark.parametrize(
    ("lang", "planned", "actual"),
    [("es", "Planificado", "Real"), ("en", "Planned", "Actual")],
)
def test_tracker_legend_has_actual_entry_without_actual_dates(lang, planned, actual) -> None:
    fig = gantt_figure(_states(), TODAY, lang)
    names = _legend(fig)
    assert names[0] == planned
    assert any(n.startswith(actual) for n in names), names
    placeholder = next(tr for tr in fig.data if tr.name.startswith(actual))
    # A legend entry only: it draws no bar and adds no hover.
    assert not [v for v in placeholder.y if v is not None]
    assert placeholder.hoverinfo == "skip"
    # The entry says that no actual date has been reported yet.
    assert ("aún" in placeholder.name) if lang == "es" else ("yet" in placeholder.name)


def test_tracker_legend_keeps_planned_when_only_alternative_readings() -> None:
    names = _legend(gantt_figure(_states(with_plan=False), TODAY, "es"))
    assert names[0] == "Planificado"
    assert any(n.startswith("Lectura alternativa") for n in names)
    assert any(n.startswith("Real") for n in names)
