"""Alembic environment: runs on the connection handed in by ``Store.migrate()``.

There is no alembic.ini: ``Store.alembic_config()`` builds the config in code, so the project root
stays tidy and the database URL comes from ``Settings`` like everything else.
"""

from __future__ import annotations

from alembic import context

from dashboard.store import models  # noqa: F401  (imports every table module)
from dashboard.store.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through dashboard.store.Store.migrate()")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
