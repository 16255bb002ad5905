"""The dossier command-line contract."""

from __future__ import annotations

import json

from app.cli import main

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


def test_dossier_cli_flow(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    path = tmp_path / "d.json"
    path.write_text(json.dumps(FILE, ensure_ascii=False), encoding="utf-8")
    d = jrun(capsys, "dossier", "receive", "--file", str(path), "--received-at", "2026-11-20T10:00")
    assert set(d) == {"id", "code", "status", "status_code", "received_at", "due_at"}
    assert d["status"] == "received" and d["due_at"] == "2026-11-26T10:00:00+07:00"
    code = d["code"]
    shown = jrun(capsys, "dossier", "show", code)
    assert shown["status_code"] == 2 and shown["events"][0].keys() >= {"kind", "status", "occurred_at", "recorded_at", "actor", "note"}
    assert shown["documents"] and "fees" in shown
    assert [x["code"] for x in jrun(capsys, "dossier", "search", "nguyen van duc")] == [code]
    assert jrun(capsys, "dossier", "transfer", code)["status"] == "processing"
    rc, _, err = run(capsys, "dossier", "return", code, "--collector-id", "001089012345")
    assert rc == 2 and "cannot return" in err and "Traceback" not in err
    jrun(capsys, "dossier", "finish", code)
    assert jrun(capsys, "dossier", "return", code, "--collector-id", "001089012345")["status_code"] == 10
    board = jrun(capsys, "dossier", "board")
    assert {"center", "by_department", "by_officer", "lists"} <= set(board)
    assert jrun(capsys, "dossier", "handover-round")["count"] == 0
    rc, _, err = run(capsys, "dossier", "show", "NOPE-1")
    assert rc == 2 and "no dossier" in err


def test_missing_items_exit_2_then_supplement(capsys, data_dir, tmp_path):
    run(capsys, "demo", "seed")
    path = tmp_path / "d.json"
    path.write_text(json.dumps({**FILE, "documents": [{"item": "TP1", "originals": 1}]}), encoding="utf-8")
    rc, _, err = run(capsys, "dossier", "receive", "--file", str(path))
    assert rc == 2 and "TP2" in err and "TP3" in err
    d = jrun(capsys, "dossier", "receive", "--file", str(path), "--on-missing", "request-supplement", "--reason", "Thiếu")
    assert d["status"] == "supplement_requested" and d["status_code"] == 5 and d["due_at"] is None
    d2 = jrun(capsys, "dossier", "supplement-complete", d["code"])
    assert d2["status"] == "received" and d2["due_at"]
