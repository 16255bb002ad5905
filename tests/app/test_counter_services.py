"""The counter's reads as services (``app.services.counter``, ``sync_status``, the board's lists), on both
engines: plain values out, usable after the session closed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.services import counter, dossiers, sync_status
from app.services.board import board

GIAM_HO = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Trần Thị Bích", "id_number": "001190000123"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


def test_context_and_lists_are_plain_values(seeded, officer):
    with seeded.write() as session:
        old = dossiers.receive(session, officer, dossiers.parse_intake(GIAM_HO),
                               received_at=datetime.now(timezone.utc) - timedelta(days=10)).code
        new = dossiers.receive(session, officer, dossiers.parse_intake({**GIAM_HO, "applicant": {"full_name": "Lê Văn Cường"}})).code
    with seeded.read() as session:
        context = counter.load_context(session)
        latest = counter.latest_dossiers(session, counter.ListFilter(), datetime.now(timezone.utc))
        overdue = counter.latest_dossiers(session, counter.ListFilter(due="overdue"), datetime.now(timezone.utc))
        found = counter.search_dossiers(session, "tran thi bich", counter.ListFilter(), datetime.now(timezone.utc))
        pending = sync_status.pending_count(session)
    # Read after the session closed: nothing lazy is left in them.
    assert context.dialect == seeded.dialect
    proc = context.procedure("1.004837")
    assert proc is not None and proc.has_time and proc.documents and "giam ho" in proc.search_key
    assert context.users["canbo1"] == "Nguyễn Thị Lan" and context.departments
    assert [r["code"] for r in latest] == [new, old]
    assert latest[0]["applicant"] == "Lê Văn Cường" and latest[0]["department"]
    assert [r["code"] for r in overdue] == [old]
    assert [r["code"] for r in found] == [old]
    assert pending >= 2 and isinstance(pending, int)


def test_board_lists_carry_applicant_and_procedure(seeded, officer):
    with seeded.write() as session:
        code = dossiers.receive(session, officer, dossiers.parse_intake(GIAM_HO),
                                received_at=datetime.now(timezone.utc) - timedelta(days=10)).code
    with seeded.read() as session:
        data = board(session)
    [row] = [r for r in data["lists"]["overdue"] if r["code"] == code]
    assert row["applicant"] == "Trần Thị Bích" and "giám hộ" in row["procedure"]
    assert set(row) == {"code", "status", "due_at", "officer", "department", "applicant", "procedure"}
