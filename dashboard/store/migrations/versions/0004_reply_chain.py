"""The ministry's public answers to citizens join the tamper-evident history.

Revision ID: 0004_reply_chain
Revises: 0003_auditors
Create Date: 2026-11-29

Items already public get one record each (their current status and reply, dated when they were
last moderated), chained after the existing history.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from dashboard.store import chain, chain_replies
from dashboard.store.base import UTCDateTime
from dashboard.store.immutable import drop_append_only, make_append_only

revision = "0004_reply_chain"
down_revision = "0003_auditors"
branch_labels = None
depends_on = "0002_feedback"  # the records refer to feedback items


def upgrade() -> None:
    op.create_table(
        "feedback_publications",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("feedback_id", sa.Integer, nullable=False),
        sa.Column("tracking", sa.String(24), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reply", sa.Text, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("author_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_feedback_publications"),
        sa.ForeignKeyConstraint(["feedback_id"], ["feedback.id"],
                                name="fk_feedback_publications_feedback_id_feedback"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name="fk_feedback_publications_author_id_users"),
    )
    op.create_index("ix_feedback_publications_feedback_id", "feedback_publications",
                    ["feedback_id"])
    make_append_only("feedback_publications")
    ses = Session(bind=op.get_bind())
    chain.lock(ses)
    chain.append(ses, chain_replies.backfill(ses))
    ses.flush()


def downgrade() -> None:
    drop_append_only("feedback_publications")
    op.drop_table("feedback_publications")
