"""The complaints and feedback register: channels, routing, deadlines in working days, answer, informing the
citizen, overdue ones and the period's figures (both engines)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import center, complaints
from app.workcal import VN_TZ

FRIDAY = datetime(2026, 12, 4, 9, 0, tzinfo=VN_TZ)
KIOSK = Actor("kiosk1", "kiosk")
RECEPTIONIST = Actor("letan", "receptionist")
DIRECTOR = Actor("giamdoc", "director")
ENTRY = {"contact_name": "Phạm Thị Hoa", "contact_phone": "0912345678", "content": "Chờ quá lâu ở quầy 2",
         "channel": "hotline", "officer_concerned": "canbo2"}


def test_a_deadline_in_working_days_skips_the_weekend(seeded, officer, admin):
    with seeded.write() as s:
        c = complaints.add(s, officer, ENTRY, now=FRIDAY)
        center.set_value(s, admin, "complaints.answer_days", 2)
        short = complaints.add(s, officer, {**ENTRY, "channel": "phone"}, now=FRIDAY)
    assert c["number"] == "PAKN-2026-0001" and short["number"] == "PAKN-2026-0002"
    # 10 working days from Friday 09:00: Friday two weeks on (no holiday in December 2026)
    assert c["due_at"] == "2026-12-18T09:00:00+07:00"
    assert short["due_at"] == "2026-12-08T09:00:00+07:00"  # Friday -> Monday -> Tuesday
    assert c["state"] == "open" and c["received_by"] == "canbo1" and c["counter"] == 1 and c["department"] is None


def test_fields_are_checked(seeded, officer):
    with seeded.write() as s:
        for bad, code in [({**ENTRY, "channel": "fax"}, "complaint_channel_invalid"),
                          ({**ENTRY, "content": "  "}, "complaint_field_required"),
                          ({**ENTRY, "colour": "red"}, "complaint_field_unknown"),
                          ({**ENTRY, "kind": "praise"}, "complaint_kind_invalid"),
                          ({**ENTRY, "received_at": "2030-01-01T08:00"}, "complaint_field_invalid"),
                          ({**ENTRY, "department": "Phòng không có"}, "complaint_department_not_found")]:
            with pytest.raises(ValidationError) as exc:
                complaints.add(s, officer, bad, now=FRIDAY)
            assert exc.value.code == code
        kiosk = complaints.add(s, KIOSK, {"contact_name": "Ẩn danh", "content": "Máy lấy số hết giấy"}, now=FRIDAY)
    assert kiosk["channel"] == "kiosk" and kiosk["kind"] == "feedback"


def test_route_answer_inform_and_overdue(seeded, officer):
    with seeded.write() as s:
        dept = complaints.Department
        name = s.scalars(complaints.select(dept.name).order_by(dept.id)).first()
        late = complaints.add(s, officer, ENTRY, now=FRIDAY - timedelta(days=30))
        fresh = complaints.add(s, RECEPTIONIST, {**ENTRY, "channel": "counter"}, now=FRIDAY)
        routed = complaints.route(s, DIRECTOR, late["id"], department=name)
        assert routed["department"] == name
        assert [c["number"] for c in complaints.overdue(s, FRIDAY)] == [late["number"]]
        assert complaints.overdue(s, FRIDAY)[0]["overdue"] is True
        with pytest.raises(RuleError):
            complaints.inform(s, officer, fresh["number"], via="phone", now=FRIDAY)
        with pytest.raises(RuleError):
            complaints.answer(s, RECEPTIONIST, fresh["id"], text="Đã nhắc nhở", now=FRIDAY)  # not the receptionist's to answer
        answered = complaints.answer(s, officer, late["number"], text="Đã bố trí thêm quầy", now=FRIDAY)
        assert answered["state"] == "answered" and not answered["overdue"]
        with pytest.raises(RuleError):
            complaints.answer(s, officer, late["id"], text="Lần hai", now=FRIDAY)
        with pytest.raises(RuleError):
            complaints.route(s, DIRECTOR, late["id"], department=None)
        with pytest.raises(ValidationError):
            complaints.inform(s, officer, late["id"], via="pigeon", now=FRIDAY)
        closed = complaints.inform(s, RECEPTIONIST, late["id"], via="phone", now=FRIDAY)
        assert (closed["state"], closed["informed_via"]) == ("closed", "phone")
        assert complaints.overdue(s, FRIDAY) == []
        with pytest.raises(NotFoundError):
            complaints.answer(s, officer, "PAKN-2026-9999", text="x")
        assert [c["number"] for c in complaints.listing(s, state="open")] == [fresh["number"]]


def test_report_section(seeded, officer):
    with seeded.write() as s:
        a = complaints.add(s, officer, ENTRY, now=FRIDAY - timedelta(days=20))
        complaints.add(s, officer, {**ENTRY, "channel": "kiosk", "kind": "proposal", "officer_concerned": None},
                       now=FRIDAY - timedelta(days=19))
        complaints.add(s, officer, ENTRY, now=FRIDAY - timedelta(days=60))  # before the period
        complaints.answer(s, officer, a["id"], text="Đã xử lý", now=FRIDAY - timedelta(days=18))
        section = complaints.report_section(s, date(2026, 11, 1), date(2026, 11, 30), now=FRIDAY.astimezone(timezone.utc))
    assert (section["received"], section["answered"], section["answered_on_time"], section["open"], section["overdue"]) == (2, 1, 1, 1, 1)
    assert section["by_channel"] == {"counter": 0, "phone": 0, "hotline": 1, "kiosk": 1}
    assert section["by_kind"] == {"feedback": 1, "proposal": 1}
    assert section["by_department"] == [{"department": None, "received": 2, "answered": 1, "overdue": 1}]
    assert section["by_officer"] == [{"officer": "canbo2", "received": 1, "answered": 1, "overdue": 0}]
    assert section["overdue_now"] == 2  # the October one too
