"""Milestone 4.4's live evidence: when data was last released and what it can be split by.

GT0112 promises data "reviewed and updated at least twice a year". From the kept releases we
derive the last release date, when the next one is due (six months later) and whether that date
has passed; from the latest release's own dictionary, which disaggregations it holds
(sex, geography, education level) and whether the tables behind each are real or demo.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from dashboard.core.config import Settings
from dashboard.releases import Manifest, current_release_id, list_releases, releases_dir
from dashboard.tracker.rules import add_months

PROMISE_MONTHS = 6
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "sexo": ("sexo",),
    "geografia": ("depto", "muni"),
    "nivel": ("nivel", "nivel_educativo"),
}


@dataclass(frozen=True)
class DataPromise:
    """The twice-yearly data update promise, evaluated at ``today``."""

    ultima_publicacion: date | None
    proxima_debida: date | None
    incumplida: bool
    publicaciones: tuple[date, ...] = ()
    release_id: str | None = None
    demo: bool = False
    desagregaciones: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def _release_date(manifest: Manifest) -> date:
    return datetime.fromisoformat(manifest.created_at.replace("Z", "+00:00")).date()


def promise(release_dates: Sequence[date], today: date,
            months: int = PROMISE_MONTHS) -> tuple[date | None, date | None, bool]:
    """(last release, next due, missed?). With no release at all the promise is missed."""
    if not release_dates:
        return None, None, True
    last = max(release_dates)
    due = add_months(last, months)
    return last, due, today > due


def disaggregations(tables: Sequence[dict[str, object]],
                    published: dict[str, dict[str, object]]) -> dict[str, dict[str, list[str]]]:
    """Dimension → {"real": [tables], "demo": [tables]} over the tables the release holds."""
    out: dict[str, dict[str, list[str]]] = {k: {"real": [], "demo": []} for k in DIMENSIONS}
    for spec in tables:
        name = str(spec.get("name"))
        if name.startswith("dim_"):
            continue  # lookup tables (names of places, levels) are not education data
        info = published.get(name)
        if not info or int(info.get("rows", 0) or 0) <= 0:  # type: ignore[call-overload]
            continue
        columns = {str(c.get("name")) for c in spec.get("columns", [])}  # type: ignore[union-attr]
        origin = "demo" if info.get("origin") == "demo" else "real"
        for dim, names in DIMENSIONS.items():
            if columns & set(names):
                out[dim][origin].append(name)
    return out


def _release_dictionary(settings: Settings, release_id: str) -> list[dict[str, object]]:
    path = releases_dir(settings) / release_id / "dictionary.json"
    if not path.exists():
        return []
    return list(json.loads(path.read_text(encoding="utf-8")).get("tables", []))


def data_promise(settings: Settings, today: date) -> DataPromise:
    """Evaluate the promise over the kept releases; disaggregations of the served one."""
    manifests = list_releases(settings)
    dates = tuple(sorted({_release_date(m) for m in manifests}))
    last, due, missed = promise(dates, today)
    if not manifests:
        return DataPromise(last, due, missed, dates)
    served = current_release_id(settings)
    latest = next((m for m in manifests if m.release_id == served), manifests[0])
    dims = disaggregations(_release_dictionary(settings, latest.release_id), latest.tables)
    return DataPromise(last, due, missed, dates, latest.release_id, latest.has_demo, dims)
