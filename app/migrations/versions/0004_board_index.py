"""board index: a partial covering index over open dossiers

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OPEN = "status IN ('payment_requested', 'processing', 'received', 'supplement_requested')"
COLUMNS = ["due_at", "status", "handover_due_at", "apology_count", "supplement_late", "department_id", "officer", "code"]


def upgrade() -> None:
    op.create_index(
        "ix_dossiers_open_board", "dossiers", COLUMNS,
        sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN),
    )


def downgrade() -> None:
    op.drop_index("ix_dossiers_open_board", table_name="dossiers")
