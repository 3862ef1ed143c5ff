"""Stores for chain tests: SQLite always, PostgreSQL too when ``TEST_POSTGRES_URL`` is set.

Each PostgreSQL store is a fresh scratch database (created and dropped here), because a test
that rewrites history leaves its database broken on purpose.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dashboard.core.config import Settings
from dashboard.store import Store

PG_URL = os.environ.get("TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@contextmanager
def scratch_store(settings: Settings, backend: str) -> Iterator[Store]:
    if backend == "sqlite":
        store = Store(settings)
        store.migrate()
        yield store
        store.dispose()
        return
    name = f"gt_chain_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    store = Store(settings.with_overrides(database_url=url))
    try:
        store.migrate()
        yield store
    finally:
        store.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


def rewrite(store: Store, table: str, sql: str, **params: object) -> None:
    """What a database administrator could do: lift the append-only trigger, change a row."""
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_update"))
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_delete"))
        else:
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        conn.execute(text(sql), params)
