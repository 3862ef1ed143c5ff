"""Imports every table module so ``Base.metadata`` is complete (Alembic autogenerate, tests).

A new table module of the store adds one line here.
"""

from __future__ import annotations

from dashboard.store import (
    accounts,
    chain_tables,
    evidence_tables,
    feedback_tables,
    login_throttle,
    sessions,
    tracker_tables,
)

TABLE_MODULES = (accounts, tracker_tables, feedback_tables, sessions, login_throttle,
                 chain_tables, evidence_tables)
