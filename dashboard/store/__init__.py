"""The transactional store (SQLAlchemy + Alembic): users, audit log, tracker history, feedback.

Separate from the read-only DuckDB analytics release. ``Store(settings)`` is the entry point;
``Store.migrate()`` runs ``alembic upgrade heads`` (several branches may hang off ``0001_base``).
"""

from __future__ import annotations

from dashboard.store.accounts import audit
from dashboard.store.base import Base, UTCDateTime, utcnow
from dashboard.store.db import Store

__all__ = ["Base", "Store", "UTCDateTime", "audit", "utcnow"]
