"""Database triggers that make a table append-only (used by migrations; H5 may use it too).

The code never issues UPDATE or DELETE on history tables; these triggers make the database
refuse them as well, so neither a bug, a crafted request nor a raw SQL session can rewrite
history. SQLite: ``RAISE(ABORT)`` triggers. PostgreSQL: one shared plpgsql function.
"""

from __future__ import annotations

import re

from alembic import op

PG_FUNCTION = "gt_forbid_change"
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def _checked(table: str) -> str:
    """DDL cannot bind identifiers: accept only plain lower-case table names from migrations."""
    if not _IDENTIFIER.match(table):
        raise ValueError(f"not a plain table name: {table!r}")
    return table


def install_pg_function() -> None:
    """Create the shared PostgreSQL trigger function (no-op on SQLite)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
        CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
        END;
        $$ LANGUAGE plpgsql;
    """)


def make_append_only(table: str) -> None:
    """Refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on ``table``."""
    table = _checked(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()")
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {verb} refused'); END")


def drop_append_only(table: str) -> None:
    table = _checked(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update_delete ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        return
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
