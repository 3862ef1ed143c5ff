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
    assert out == ["schema at 0002_feedback, 0002_security, 0003_auditors"] * 2
    found = read_tracker(Store(env_settings), "GT0112")
    assert len(found.milestones) == 6 and found.commitment["compromiso"]["id"] == "GT0112"
