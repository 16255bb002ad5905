"""The printing command-line contract, end to end through the store."""

from __future__ import annotations

import json
import subprocess

import pytest

from app.cli import main

FILE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


def jrun(capsys, *argv):
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, err


def pdftext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def dossier(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    path = tmp_path / "d.json"
    path.write_text(json.dumps(FILE, ensure_ascii=False), encoding="utf-8")
    return jrun(capsys, "dossier", "receive", "--file", str(path), "--received-at", "2026-11-20T10:00")["code"]


def test_receipt_is_archived_and_identical_on_reprint(capsys, dossier, tmp_path, data_dir):
    first = jrun(capsys, "print", "receipt", dossier, "--out", str(tmp_path / "r1.pdf"))
    second = jrun(capsys, "print", "receipt", dossier, "--out", str(tmp_path / "r2.pdf"))
    assert first["sha256"] == second["sha256"]
    assert (tmp_path / "r1.pdf").read_bytes() == (tmp_path / "r2.pdf").read_bytes()
    # Kept in the content store, named by its hash, and found whole by `files verify`.
    assert (data_dir / "files" / first["sha256"][:2] / first["sha256"]).read_bytes() == (tmp_path / "r1.pdf").read_bytes()
    assert jrun(capsys, "files", "verify") == {"ok": True, "problems": []}
    text = pdftext(tmp_path / "r1.pdf")
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert dossier in text and "Nguyễn Văn Đức" in text and "20/11/2026" in text and "26/11/2026" in text


def test_form_that_does_not_apply_exits_2(capsys, dossier, tmp_path):
    for form in ("supplement", "refusal", "apology", "stop"):
        code, err = run(capsys, "print", form, dossier, "--out", str(tmp_path / f"{form}.pdf"))
        assert code == 2 and dossier in err
    assert not (tmp_path / "supplement.pdf").exists()


def test_lifecycle_forms(capsys, dossier, tmp_path):
    jrun(capsys, "dossier", "request-supplement", dossier, "--items", "TP2", "--reason", "Thiếu giấy tờ")
    jrun(capsys, "print", "supplement", dossier, "--out", str(tmp_path / "s.pdf"))
    assert "PHIẾU YÊU CẦU BỔ SUNG" in pdftext(tmp_path / "s.pdf").upper()
    jrun(capsys, "dossier", "supplement-complete", dossier)
    jrun(capsys, "dossier", "stop", dossier, "--reason", "Công dân xin dừng")
    jrun(capsys, "print", "stop", dossier, "--out", str(tmp_path / "stop.pdf"))
    assert "DỪNG GIẢI QUYẾT" in pdftext(tmp_path / "stop.pdf").upper()
    jrun(capsys, "print", "control", dossier, "--out", str(tmp_path / "c.pdf"))


def test_register_handover_ticket(capsys, dossier, tmp_path):
    jrun(capsys, "print", "register", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(tmp_path / "reg.pdf"))
    assert dossier in pdftext(tmp_path / "reg.pdf")
    rnd = jrun(capsys, "dossier", "handover-round")
    jrun(capsys, "print", "handover", "--round", str(rnd["round_id"]), "--out", str(tmp_path / "h.pdf"))
    assert dossier in pdftext(tmp_path / "h.pdf")
    out = jrun(capsys, "print", "ticket", "--number", "A012", "--service", "A", "--out", str(tmp_path / "t.bin"))
    data = (tmp_path / "t.bin").read_bytes()
    assert data.startswith(b"\x1b@") and b"\x1dV" in data[-8:] and out["bytes"] <= 6000
    jrun(capsys, "print", "ticket", "--number", "A012", "--service", "A", "--out", str(tmp_path / "t.png"), "--format", "png", "--width", "58")
    assert (tmp_path / "t.png").read_bytes()[:4] == b"\x89PNG"
    code, err = run(capsys, "print", "ticket", "--number", "A012", "--service", "Q", "--out", str(tmp_path / "x.bin"))
    assert code == 2


def test_speak(capsys, data_dir, tmp_path):
    import wave

    out = jrun(capsys, "speak", "--number", "A012", "--counter", "3", "--out", str(tmp_path / "a.wav"))
    assert out["text"] == "Xin mời công dân có số thứ tự A mười hai đến quầy số ba"
    with wave.open(str(tmp_path / "a.wav")) as w:
        assert w.getnframes() / w.getframerate() > 2.0


def test_reprint_is_the_archived_copy_until_the_dossier_changes(capsys, dossier, tmp_path):
    first = jrun(capsys, "print", "receipt", dossier, "--out", str(tmp_path / "1.pdf"))
    assert first["reprint"] is False
    from app.cli import main as cli

    # the center renames itself: a reprint stays the very document the citizen holds
    import app.services.center as center_service
    from app.actors import Actor
    from app.settings import StationSettings, resolve_data_dir
    from app.store.session import Store

    store = Store.open(StationSettings.load(resolve_data_dir(None)).db_url())
    with store.write() as s:
        center_service.set_value(s, Actor("a", "admin"), "center.name", "Trung tâm mới")
    store.close()
    second = jrun(capsys, "print", "receipt", dossier, "--out", str(tmp_path / "2.pdf"))
    assert second["reprint"] is True and second["sha256"] == first["sha256"]
    # a correction reprints the receipt with the new data
    path = tmp_path / "fix.json"
    path.write_text(json.dumps({"applicant": {"full_name": "Nguyễn Văn Đạt"}}, ensure_ascii=False), encoding="utf-8")
    assert cli(["dossier", "correct", dossier, "--reason", "Sai tên", "--file", str(path)]) == 0
    capsys.readouterr()
    third = jrun(capsys, "print", "receipt", dossier, "--out", str(tmp_path / "3.pdf"))
    assert third["reprint"] is False and third["sha256"] != first["sha256"]
    assert "Nguyễn Văn Đạt" in pdftext(tmp_path / "3.pdf")


def test_register_range_is_bounded(capsys, dossier, tmp_path):
    """1900-9999 failed with a LayoutError after 15 s; now a clear refusal, and a year prints."""
    code, err = run(capsys, "print", "register", "--from", "1900-01-01", "--to", "9999-12-31", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and err.count("\n") == 1 and "366 days" in err
    assert not (tmp_path / "r.pdf").exists()
    jrun(capsys, "print", "register", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(tmp_path / "y.pdf"))
    assert dossier in pdftext(tmp_path / "y.pdf")
