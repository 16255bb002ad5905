"""print jobs: the persistent print queue

Revision ID: 0012
Revises: 0011
"""

from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("printer", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("content_type", sa.String(length=10), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=True),
        sa.Column("ticket", sa.String(length=12), nullable=True),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("in_doubt", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=20), nullable=True),
        sa.Column("last_error_detail", sa.Text(), nullable=True),
        sa.Column("sending_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    op.create_index(
        "ix_print_jobs_station_printer_state_id", "print_jobs", ["station", "printer", "state", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_print_jobs_station_printer_state_id", table_name="print_jobs")
    op.drop_table("print_jobs")
