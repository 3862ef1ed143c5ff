"""Loads the commitment content (data/seed/gt0112.json) into the store on first run.

The content is data, not code: every field keeps its source and literal quote. Loading is
idempotent (a present commitment row means "already seeded") and safe when two gunicorn workers
start together (``dashboard.store.tracker_repository.insert_commitment_once``).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.core.config import PROJECT_ROOT
from dashboard.store import Store
from dashboard.store.tracker_repository import PlannedMilestone, insert_commitment_once
from dashboard.tracker.rules import DateReading, plan_dates

SEED_PATH = PROJECT_ROOT / "data" / "seed" / "gt0112.json"


def read_seed(path: Path = SEED_PATH) -> tuple[dict[str, Any], str]:
    raw = path.read_bytes()
    return json.loads(raw), hashlib.sha256(raw).hexdigest()


def readings(hito: dict[str, Any]) -> tuple[DateReading, ...]:
    def as_date(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return tuple(DateReading(r["id"], as_date(r.get("inicio")), as_date(r.get("fin")),
                             r.get("inicio_texto", ""), r.get("fin_texto", ""))
                 for r in hito.get("lecturas_fechas", []))


def _planned(position: int, hito: dict[str, Any]) -> PlannedMilestone:
    inicio, fin = plan_dates(readings(hito))
    return PlannedMilestone(hito["id"], position, inicio, fin, hito)


def planned_milestones(seed: dict[str, Any]) -> list[PlannedMilestone]:
    """The seed's milestones in id order, with the plan dates the rules read from them."""
    hitos = sorted(seed["hitos"], key=lambda h: h["id"])
    return [_planned(position, hito) for position, hito in enumerate(hitos, start=1)]


def ensure_seeded(store: Store, path: Path = SEED_PATH) -> bool:
    """Insert the commitment and milestones once; ``True`` when this call loaded them."""
    seed, sha = read_seed(path)
    data = {k: v for k, v in seed.items() if k != "hitos"}
    return insert_commitment_once(store, seed["compromiso"]["id"], data, sha,
                                  planned_milestones(seed))
