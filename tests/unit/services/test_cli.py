"""``python -m dashboard db upgrade``: the store as the app needs it (schema and seeded plan)."""

from __future__ import annotations

from dashboard.__main__ import main
from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store.tracker_repository import read_tracker


def test_db_upgrade_migrates_and_seeds_once(env_settings: Settings, capsys) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out.splitlines()
    migrated = Store(env_settings).current_revisions()  # every head the migrations have today
    assert "0002_tracker" not in migrated and migrated  # the tracker branch moved on
    assert out == [f"schema at {', '.join(sorted(migrated))}"] * 2
    found = read_tracker(Store(env_settings), "GT0112")
    assert len(found.milestones) == 6 and found.commitment["compromiso"]["id"] == "GT0112"
