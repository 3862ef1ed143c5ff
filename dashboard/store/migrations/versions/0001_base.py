"""Base tables: staff users, the append-only audit log, login attempts (rate limit).

Revision ID: 0001_base
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dashboard.store.base import UTCDateTime
from dashboard.store.immutable import drop_append_only, install_pg_function, make_append_only

revision = "0001_base"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    install_pg_function()
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False, server_default="staff"),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
        sa.CheckConstraint("role IN ('staff', 'admin')", name="ck_users_role"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(200), nullable=False, server_default=""),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("ip", sa.String(64), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name="fk_audit_log_user_id_users"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    make_append_only("audit_log")
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("ip", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=False, server_default=""),
        sa.Column("success", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_login_attempts"),
    )
    op.create_index("ix_login_attempts_at", "login_attempts", ["at"])
    op.create_index("ix_login_attempts_ip", "login_attempts", ["ip"])


def downgrade() -> None:
    op.drop_table("login_attempts")
    drop_append_only("audit_log")
    op.drop_table("audit_log")
    op.drop_table("users")
