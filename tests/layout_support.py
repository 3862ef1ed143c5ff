"""Hand-made page data for pure layout tests: component trees as plain JSON, a tiny snapshot."""

from __future__ import annotations

import json
from datetime import date

from plotly.utils import PlotlyJSONEncoder

from dashboard.releases import Manifest
from dashboard.tracker.compliance import compliance
from dashboard.tracker.data_promise import DataPromise
from dashboard.tracker.repository import Snapshot

TODAY = date(2026, 11, 20)


def tree(component: object) -> object:
    """The whole component tree as JSON data, so two layouts compare with ``==``."""
    return json.loads(json.dumps(component, cls=PlotlyJSONEncoder))


def text(component: object) -> str:
    return json.dumps(tree(component), ensure_ascii=False)


REAL_SOURCES = ("censo_", "resultados_", "catalogo_")  # imported from INE / MINEDUC files


def manifest(*tables: str, release_id: str = "20261120T153000Z") -> Manifest:
    """A release holding ``tables``: census, graduandos and the school catalogue real (as
    their importers publish them), the rest generated."""
    def info(name: str) -> dict[str, str]:
        real = name.startswith(REAL_SOURCES)
        return {"origin": "real" if real else "demo", "source": "INE" if real else "demo"}

    return Manifest(release_id=release_id, created_at="2026-11-20T15:30:00Z",
                    tables={name: info(name) for name in tables})


def snapshot(overdue: bool = False) -> Snapshot:
    """No milestones and a data promise due next June (missed when ``overdue``)."""
    since = date(2022, 1, 1)
    datos = DataPromise(date(2026, 6, 1), date(2026, 12, 1), overdue)
    return Snapshot(TODAY, {}, (), (), compliance([], [], since, TODAY), datos, since)
