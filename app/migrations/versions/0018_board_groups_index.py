"""board groups index: open dossiers by (status, department, officer) so the board's counts stream

Revision ID: 0018
Revises: 0012

The board's per-department and per-officer counts group the open dossiers; with the rows already in group
order in this partial covering index, SQLite and PostgreSQL aggregate without sorting 50,000 rows, and the
"late to hand over" list is a short range read on status = 'received'.
"""

from alembic import op
import sqlalchemy as sa

revision = "0018"
down_revision = "0012"
branch_labels = None
depends_on = None

OPEN = "status IN ('payment_requested', 'processing', 'received', 'supplement_requested')"
COLUMNS = ["status", "department_id", "officer", "due_at", "handover_due_at", "apology_count", "supplement_late"]


def upgrade() -> None:
    op.create_index(
        "ix_dossiers_open_groups", "dossiers", COLUMNS,
        sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN),
    )


def downgrade() -> None:
    op.drop_index("ix_dossiers_open_groups", table_name="dossiers")
