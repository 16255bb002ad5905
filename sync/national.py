"""The national sync vocabulary (DongBoHoSoMC / CapNhatTienDoHoSoMC), rendered from our domain events.

Field names follow the public contract in domain.md; dates on the wire are ``yyyyMMddHHmmss`` in
Asia/Ho_Chi_Minh time. Pure functions: a domain event (``app.services.outbox_events``) in, wire dicts out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.lifecycle import STATUS_CODES
from app.workcal import VN_TZ

CHANNEL_CODES = {"in_person": 1, "online": 2, "post": 3}
APPLICANT_TYPE_CODES = {"citizen": 1, "business": 2, "state_body": 3, "other": 4}
DELIVERY_CODES = {"counter": 0, "post": 1}
CHANNEL_NAMES = {v: k for k, v in CHANNEL_CODES.items()}
APPLICANT_TYPE_NAMES = {v: k for k, v in APPLICANT_TYPE_CODES.items()}
STATUS_NAMES = {v: k for k, v in STATUS_CODES.items() if v is not None}
STATUS_NAMES[1] = "online_registered"


def wire_time(iso: str | None) -> str | None:
    """An ISO instant (UTC) as ``yyyyMMddHHmmss`` in Vietnam's time."""
    return datetime.fromisoformat(iso).astimezone(VN_TZ).strftime("%Y%m%d%H%M%S") if iso else None


def parse_wire_time(text: str | None) -> datetime | None:
    """``yyyyMMddHHmmss`` (Vietnam's time) as an aware datetime; None for empty."""
    return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=VN_TZ) if text else None


def render_dossier(event: dict[str, Any]) -> dict[str, Any]:
    d = event["dossier"]
    applicant = next((p for p in d["parties"] if p["role"] == "applicant"), None) or {}
    return {
        "MaHoSo": d["code"],
        "MaTTHC": d["procedure"]["code"],
        "TenTTHC": d["procedure"]["name"],
        "MaLinhVuc": None,
        "TenLinhVuc": d["procedure"]["field"],
        "KenhThucHien": CHANNEL_CODES.get(d["channel"], 1),
        "ChuHoSo": applicant.get("full_name"),
        "LoaiDoiTuong": APPLICANT_TYPE_CODES.get(d["applicant_type"], 1),
        "SoGiayToChuHoSo": applicant.get("id_number"),
        "DiaChi": applicant.get("address"),
        "SoDienThoai": applicant.get("phone"),
        "Email": applicant.get("email"),
        "TrichYeuHoSo": d["procedure"]["name"],
        "NgayTiepNhan": wire_time(d["received_at"]),
        "NgayHenTra": wire_time(d["due_at"]),
        "NgayTra": wire_time(d["returned_at"]),
        "NgayKetThucXuLy": wire_time(d["decided_at"]),
        "TrangThaiHoSo": STATUS_CODES.get(d["status"]),
        "HinhThuc": DELIVERY_CODES.get(d["delivery"], 0),
        "DonViXuLy": d["department"],
        "GhiChu": d["note"],
        "HoSoCoThanhPhanSoHoa": False,
        "TaiLieuNop": [
            {"TenTepDinhKem": doc["name"], "MaThanhPhanHoSo": doc["item_code"], "DuocSoHoa": False}
            for doc in d["documents"]
            if doc["originals"] or doc["certified_copies"] or doc["photocopies"]
        ],
        "DanhSachLePhi": [
            {"TenPhiLePhi": f["name"], "HinhThucThu": f["collection"], "Gia": f["amount"],
             "LoaiPhiLePhi": 1 if f["kind"] == "phi" else 2}
            for f in d["fees"]
        ],
        "UUID": d["id"],
    }


def render_history(event: dict[str, Any]) -> dict[str, Any]:
    d, e = event["dossier"], event["event"]
    actor = e.get("actor") or {}
    return {
        "MaHoSo": d["code"],
        "NguoiXuLy": actor.get("display_name") or actor.get("username"),
        "ChucDanh": actor.get("role"),
        "ThoiDiemXuLy": wire_time(e["occurred_at"]),
        "PhongBanXuLy": e["department"],
        "NoiDungXuLy": e["note"] or e["kind"],
        "TrangThai": STATUS_CODES.get(e["status"]),
        "NgayBatDau": wire_time(d["clock_started_at"]),
        "NgayKetThucTheoQuyDinh": wire_time(d["due_at"]),
    }


def render_online_supplement(event: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(record, history item) putting the province's online record in "supplement requested"."""
    o = event["online"]
    actor = o.get("actor") or {}
    record = {"MaHoSo": o["code"], "MaTTHC": o.get("procedure_code") or "-", "KenhThucHien": 2,
              "TrangThaiHoSo": STATUS_CODES["supplement_requested"], "NgayTiepNhan": o.get("registered_at") or wire_time(o["at"]),
              "GhiChu": o["reason"], "UUID": None}
    history = {"MaHoSo": o["code"], "NguoiXuLy": actor.get("display_name") or actor.get("username"),
               "ChucDanh": actor.get("role"), "ThoiDiemXuLy": wire_time(o["at"]), "PhongBanXuLy": None,
               "NoiDungXuLy": o["reason"], "TrangThai": STATUS_CODES["supplement_requested"], "NgayBatDau": None,
               "NgayKetThucTheoQuyDinh": None}
    return record, history
