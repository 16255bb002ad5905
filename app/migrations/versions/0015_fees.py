"""fees, receipts, exemptions, the complaints register; one rating per ticket

Revision ID: 0015
Revises: 0014
"""

from alembic import op
import sqlalchemy as sa

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "fee_exemptions",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("fixed_amount", sa.BigInteger(), nullable=True),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_fee_exemptions")),
    )
    op.create_table(
        "fee_payments",
        sa.Column("id", BIG, autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.Uuid(), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("exemption_code", sa.String(length=20), nullable=True),
        sa.Column("exemption_name", sa.Text(), nullable=True),
        sa.Column("legal_basis", sa.Text(), nullable=True),
        sa.Column("reduction", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("means", sa.String(length=10), nullable=False),
        sa.Column("reference", sa.String(length=80), nullable=True),
        sa.Column("payer", sa.Text(), nullable=False),
        sa.Column("officer", sa.String(length=60), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=40), nullable=True),
        sa.Column("paid_at", TS, nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_fee_payments_dossier_id_dossiers"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_payments")),
    )
    op.create_index("ix_fee_payments_dossier_id", "fee_payments", ["dossier_id"])
    op.create_index("ix_fee_payments_paid_at", "fee_payments", ["paid_at"])
    op.create_table(
        "fee_payment_items",
        sa.Column("id", BIG, autoincrement=True, nullable=False),
        sa.Column("payment_id", BIG, nullable=False),
        sa.Column("dossier_fee_id", BIG, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["payment_id"], ["fee_payments.id"], name=op.f("fk_fee_payment_items_payment_id_fee_payments"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["dossier_fee_id"], ["dossier_fees.id"],
                                name=op.f("fk_fee_payment_items_dossier_fee_id_dossier_fees"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_payment_items")),
    )
    op.create_index("ix_fee_payment_items_payment_id", "fee_payment_items", ["payment_id"])
    op.create_table(
        "fee_receipts",
        sa.Column("id", BIG, autoincrement=True, nullable=False),
        sa.Column("payment_id", BIG, nullable=False),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=60), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("issued_at", TS, nullable=False),
        sa.Column("issued_by", sa.String(length=60), nullable=False),
        sa.Column("cancelled_at", TS, nullable=True),
        sa.Column("cancelled_by", sa.String(length=60), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("replaced_by", BIG, nullable=True),
        sa.ForeignKeyConstraint(["payment_id"], ["fee_payments.id"], name=op.f("fk_fee_receipts_payment_id_fee_payments"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["replaced_by"], ["fee_receipts.id"], name=op.f("fk_fee_receipts_replaced_by_fee_receipts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_receipts")),
        sa.UniqueConstraint("series", "number", name="uq_fee_receipts_series_number"),
    )
    op.create_index("ix_fee_receipts_payment_id", "fee_receipts", ["payment_id"])
    op.create_index("ix_fee_receipts_issued_at", "fee_receipts", ["issued_at"])
    op.create_table(
        "complaints",
        sa.Column("id", BIG, autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("received_by", sa.String(length=60), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("contact_name", sa.Text(), nullable=False),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("contact_email", sa.String(length=120), nullable=True),
        sa.Column("contact_address", sa.Text(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=True),
        sa.Column("officer_concerned", sa.String(length=60), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", TS, nullable=True),
        sa.Column("answered_by", sa.String(length=60), nullable=True),
        sa.Column("informed_at", TS, nullable=True),
        sa.Column("informed_via", sa.String(length=10), nullable=True),
        sa.Column("informed_by", sa.String(length=60), nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["departments.id"], name=op.f("fk_complaints_department_id_departments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("number", name="uq_complaints_number"),
    )
    op.create_index("ix_complaints_state_due_at", "complaints", ["state", "due_at"])
    op.create_index("ix_complaints_received_at", "complaints", ["received_at"])
    # One rating per visit: the ticket's index becomes unique (NULL tickets stay many).
    op.drop_index("ix_ratings_ticket_id", table_name="ratings")
    op.create_index("ix_ratings_ticket_id", "ratings", ["ticket_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_ratings_ticket_id", table_name="ratings")
    op.create_index("ix_ratings_ticket_id", "ratings", ["ticket_id"])
    op.drop_index("ix_complaints_received_at", table_name="complaints")
    op.drop_index("ix_complaints_state_due_at", table_name="complaints")
    op.drop_table("complaints")
    op.drop_index("ix_fee_receipts_issued_at", table_name="fee_receipts")
    op.drop_index("ix_fee_receipts_payment_id", table_name="fee_receipts")
    op.drop_table("fee_receipts")
    op.drop_index("ix_fee_payment_items_payment_id", table_name="fee_payment_items")
    op.drop_table("fee_payment_items")
    op.drop_index("ix_fee_payments_paid_at", table_name="fee_payments")
    op.drop_index("ix_fee_payments_dossier_id", table_name="fee_payments")
    op.drop_table("fee_payments")
    op.drop_table("fee_exemptions")
