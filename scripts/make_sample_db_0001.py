"""Write tests/data/motcua-0001.sqlite3: a database at schema revision 0001 with real-looking rows,
to test the upgrade path (conventions §10). Run once per released revision; the file is committed."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from app.store.engine import make_engine  # noqa: E402
from app.store.migrate import upgrade  # noqa: E402

TARGET = ROOT / "tests" / "data" / "motcua-0001.sqlite3"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    engine = make_engine(str(TARGET))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO departments (id, name, active, version) VALUES (1, 'Văn phòng HĐND và UBND xã', 1, 1)"))
        conn.execute(text(
            "INSERT INTO procedures (id, code, name, name_folded, field, department_id, urgent, time_amount, time_unit, "
            "after_15h_next_day, supplement_notice_days, verified, extra, active, updated_at, version) VALUES "
            "(1, '1.004837', 'Thủ tục đăng ký giám hộ', 'thu tuc dang ky giam ho', 'Hộ tịch', 1, 0, 3, 'working_days', 0, 3, 1, "
            "'{}', 1, '2026-05-04 01:00:00.000000', 1)"
        ))
        conn.execute(text("INSERT INTO procedure_documents (procedure_id, position, code, name, originals, certified_copies, photocopies, required) "
                          "VALUES (1, 1, 'TP1', 'Tờ khai', 1, 0, 0, 1)"))
        for i, (name, day) in enumerate([("nguyen van duc", "04"), ("tran thi mai", "05")], start=1):
            dossier_id = f"{i:032x}"
            conn.execute(text(
                "INSERT INTO dossiers (id, code, code_issuer, procedure_id, department_id, status, applicant_type, channel, delivery, "
                "sets, received_at, clock_started_at, due_at, apology_count, officer, counter, register_book, register_entry, "
                "search_name, search_id_number, search_phone, created_at, updated_at, version) VALUES "
                f"(:id, :code, 'local-daily', 1, 1, 'received', 'citizen', 'in_person', 'counter', 1, '2026-05-{day} 02:00:00.000000', "
                f"'2026-05-{day} 02:00:00.000000', '2026-05-{int(day) + 3:02d} 02:00:00.000000', 0, 'canbo1', 1, '2026', :n, :name, "
                "'00108901234' || :n, '090512345' || :n, '2026-05-04 02:00:00.000000', '2026-05-04 02:00:00.000000', 2)"
            ), {"id": dossier_id, "code": f"000.31.12.H56-2605{day}-0001", "n": i, "name": name})
            conn.execute(text("INSERT INTO dossier_parties (dossier_id, role, full_name, id_number) VALUES (:id, 'applicant', :n, NULL)"),
                         {"id": dossier_id, "n": name.title()})
            conn.execute(text(
                "INSERT INTO dossier_events (dossier_id, seq, kind, status, occurred_at, recorded_at, actor, data) VALUES "
                f"(:id, 1, 'received', 'received', '2026-05-{day} 02:00:00.000000', '2026-05-{day} 02:00:00.000000', 'canbo1', '{{}}')"
            ), {"id": dossier_id})
        conn.execute(text("INSERT INTO sequences (name, value) VALUES ('dossier:000.31.12.H56:2026-05-04', 1), ('dossier:000.31.12.H56:2026-05-05', 1)"))
    engine.dispose()
    for extra in TARGET.parent.glob(TARGET.name + "-*"):
        extra.unlink()


if __name__ == "__main__":
    main()
