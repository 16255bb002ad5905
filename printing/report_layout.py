"""What the report files show: the sections of a report document (``app.services.reports.summary``) as
tables with Vietnamese headers, shared by the XLSX and the PDF so both say the same thing.

A column is (key, header, kind); kinds: ``int`` (#,##0), ``pct`` (0.00 "%"), ``num`` (0.00), ``text``,
``date`` (dd/mm/yyyy). Pure data; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

INDICATOR_NAMES = {
    "synced_share": "Tỷ lệ hồ sơ đồng bộ lên hệ thống tỉnh",
    "on_time_rate": "Tỷ lệ giải quyết trước hạn và đúng hạn",
    "early_rate": "Tỷ lệ giải quyết trước hạn",
    "late_rate": "Tỷ lệ giải quyết quá hạn",
    "avg_processing_days": "Thời gian giải quyết trung bình (ngày)",
    "digitization_rate": "Tỷ lệ số hóa hồ sơ",
    "online_share": "Tỷ lệ hồ sơ trực tuyến",
    "satisfaction_rate": "Tỷ lệ hài lòng",
}
GROUP_NAMES = {
    "publicity": "Công khai, minh bạch",
    "progress": "Tiến độ, kết quả giải quyết",
    "digitization": "Số hóa hồ sơ",
    "online": "Cung cấp dịch vụ trực tuyến",
    "satisfaction": "Mức độ hài lòng",
}
CHANNEL_NAMES = {"in_person": "Trực tiếp", "online": "Trực tuyến", "post": "Bưu chính"}
LEVEL_NAMES = {
    "very_dissatisfied": "Rất không hài lòng", "dissatisfied": "Không hài lòng", "neutral": "Bình thường",
    "satisfied": "Hài lòng", "very_satisfied": "Rất hài lòng",
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "int"


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # also the sheet name (≤ 31 characters)
    columns: tuple[Column, ...]


C = Column
PERSON = (C("received", "Tiếp nhận"), C("returned", "Trả kết quả"), C("decided", "Đã giải quyết"),
          C("early", "Trước hạn"), C("on_time", "Đúng hạn"), C("late", "Quá hạn"),
          C("on_time_rate", "Tỷ lệ đúng hạn (%)", "pct"), C("supplement_requests", "Yêu cầu bổ sung"),
          C("apologies", "Xin lỗi"), C("ratings", "Lượt đánh giá"), C("satisfied", "Hài lòng"),
          C("satisfaction_rate", "Tỷ lệ hài lòng (%)", "pct"), C("complaints", "Phản ánh, kiến nghị"))

SECTIONS: tuple[Section, ...] = (
    Section("indicators", "Chỉ số 766", (
        C("group", "Nhóm chỉ số", "text"), C("name", "Chỉ số", "text"), C("value", "Kỳ này", "num"),
        C("previous", "Kỳ trước", "num"), C("change", "Chênh lệch", "num"), C("numerator", "Tử số", "num"),
        C("denominator", "Mẫu số"), C("formula_vi", "Công thức", "text"))),
    Section("channels", "Theo kênh", (C("name", "Kênh tiếp nhận", "text"), C("dossiers", "Số hồ sơ"),
                                      C("share", "Tỷ lệ (%)", "pct"))),
    Section("procedures", "Theo thủ tục", (
        C("code", "Mã thủ tục", "text"), C("name", "Tên thủ tục", "text"), C("received", "Tiếp nhận"),
        C("decided", "Đã giải quyết"), C("early", "Trước hạn"), C("on_time", "Đúng hạn"), C("late", "Quá hạn"),
        C("on_time_rate", "Tỷ lệ đúng hạn (%)", "pct"), C("avg_days", "Thời gian TB (ngày)", "num"))),
    Section("officers", "Theo cán bộ", (C("officer", "Tài khoản", "text"), C("name", "Họ và tên", "text")) + PERSON),
    Section("departments", "Theo cơ quan", (C("department", "Cơ quan, đơn vị", "text"),) + PERSON),
    Section("services", "Theo dịch vụ", (
        C("code", "Mã", "text"), C("name", "Dịch vụ (quầy)", "text"), C("tickets", "Số phiếu"),
        C("served", "Đã phục vụ"), C("no_shows", "Vắng mặt"), C("avg_wait_s", "Chờ TB (phút)", "num"),
        C("avg_service_s", "Phục vụ TB (phút)", "num"))),
    Section("hours", "Theo giờ", (
        C("hour", "Giờ"), C("tickets", "Số phiếu"), C("served", "Đã phục vụ"), C("no_shows", "Vắng mặt"),
        C("avg_wait_s", "Chờ TB (phút)", "num"), C("avg_service_s", "Phục vụ TB (phút)", "num"))),
    Section("on_time_by_month", "Đúng hạn theo tháng", (
        C("month", "Tháng", "text"), C("decided", "Đã giải quyết"), C("early", "Trước hạn"), C("on_time", "Đúng hạn"),
        C("late", "Quá hạn"), C("on_time_rate", "Tỷ lệ đúng hạn (%)", "pct"))),
    Section("satisfaction", "Mức độ hài lòng", (C("name", "Mức đánh giá", "text"), C("ratings", "Lượt đánh giá"),
                                                C("share", "Tỷ lệ (%)", "pct"))),
)


def _minutes(v: Any) -> float | None:
    return round(v / 60.0, 2) if isinstance(v, (int, float)) else None


def rows_of(doc: dict[str, Any], section: Section) -> list[dict[str, Any]]:
    """The rows of one section, with names and units as the files show them (waits in minutes)."""
    if section.key == "indicators":
        return [{"name": INDICATOR_NAMES.get(k, k), "group": GROUP_NAMES.get(v["group"], v["group"]), **
                 {x: v.get(x) for x in ("value", "previous", "change", "numerator", "denominator", "formula_vi")}}
                for k, v in doc.get("indicators", {}).items()]
    if section.key == "channels":
        return [{**r, "name": CHANNEL_NAMES.get(r["channel"], r["channel"])} for r in doc.get("channels", [])]
    if section.key in ("services", "hours"):
        return [{**r, "avg_wait_s": _minutes(r["avg_wait_s"]), "avg_service_s": _minutes(r["avg_service_s"])}
                for r in doc.get(section.key, [])]
    if section.key == "satisfaction":
        sat = doc.get("satisfaction") or {}
        total = sat.get("ratings") or 0
        return [{"name": LEVEL_NAMES.get(k, k), "ratings": n, "share": round(100.0 * n / total, 2) if total else None}
                for k, n in (sat.get("levels") or {}).items()]
    return list(doc.get(section.key, []))


def sections_of(doc: dict[str, Any]) -> list[Section]:
    """The sections present in ``doc`` (an officer's own report holds only the officer table), then one per
    provider section (fees, complaints...) laid out from its ``rows`` list when it has one."""
    out = [s for s in SECTIONS if s.key in doc]
    for name, section in (doc.get("sections") or {}).items():
        rows = section.get("rows") if isinstance(section, dict) else None
        if rows and isinstance(rows[0], dict):
            cols = tuple(C(k, str(k), "num" if isinstance(v, (int, float)) and not isinstance(v, bool) else "text")
                         for k, v in rows[0].items())
            out.append(Section(f"sections.{name}", PROVIDER_TITLES.get(name, name)[:31], cols))
    return out


PROVIDER_TITLES = {"fees": "Phí, lệ phí", "ratings": "Đánh giá theo lượt", "complaints": "Phản ánh, kiến nghị"}


def provider_rows(doc: dict[str, Any], section: Section) -> list[dict[str, Any]]:
    name = section.key.removeprefix("sections.")
    return list(doc["sections"][name]["rows"])


def table(doc: dict[str, Any], section: Section) -> list[dict[str, Any]]:
    return provider_rows(doc, section) if section.key.startswith("sections.") else rows_of(doc, section)


def period_text(doc: dict[str, Any]) -> str:
    p = doc["period"]
    a, b = date.fromisoformat(p["from"]), date.fromisoformat(p["to"])
    return f"Từ ngày {a:%d/%m/%Y} đến ngày {b:%d/%m/%Y}"
