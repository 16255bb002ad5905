"""Which forms apply to a dossier's state, and the plain values the printing room receives."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from app.errors import RuleError, ValidationError
from app.services import dossiers
from app.services.dossiers import ActionInput, parse_intake
from app.services.print_data import form_data, plain_ticket_doc, printable_forms
from app.workcal import VN_TZ

FILE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}
NOW = datetime(2026, 5, 4, 9, 0, tzinfo=VN_TZ)


def test_forms_follow_the_state(seeded, officer):
    with seeded.write() as s:
        code = dossiers.receive(s, officer, parse_intake(FILE), now=NOW).code
        assert printable_forms(dossiers.dossier_json(dossiers.get_dossier(s, code))) == ["receipt", "control"]
        dossiers.act(s, officer, code, "request_supplement", ActionInput(reason="Thiếu", items=["TP2"]), now=NOW)
        assert printable_forms(dossiers.dossier_json(dossiers.get_dossier(s, code))) == ["receipt", "supplement", "control"]
        _, values = form_data(s, code, "supplement")
        assert [i["name"] for i in values["extra"]["items"]] and values["dossier"]["code"] == code
        with pytest.raises(RuleError):
            form_data(s, code, "apology")
        dossiers.act(s, officer, code, "cancel", ActionInput(reason="Nhập nhầm"), now=NOW)
        assert printable_forms(dossiers.dossier_json(dossiers.get_dossier(s, code))) == []
        with pytest.raises(RuleError, match="cancelled"):
            form_data(s, code, "receipt")


def test_refused_at_intake_prints_only_the_refusal(seeded, officer):
    with seeded.write() as s:
        code = dossiers.receive(s, officer, parse_intake(FILE), refuse=True, reason="Không thuộc thẩm quyền", now=NOW).code
        assert printable_forms(dossiers.dossier_json(dossiers.get_dossier(s, code))) == ["refusal"]
        _, values = form_data(s, code, "refusal")
        assert values["extra"]["reason"] == "Không thuộc thẩm quyền"


def test_hand_printed_ticket_qr_carries_vietnams_date(seeded):
    """A ticket printed at 23:30 UTC on 1 December is printed at 06:30 on 2 December in Vietnam."""
    import io

    from PIL import Image

    from printing import render_ticket
    from printing.from_data import ticket
    from tests.printing.print_helpers import read_codes

    at = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)
    with seeded.read() as s:
        values = plain_ticket_doc(s, " a012 ", "a", now=at)
    png = render_ticket(ticket(values), fmt="png")
    assert read_codes(Image.open(io.BytesIO(png)).convert("L")).get("QRCode") == ["A012|2026-12-02"]
    with seeded.read() as s, pytest.raises(ValidationError):
        plain_ticket_doc(s, "012", "A", now=at)


def _pdf(s, code: str, form: str) -> str:
    from printing.from_data import render_form_data
    from tests.printing.print_helpers import flat, pdf_text

    return flat(pdf_text(render_form_data(form_data(s, code, form)[1])))


def test_extension_prints_the_first_appointment_and_the_new_one(seeded, officer):
    from printing.text import time_date_vn

    new_due = datetime(2026, 5, 12, 17, 0, tzinfo=VN_TZ)
    with seeded.write() as s:
        d = dossiers.receive(s, officer, parse_intake(FILE), now=NOW)
        code, first_due = d.code, d.due_at
        before = _pdf(s, code, "receipt")
        dossiers.act(s, officer, code, "apologize", ActionInput(reason="Chờ xác minh", new_due=new_due),
                     now=datetime(2026, 5, 6, 9, 0, tzinfo=VN_TZ))
        apology = _pdf(s, code, "apology")
        receipt = _pdf(s, code, "receipt")
        control = _pdf(s, code, "control")
    first, new = time_date_vn(first_due), time_date_vn(new_due)
    assert first != new and first in before and new not in before and "gia hạn" not in before
    assert f"theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả: {first}." in apology
    assert f"gia hạn thời gian trả kết quả đến: {new}" in apology
    for text in (receipt, control):
        assert f"{first}; đã gia hạn đến: {new}" in text
    assert "thủ tục đăng ký giám hộ" in apology and "thủ tục Thủ tục" not in apology


def test_no_doubled_words_on_the_forms(seeded, officer):
    with seeded.write() as s:
        code = dossiers.receive(s, officer, parse_intake(FILE), now=NOW).code
        receipt = _pdf(s, code, "receipt")
        dossiers.act(s, officer, code, "stop", ActionInput(reason="Công dân xin dừng"), now=NOW)
        stop = _pdf(s, code, "stop")
    assert "Đăng ký nhận kết quả tại: Bộ phận Một cửa" in receipt
    assert "Ông/Bà nhận lại hồ sơ tại: Bộ phận Một cửa" in stop
    for text in (receipt, stop):
        assert "tại: Tại" not in text and "Tại Bộ phận" not in text
    assert "thủ tục đăng ký giám hộ" in stop and "thủ tục Thủ tục" not in stop


def test_stop_notice_number_and_signer_come_from_the_center(seeded, officer, admin):
    from app.services import center

    with seeded.write() as s:
        center.set_value(s, admin, "center.director_name", "Trần Thị Bình")
        codes = [dossiers.receive(s, officer, parse_intake(FILE), now=NOW).code for _ in range(2)]
        for code in codes:
            dossiers.act(s, officer, code, "stop", ActionInput(reason="Công dân xin dừng"), now=NOW)
    with seeded.write() as s:
        first = _pdf(s, codes[0], "stop")
    with seeded.write() as s:
        again = _pdf(s, codes[0], "stop")
        second = _pdf(s, codes[1], "stop")
    assert "Số: 01/TB-TTPVHCC" in first and "Trần Thị Bình" in first and "GIÁM ĐỐC" in first
    assert "……/TB" not in first
    assert "Số: 01/TB-TTPVHCC" in again  # a reprint keeps its number
    assert "Số: 02/TB-TTPVHCC" in second  # another notice never gets it
    with seeded.write() as s:
        center.set_value(s, admin, "print.notice_symbol", "TTHCC")
        assert form_data(s, codes[0], "stop")[1]["extra"]["number"] == "01/TB-TTPVHCC"  # kept as first printed
    with seeded.write() as s:
        code = dossiers.receive(s, officer, parse_intake(FILE), now=NOW).code
        dossiers.act(s, officer, code, "stop", ActionInput(reason="Công dân xin dừng"), now=NOW)
        assert form_data(s, code, "stop")[1]["extra"]["number"] == "03/TB-TTHCC"
