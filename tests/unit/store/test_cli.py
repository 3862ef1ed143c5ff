"""Account commands: ``user add`` (password from stdin), ``user list``, ``audit``."""

from __future__ import annotations

import io

import pytest

from dashboard.__main__ import main
from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store.tracker_repository import read_tracker


def test_user_add_list_and_audit(env_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                 capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("una clave muy larga 1\n"))
    assert main(["user", "add", "Ana.Perez", "--role", "admin", "--name", "Ana Pérez",
                 "--password-stdin"]) == 0
    assert main(["user", "list"]) == 0
    assert main(["audit", "--limit", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "created admin ana.perez"
    assert out[1].split() == ["ana.perez", "admin", "active", "Ana", "Pérez"]
    assert "user.add" in out[2] and "user:ana.perez" in out[2]
    assert read_tracker(Store(env_settings), "GT0112").milestones == ()  # accounts need no seed


def test_user_add_refuses_a_short_password(env_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                           capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("corta\n"))
    assert main(["user", "add", "ana", "--password-stdin"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
