"""Append-only tables: the database itself refuses UPDATE and DELETE on history tables
(SQLite and PostgreSQL), the triggers can be dropped again by a downgrade, and only plain
table names reach the DDL."""

from __future__ import annotations

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from dashboard.store import Store, accounts
from dashboard.store.immutable import drop_append_only, make_append_only
from dashboard.tracker.seed import ensure_seeded


@pytest.mark.parametrize("table", ["audit_log", "milestones", "milestone_updates", "events",
                                   "commitments"])
@pytest.mark.parametrize("statement", ["UPDATE {t} SET id = id", "DELETE FROM {t}"])
def test_history_tables_refuse_update_and_delete(store_on_both: Store, table: str,
                                                 statement: str) -> None:
    ensure_seeded(store_on_both)
    with store_on_both.session() as ses:
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
    with store_on_both.engine.connect() as conn:
        before = conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()  # noqa: S608
    assert before
    with pytest.raises(DBAPIError, match="append-only"), store_on_both.session() as ses:
        ses.execute(text(statement.format(t=table)))
    with store_on_both.engine.connect() as conn:
        assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == before  # noqa: S608


def test_triggers_are_made_and_dropped_on_a_plain_table(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'scratch.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE historia (id INTEGER PRIMARY KEY, v TEXT)"))
        conn.execute(text("INSERT INTO historia (v) VALUES ('a')"))
        with Operations.context(MigrationContext.configure(conn)):
            make_append_only("historia")
    for statement in ("UPDATE historia SET v = 'b'", "DELETE FROM historia"):
        with pytest.raises(DBAPIError, match="historia is append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO historia (v) VALUES ('c')"))  # appending still works
        with Operations.context(MigrationContext.configure(conn)):
            drop_append_only("historia")
        conn.execute(text("DELETE FROM historia"))
        assert conn.execute(text("SELECT COUNT(*) FROM historia")).scalar() == 0
    engine.dispose()


@pytest.mark.parametrize("table", ["Users", "audit_log; DROP TABLE users", "1tabla", ""])
def test_only_plain_table_names_reach_the_ddl(tmp_path, table: str) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'scratch.db'}")
    with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        with pytest.raises(ValueError, match="not a plain table name"):
            make_append_only(table)
        with pytest.raises(ValueError, match="not a plain table name"):
            drop_append_only(table)
    engine.dispose()
