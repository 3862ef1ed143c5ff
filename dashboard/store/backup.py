"""``db backup FILE`` and ``db restore FILE``: a consistent copy of the transactional store.

SQLite uses its online backup API, so a copy taken while the app runs is consistent (a plain
``cp`` of a WAL database can miss committed pages or catch a half-written one). PostgreSQL uses
``pg_dump --format=custom`` and ``pg_restore --clean --single-transaction``; the password goes
to them through ``PGPASSWORD``, never on a command line that ``ps`` shows.

A backup holds personal data (feedback senders) and password hashes: the file is created
``0600``. Restoring replaces the whole database; stop the app first. A SQLite restore keeps the
database it replaces next to it (``*.before-restore-<time>``), and either engine is migrated to
the current schema afterwards, so a backup taken by an older version can be restored. The
releases folder (immutable Parquet releases) is backed up separately; see ``docs/deploy.md``.

Evidence files are part of the record (auditors download them; the chain holds their SHA-256),
so a backup also copies the evidence folder to ``FILE.evidencias/`` (blobs are named by their
hash and never change: only new ones are copied). A restore brings back the blobs the restored
database still lists and has not purged; a blob whose bytes no longer match its name is refused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from dashboard.core.cli_errors import fails_with
from dashboard.core.config import Settings
from dashboard.store.db import Store
from dashboard.store.evidence import blob_digests, copy_blobs, evidence_dir
from dashboard.store.evidence_purge import needed_digests


class BackupError(RuntimeError):
    """The backup or restore could not be done; the message says why."""


def _sqlite_path(store: Store) -> Path:
    database = store.engine.url.database
    if not database:
        raise BackupError("in-memory SQLite databases cannot be backed up")
    return Path(database)


def _copy_sqlite(source: Path, target: Path) -> None:
    """Online backup of one SQLite file into another (the target's content is replaced)."""
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)) as src, \
            closing(sqlite3.connect(target, timeout=10)) as dst:
        src.backup(dst)


def check_sqlite_backup(path: Path) -> None:
    """Refuse anything that is not an intact SQLite database of this app."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            ours = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'alembic_version'").fetchone() is not None
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database: {exc}") from exc
    if not (ok and ours):
        raise BackupError(f"{path} is damaged or is not a backup of this app's store")


def _pg_env(url: URL) -> dict[str, str]:
    """libpq settings for pg_dump/pg_restore (the password stays off the command line)."""
    env = dict(os.environ)
    for key, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username),
                       ("PGPASSWORD", url.password), ("PGDATABASE", url.database)):
        if value is not None:
            env[key] = str(value)
    return env


def _run_pg(tool: str, args: list[str], url: URL) -> None:
    binary = shutil.which(tool)
    if binary is None:
        raise BackupError(f"{tool} not found: install the postgresql-client package")
    done = subprocess.run([binary, *args], env=_pg_env(url), capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()[-2000:]}")


def backup(store: Store, target: Path, *, evidence: bool = True) -> Path:
    """Write a consistent copy of the store to ``target`` (replaced atomically, mode 0600) and,
    unless ``evidence`` is off, the evidence files to ``evidence_copy(target)``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    partial.touch(mode=0o600)
    try:
        if store.is_sqlite:
            _copy_sqlite(_sqlite_path(store), partial)
        else:
            _run_pg("pg_dump", ["--format=custom", "--no-owner", f"--file={partial}"],
                    make_url(store.url))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    if evidence:
        copy_blobs(evidence_dir(store.settings), evidence_copy(target))
    return target


def evidence_copy(target: Path) -> Path:
    """Where a backup keeps the evidence files: beside the database copy."""
    return target.with_name(f"{target.name}.evidencias")


def restore_evidence(store: Store, source: Path) -> tuple[int, int]:
    """Copy back the blobs the record lists from the backup beside ``source``."""
    return copy_blobs(evidence_copy(source), evidence_dir(store.settings), needed_digests(store))


def restore(store: Store, source: Path) -> Path | None:
    """Replace the store's content with ``source``, then migrate; returns the SQLite safety copy."""
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    kept = None
    if store.is_sqlite:
        check_sqlite_backup(source)
        live = _sqlite_path(store)
        if live.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            kept = backup(store, live.with_name(f"{live.name}.before-restore-{stamp}"),
                          evidence=False)  # a restore only adds evidence files, never removes
        store.dispose()  # no pooled connection may hold pages of the old database
        _copy_sqlite(source.resolve(), live)
    else:
        _run_pg("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction",
                               f"--dbname={make_url(store.url).database}", str(source)],
                make_url(store.url))
    store.dispose()
    store.migrate()
    return kept


@fails_with(BackupError)
def _backup_cmd(settings: Settings, args: argparse.Namespace) -> int:
    path = backup(Store(settings), Path(args.file))
    blobs = len(blob_digests(evidence_copy(path)))
    print(f"backup written to {path} ({path.stat().st_size // 1024} kB) and "
          f"{evidence_copy(path)} ({blobs} evidence files)")
    return 0


@fails_with(BackupError)
def _restore_cmd(settings: Settings, args: argparse.Namespace) -> int:
    store = Store(settings)
    kept = restore(store, Path(args.file))
    print(f"restored {args.file}; schema at {', '.join(sorted(store.current_revisions()))}")
    copied, refused = restore_evidence(store, Path(args.file))
    print(f"evidence files copied back: {copied}" + (
        f"; {refused} refused (bytes do not match their SHA-256)" if refused else ""))
    if kept is not None:
        print(f"the replaced database was kept as {kept}")
    return 0


def add_db_commands(dbsub: argparse._SubParsersAction) -> None:
    """``db backup FILE`` and ``db restore FILE`` (under the store CLI's ``db`` command)."""
    save = dbsub.add_parser("backup", help="consistent copy of the store (SQLite or pg_dump)")
    save.add_argument("file")
    save.set_defaults(func=_backup_cmd)
    load = dbsub.add_parser("restore", help="replace the store with a backup (stop the app "
                                            "first), then migrate")
    load.add_argument("file")
    load.set_defaults(func=_restore_cmd)
