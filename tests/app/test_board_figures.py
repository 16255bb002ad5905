"""The deadline board's counts against the same figures recomputed in plain Python from the dossier rows,
on both engines, over open dossiers spread at random across statuses, departments, officers and deadlines."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update

from app.lifecycle import CLOCK_RUNNING, OPEN
from app.services import dossiers
from app.services.board import CATEGORIES, board, thresholds
from app.store.models import Department, Dossier

INTAKE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Trần Thị Bích", "id_number": "001190000123"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}
STATUSES = sorted(OPEN) + ["returned", "cancelled"]


def expected(rows, t) -> tuple[Counter, dict, dict]:
    center, by_dept, by_officer = Counter(), {}, {}
    for d in rows:
        if d.status not in OPEN:
            continue
        running = d.status in CLOCK_RUNNING
        figures = {
            "open": 1,
            "overdue": running and d.due_at < t["now"],
            "due_today": running and t["now"] <= d.due_at <= t["end_of_today"],
            "due_soon": running and t["end_of_today"] < d.due_at <= t["soon"],
            "apology_needed": running and d.apology_count == 0 and d.due_at <= t["apology"],
            "handover_late": d.status == "received" and d.handover_due_at is not None and d.handover_due_at < t["now"],
            "supplement_late": d.status == "supplement_requested" and bool(d.supplement_late),
        }
        figures = {k: int(v) for k, v in figures.items()}
        center.update(figures)
        by_dept.setdefault(d.department_id, Counter()).update(figures)
        by_officer.setdefault(d.officer, Counter()).update(figures)
    return center, by_dept, by_officer


def test_board_counts_match_the_rows(seeded, officer):
    rng = random.Random(8)
    now = datetime(2026, 5, 6, 3, 0, tzinfo=timezone.utc)  # Wednesday 10:00 in Vietnam
    with seeded.write() as s:
        codes = [dossiers.receive(s, officer, dossiers.parse_intake(INTAKE), now=now - timedelta(days=1)).code
                 for _ in range(60)]
        departments = list(s.scalars(select(Department.id)))
        for code in codes:
            s.execute(update(Dossier).where(Dossier.code == code).values(
                status=rng.choice(STATUSES),
                due_at=now + timedelta(hours=rng.uniform(-60, 120)),
                handover_due_at=rng.choice([None, now + timedelta(hours=rng.uniform(-5, 5))]),
                apology_count=rng.choice([0, 0, 1]),
                supplement_late=rng.random() < 0.4,
                department_id=rng.choice(departments),
                officer=rng.choice(["canbo1", "canbo2", "canbo3"]),
            ).execution_options(synchronize_session=False))
    with seeded.read() as s:
        t = thresholds(s, now, 2)
        rows = list(s.scalars(select(Dossier)))
        data = board(s, now=now)
        names = dict(s.execute(select(Department.id, Department.name)).all())
    for d in rows:  # SQLite hands back naive UTC datetimes
        for name in ("due_at", "handover_due_at"):
            value = getattr(d, name)
            if value is not None and value.tzinfo is None:
                setattr(d, name, value.replace(tzinfo=timezone.utc))
    center, by_dept, by_officer = expected(rows, t)
    assert sum(center[c] for c in CATEGORIES if c != "open") > 20  # the spread reaches every figure
    assert all(center[c] for c in CATEGORIES)
    assert {c: data["center"][c] for c in CATEGORIES} == {c: center[c] for c in CATEGORIES}
    assert {r["department"]: {c: r[c] for c in CATEGORIES} for r in data["by_department"]} == {
        names[k]: {c: v[c] for c in CATEGORIES} for k, v in by_dept.items()}
    assert {r["officer"]: {c: r[c] for c in CATEGORIES} for r in data["by_officer"]} == {
        k: {c: v[c] for c in CATEGORIES} for k, v in by_officer.items()}
    for name in CATEGORIES[:-1]:
        assert len(data["lists"][name]) == center[name]
