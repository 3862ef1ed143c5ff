"""OGP minimum requirements per period, computed from the update history and the events log.

Requirements (source: OGP, "Implementing commitments"): progress updates at least every six
months; open meetings with civil society at least once a year; the multi-stakeholder forum at
least every quarter. Each period is *met*, *not met*, or *in progress* (the current period, not
yet met — it can still be met before it ends).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.tracker.rules import Event, Update, add_months, effective_events

REQUIREMENTS: tuple[str, ...] = ("actualizacion_semestral", "reunion_abierta_anual",
                                 "foro_trimestral")
_MONTHS = {"actualizacion_semestral": 6, "reunion_abierta_anual": 12, "foro_trimestral": 3}


@dataclass(frozen=True)
class PeriodCheck:
    requisito: str
    inicio: date
    fin: date
    resultado: str  # "cumplido" | "no_cumplido" | "en_curso"
    evidencias: int

    @property
    def label(self) -> str:
        if self.requisito == "reunion_abierta_anual":
            return str(self.inicio.year)
        if self.requisito == "foro_trimestral":
            return f"{self.inicio.year}-T{(self.inicio.month - 1) // 3 + 1}"
        return f"{self.inicio.year}-S{(self.inicio.month - 1) // 6 + 1}"


def periods(since: date, today: date, months: int) -> list[tuple[date, date]]:
    """Calendar-aligned periods of ``months`` from the one holding ``since`` to ``today``'s."""
    start = date(since.year, ((since.month - 1) // months) * months + 1, 1)
    out = []
    while start <= today:
        nxt = add_months(start, months)
        out.append((start, nxt - timedelta(days=1)))
        start = nxt
    return out


def _check(requisito: str, spans: list[tuple[date, date]], dates: Sequence[date],
           today: date) -> list[PeriodCheck]:
    out = []
    for start, end in spans:
        count = sum(start <= d <= end for d in dates)
        if count:
            result = "cumplido"
        elif end >= today:
            result = "en_curso"
        else:
            result = "no_cumplido"
        out.append(PeriodCheck(requisito, start, end, result, count))
    return out


def _evidence_dates(updates: Iterable[Update], events: Sequence[Event]) -> dict[str, list[date]]:
    kinds: dict[str, Callable[[Event], bool]] = {
        "reunion_abierta_anual": lambda e: e.tipo == "reunion_abierta",
        "foro_trimestral": lambda e: e.tipo == "foro_multiactor",
    }
    out = {key: [e.fecha for e in events if pick(e)] for key, pick in kinds.items()}
    out["actualizacion_semestral"] = (
        [u.reported_on for u in updates]
        + [e.fecha for e in events if e.tipo == "informe_avance"])
    return out


def compliance(updates: Iterable[Update], events: Iterable[Event], since: date,
               today: date) -> dict[str, list[PeriodCheck]]:
    """Every requirement → one check per period since ``since`` (newest last)."""
    standing = effective_events(events)
    dates = _evidence_dates(updates, standing)
    return {req: _check(req, periods(since, today, _MONTHS[req]), dates[req], today)
            for req in REQUIREMENTS}


def share_met(checks: Sequence[PeriodCheck]) -> tuple[int, int]:
    """(met, closed periods) — the current period is left out until it ends."""
    closed = [c for c in checks if c.resultado != "en_curso"]
    return sum(c.resultado == "cumplido" for c in closed), len(closed)
