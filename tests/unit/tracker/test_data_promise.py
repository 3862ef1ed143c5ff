"""Milestone 4.4's promise: last release, next one due six months later, missed or not, and
which disaggregations the served release holds (real or demo)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dashboard.core.config import Settings
from dashboard.tracker.data_promise import data_promise, disaggregations, promise


@pytest.mark.parametrize(("today", "missed"), [
    (date(2026, 7, 15), False), (date(2026, 7, 16), True)])
def test_data_promise_due_six_months_after_last_release(today: date, missed: bool) -> None:
    last, due, is_missed = promise([date(2025, 3, 1), date(2026, 1, 15)], today)
    assert (last, due, is_missed) == (date(2026, 1, 15), date(2026, 7, 15), missed)


def test_no_release_means_promise_missed() -> None:
    assert promise([], date(2026, 1, 1)) == (None, None, True)


def test_disaggregations_split_real_and_demo_tables() -> None:
    tables = [
        {"name": "fact_matricula", "columns": [{"name": "codigo"}, {"name": "nivel"},
                                               {"name": "sexo"}]},
        {"name": "censo_alfabetismo", "columns": [{"name": "muni"}, {"name": "sexo"}]},
        {"name": "dim_nivel", "columns": [{"name": "nivel"}]},
        {"name": "dim_municipio", "columns": [{"name": "muni"}, {"name": "depto"}]},
    ]
    published = {"fact_matricula": {"rows": 10, "origin": "demo"},
                 "censo_alfabetismo": {"rows": 5, "origin": "real"},
                 "dim_nivel": {"rows": 0, "origin": "derived"},
                 "dim_municipio": {"rows": 340, "origin": "real"}}
    dims = disaggregations(tables, published)
    assert dims["sexo"] == {"real": ["censo_alfabetismo"], "demo": ["fact_matricula"]}
    assert dims["geografia"] == {"real": ["censo_alfabetismo"], "demo": []}
    assert dims["nivel"] == {"real": [], "demo": ["fact_matricula"]}  # lookups ignored


def test_due_date_clamps_to_the_end_of_a_short_month() -> None:
    assert promise([date(2025, 8, 31)], date(2026, 2, 28)) == (
        date(2025, 8, 31), date(2026, 2, 28), False)


def _release(settings: Settings, release_id: str, created: str,
             tables: dict[str, dict[str, object]], columns: dict[str, list[str]]) -> None:
    folder = settings.data_dir / "releases" / release_id
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps(
        {"release_id": release_id, "created_at": created, "tables": tables}), encoding="utf-8")
    spec = [{"name": n, "columns": [{"name": c} for c in cols]} for n, cols in columns.items()]
    (folder / "dictionary.json").write_text(json.dumps({"tables": spec}), encoding="utf-8")


def test_data_promise_reads_kept_releases_and_the_served_dictionary(settings: Settings) -> None:
    assert data_promise(settings, date(2026, 1, 1)).incumplida  # nothing released yet
    _release(settings, "2025-09-01T000000Z", "2025-09-01T00:00:00Z",
             {"fact_matricula": {"rows": 9, "origin": "real"}}, {"fact_matricula": ["sexo"]})
    _release(settings, "2026-01-10T000000Z", "2026-01-10T08:00:00Z",
             {"fact_matricula": {"rows": 9, "origin": "demo"}}, {"fact_matricula": ["depto"]})
    Path(settings.data_dir / "CURRENT").write_text("2025-09-01T000000Z", encoding="utf-8")
    found = data_promise(settings, date(2026, 7, 11))
    assert (found.ultima_publicacion, found.proxima_debida, found.incumplida) == (
        date(2026, 1, 10), date(2026, 7, 10), True)
    assert found.publicaciones == (date(2025, 9, 1), date(2026, 1, 10))
    # the served release (CURRENT), not the newest kept one, gives the disaggregations
    assert (found.release_id, found.demo) == ("2025-09-01T000000Z", False)
    assert found.desagregaciones["sexo"] == {"real": ["fact_matricula"], "demo": []}
    assert found.desagregaciones["geografia"] == {"real": [], "demo": []}
