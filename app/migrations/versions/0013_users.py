"""users: credentials, several roles per user, lock-out counters (issue 12)

Revision ID: 0013
Revises: 0012
"""

from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("roles", sa.String(length=120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("password_hash", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_sign_in", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=False,
                                      server_default=sa.text("CURRENT_TIMESTAMP")))
    op.execute("UPDATE users SET roles = role")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("role")
        for name in ("roles", "locked", "failed_attempts", "is_demo", "created_at"):
            batch_op.alter_column(name, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=20), nullable=False, server_default=""))
    op.execute("UPDATE users SET role = substr(roles || ' ', 1, instr(roles || ' ', ' ') - 1)"
               if op.get_bind().dialect.name == "sqlite" else "UPDATE users SET role = split_part(roles, ' ', 1)")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("role", server_default=None)
        for name in ("created_at", "is_demo", "password_changed_at", "last_sign_in", "locked_until",
                     "failed_attempts", "locked", "password_hash", "roles"):
            batch_op.drop_column(name)
