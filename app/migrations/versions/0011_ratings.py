"""ratings: the citizens' satisfaction from the counter keypads

Revision ID: 0011
Revises: 0010
"""

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("scale", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("ticket_number", sa.String(length=12), nullable=True),
        sa.Column("dossier_code", sa.String(length=64), nullable=True),
        sa.Column("officer", sa.String(length=60), nullable=True),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ratings_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
    )
    op.create_index("ix_ratings_at", "ratings", ["at"])
    op.create_index("ix_ratings_ticket_id", "ratings", ["ticket_id"])
    op.create_index("ix_ratings_officer_at", "ratings", ["officer", "at"])


def downgrade() -> None:
    op.drop_index("ix_ratings_officer_at", table_name="ratings")
    op.drop_index("ix_ratings_ticket_id", table_name="ratings")
    op.drop_index("ix_ratings_at", table_name="ratings")
    op.drop_table("ratings")
