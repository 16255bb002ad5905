"""A long scripted run at the command line (intake, search, show, actions, returns with a collector, refused
and failing commands, ID-card parsing, export): neither the log file nor the audit log holds the
applicants' names, ID numbers, phone numbers or addresses."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.cli import main

APPLICANTS = [
    {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456", "address": "Thôn Phú Lộc, xã Minh An"},
    {"full_name": "Trần Thị Hoa", "id_number": "079195004321", "phone": "0913777888", "address": "Tổ 5, phường Hòa Khánh"},
    {"full_name": "Lê Minh Tuấn", "id_number": "048201000777", "phone": "0987654321", "address": "Số 12 Lý Thái Tổ"},
]
COLLECTOR = {"name": "Phạm Quốc Bảo", "id_number": "036088009999"}


def run(capsys, *argv):
    code = main(["-v", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def secrets() -> list[str]:
    values = [COLLECTOR["name"], COLLECTOR["id_number"]]
    for a in APPLICANTS:
        values += [a["full_name"], a["id_number"], a["phone"], a["address"]]
        values.append(a["full_name"].split()[-1] + " " + a["id_number"][-4:])  # nothing glued together either
    return values


@pytest.fixture
def logs_here():
    from tests.app.helpers import fresh_logging

    with fresh_logging():
        yield


def test_a_scripted_run_logs_and_audits_no_personal_data(logs_here, capsys, data_dir, tmp_path):
    # The log is at the level the product writes (INFO, set by app.logs.setup_logging at each command).
    assert run(capsys, "demo", "seed")[0] == 0
    codes = []
    for i, applicant in enumerate(APPLICANTS):
        path = tmp_path / f"d{i}.json"
        path.write_text(json.dumps({"procedure_code": "1.004837", "applicant": applicant,
                                    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}]},
                                   ensure_ascii=False), encoding="utf-8")
        rc, out, err = run(capsys, "dossier", "receive", "--file", str(path), "--json")
        assert rc == 0, err
        codes.append(json.loads(out)["code"])
    # refused: a missing document, a bad ID number (the message must not repeat it either)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"procedure_code": "1.004837", "applicant": {**APPLICANTS[0], "id_number": "00108901234X"},
                               "documents": [{"item": "TP1", "originals": 1}]}, ensure_ascii=False), encoding="utf-8")
    rc, _, err = run(capsys, "dossier", "receive", "--file", str(bad))
    assert rc == 2
    for a in APPLICANTS:
        assert run(capsys, "dossier", "search", a["full_name"], "--json")[0] == 0
        assert run(capsys, "dossier", "search", a["id_number"], "--json")[0] == 0
        assert run(capsys, "dossier", "search", a["phone"], "--json")[0] == 0
    for code in codes:
        assert run(capsys, "dossier", "show", code, "--json")[0] == 0
        assert run(capsys, "dossier", "transfer", code, "--json")[0] == 0
    rc, _, _ = run(capsys, "dossier", "return", codes[0], "--to", COLLECTOR["name"], "--collector-id", COLLECTOR["id_number"])
    assert rc == 2  # not finished yet
    assert run(capsys, "dossier", "finish", codes[0], "--json")[0] == 0
    rc, _, err = run(capsys, "dossier", "return", codes[0], "--to", COLLECTOR["name"], "--collector-id",
                     COLLECTOR["id_number"], "--json")
    assert rc == 0, err
    assert run(capsys, "dossier", "refuse", codes[1], "--reason", "Hồ sơ không hợp lệ", "--json")[0] == 0
    qr = f"{APPLICANTS[2]['id_number']}||{APPLICANTS[2]['full_name']}|01012001|Nam|{APPLICANTS[2]['address']}|99992024"
    assert run(capsys, "cccd", "parse", qr)[0] == 2  # a bad issue date: refused, content not repeated
    rc, _, err = run(capsys, "files", "export", codes[2], "--out", str(tmp_path / "x"), "--reason", "no")
    assert rc == 2 and "reason" in err
    assert run(capsys, "files", "export", codes[2], "--out", str(tmp_path / "x"), "--reason", "công dân đề nghị")[0] == 0

    logs = "".join(p.read_text(encoding="utf-8") for p in (data_dir / "logs").glob("*.log*"))
    assert logs.strip(), "the run wrote no log at all"
    con = sqlite3.connect(data_dir / "motcua.sqlite3")
    audit = "\n".join(f"{entity} {detail}" for entity, detail in con.execute("select entity, detail from audit_log"))
    actions = {a for (a,) in con.execute("select action from audit_log")}
    con.close()
    assert {"dossier.received", "dossier.view_personal", "dossier.export", "dossier.returned"} <= actions
    for value in secrets():
        assert value not in logs, f"personal data in the log: {value!r}"
        assert value not in audit, f"personal data in the audit log: {value!r}"
