"""The store: migrations (idempotent, heads), SQLite pragmas, accounts, append-only tables."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dashboard.core.config import Settings
from dashboard.store import Store, accounts
from dashboard.tracker.seed import ensure_seeded


@pytest.fixture
def store(store_settings: Settings) -> Iterator[Store]:
    store = Store(store_settings)  # SQLite, then PostgreSQL (tests/conftest.py)
    store.migrate()
    yield store
    store.dispose()


def test_migrate_twice_reaches_every_head(store: Store) -> None:
    store.migrate()
    revisions = store.current_revisions()
    assert "0004_reply_chain" in revisions  # on top of 0003_auditors, 0002_tracker
    assert all(rev.startswith("0002_") for rev in revisions - {"0004_reply_chain"})


def test_sqlite_runs_in_wal_with_foreign_keys(settings: Settings) -> None:
    store = Store(settings)
    store.migrate()
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert str(store.settings.instance_dir) in store.url


def test_engine_is_recreated_in_a_forked_process(store: Store, monkeypatch) -> None:
    first = store.engine
    monkeypatch.setattr("os.getpid", lambda: -1)
    assert store.engine is not first


def test_passwords_are_argon2_and_verified(store: Store) -> None:
    with store.session() as ses:
        user = accounts.create_user(ses, "Ana.Perez", "una clave muy larga 1")
        assert user.username == "ana.perez"
        assert user.password_hash.startswith("$argon2id$")
    with store.session() as ses:
        assert accounts.authenticate(ses, "ana.perez", "una clave muy larga 1") is not None
        assert accounts.authenticate(ses, "ana.perez", "una clave muy larga 2") is None
        assert accounts.authenticate(ses, "nadie", "una clave muy larga 1") is None


@pytest.mark.parametrize(("name", "password", "role"), [
    ("ab", "una clave muy larga 1", "staff"), ("ana", "corta", "staff"),
    ("ana", "una clave muy larga 1", "root"), ("Ana Perez", "una clave muy larga 1", "staff")])
def test_bad_accounts_are_refused(store: Store, name: str, password: str, role: str) -> None:
    with pytest.raises(accounts.AccountError), store.session() as ses:
        accounts.create_user(ses, name, password, role=role)


def test_duplicate_user_refused(store: Store) -> None:
    with store.session() as ses:
        accounts.create_user(ses, "ana", "una clave muy larga 1")
    with pytest.raises(accounts.AccountError), store.session() as ses:
        accounts.create_user(ses, "ANA", "una clave muy larga 1")


@pytest.mark.parametrize("table", ["audit_log", "milestones", "milestone_updates", "events",
                                   "commitments"])
@pytest.mark.parametrize("statement", ["UPDATE {t} SET id = id", "DELETE FROM {t}"])
def test_history_tables_refuse_update_and_delete(store: Store, table: str,
                                                 statement: str) -> None:
    ensure_seeded(store)
    with store.session() as ses:
        user = accounts.create_user(ses, "ana", "una clave muy larga 1")
        accounts.audit(ses, user.id, "test", "x", {"a": 1}, "127.0.0.1")
        ses.execute(text(
            "INSERT INTO milestone_updates (milestone_id, created_at, author_id, estado, avance,"
            " resumen, motivo_retraso, proximos_pasos, evidencias) VALUES"
            " ('4.1', '2024-01-01 00:00:00', :u, 'en_progreso', 10, 'r', '', '', '[]')"),
            {"u": user.id})
        ses.execute(text(
            "INSERT INTO events (fecha, tipo, titulo, participantes, enlace_acta, notas,"
            " created_at, author_id, anula) VALUES ('2024-01-01', 'foro_multiactor', 'f',"
            " '', '', '', '2024-01-01 00:00:00', :u, FALSE)"),
            {"u": user.id})
    with store.engine.connect() as conn:
        before = conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()  # noqa: S608
    assert before
    with pytest.raises(DBAPIError, match="append-only"), store.session() as ses:
        ses.execute(text(statement.format(t=table)))
    with store.engine.connect() as conn:
        assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == before  # noqa: S608
