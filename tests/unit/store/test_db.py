"""The store: migrations (idempotent, heads), SQLite pragmas, one engine per process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from dashboard.core.config import Settings
from dashboard.store import Store


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
