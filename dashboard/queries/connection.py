"""DuckDB connections: lazy, read-only, one per process, a cursor per thread.

DuckDB is neither fork- nor thread-safe per connection. Nothing connects at import or in
``create_app``; the first query in a process opens the served release's ``analytics.duckdb``
(after gunicorn has forked), each thread gets its own ``cursor()``, and a new release id in the
``CURRENT`` pointer (a publish or a rollback) makes the next query reopen on the new file.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dashboard.core import release_folder
from dashboard.core.config import Settings
from dashboard.queries import rollup_build


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """The one way to open a release's analytics file.

    DuckDB refuses a second connection to the same file in one process with a different
    configuration, so every reader (the app, tests, tools) must use these same settings.
    """
    return duckdb.connect(str(path), read_only=True,
                          config={"threads": 1, "enable_external_access": False})


@dataclass(frozen=True)
class _Open:
    pid: int
    release_id: str
    con: duckdb.DuckDBPyConnection
    tables: frozenset[str]


class Connector:
    """Hands out thread-local cursors on the current release's rollups."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._open: _Open | None = None
        self._local = threading.local()
        self._pointer: tuple[tuple[int, int, int], str | None] | None = None

    def release_id(self) -> str | None:
        """The served release id; ``CURRENT`` is re-read only when its inode/mtime changed.

        Publishes and rollbacks replace the pointer file atomically (new inode), so a stat
        per lookup sees them at once without reading the file on every query.
        """
        try:
            info = os.stat(self._settings.data_dir / release_folder.CURRENT)
        except FileNotFoundError:
            return None
        stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        cached = self._pointer
        if cached is not None and cached[0] == stamp:
            return cached[1]
        release_id = release_folder.current_release_id(self._settings)
        self._pointer = (stamp, release_id)
        return release_id

    def _connection(self, release_id: str) -> _Open:
        state = self._open
        pid = os.getpid()
        if state is not None and state.pid == pid and state.release_id == release_id:
            return state
        with self._lock:
            state = self._open
            if state is None or state.pid != pid or state.release_id != release_id:
                # A connection inherited through fork is abandoned, never closed or used.
                path = rollup_build.ensure(
                    release_folder.release_path(self._settings, release_id))
                con = open_read_only(path)
                names = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
                state = _Open(pid, release_id, con, frozenset(n for (n,) in names))
                self._open = state
            return state

    def tables(self) -> frozenset[str]:
        """Table names in the served release's analytics file."""
        release_id = self.release_id()
        if release_id is None:
            raise release_folder.ReleaseError(
                f"no published release under {self._settings.data_dir}")
        return self._connection(release_id).tables

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor; ``ReleaseError`` when nothing is published yet."""
        release_id = self.release_id()
        if release_id is None:
            raise release_folder.ReleaseError(
                f"no published release under {self._settings.data_dir}")
        state = self._connection(release_id)
        local = self._local
        if getattr(local, "state", None) is not state:
            local.cursor = state.con.cursor()
            local.state = state
        return local.cursor
