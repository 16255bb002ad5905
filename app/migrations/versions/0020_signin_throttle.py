"""sign-in throttle: unknown user names back off in the database, not in one process's memory

Revision ID: 0020
Revises: 0019

A failed sign-in with a name that has no account waits like a real account's (the answer never tells which
it was). Kept in memory, that back-off was lost on a restart and each station of a shared center had its
own; this table holds it for every station. The key is a SHA-256 of the folded name, never the name.
"""

from alembic import op
import sqlalchemy as sa

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signin_throttle",
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_signin_throttle_last_at", "signin_throttle", ["last_at"])


def downgrade() -> None:
    op.drop_index("ix_signin_throttle_last_at", table_name="signin_throttle")
    op.drop_table("signin_throttle")
