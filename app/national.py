"""The national sync vocabulary (DongBoHoSoMC / CapNhatTienDoHoSoMC): what the outbox carries.

Field names follow the public contract in domain.md; dates on the wire are ``yyyyMMddHHmmss`` in
Asia/Ho_Chi_Minh time. The sync room sends these payloads; the core only builds them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.lifecycle import STATUS_CODES
from app.workcal import to_local

if TYPE_CHECKING:
    from app.actors import Actor
    from app.store.models import Dossier, DossierEvent

CHANNEL_CODES = {"in_person": 1, "online": 2, "post": 3}
APPLICANT_TYPE_CODES = {"citizen": 1, "business": 2, "state_body": 3, "other": 4}
DELIVERY_CODES = {"counter": 0, "post": 1}


def wire_time(value: datetime | None) -> str | None:
    return to_local(value).strftime("%Y%m%d%H%M%S") if value else None


class _Row:
    """Attribute access over a plain row dict (rows inserted without ORM objects)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def dossier_payload(d: Dossier, *, rows: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """``rows``: the parties, documents and fees as plain dicts when they were just inserted without ORM
    objects (intake), so that building the payload does not read them back."""
    party_list = [_Row(r) for r in rows["parties"]] if rows else d.parties
    documents = [_Row(r) for r in rows["documents"]] if rows else d.documents
    fees = [_Row(r) for r in rows["fees"]] if rows else d.fees
    parties = {p.role: p for p in party_list}
    applicant = parties.get("applicant")
    return {
        "MaHoSo": d.code,
        "MaTTHC": d.procedure.code,
        "TenTTHC": d.procedure.name,
        "MaLinhVuc": None,
        "TenLinhVuc": d.procedure.field,
        "KenhThucHien": CHANNEL_CODES.get(d.channel, 1),
        "ChuHoSo": applicant.full_name if applicant else None,
        "LoaiDoiTuong": APPLICANT_TYPE_CODES.get(d.applicant_type, 1),
        "SoGiayToChuHoSo": applicant.id_number if applicant else None,
        "DiaChi": applicant.address if applicant else None,
        "SoDienThoai": applicant.phone if applicant else None,
        "Email": applicant.email if applicant else None,
        "TrichYeuHoSo": d.procedure.name,
        "NgayTiepNhan": wire_time(d.received_at),
        "NgayHenTra": wire_time(d.due_at),
        "NgayTra": wire_time(d.returned_at),
        "NgayKetThucXuLy": wire_time(d.decided_at),
        "TrangThaiHoSo": STATUS_CODES.get(d.status),
        "HinhThuc": DELIVERY_CODES.get(d.delivery, 0),
        "DonViXuLy": d.department.name if d.department else None,
        "GhiChu": d.note,
        "HoSoCoThanhPhanSoHoa": False,
        "TaiLieuNop": [
            {"TenTepDinhKem": doc.name, "MaThanhPhanHoSo": doc.item_code, "DuocSoHoa": False}
            for doc in documents
            if doc.originals or doc.certified_copies or doc.photocopies
        ],
        "DanhSachLePhi": [
            {"TenPhiLePhi": f.name, "HinhThucThu": f.collection, "Gia": f.amount, "LoaiPhiLePhi": 1 if f.kind == "phi" else 2}
            for f in fees
        ],
        "UUID": str(d.id),
    }


def event_payload(d: Dossier, e: DossierEvent, actor: Actor) -> dict[str, Any]:
    return {
        "MaHoSo": d.code,
        "NguoiXuLy": actor.display_name or actor.username,
        "ChucDanh": actor.role,
        "ThoiDiemXuLy": wire_time(e.occurred_at),
        "PhongBanXuLy": e.department,
        "NoiDungXuLy": e.note or e.kind,
        "TrangThai": STATUS_CODES.get(e.status),
        "NgayBatDau": wire_time(d.clock_started_at),
        "NgayKetThucTheoQuyDinh": wire_time(d.due_at),
    }
