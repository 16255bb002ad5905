"""The command-line contracts of issue 13: fees pay/cancel/day, print fee-receipt, rate, complaint add/answer."""

from __future__ import annotations

import json
from datetime import datetime

from app.cli import main
from app.workcal import VN_TZ
from tests.printing.print_helpers import pdf_text

FILE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jrun(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def refused(capsys, *argv) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def _dossier(capsys, tmp_path) -> str:
    path = tmp_path / "d.json"
    path.write_text(json.dumps(FILE, ensure_ascii=False), encoding="utf-8")
    return jrun(capsys, "dossier", "receive", "--file", str(path))["code"]


def test_fees_pay_cancel_day_and_the_receipt(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    code = _dossier(capsys, tmp_path)
    assert "not what is due (8000 đồng)" in refused(capsys, "fees", "pay", code, "--amount", "5000", "--means", "cash")
    assert "needs its reference" in refused(capsys, "fees", "pay", code, "--amount", "8000", "--means", "transfer")
    assert refused(capsys, "fees", "pay", code, "--amount", "-1", "--means", "cash").startswith("motcua fees pay: error:")
    assert refused(capsys, "fees", "pay", code, "--amount", "8000", "--means", "cheque").startswith("motcua fees pay: error:")
    assert "no dossier" in refused(capsys, "fees", "pay", "NOPE-1", "--amount", "8000", "--means", "cash")
    paid = jrun(capsys, "fees", "pay", code, "--amount", "8000", "--means", "cash")
    assert paid["receipt"]["receipt"] == "AA-26P 0000001" and paid["amount"] == 8000 and paid["means"] == "cash"
    assert "owes nothing" in refused(capsys, "fees", "pay", code, "--amount", "8000", "--means", "cash")

    out = tmp_path / "bl.pdf"
    printed = jrun(capsys, "print", "fee-receipt", code, "--out", str(out))
    assert printed["receipt"] == "AA-26P 0000001" and printed["copies"] == 3 and out.read_bytes()[:5] == b"%PDF-"
    text = pdf_text(out.read_bytes())
    assert text.count("BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ") == 3 and "Tám nghìn đồng" in text and code in text

    assert "say why" in refused(capsys, "fees", "cancel", "AA-26P 0000001", "--reason", " ")
    cancelled = jrun(capsys, "fees", "cancel", "AA-26P 0000001", "--reason", "Sai hình thức")
    assert cancelled["state"] == "void" and cancelled["receipt"]["cancel_reason"] == "Sai hình thức"
    assert "cancelled already" in refused(capsys, "fees", "cancel", "1", "--reason", "Lần hai")
    assert "no fee receipt in force" in refused(capsys, "print", "fee-receipt", code, "--out", str(out))
    again = jrun(capsys, "fees", "pay", code, "--amount", "8000", "--means", "online", "--reference", "VNPAY123")
    assert again["receipt"]["receipt"] == "AA-26P 0000002"

    ex = jrun(capsys, "fees", "exemption", "hn", "--name", "Hộ nghèo", "--legal-basis", "TT 281/2016/TT-BTC", "--percent", "50")
    assert ex == {"code": "HN", "name": "Hộ nghèo", "percent": 50, "fixed_amount": None, "legal_basis": "TT 281/2016/TT-BTC",
                  "active": True}
    assert "either a percent" in refused(capsys, "fees", "exemption", "X", "--name", "X", "--legal-basis", "Y")
    assert [e["code"] for e in jrun(capsys, "fees", "exemptions")] == ["HN"]

    today = datetime.now(VN_TZ).date().isoformat()
    day = jrun(capsys, "fees", "day", "--date", today)
    assert day["by_means"] == {"cash": 0, "transfer": 0, "online": 8000} and day["drawer_cash"] == 0
    assert day["receipts_issued"] == ["AA-26P 0000001", "AA-26P 0000002"] and len(day["receipts_cancelled"]) == 1
    assert "not a date" in refused(capsys, "fees", "day", "--date", "02/12/2026", "--json")


def test_rate_and_complaints(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    number = jrun(capsys, "queue", "issue", "--service", "A")["number"]
    assert "not been served" in refused(capsys, "rate", "--ticket", number, "--score", "3")
    assert run(capsys, "queue", "call", "--counter", "1")[0] == 0
    rated = jrun(capsys, "rate", "--ticket", number, "--score", "3")
    assert (rated["ticket"], rated["score"], rated["scale"], rated["level"]) == (number, 3, 3, "very_satisfied")
    assert "one rating per visit" in refused(capsys, "rate", "--ticket", number, "--score", "1")
    jrun(capsys, "queue", "issue", "--service", "A")
    assert run(capsys, "queue", "call", "--counter", "1")[0] == 0
    assert "not on a 3-key scale" in refused(capsys, "rate", "--ticket", "A002", "--score", "5")
    assert jrun(capsys, "rate", "--ticket", "A002", "--score", "5", "--scale", "5")["level"] == "very_satisfied"
    assert refused(capsys, "rate", "--ticket", number, "--score", "6").startswith("motcua rate: error:")
    assert "no ticket" in refused(capsys, "rate", "--ticket", "Z999", "--score", "1")

    path = tmp_path / "c.json"
    path.write_text(json.dumps({"contact_name": "Phạm Thị Hoa", "content": "Chờ lâu", "channel": "phone"}, ensure_ascii=False),
                    encoding="utf-8")
    added = jrun(capsys, "complaint", "add", "--file", str(path))
    assert added["number"].startswith("PAKN-") and added["state"] == "open" and added["channel"] == "phone"
    path.write_text(json.dumps([1, 2]), encoding="utf-8")
    assert "JSON object" in refused(capsys, "complaint", "add", "--file", str(path))
    path.write_text(json.dumps({"contact_name": "A", "content": "B", "channel": "fax"}), encoding="utf-8")
    assert "channel must be one of" in refused(capsys, "complaint", "add", "--file", str(path))
    answered = jrun(capsys, "complaint", "answer", str(added["id"]), "--text", "Đã bố trí thêm quầy")
    assert answered["state"] == "answered" and answered["answer"] == "Đã bố trí thêm quầy"
    assert "answered already" in refused(capsys, "complaint", "answer", added["number"], "--text", "Lần hai")
    assert "no complaint" in refused(capsys, "complaint", "answer", "999", "--text", "x")
    assert jrun(capsys, "complaint", "overdue") == []


def test_fees_due_and_pay_price_a_fee_the_catalog_does_not(capsys, data_dir, tmp_path):
    """A marital status certificate: its fee is "set by the provincial council" (no amount in the catalog)."""
    assert run(capsys, "demo", "seed")[0] == 0
    path = tmp_path / "xn.json"
    path.write_text(json.dumps({
        "procedure_code": "1.004873", "applicant": {"full_name": "Đặng Thị Mỹ Linh", "phone": "0905246810"},
        "documents": [{"item": i, "originals": 1} for i in ("TP1", "TP2", "TP3", "XT1", "XT2")]}, ensure_ascii=False),
        encoding="utf-8")
    code = jrun(capsys, "dossier", "receive", "--file", str(path))["code"]
    status, out, _err = run(capsys, "fees", "due", code)
    assert status == 0 and "chưa có mức thu của khoản 1 (--price)" in out
    assert jrun(capsys, "fees", "due", code, "--price", "1=30000")["amount"] == 30_000
    assert "not known" in refused(capsys, "fees", "pay", code, "--amount", "30000", "--means", "cash")
    assert refused(capsys, "fees", "pay", code, "--amount", "1", "--means", "cash", "--price", "1=x").startswith(
        "motcua fees pay: error:")
    paid = jrun(capsys, "fees", "pay", code, "--amount", "30000", "--means", "cash", "--price", "1=30000")
    assert paid["items"][0]["gross"] == 30_000 and paid["receipt"]["state"] == "issued"
