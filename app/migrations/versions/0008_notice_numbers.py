"""notice numbers: the number of each printed stop-processing notice (form 05), drawn once

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notice_numbers",
        sa.Column("event_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["dossier_events.id"], name=op.f("fk_notice_numbers_event_id_dossier_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_notice_numbers_dossier_id_dossiers"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_notice_numbers")),
        sa.UniqueConstraint("kind", "year", "number", name="uq_notice_numbers_kind_year_number"),
    )
    with op.batch_alter_table("notice_numbers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_numbers_dossier_id"), ["dossier_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notice_numbers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_numbers_dossier_id"))
    op.drop_table("notice_numbers")
