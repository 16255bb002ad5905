"""queue_events: the change feed the display board and the queue panels follow

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "queue_events",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("ticket_id", BIG_ID, nullable=True),
        sa.Column("number", sa.String(length=12), nullable=True),
        sa.Column("service_code", sa.String(length=3), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_events")),
    )


def downgrade() -> None:
    op.drop_table("queue_events")
