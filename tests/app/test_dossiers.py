"""Dossier intake and lifecycle on both engines: every rule of the one-stop mechanism we rely on."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.errors import RuleError, StaleVersionError, ValidationError
from app.services import dossiers
from app.services.board import board
from app.services.dossiers import ActionInput, parse_intake
from sync.national import render_dossier, render_history
from app.services.handover import round_json, run_round
from app.services.search import search
from app.store.models import AuditEntry, OutboxMessage
from app.workcal import VN_TZ, format_local


def local(*args) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


MON = local(2026, 5, 4, 9, 0)  # Monday 4 May 2026, 09:00

GIAM_HO = {
    "procedure_code": "1.004837",  # 3 working days; TP2/TP3 "one of"
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905 123 456",
                  "date_of_birth": "1989-01-01", "address": "Thôn 1, xã Minh An"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


def receive(store, officer, data=GIAM_HO, *, at=MON, **kw):
    with store.write() as s:
        d = dossiers.receive(s, officer, parse_intake(data), now=at, **kw)
        return dossiers.dossier_json(d)


def act(store, officer, code, action, *, at, event_at=None, **kw):
    with store.write() as s:
        return dossiers.dossier_json(dossiers.act(s, officer, code, action, ActionInput(at=event_at, **kw), now=at))


@pytest.fixture
def received(seeded, officer):
    return receive(seeded, officer)


def test_receive_computes_due_code_and_writes_history_and_outbox(seeded, officer):
    d = receive(seeded, officer)
    assert d["code"] == "000.31.12.H56-260504-0001"
    assert d["status"] == "received" and d["status_code"] == 2
    assert d["received_at"] == "2026-05-04T09:00:00+07:00"
    assert d["due_at"] == "2026-05-07T09:00:00+07:00"
    assert d["handover_due_at"] == "2026-05-04T17:00:00+07:00"
    assert d["register"] == {"book": "2026", "entry": 1}
    assert [e["kind"] for e in d["events"]] == ["received"]
    assert d["applicant"]["phone"] == "0905123456"
    with seeded.read() as s:
        rows = list(s.scalars(select(OutboxMessage)))
    # The outbox keeps the domain event; the national wire format is rendered by sync/ at send time.
    assert len(rows) == 1 and rows[0].payload["schema"] == "dossier.event/1"
    assert rows[0].payload["dossier"]["code"] == d["code"] and rows[0].aggregate_version == 1
    wire = render_dossier(rows[0].payload)
    assert wire["MaHoSo"] == d["code"] and wire["NgayHenTra"] == "20260507090000"
    assert [x["MaThanhPhanHoSo"] for x in wire["TaiLieuNop"]] == ["TP1", "TP3"]
    assert wire["ChuHoSo"] == "Nguyễn Văn Đức"
    assert render_history(rows[0].payload)["TrangThai"] == 2
    assert receive(seeded, officer)["code"].endswith("-0002")


def test_alternative_group_and_missing(seeded, officer):
    data = {**GIAM_HO, "documents": [{"item": "TP1", "originals": 1}]}
    with pytest.raises(RuleError, match="TP2.*TP3"):
        receive(seeded, officer, data)
    with pytest.raises(ValidationError, match="reason"):
        receive(seeded, officer, data, on_missing="refuse")
    d = receive(seeded, officer, data, on_missing="request-supplement", reason="Thiếu giấy tờ giám hộ")
    assert d["status"] == "supplement_requested" and d["status_code"] == 5 and d["due_at"] is None
    items = d["events"][-1]["data"]["items"]
    assert {i["code"] for i in items} == {"TP2", "TP3"}
    r = receive(seeded, officer, data, on_missing="refuse", reason="Không đủ điều kiện")
    assert r["status"] == "refused" and "return" not in r["allowed_actions"]


def test_item_by_name_and_counts(seeded, officer):
    data = {**GIAM_HO, "documents": [{"item": "tờ khai đăng ký giám hộ theo mẫu (trực tiếp) hoặc mẫu hộ tịch điện tử tương tác (trực tuyến)", "originals": 1},
                                     {"item": "giam ho cu", "certified_copies": 0, "originals": 1}]}
    d = receive(seeded, officer, data)
    assert [x["originals"] for x in d["documents"][:3]] == [1, 0, 1]
    with pytest.raises(ValidationError, match="no document item"):
        receive(seeded, officer, {**GIAM_HO, "documents": [{"item": "giấy tờ lạ", "originals": 1}]})


def test_bad_input(seeded, officer):
    for bad, match in [
        ({**GIAM_HO, "procedure_code": "9.9"}, "no procedure"),
        ({**GIAM_HO, "applicant": {"full_name": ""}}, "full_name"),
        ({**GIAM_HO, "applicant": {**GIAM_HO["applicant"], "id_number": "123"}}, "id_number"),
        ({**GIAM_HO, "channel": "fax"}, "channel"),
        ({**GIAM_HO, "documents": [{"item": "TP1", "originals": -1}]}, "originals"),
    ]:
        with pytest.raises(ValidationError, match=match):
            receive(seeded, officer, bad)


def test_after_15h_and_outside_hours(seeded, officer):
    khai_tu = {"procedure_code": "1.000656", "applicant": {"full_name": "Trần Thị B"},
               "documents": [{"item": "TP1", "originals": 1}, {"item": "TP2", "originals": 1}]}
    assert receive(seeded, officer, khai_tu, at=local(2026, 5, 4, 15, 5))["due_at"] == "2026-05-05T17:00:00+07:00"
    assert receive(seeded, officer, khai_tu, at=local(2026, 5, 4, 14, 59))["due_at"] == "2026-05-04T17:00:00+07:00"
    sat = receive(seeded, officer, GIAM_HO, at=local(2026, 5, 9, 9, 0))
    assert sat["clock_started_at"] == "2026-05-11T07:00:00+07:00" and sat["due_at"] == "2026-05-13T17:00:00+07:00"


def test_supplement_after_receipt_restarts_clock(seeded, officer, received):
    code = received["code"]
    d = act(seeded, officer, code, "transfer", at=local(2026, 5, 4, 10, 0))
    assert d["status"] == "processing"
    with pytest.raises(ValidationError, match="items"):
        act(seeded, officer, code, "request_supplement", at=local(2026, 5, 5, 9), reason="thiếu")
    d = act(seeded, officer, code, "request-supplement", at=local(2026, 5, 5, 9), reason="Thiếu bản sao", items=["TP2"])
    assert d["status"] == "supplement_requested" and d["due_at"] is None
    d = act(seeded, officer, code, "request-supplement", at=local(2026, 5, 5, 10), reason="Bổ sung thêm", items=["TP2", "TP4"])
    assert d["events"][-1]["data"]["again"] is True and len(d["events"][-1]["data"]["items"]) == 2
    d = act(seeded, officer, code, "supplement-complete", at=local(2026, 5, 11, 9))
    assert d["status"] == "processing" and d["due_at"] == "2026-05-14T09:00:00+07:00"


def test_late_supplement_flagged(seeded, officer, received):
    code = received["code"]
    act(seeded, officer, code, "transfer", at=local(2026, 5, 4, 10))
    d = act(seeded, officer, code, "request-supplement", at=local(2026, 5, 8, 9), reason="muộn", items=["TP2"])
    assert d["events"][-1]["data"]["late"] is True
    with seeded.read() as s:
        assert board(s, now=local(2026, 5, 8, 10))["center"]["supplement_late"] == 1


def test_apology_once_and_rules(seeded, officer, received):
    code = received["code"]  # due Thu 7 May 09:00
    act(seeded, officer, code, "transfer", at=local(2026, 5, 4, 10))
    with pytest.raises(RuleError, match="after"):
        act(seeded, officer, code, "apologize", at=local(2026, 5, 5, 9), reason="x", new_due=local(2026, 5, 6, 9))
    with pytest.raises(RuleError, match="working hours"):
        act(seeded, officer, code, "apologize", at=local(2026, 5, 5, 9), reason="x", new_due=local(2026, 5, 9, 9))
    d = act(seeded, officer, code, "apologize", at=local(2026, 5, 5, 9), reason="Chờ xác minh", new_due=local(2026, 5, 12, 17))
    assert d["due_at"] == "2026-05-12T17:00:00+07:00" and d["original_due_at"] == "2026-05-07T09:00:00+07:00"
    assert "late" not in d["events"][-1]["data"] and d["events"][-1]["data"]["signer"]
    assert "apologize" not in d["allowed_actions"]
    with pytest.raises(RuleError, match="only once"):
        act(seeded, officer, code, "apologize", at=local(2026, 5, 6, 9), reason="y", new_due=local(2026, 5, 13, 17))


def test_late_apology_is_allowed_but_flagged(seeded, officer, received):
    d = act(seeded, officer, received["code"], "apologize", at=local(2026, 5, 6, 16), reason="muộn", new_due=local(2026, 5, 8, 17))
    assert d["events"][-1]["data"]["late"] is True


def test_finish_return_and_illegal_transitions(seeded, officer, received):
    code = received["code"]
    with pytest.raises(RuleError, match="cannot return"):
        act(seeded, officer, code, "return", at=local(2026, 5, 4, 10), collector_id="001089012345")
    act(seeded, officer, code, "transfer", at=local(2026, 5, 4, 10))
    act(seeded, officer, code, "finish", at=local(2026, 5, 6, 10))
    with pytest.raises(RuleError):
        act(seeded, officer, code, "stop", at=local(2026, 5, 6, 11), reason="x")
    with pytest.raises(ValidationError, match="collector"):
        act(seeded, officer, code, "return", at=local(2026, 5, 6, 11))
    d = act(seeded, officer, code, "return", at=local(2026, 5, 6, 11), collector_id="001089012345", to="Nguyễn Văn Đức")
    assert d["status"] == "returned" and d["status_code"] == 10
    assert d["events"][-1]["data"]["collector_id"] == "001089012345"
    assert d["allowed_actions"] == ["correct"]


def test_stop_withdraw_refuse_payment(seeded, officer):
    a = receive(seeded, officer)["code"]
    assert act(seeded, officer, a, "stop", at=local(2026, 5, 4, 10), reason="Công dân đề nghị dừng")["status_code"] == 8
    b = receive(seeded, officer)["code"]
    assert act(seeded, officer, b, "withdraw", at=local(2026, 5, 4, 10))["status_code"] == 7
    c = receive(seeded, officer)["code"]
    act(seeded, officer, c, "transfer", at=local(2026, 5, 4, 10))
    assert act(seeded, officer, c, "request-payment", at=local(2026, 5, 4, 11), reason="Nộp thuế")["status_code"] == 6
    d = act(seeded, officer, c, "refuse", at=local(2026, 5, 4, 14), reason="Không đủ điều kiện")
    assert d["status_code"] == 3 and "return" in d["allowed_actions"]


def test_correct_keeps_old_values(seeded, officer, received):
    d = act(seeded, officer, received["code"], "correct", at=local(2026, 5, 4, 10), reason="Sai tên",
            changes={"applicant": {"full_name": "Nguyễn Văn Đạt"}, "documents": [{"item": "TP2", "originals": 1}]})
    assert d["applicant"]["full_name"] == "Nguyễn Văn Đạt"
    assert d["events"][-1]["data"]["old"]["applicant"]["full_name"] == "Nguyễn Văn Đức"
    with seeded.read() as s:
        assert [x.code for x in search(s, "nguyen van dat")] == [received["code"]]
        assert search(s, "nguyen van duc") == []


def test_cancel_never_deletes(seeded, officer, received):
    with pytest.raises(ValidationError, match="reason"):
        act(seeded, officer, received["code"], "cancel", at=local(2026, 5, 4, 10))
    d = act(seeded, officer, received["code"], "cancel", at=local(2026, 5, 4, 10), reason="Nhập nhầm")
    assert d["status"] == "cancelled" and d["status_code"] is None
    with seeded.read() as s:
        assert search(s, received["code"]) == []
        assert dossiers.get_dossier(s, received["code"]).status == "cancelled"


def test_back_dated_events(seeded, officer, received):
    with pytest.raises(ValidationError, match="between"):
        act(seeded, officer, received["code"], "transfer", at=local(2026, 5, 4, 10), event_at=local(2026, 5, 4, 8))
    d = act(seeded, officer, received["code"], "transfer", at=local(2026, 5, 4, 12), event_at=local(2026, 5, 4, 10))
    assert d["events"][-1]["occurred_at"] == "2026-05-04T10:00:00+07:00"
    assert d["events"][-1]["recorded_at"] == "2026-05-04T12:00:00+07:00"
    with seeded.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "dossier.backdated_event")) == 1


def test_received_at_paper_backlog(seeded, officer):
    with seeded.write() as s:
        d = dossiers.receive(s, officer, parse_intake(GIAM_HO), received_at=local(2026, 5, 4, 8), now=local(2026, 5, 4, 14))
        assert d.code.endswith("260504-0001") and format_local(d.received_at) == "2026-05-04T08:00:00+07:00"
    with pytest.raises(ValidationError, match="future"):
        with seeded.write() as s:
            dossiers.receive(s, officer, parse_intake(GIAM_HO), received_at=local(2026, 5, 5, 8), now=local(2026, 5, 4, 14))


def test_stale_version(seeded, officer, received):
    with pytest.raises(StaleVersionError, match="someone else"):
        with seeded.write() as s:
            dossiers.act(s, officer, received["code"], "transfer", ActionInput(expected_version=received["version"] + 1), now=local(2026, 5, 4, 10))


def test_handover_round_and_board(seeded, officer):
    early = receive(seeded, officer, at=local(2026, 5, 4, 9))
    late_one = receive(seeded, officer, at=local(2026, 5, 4, 15, 30))
    with seeded.read() as s:
        b = board(s, now=local(2026, 5, 5, 10))
    assert b["center"]["handover_late"] == 2  # both missed their deadlines (same day / next morning 09:00)
    with seeded.write() as s:
        rnd = round_json(run_round(s, officer, at=local(2026, 5, 4, 16), now=local(2026, 5, 4, 16)))
    assert rnd["count"] == 2
    results = {x["code"]: x["result"] for dept in rnd["departments"] for x in dept["dossiers"]}
    assert results == {early["code"]: "on_time", late_one["code"]: "on_time"}
    with seeded.read() as s:
        b = board(s, now=local(2026, 5, 7, 8))
    assert b["center"]["due_today"] == 2 and b["center"]["handover_late"] == 0
    assert [x["code"] for x in b["lists"]["due_today"]] == [early["code"], late_one["code"]]
    with seeded.read() as s:
        b = board(s, now=local(2026, 5, 7, 10))
    assert b["center"]["overdue"] == 1 and b["center"]["apology_needed"] == 2


def test_search_kinds(seeded, officer):
    a = receive(seeded, officer)
    data = {**GIAM_HO, "applicant": {"full_name": "Lê Thị Hồng Đào", "id_number": "079190000111", "phone": "0912000111"}}
    b = receive(seeded, officer, data)
    with seeded.read() as s:
        assert [d.code for d in search(s, "le thi hong dao")] == [b["code"]]
        assert [d.code for d in search(s, "Đào")] == [b["code"]]
        assert [d.code for d in search(s, "ng v")] == [a["code"]]
        assert [d.code for d in search(s, "0791900")] == [b["code"]]
        assert [d.code for d in search(s, "0912 000")] == [b["code"]]
        assert [d.code for d in search(s, a["code"][:-2])] == [b["code"], a["code"]]
        assert [d.code for d in search(s, a["code"].lower())] == [a["code"]]
        assert search(s, "zzz") == []


def test_refuse_a_complete_dossier_at_intake(seeded, officer):
    with pytest.raises(ValidationError, match="reason"):
        receive(seeded, officer, refuse=True)
    d = receive(seeded, officer, refuse=True, reason="Không thuộc thẩm quyền")
    assert d["status"] == "refused" and d["due_at"] is None
    assert [e["kind"] for e in d["events"]] == ["received", "refused"]
    assert "return" not in d["allowed_actions"]


def test_procedure_without_checklist(seeded, officer, admin):
    from app.services import catalog

    with seeded.write() as s:
        catalog.import_procedures(s, admin, [{
            "code": "9.000001", "local_code": None, "name": "Thủ tục thử", "field": "Hộ tịch", "department": None,
            "urgent": False, "processing_time": {"amount": 2, "unit": "working_days"}, "after_15h_next_day": False,
            "fees": [], "documents": [],
        }])
    d = receive(seeded, officer, {"procedure_code": "9.000001", "applicant": {"full_name": "Lê Văn C"}})
    assert d["status"] == "received" and d["documents"] == [] and d["fees"] == []


@pytest.mark.parametrize("changes, match", [
    ({"applicant": "x"}, "applicant"),
    ({"documents": [{"originals": 1}]}, "item"),
    ({"documents": "TP1"}, "documents"),
    ({"status": "finished"}, "cannot correct"),
    ({"documents": [{"item": "TP1", "originals": 1e400}]}, "whole number"),
])
def test_bad_corrections_are_refused(seeded, officer, received, changes, match):
    with pytest.raises(ValidationError, match=match):
        act(seeded, officer, received["code"], "correct", at=local(2026, 5, 4, 10), reason="sửa", changes=changes)


def test_handover_round_cannot_be_in_the_future(seeded, officer):
    receive(seeded, officer)
    with pytest.raises(ValidationError, match="future"):
        with seeded.write() as s:
            run_round(s, officer, at=local(2030, 1, 1, 9), now=local(2026, 5, 4, 10))


def test_history_stays_in_order_when_a_clock_lags(seeded, officer, received):
    d = act(seeded, officer, received["code"], "transfer", at=local(2026, 5, 4, 8))  # this station's clock is behind
    assert d["events"][-1]["occurred_at"] >= d["events"][0]["occurred_at"]
