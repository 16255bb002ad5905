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
