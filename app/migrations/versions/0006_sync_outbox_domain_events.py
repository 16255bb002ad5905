"""sync: the outbox keeps domain events; leases, per-dossier order, the rendered wire; sync state and conflicts

Rows written before this revision hold the national wire payload ({"dossier": {MaHoSo...}, "history": {...}});
they are rewritten into the domain event (schema ``dossier.event/1``) by reading the wire fields back, so
that what each pending row says stays what it said when it was written. ``failed`` becomes ``pending``
(nothing was ever sent before this revision).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

VN = timezone(timedelta(hours=7))
STATUS_BY_CODE = {2: "received", 3: "refused", 4: "processing", 5: "supplement_requested", 6: "payment_requested",
                  7: "withdrawn", 8: "stopped", 9: "finished", 10: "returned"}
CHANNEL_BY_CODE = {1: "in_person", 2: "online", 3: "post"}
APPLICANT_BY_CODE = {1: "citizen", 2: "business", 3: "state_body", 4: "other"}
DELIVERY_BY_CODE = {0: "counter", 1: "post"}


def _iso(wire: str | None) -> str | None:
    if not wire:
        return None
    return datetime.strptime(wire, "%Y%m%d%H%M%S").replace(tzinfo=VN).astimezone(timezone.utc).isoformat()


def _domain(payload: dict, aggregate_id: str, seq: int) -> dict:
    d, h = payload.get("dossier") or {}, payload.get("history") or {}
    return {
        "schema": "dossier.event/1",
        "dossier": {
            "id": d.get("UUID") or aggregate_id,
            "code": d.get("MaHoSo"),
            "procedure": {"code": d.get("MaTTHC"), "name": d.get("TenTTHC"), "field": d.get("TenLinhVuc")},
            "channel": CHANNEL_BY_CODE.get(d.get("KenhThucHien"), "in_person"),
            "applicant_type": APPLICANT_BY_CODE.get(d.get("LoaiDoiTuong"), "citizen"),
            "delivery": DELIVERY_BY_CODE.get(d.get("HinhThuc"), "counter"),
            "status": STATUS_BY_CODE.get(d.get("TrangThaiHoSo"), "cancelled"),
            "department": d.get("DonViXuLy"),
            "note": d.get("GhiChu"),
            "received_at": _iso(d.get("NgayTiepNhan")),
            "clock_started_at": _iso(h.get("NgayBatDau")),
            "due_at": _iso(d.get("NgayHenTra")),
            "original_due_at": None,
            "decided_at": _iso(d.get("NgayKetThucXuLy")),
            "returned_at": _iso(d.get("NgayTra")),
            "parties": [{"role": "applicant", "full_name": d.get("ChuHoSo"), "id_number": d.get("SoGiayToChuHoSo"),
                         "date_of_birth": None, "phone": d.get("SoDienThoai"), "address": d.get("DiaChi"),
                         "email": d.get("Email")}],
            "documents": [{"item_code": t.get("MaThanhPhanHoSo"), "name": t.get("TenTepDinhKem"), "originals": 1,
                           "certified_copies": 0, "photocopies": 0} for t in d.get("TaiLieuNop") or []],
            "fees": [{"name": f.get("TenPhiLePhi"), "kind": "phi" if f.get("LoaiPhiLePhi") == 1 else "le_phi",
                      "collection": f.get("HinhThucThu"), "amount": f.get("Gia")} for f in d.get("DanhSachLePhi") or []],
        },
        "event": {
            "seq": seq,
            "kind": h.get("NoiDungXuLy") or "event",
            "status": STATUS_BY_CODE.get(h.get("TrangThai"), "cancelled"),
            "occurred_at": _iso(h.get("ThoiDiemXuLy")),
            "department": h.get("PhongBanXuLy"),
            "note": None,
            "actor": {"username": h.get("NguoiXuLy"), "display_name": h.get("NguoiXuLy"), "role": h.get("ChucDanh")},
        },
    }


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("aggregate_version", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("claimed_by", sa.String(80), nullable=True))
        batch.add_column(sa.Column("wire", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("reason", sa.String(40), nullable=True))
        batch.drop_index("ix_outbox_aggregate_id")
        batch.create_index("ix_outbox_aggregate_id_id", ["aggregate_id", "id"], unique=False)

    bind = op.get_bind()
    outbox = sa.table("outbox", sa.column("id", sa.Integer), sa.column("aggregate_id", sa.String),
                      sa.column("idempotency_key", sa.String), sa.column("payload", sa.JSON),
                      sa.column("status", sa.String), sa.column("aggregate_version", sa.Integer))
    rows = bind.execute(sa.select(outbox.c.id, outbox.c.aggregate_id, outbox.c.idempotency_key, outbox.c.payload)).all()
    for row in rows:
        seq = int(row.idempotency_key.rsplit(":", 1)[-1]) if ":" in row.idempotency_key else 1
        payload = row.payload or {}
        if payload.get("schema") != "dossier.event/1":
            payload = _domain(payload, row.aggregate_id, seq)
        bind.execute(sa.update(outbox).where(outbox.c.id == row.id).values(payload=payload, aggregate_version=seq))
    bind.execute(sa.update(outbox).where(outbox.c.status == "failed").values(status="pending"))

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("dossier_code", sa.String(64), nullable=False),
        sa.Column("remote", sa.JSON(), nullable=False),
        sa.Column("local_status", sa.String(24), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(20), nullable=True),
        sa.Column("resolved_by", sa.String(60), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(op.f("ix_sync_conflicts_dossier_code"), "sync_conflicts", ["dossier_code"], unique=False)
    op.create_table(
        "online_dossiers",
        sa.Column("province_code", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("dossier_code", sa.String(64), nullable=True),
        sa.Column("handled_by", sa.String(60), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("province_code", name=op.f("pk_online_dossiers")),
    )


def downgrade() -> None:
    op.drop_table("online_dossiers")
    op.drop_index(op.f("ix_sync_conflicts_dossier_code"), table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_state")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_aggregate_id_id")
        batch.create_index("ix_outbox_aggregate_id", ["aggregate_id"], unique=False)
        for name in ("reason", "wire", "claimed_by", "lease_until", "aggregate_version"):
            batch.drop_column(name)
