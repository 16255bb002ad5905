"""stored files: one content-addressed store (folder or PostgreSQL chunks) and the dossier items' files

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(60), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_files")),
    )
    op.create_index(op.f("ix_stored_files_created_at"), "stored_files", ["created_at"], unique=False)
    op.create_table(
        "file_chunks",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["stored_files.sha256"], name=op.f("fk_file_chunks_sha256_stored_files"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_file_chunks")),
    )
    op.create_table(
        "dossier_files",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("dpi", sa.Integer(), nullable=True),
        sa.Column("color_mode", sa.String(12), nullable=True),
        sa.Column("source", sa.String(12), nullable=False),
        sa.Column("station", sa.String(60), nullable=True),
        sa.Column("created_by", sa.String(60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_files_dossier_id_dossiers"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sha256"], ["stored_files.sha256"], name=op.f("fk_dossier_files_sha256_stored_files")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_files")),
    )
    op.create_index(op.f("ix_dossier_files_dossier_id"), "dossier_files", ["dossier_id"], unique=False)
    op.create_index(op.f("ix_dossier_files_sha256"), "dossier_files", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_table("dossier_files")
    op.drop_table("file_chunks")
    op.drop_index(op.f("ix_stored_files_created_at"), table_name="stored_files")
    op.drop_table("stored_files")
