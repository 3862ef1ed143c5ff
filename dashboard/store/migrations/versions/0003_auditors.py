"""For auditors: the history hash chain, evidence files and their removals, backfilled dates.

Revision ID: 0003_auditors
Revises: 0002_tracker
Create Date: 2026-11-29

Existing history (if any) is chained in the order ``chain.history_in_order`` gives, so an
installation that already has updates gets a verifiable chain from this revision on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from dashboard.store import chain
from dashboard.store.base import UTCDateTime
from dashboard.store.immutable import drop_append_only, make_append_only

revision = "0003_auditors"
down_revision = "0002_tracker"
branch_labels = None
depends_on = None

_APPEND_ONLY = ("history_chain", "evidence_files", "evidence_removals")


def upgrade() -> None:
    op.create_table(
        "history_chain",
        sa.Column("seq", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("ref", sa.String(64), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_history_chain"),
        sa.UniqueConstraint("prev_hash", name="uq_history_chain_prev_hash"),
        sa.UniqueConstraint("entry_hash", name="uq_history_chain_entry_hash"),
    )
    op.create_table(
        "history_chain_lock",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("appends", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history_chain_lock"),
    )
    op.execute("INSERT INTO history_chain_lock (id, appends) VALUES (1, 0)")
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("update_id", sa.Integer, nullable=True),
        sa.Column("event_id", sa.Integer, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_files"),
        sa.ForeignKeyConstraint(["update_id"], ["milestone_updates.id"],
                                name="fk_evidence_files_update_id_milestone_updates"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name="fk_evidence_files_event_id_events"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name="fk_evidence_files_author_id_users"),
        sa.CheckConstraint("(update_id IS NULL) <> (event_id IS NULL)",
                           name="ck_evidence_files_one_target"),
    )
    op.create_index("ix_evidence_files_sha256", "evidence_files", ["sha256"])
    op.create_table(
        "evidence_removals",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("evidence_id", sa.Integer, nullable=False),
        sa.Column("motivo", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_removals"),
        sa.ForeignKeyConstraint(["evidence_id"], ["evidence_files.id"],
                                name="fk_evidence_removals_evidence_id_evidence_files"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name="fk_evidence_removals_author_id_users"),
    )
    op.create_index("ix_evidence_removals_evidence_id", "evidence_removals", ["evidence_id"])
    # ADD COLUMN (never a batch copy): the append-only triggers of the table stay in place.
    op.add_column("milestone_updates", sa.Column("fecha", sa.Date, nullable=True))
    for table in _APPEND_ONLY:
        make_append_only(table)
    ses = Session(bind=op.get_bind())
    chain.lock(ses)
    chain.append(ses, chain.history_in_order(ses))
    ses.flush()


def downgrade() -> None:
    for table in _APPEND_ONLY:
        drop_append_only(table)
    drop_append_only("milestone_updates")  # a SQLite batch copy would lose them anyway
    with op.batch_alter_table("milestone_updates") as batch:
        batch.drop_column("fecha")
    make_append_only("milestone_updates")
    for table in ("evidence_removals", "evidence_files", "history_chain_lock", "history_chain"):
        op.drop_table(table)
