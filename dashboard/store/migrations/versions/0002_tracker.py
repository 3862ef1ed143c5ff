"""GT0112 tracker: commitment, milestones, append-only updates and events.

Revision ID: 0002_tracker
Revises: 0001_base
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dashboard.store.base import UTCDateTime
from dashboard.store.immutable import drop_append_only, make_append_only

revision = "0002_tracker"
down_revision = "0001_base"
branch_labels = None
depends_on = None

_TABLES = ("commitments", "milestones", "milestone_updates", "events")


def upgrade() -> None:
    op.create_table(
        "commitments",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("seed_sha256", sa.String(64), nullable=False),
        sa.Column("loaded_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_commitments"),
    )
    op.create_table(
        "milestones",
        sa.Column("id", sa.String(8), nullable=False),
        sa.Column("commitment_id", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("inicio_planificado", sa.Date, nullable=True),
        sa.Column("fin_planificado", sa.Date, nullable=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_milestones"),
        sa.ForeignKeyConstraint(["commitment_id"], ["commitments.id"],
                                name="fk_milestones_commitment_id_commitments"),
    )
    op.create_table(
        "milestone_updates",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("milestone_id", sa.String(8), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.Column("estado", sa.String(16), nullable=False),
        sa.Column("avance", sa.Integer, nullable=False),
        sa.Column("resumen", sa.Text, nullable=False, server_default=""),
        sa.Column("motivo_retraso", sa.Text, nullable=False, server_default=""),
        sa.Column("proximos_pasos", sa.Text, nullable=False, server_default=""),
        sa.Column("evidencias", sa.JSON, nullable=False),
        sa.Column("inicio_real", sa.Date, nullable=True),
        sa.Column("fin_real", sa.Date, nullable=True),
        sa.Column("corrige_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_milestone_updates"),
        sa.ForeignKeyConstraint(["milestone_id"], ["milestones.id"],
                                name="fk_milestone_updates_milestone_id_milestones"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name="fk_milestone_updates_author_id_users"),
        sa.ForeignKeyConstraint(["corrige_id"], ["milestone_updates.id"],
                                name="fk_milestone_updates_corrige_id_milestone_updates"),
        sa.CheckConstraint("avance BETWEEN 0 AND 100", name="ck_milestone_updates_avance"),
        sa.CheckConstraint("estado IN ('no_iniciado', 'en_progreso', 'completado', "
                           "'retrasado', 'cancelado')", name="ck_milestone_updates_estado"),
    )
    op.create_index("ix_milestone_updates_milestone_id", "milestone_updates", ["milestone_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("fecha", sa.Date, nullable=False),
        sa.Column("tipo", sa.String(24), nullable=False),
        sa.Column("titulo", sa.String(300), nullable=False),
        sa.Column("participantes", sa.Text, nullable=False, server_default=""),
        sa.Column("enlace_acta", sa.String(1000), nullable=False, server_default=""),
        sa.Column("notas", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.Column("corrige_id", sa.Integer, nullable=True),
        sa.Column("anula", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name="fk_events_author_id_users"),
        sa.ForeignKeyConstraint(["corrige_id"], ["events.id"],
                                name="fk_events_corrige_id_events"),
        sa.CheckConstraint("tipo IN ('reunion_abierta', 'foro_multiactor', 'informe_avance')",
                           name="ck_events_tipo"),
    )
    op.create_index("ix_events_fecha", "events", ["fecha"])
    for table in _TABLES:
        make_append_only(table)


def downgrade() -> None:
    for table in reversed(_TABLES):
        drop_append_only(table)
        op.drop_table(table)
