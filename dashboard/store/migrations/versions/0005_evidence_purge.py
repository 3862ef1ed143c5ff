"""Legally ordered erasure of a withdrawn evidence file's bytes: ``evidence_purges``.

Revision ID: 0005_evidence_purge
Revises: 0004_reply_chain
Create Date: 2026-12-01

An append-only, chained table (decision 0016). Nothing to backfill: no purge could happen
before this revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dashboard.store.base import UTCDateTime
from dashboard.store.immutable import drop_append_only, make_append_only

revision = "0005_evidence_purge"
down_revision = "0004_reply_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_purges",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("evidence_id", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("motivo", sa.Text, nullable=False),
        sa.Column("autor", sa.String(64), nullable=False),
        sa.Column("purged_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_purges"),
        sa.ForeignKeyConstraint(["evidence_id"], ["evidence_files.id"],
                                name="fk_evidence_purges_evidence_id_evidence_files"),
        sa.UniqueConstraint("evidence_id", name="uq_evidence_purges_evidence_id"),
    )
    make_append_only("evidence_purges")


def downgrade() -> None:
    drop_append_only("evidence_purges")
    op.drop_table("evidence_purges")
