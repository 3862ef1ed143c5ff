"""``python -m dashboard db upgrade|backup|restore``: the transactional store as a whole.

``db upgrade`` prepares the store exactly as the app does at start-up; ``backup``/``restore``
come from ``dashboard.store.backup``.

Migrations alone belong to the store, but a store ready for the app also holds the seeded
commitment, so the command lives here, in the composition root, and calls ``open_store``.
"""

from __future__ import annotations

import argparse

from dashboard.core.config import Settings
from dashboard.services.container import open_store
from dashboard.store import backup


def _upgrade(settings: Settings, _args: argparse.Namespace) -> int:
    store = open_store(settings)
    print("schema at", ", ".join(sorted(store.current_revisions())))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="transactional store (SQLite/PostgreSQL)")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    dbsub.add_parser("upgrade", help="run migrations (alembic upgrade heads)").set_defaults(
        func=_upgrade)
    backup.add_db_commands(dbsub)
