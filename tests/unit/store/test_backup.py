"""``db backup`` / ``db restore``: a consistent copy taken while in use, restored and migrated."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from dashboard.__main__ import main
from dashboard.core.config import Settings
from dashboard.store import Store, accounts
from dashboard.store.backup import BackupError, backup, evidence_copy, restore, restore_evidence
from dashboard.store.evidence import blob_digests, blob_path, evidence_dir, put_blob
from dashboard.store.tracker_repository import (
    PlannedMilestone,
    StoredFile,
    append_update,
    attach_evidence,
    insert_commitment_once,
)
from dashboard.tracker.staff_input import NewUpdate

PASSWORD = "una clave muy larga 1"


def usernames(store: Store) -> list[str]:
    with store.session() as ses:
        return sorted(ses.scalars(select(accounts.User.username)))


def test_backup_then_restore_brings_the_data_back(store: Store, tmp_path: Path) -> None:
    with store.session() as ses:
        accounts.create_user(ses, "ana", PASSWORD)
    target = backup(store, tmp_path / "copias" / "store.sqlite3")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not list(target.parent.glob(".*partial"))
    with store.session() as ses:  # changes after the backup...
        accounts.create_user(ses, "luis", PASSWORD)
    kept = restore(store, target)
    assert usernames(store) == ["ana"]  # ...are gone, and the replaced database was kept
    assert kept is not None and kept.exists()
    with sqlite3.connect(kept) as con:
        assert con.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 2
    with store.session() as ses:  # the restored store works and is at the current schema
        assert accounts.authenticate(ses, "ana", PASSWORD) is not None
    assert "0002_security" in store.current_revisions()


def test_backup_is_consistent_while_a_transaction_is_open(store: Store, tmp_path: Path) -> None:
    with store.session() as ses:
        accounts.create_user(ses, "ana", PASSWORD)
    with store.session() as ses:
        accounts.create_user(ses, "luis", PASSWORD)  # not committed yet
        target = backup(store, tmp_path / "b.sqlite3")
    with sqlite3.connect(target) as con:
        assert [r[0] for r in con.execute("SELECT username FROM users")] == ["ana"]


def test_restore_of_an_older_schema_is_migrated(store: Store, settings: Settings,
                                                tmp_path: Path) -> None:
    old = Store(settings.with_overrides(instance_dir=tmp_path / "old"))
    old.migrate("0001_base")
    with old.session() as ses:
        accounts.create_user(ses, "ana", PASSWORD)
    restore(store, backup(old, tmp_path / "old.sqlite3"))
    assert usernames(store) == ["ana"]
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM staff_sessions")).scalar() == 0


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_restore_refuses_what_is_not_a_backup(store: Store, tmp_path: Path,
                                              content: bytes) -> None:
    with store.session() as ses:
        accounts.create_user(ses, "ana", PASSWORD)
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(content)
    with pytest.raises(BackupError):
        restore(store, bogus)
    with pytest.raises(BackupError):
        restore(store, tmp_path / "missing.sqlite3")
    assert usernames(store) == ["ana"]


def test_cli_backup_restore_and_password(settings: Settings, tmp_path: Path, monkeypatch,
                                         capsys) -> None:
    monkeypatch.setenv("INSTANCE_DIR", str(settings.instance_dir))
    monkeypatch.setenv("DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["user", "add", "ana", "--password-stdin"]) == 0
    file = tmp_path / "copia.sqlite3"
    assert main(["db", "backup", str(file)]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("otra clave muy larga 2\n"))
    assert main(["user", "password", "ana", "--password-stdin"]) == 0
    assert "0 session(s) ended" in capsys.readouterr().out
    assert main(["db", "restore", str(file)]) == 0
    assert "kept as" in capsys.readouterr().out
    store = Store(settings)
    with store.session() as ses:  # the password from before the backup is back
        assert accounts.authenticate(ses, "ana", PASSWORD) is not None
        assert ses.scalar(select(func.count(accounts.User.id))) == 1
    assert main(["db", "restore", str(tmp_path / "nada.sqlite3")]) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    assert main(["user", "password", "nadie", "--password-stdin"]) == 1


def test_postgresql_backup_and_restore(settings: Settings, tmp_path: Path, pg_url: str) -> None:
    """pg_dump / pg_restore against a private PostgreSQL server (tests/conftest.py)."""
    store = Store(settings.with_overrides(database_url=pg_url))
    store.migrate()
    with store.session() as ses:
        ses.execute(text("DELETE FROM staff_sessions"))
        name = f"pg{os.getpid()}"
        accounts.create_user(ses, name, PASSWORD)
    target = backup(store, tmp_path / "pg.dump")
    with store.session() as ses:
        accounts.create_user(ses, name + "b", PASSWORD)
    restore(store, target)
    assert name in usernames(store) and name + "b" not in usernames(store)


def _attach(store: Store, data: bytes) -> str:
    """An evidence file on an update of a fresh commitment; its SHA-256."""
    insert_commitment_once(store, "GT0112", {}, "a" * 64, (
        PlannedMilestone("4.1", 1, None, None, {"titulo": {"es": "Uno"}}),))
    with store.session() as ses:
        user = accounts.get_user_by_name(ses, "ana") or accounts.create_user(ses, "ana", PASSWORD)
        user_id = user.id
    update = append_update(store, user_id, NewUpdate("4.1", "en_progreso", 40, "Avance", "", "",
                                                     (), None, None, None), "")
    digest = put_blob(store.settings, data)
    attach_evidence(store, user_id, ("update", update),
                    StoredFile(digest, "acta.pdf", len(data), "application/pdf"), "")
    return digest


def test_backup_keeps_the_evidence_files_and_restore_brings_back_the_listed_ones(
        store: Store, tmp_path: Path) -> None:
    """Evidence bytes are part of the record: lost from the server, they come back from the
    backup; a blob the record does not list, or whose bytes were altered, does not."""
    acta, otra = _attach(store, b"%PDF-1.7 acta"), _attach(store, b"%PDF-1.7 otra acta")
    target = backup(store, tmp_path / "copias" / "store.sqlite3")
    copy = evidence_copy(target)
    assert blob_digests(copy) == sorted([acta, otra])
    stray = put_blob(store.settings, b"never listed")  # bytes with no evidence row
    backup(store, target)  # a second backup copies only what is new
    assert blob_digests(copy) == sorted([acta, otra, stray])
    for digest in (acta, otra, stray):
        blob_path(store.settings, digest).unlink()  # the server loses its evidence folder
    altered = copy / otra[:2] / otra[2:]
    altered.chmod(0o644)
    altered.write_bytes(b"%PDF-1.7 otra acta, cambiada")
    restore(store, target)
    assert restore_evidence(store, target) == (1, 1)  # acta back; otra refused; stray unlisted
    assert blob_digests(evidence_dir(store.settings)) == [acta]
    assert blob_path(store.settings, acta).read_bytes() == b"%PDF-1.7 acta"


def test_db_backup_command_names_the_evidence_copy(store: Store, settings: Settings,
                                                   tmp_path: Path, monkeypatch, capsys) -> None:
    _attach(store, b"%PDF-1.7 acta")
    for name, value in (("DATA_DIR", settings.data_dir), ("INSTANCE_DIR", settings.instance_dir),
                        ("SECRET_KEY", "test-secret-key")):
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["db", "backup", str(tmp_path / "b.sqlite3")]) == 0
    assert "b.sqlite3.evidencias (1 evidence files)" in capsys.readouterr().out
    assert main(["db", "restore", str(tmp_path / "b.sqlite3")]) == 0
    assert "evidence files copied back: 0" in capsys.readouterr().out  # nothing was missing
