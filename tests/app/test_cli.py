"""The command-line contract of the core issue: names, options, JSON keys and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
CCCD = "001089012345|123456789|Nguyễn Văn An|01011989|Nam|Số 1 Phố X, Phường Y, Hà Nội|15062021"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_version_subprocess():
    out = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.startswith("motcua ")


def test_unknown_command_exit_2(capsys, data_dir):
    code, _, err = run(capsys, "nonsense")
    assert code == 2 and "error" in err


def test_calendar_due(capsys, data_dir):
    assert run_json(capsys, "calendar", "due", "--from", "2026-02-13T10:00", "--working-days", "3") == {
        "due_at": "2026-02-25T10:00:00+07:00"
    }
    code, out, _ = run(capsys, "calendar", "due", "--from", "2026-05-04T07:00:00+07:00", "--working-hours", "8")
    assert code == 0 and out.strip() == "2026-05-04T17:00:00+07:00"
    code, out, _ = run(capsys, "calendar", "due", "--from", "2026-05-04T01:00:00Z", "--same-day")
    assert out.strip() == "2026-05-04T17:00:00+07:00"


def test_calendar_due_bad_input(capsys, data_dir):
    code, _, err = run(capsys, "calendar", "due", "--from", "yesterday", "--days", "2")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    code, _, err = run(capsys, "calendar", "due", "--from", "2026-05-04T08:00", "--days", "-1")
    assert code == 2
    code, _, err = run(capsys, "calendar", "due", "--from", "2026-05-04T08:00")
    assert code == 2 and "working-days" in err
    code, _, err = run(capsys, "calendar", "due", "--from", "2026-05-04T08:00", "--procedure", "9.999999")
    assert code == 2 and "9.999999" in err


def test_calendar_due_with_procedure(capsys, data_dir):
    assert run(capsys, "demo", "seed")[0] == 0
    # 1.000656 (khai tử): same day, after-15:00 flag
    assert run_json(capsys, "calendar", "due", "--from", "2026-05-04T15:30", "--procedure", "1.000656")["due_at"] == (
        "2026-05-05T17:00:00+07:00"
    )
    # explicit amount replaces amount and unit but keeps the flag
    assert run_json(
        capsys, "calendar", "due", "--from", "2026-05-04T15:30", "--procedure", "1.000656", "--working-days", "1"
    )["due_at"] == "2026-05-05T17:00:00+07:00"


def test_calendar_holidays_and_lunar(capsys, data_dir):
    days = run_json(capsys, "calendar", "holidays", "--year", "2026")
    dates = {d["date"]: d for d in days}
    assert "2026-04-27" in dates and "2026-11-24" in dates and "2026-04-26" not in dates
    assert dates["2026-01-10"]["working"] is True
    assert all(set(d) <= {"date", "name", "working"} for d in days)
    assert run_json(capsys, "calendar", "lunar", "2026-02-17") == {"day": 1, "month": 1, "year": 2026, "leap": False}
    assert run_json(capsys, "calendar", "lunar", "2026-04-26") == {"day": 10, "month": 3, "year": 2026, "leap": False}


def test_calendar_import(capsys, data_dir, tmp_path):
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"years": {"2028": [{"date": "2028-03-08", "name": "Ngày thử", "kind": "holiday"}]}}))
    assert run_json(capsys, "calendar", "import", str(path)) == {"imported": 1}
    assert "2028-03-08" in {d["date"] for d in run_json(capsys, "calendar", "holidays", "--year", "2028")}
    path.write_text(json.dumps({"years": {"2028": [{"date": "2028-13-08", "name": "x", "kind": "holiday"}]}}))
    code, _, err = run(capsys, "calendar", "import", str(path))
    assert code == 2 and "2028-13-08" in err


def test_cccd(capsys, data_dir):
    assert run_json(capsys, "cccd", "parse", CCCD) == {
        "id_number": "001089012345",
        "old_id_number": "123456789",
        "full_name": "Nguyễn Văn An",
        "date_of_birth": "1989-01-01",
        "sex": "Nam",
        "address": "Số 1 Phố X, Phường Y, Hà Nội",
        "issue_date": "2021-06-15",
    }
    code, _, err = run(capsys, "cccd", "parse", "hello|world")
    assert code == 2 and "Traceback" not in err


def test_catalog_import_and_list(capsys, data_dir, tmp_path):
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            [
                {
                    "code": "1.001193",
                    "name": "Đăng ký khai sinh",
                    "field": "Hộ tịch",
                    "department": "Phòng Tư pháp mới",
                    "processing_time": {"amount": 3, "unit": "working_days"},
                }
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert run_json(capsys, "catalog", "import", str(path)) == {"created": 1, "updated": 0}
    [p] = run_json(capsys, "catalog", "list")
    assert p["department"] == "Phòng Tư pháp mới" and p["fees"] == [] and p["processing_time"]["amount"] == 3
    assert set(p) >= {"code", "local_code", "name", "field", "department", "urgent", "processing_time",
                      "after_15h_next_day", "fees", "documents"}
    path.write_text(json.dumps([{"code": "x"}, {"code": "y", "name": "n", "field": "f", "fees": [{"kind": "z", "name": "a"}]}]))
    code, _, err = run(capsys, "catalog", "import", str(path))
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) >= 2 and lines[0].startswith("motcua: item 1")
    assert len(run_json(capsys, "catalog", "list")) == 1  # nothing half-imported


def test_db_upgrade_json(capsys, data_dir):
    result = run_json(capsys, "db", "upgrade")
    from app.store.migrate import head_revision

    assert result["revision"] == head_revision()


def test_pg_db_upgrade(capsys, data_dir, pg_schema_url):
    code, out, err = run(capsys, "--db", pg_schema_url, "catalog", "list", "--json")
    assert code == 2 and "motcua db upgrade" in err
    assert run_json(capsys, "--db", pg_schema_url, "db", "upgrade")["revision"]
    assert run(capsys, "--db", pg_schema_url, "demo", "seed")[0] == 0
    assert len(run_json(capsys, "--db", pg_schema_url, "catalog", "list")) >= 25
