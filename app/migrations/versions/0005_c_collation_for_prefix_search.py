"""byte-order collation for the columns searched by prefix ranges (PostgreSQL)

Dossier codes, ID numbers and phones are searched with ``>= q AND < q || chr(127)`` on their B-tree
indexes. Under a linguistic collation (a server created with en_US.UTF-8, vi_VN or an ICU locale) DEL
is ignored when comparing, so that range comes back empty. "C" orders by bytes on every server.
SQLite compares text by bytes already (BINARY).

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (("code", 64), ("search_id_number", 20), ("search_phone", 20))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, length in COLUMNS:
        op.execute(f'ALTER TABLE dossiers ALTER COLUMN {name} TYPE VARCHAR({length}) COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, length in COLUMNS:
        op.execute(f"ALTER TABLE dossiers ALTER COLUMN {name} TYPE VARCHAR({length}) COLLATE \"default\"")
