"""``python -m dashboard db upgrade``: the store as the app needs it (schema and seeded plan)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store.tracker_repository import read_tracker


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return Settings.from_env()


def test_db_upgrade_migrates_and_seeds_once(env: Settings, capsys) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["schema at 0002_feedback, 0002_security, 0002_tracker"] * 2
    found = read_tracker(Store(env), "GT0112")
    assert len(found.milestones) == 6 and found.commitment["compromiso"]["id"] == "GT0112"
