"""The store_on_both: migrations (idempotent, heads), SQLite pragmas, one engine per process."""

from __future__ import annotations

from sqlalchemy import text

from dashboard.core.config import Settings
from dashboard.store import Store


def test_migrate_twice_reaches_every_head(store_on_both: Store) -> None:
    store_on_both.migrate()
    revisions = store_on_both.current_revisions()
    assert "0005_evidence_purge" in revisions  # on 0004_reply_chain, 0003_auditors, 0002_tracker
    assert all(rev.startswith("0002_") for rev in revisions - {"0005_evidence_purge"})


def test_sqlite_runs_in_wal_with_foreign_keys(settings: Settings) -> None:
    store_on_both = Store(settings)
    store_on_both.migrate()
    with store_on_both.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert str(store_on_both.settings.instance_dir) in store_on_both.url


def test_engine_is_recreated_in_a_forked_process(store_on_both: Store, monkeypatch) -> None:
    first = store_on_both.engine
    monkeypatch.setattr("os.getpid", lambda: -1)
    assert store_on_both.engine is not first
