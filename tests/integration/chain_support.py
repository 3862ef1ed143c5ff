"""What a database administrator could do to the history, for the chain tests.

The stores themselves come from the ``store_settings`` fixture (SQLite, then a fresh
PostgreSQL database on the session's private server), so PostgreSQL is proven in CI too.
"""

from __future__ import annotations

from sqlalchemy import text

from dashboard.store import Store


def rewrite(store: Store, table: str, sql: str, **params: object) -> None:
    """What a database administrator could do: lift the append-only trigger, change a row."""
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_update"))
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_delete"))
        else:
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        conn.execute(text(sql), params)
