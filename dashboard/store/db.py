"""The transactional store: one SQLAlchemy engine per process, sessions, migrations.

SQLite (WAL, foreign keys, busy timeout) under ``instance/`` by default; PostgreSQL when
``DATABASE_URL`` says so. The engine is created lazily and re-created when the process id
changes, so a connection opened before gunicorn forks is never shared by two workers.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from dashboard.core.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATE_LOCK = 0x47540112  # pg_advisory_lock key ("GT0112")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """Entry point to the database. Build with ``Store(settings)``; cheap until first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.url = settings.sqlalchemy_url
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._pid = 0

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def engine(self) -> Engine:
        """The engine of this process (a forked worker gets its own)."""
        if self._engine is None or self._pid != os.getpid():
            if self._engine is not None:
                self._engine.dispose(close=False)  # parent's connections stay the parent's
            self._engine = self._create_engine()
            self._sessions = sessionmaker(self._engine, expire_on_commit=False)
            self._pid = os.getpid()
        return self._engine

    def _create_engine(self) -> Engine:
        if self.is_sqlite:
            self.settings.instance_dir.mkdir(parents=True, exist_ok=True)
            engine = create_engine(self.url, connect_args={"timeout": 10})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(self.url, pool_pre_ping=True)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any exception."""
        _ = self.engine
        assert self._sessions is not None
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.set_main_option("path_separator", "os")
        return cfg

    def migrate(self, target: str = "heads") -> None:
        """Bring the schema to ``target``; safe when several workers start at the same time."""
        with self._migration_lock(), self.engine.begin() as conn:
            if not self.is_sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATE_LOCK})
            cfg = self.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)

    def current_revisions(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())

    @contextlib.contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """A file lock next to the database: one migrating process per instance folder."""
        self.settings.instance_dir.mkdir(parents=True, exist_ok=True)
        with (self.settings.instance_dir / "migrate.lock").open("w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
