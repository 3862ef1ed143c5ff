"""Citizen feedback (with moderation and public replies) and the feedback rate-limit counter.

Revision ID: 0002_feedback
Revises: 0001_base
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dashboard.store.base import UTCDateTime

revision = "0002_feedback"
down_revision = "0001_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tracking", sa.String(24), nullable=False),
        sa.Column("idempotency_key", sa.String(100), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("view_url", sa.String(1000), nullable=False),
        sa.Column("depto", sa.Integer, nullable=True),
        sa.Column("indicator", sa.String(40), nullable=True),
        sa.Column("milestone_id", sa.String(8), nullable=True),
        sa.Column("name", sa.String(120), nullable=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("consent", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("release_id", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False, server_default="nuevo"),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("moderated_at", UTCDateTime, nullable=True),
        sa.Column("reply", sa.Text, nullable=True),
        sa.Column("replied_at", UTCDateTime, nullable=True),
        sa.Column("replied_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
        sa.UniqueConstraint("tracking", name="uq_feedback_tracking"),
        sa.UniqueConstraint("idempotency_key", name="uq_feedback_idempotency_key"),
        sa.ForeignKeyConstraint(["replied_by"], ["users.id"],
                                name="fk_feedback_replied_by_users"),
        sa.CheckConstraint("status IN ('nuevo', 'publicado', 'oculto', 'respondido')",
                           name="ck_feedback_status"),
        sa.CheckConstraint("kind IN ('sugerencia', 'error_datos', 'pregunta', 'queja')",
                           name="ck_feedback_kind"),
    )
    op.create_index("ix_feedback_kind", "feedback", ["kind"])
    op.create_index("ix_feedback_status", "feedback", ["status"])
    op.create_index("ix_feedback_created_at", "feedback", ["created_at"])
    op.create_index("ix_feedback_milestone_id", "feedback", ["milestone_id"])
    op.create_table(
        "feedback_rate",
        sa.Column("bucket", sa.String(80), nullable=False),
        sa.Column("window_start", sa.Integer, nullable=False),
        sa.Column("hits", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("bucket", "window_start", name="pk_feedback_rate"),
    )


def downgrade() -> None:
    op.drop_table("feedback_rate")
    op.drop_index("ix_feedback_milestone_id", table_name="feedback")
    op.drop_index("ix_feedback_created_at", table_name="feedback")
    op.drop_index("ix_feedback_status", table_name="feedback")
    op.drop_index("ix_feedback_kind", table_name="feedback")
    op.drop_table("feedback")
