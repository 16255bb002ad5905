"""Bad input on the command line: exit 2 with one line on stderr, never exit 1 with a traceback."""

from __future__ import annotations

import json

import pytest

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


def refused(capsys, *argv) -> str:
    code, _, err = run(capsys, *argv)
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize("option, value", [
    ("--working-hours", "inf"), ("--days", "inf"), ("--working-days", "1e400"), ("--working-days", "nan"),
    ("--working-days", "1e300"), ("--days", "10" * 20),
])
def test_calendar_due_numbers(capsys, data_dir, option, value):
    refused(capsys, "calendar", "due", "--from", "2026-05-04T08:00", option, value)


def test_queue_arguments(capsys, data_dir):
    refused(capsys, "queue", "call", "--counter", str(10**30))
    refused(capsys, "queue", "call", "--counter", "0")
    refused(capsys, "queue", "requeue", "--number", "A" * 1000)
    refused(capsys, "queue", "issue", "--service", "\x1b[2J")


def test_json_files(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    refused(capsys, "dossier", "receive", "--file", str(tmp_path))
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    refused(capsys, "dossier", "receive", "--file", str(deep))
    refused(capsys, "calendar", "import", str(deep))
    refused(capsys, "calendar", "import", str(tmp_path))
    refused(capsys, "catalog", "import", str(tmp_path))
    for change in ({"sets": 10**20}, {"documents": [{"item": "TP1", "originals": 1e308}]},
                   {"applicant": {"full_name": "Nguyễn \udc80 Văn"}}, {"note": "x" * 1_000_000},
                   {"applicant": {**FILE["applicant"], "phone": "call me 0912345678 now"}}):
        path = tmp_path / "d.json"
        path.write_text(json.dumps({**FILE, **change}), encoding="utf-8")
        refused(capsys, "dossier", "receive", "--file", str(path))
    latin = tmp_path / "latin.csv"
    latin.write_bytes("row,code,name,field\nprocedure,9.1,Khai sinh c\xf3,H\xf4 t\xecch\n".encode("latin-1"))
    assert "UTF-8" in refused(capsys, "catalog", "import", str(latin))


def test_show_escapes_terminal_controls_and_prints_version(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    path = tmp_path / "d.json"
    path.write_text(json.dumps(FILE, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "dossier", "receive", "--file", str(path), "--json")
    dossier = json.loads(out)["code"]
    # A note with an escape sequence is refused at the door...
    refused(capsys, "dossier", "transfer", dossier, "--reason", "ok\x1b]0;pwned\x07")
    # ...and whatever is stored (an older row, another door) is shown escaped.
    from app.cli.output import safe_text

    assert safe_text("a\x1b[31mb\u202ec\x9bd") == "a\\u001b[31mb\\u202ec\\u009bd"
    version = json.loads(run(capsys, "dossier", "show", dossier, "--json")[1])["version"]
    code, out, _ = run(capsys, "dossier", "show", dossier)
    assert code == 0 and f" v{version} " in out.splitlines()[0]


def test_expected_version(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    path = tmp_path / "d.json"
    path.write_text(json.dumps(FILE, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "dossier", "receive", "--file", str(path), "--json")
    dossier = json.loads(out)["code"]
    seen = json.loads(run(capsys, "dossier", "show", dossier, "--json")[1])["version"]
    refused(capsys, "dossier", "transfer", dossier, "--expected-version", str(seen + 1))
    assert run(capsys, "dossier", "transfer", dossier, "--expected-version", str(seen))[0] == 0
    version = json.loads(run(capsys, "dossier", "show", dossier, "--json")[1])["version"]
    # Two officers saw the same version: the first action wins, the second is refused.
    assert run(capsys, "dossier", "finish", dossier, "--expected-version", str(version))[0] == 0
    err = refused(capsys, "dossier", "cancel", dossier, "--reason", "nhầm", "--expected-version", str(version))
    assert "changed by someone else" in err
    refused(capsys, "dossier", "cancel", dossier, "--reason", "x", "--expected-version", "abc")


def test_date_time_arguments_bounded(capsys, data_dir):
    err = refused(capsys, "calendar", "due", "--from", "2026-05-04T08:00" + "0" * 100_000, "--days", "1")
    assert len(err) < 200
    refused(capsys, "dossier", "receive", "--file", "x.json", "--received-at", "2026-05-04\x1b[2J")
