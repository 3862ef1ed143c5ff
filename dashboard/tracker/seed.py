"""Loads the commitment content (data/seed/gt0112.json) into the store on first run.

The content is data, not code: every field keeps its source and literal quote. Loading is
idempotent (a present commitment row means "already seeded") and safe when two gunicorn workers
start together: the loser of the race hits the primary key and simply moves on.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from dashboard.core.config import PROJECT_ROOT
from dashboard.store import Store
from dashboard.store.tracker_tables import Commitment, Milestone
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


def _rows(seed: dict[str, Any], sha: str) -> list[Commitment | Milestone]:
    commitment_id = seed["compromiso"]["id"]
    data = {k: v for k, v in seed.items() if k != "hitos"}
    rows: list[Commitment | Milestone] = [Commitment(id=commitment_id, data=data,
                                                     seed_sha256=sha)]
    for position, hito in enumerate(sorted(seed["hitos"], key=lambda h: h["id"]), start=1):
        inicio, fin = plan_dates(readings(hito))
        rows.append(Milestone(id=hito["id"], commitment_id=commitment_id, position=position,
                              inicio_planificado=inicio, fin_planificado=fin, data=hito))
    return rows


def ensure_seeded(store: Store, path: Path = SEED_PATH) -> bool:
    """Insert the commitment and milestones once; ``True`` when this call loaded them."""
    seed, sha = read_seed(path)
    with store.session() as ses:
        if ses.get(Commitment, seed["compromiso"]["id"]) is not None:
            return False
    try:
        with store.session() as ses:
            ses.add_all(_rows(seed, sha))
    except IntegrityError:
        return False  # another worker seeded first
    return True
