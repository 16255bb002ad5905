"""audit chain: sequence numbers, Vietnam time, station and SHA-256 hash chain on audit_log; the chain head;
on PostgreSQL triggers that refuse UPDATE, DELETE and TRUNCATE of the log

Existing entries (older databases) are chained here, in id order, with the same canonical form as
``app.services.audit.canonical`` (frozen: version 1 of the format).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import hashlib
import json
from datetime import timezone, timedelta

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
VN = timezone(timedelta(hours=7))

PG_GUARD = """
CREATE OR REPLACE FUNCTION motcua_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION motcua_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_audit_append_only();
CREATE OR REPLACE FUNCTION motcua_audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq THEN
        RAISE EXCEPTION 'audit_chain_head only moves forward' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION motcua_audit_head_forward();
"""

PG_UNGUARD = """
DROP TRIGGER IF EXISTS audit_chain_head_forward ON audit_chain_head;
DROP FUNCTION IF EXISTS motcua_audit_head_forward();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
DROP FUNCTION IF EXISTS motcua_audit_append_only();
"""


def _canonical(seq, at, at_local, actor, station, action, entity, detail, prev_hash) -> bytes:
    body = {"seq": seq, "at": at.astimezone(timezone.utc).isoformat(timespec="microseconds"), "at_local": at_local,
            "actor": actor, "station": station, "action": action, "entity": entity, "detail": detail,
            "prev_hash": prev_hash}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("at_local", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("station", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    head = op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    log = sa.table("audit_log", sa.column("id", sa.BigInteger()), sa.column("seq", sa.BigInteger()),
                   sa.column("at", UTCDateTime()), sa.column("at_local", sa.String()), sa.column("actor", sa.String()),
                   sa.column("station", sa.String()), sa.column("action", sa.String()),
                   sa.column("entity", sa.String()), sa.column("detail", sa.JSON()),
                   sa.column("prev_hash", sa.String()), sa.column("hash", sa.String()))
    conn = op.get_bind()
    prev, seq = GENESIS, 0
    rows = conn.execute(sa.select(log.c.id, log.c.at, log.c.actor, log.c.action, log.c.entity, log.c.detail)
                        .order_by(log.c.id)).all()
    for row in rows:
        seq += 1
        at_local = row.at.astimezone(VN).isoformat(timespec="seconds")
        digest = hashlib.sha256(_canonical(seq, row.at, at_local, row.actor, None, row.action, row.entity,
                                           row.detail or {}, prev)).hexdigest()
        conn.execute(log.update().where(log.c.id == row.id).values(
            seq=seq, at_local=at_local, prev_hash=prev, hash=digest, detail=row.detail or {}))
        prev = digest
    from datetime import datetime

    conn.execute(head.insert().values(id=1, seq=seq, hash=prev, updated_at=datetime.now(timezone.utc)))
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("seq", existing_type=sa.BigInteger(), nullable=False)
        batch.alter_column("at_local", existing_type=sa.String(length=40), nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint(batch.f("uq_audit_log_seq"), ["seq"])
    if conn.dialect.name == "postgresql":
        op.execute(PG_GUARD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_UNGUARD)
    op.drop_table("audit_chain_head")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_constraint("uq_audit_log_seq", type_="unique")
        for name in ("hash", "prev_hash", "station", "at_local", "seq"):
            batch.drop_column(name)
