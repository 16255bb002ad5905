"""dossier code sequences keyed by the code's YYMMDD, not the full date

``AGENCY-YYMMDD-NNNN`` carries two digits of the year: a dossier back-dated to 1926-12-02 took the
number ``…-261202-0001`` from the sequence of 1926-12-02 while 2026-12-02 had its own, and the next
intake of the day collided on ``dossiers.code``. The sequences ``dossier:AGENCY:YYYY-MM-DD`` become
``dossier:AGENCY:YYMMDD``; where two dates share a key the larger value is kept, so no code is reused.

Revision ID: 0009
Revises: 0008
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_OLD = re.compile(r"^dossier:(.+):(\d{4})-(\d{2})-(\d{2})$")
_NEW = re.compile(r"^dossier:(.+):(\d{2})(\d{2})(\d{2})$")

sequences = sa.table("sequences", sa.column("name", sa.String), sa.column("value", sa.BigInteger))


def _rekey(convert) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(sequences.c.name, sequences.c.value).where(sequences.c.name.like("dossier:%"))).all()
    merged: dict[str, int] = {}
    moved: list[str] = []
    for name, value in rows:
        new = convert(name)
        if new is None:
            merged[name] = max(merged.get(name, 0), int(value))
            continue
        moved.append(name)
        merged[new] = max(merged.get(new, 0), int(value))
    if not moved:
        return
    bind.execute(sequences.delete().where(sequences.c.name.in_(moved + list(merged))))
    bind.execute(sequences.insert(), [{"name": n, "value": v} for n, v in merged.items()])


def upgrade() -> None:
    def convert(name: str):
        m = _OLD.match(name)
        return f"dossier:{m.group(1)}:{m.group(2)[2:]}{m.group(3)}{m.group(4)}" if m else None

    _rekey(convert)


def downgrade() -> None:
    def convert(name: str):
        m = _NEW.match(name)
        return f"dossier:{m.group(1)}:20{m.group(2)}-{m.group(3)}-{m.group(4)}" if m else None

    _rekey(convert)
