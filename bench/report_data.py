"""Rows for the reports: dossiers, their events, files and outbox items, tickets and ratings of a period,
generated from a seed and written in bulk (``executemany`` on SQLite, ``COPY`` on PostgreSQL).

The tests of the reports use the same generator with a few hundred rows and recompute every figure from the
rows in Python; the benchmark writes 200,000 dossiers and 500,000 tickets (cached under bench/cache/).
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

VN = timezone(timedelta(hours=7))
CHANNELS = (("in_person", 70), ("online", 27), ("post", 3))
STATUSES_OPEN = ("received", "processing", "supplement_requested")
SERVICES_FALLBACK = ("A",)


def context(session: Session) -> dict[str, list]:
    """What the rows refer to: procedures (with department), officers, departments, queue services."""
    from app.store.models import Department, Procedure, QueueService, User

    procs = [(r.id, r.department_id) for r in session.execute(select(Procedure.id, Procedure.department_id))]
    depts = {r.id: r.name for r in session.execute(select(Department.id, Department.name))}
    officers = [r.username for r in session.execute(select(User.username, User.roles)) if "officer" in r.roles.split()]
    services = [r.code for r in session.execute(select(QueueService.code))]
    return {"procedures": procs, "departments": depts, "officers": officers or ["canbo1"],
            "services": services or list(SERVICES_FALLBACK)}


def _instant(rng: random.Random, day: date) -> datetime:
    minutes = rng.randint(7 * 60 + 30, 17 * 60)
    return datetime(day.year, day.month, day.day, tzinfo=VN).astimezone(timezone.utc) + timedelta(minutes=minutes,
                                                                                                  seconds=rng.randint(0, 59))


def generate(seed: int, first: date, last: date, ctx: dict[str, list], *, dossiers: int, tickets: int,
             margin_days: int = 3) -> dict[str, list[dict[str, Any]]]:
    """Rows for the days [first - margin, last + margin]: some fall outside the period on purpose."""
    rng = random.Random(seed)
    span = (last - first).days + 1 + 2 * margin_days
    day0 = first - timedelta(days=margin_days)
    channels = [c for c, _ in CHANNELS]
    weights = [w for _, w in CHANNELS]
    depts = ctx["departments"]
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in ("dossiers", "events", "files", "outbox", "tickets", "ratings")}
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for i in range(dossiers):
        proc, dept = rng.choice(ctx["procedures"])
        officer = rng.choice(ctx["officers"])
        received = _instant(rng, day0 + timedelta(days=rng.randrange(span)))
        due = received + timedelta(days=rng.choice((1, 3, 5, 7, 10, 15)), hours=rng.randint(0, 8))
        fate = rng.random()
        decided = returned = None
        status = rng.choice(STATUSES_OPEN)
        if fate < 0.7:
            decided = received + (due - received) * rng.uniform(0.2, 1.4)
            status = "finished" if rng.random() < 0.93 else "refused"
            if rng.random() < 0.6:
                returned = decided + timedelta(hours=rng.randint(1, 72))
                status = "returned"
        elif fate < 0.72:
            status = "cancelled"
        if rng.random() < 0.05:  # a due instant that falls the same local day as the decision, early in it
            decided = due - timedelta(minutes=rng.randint(1, 120)) if decided else None
        did = uuid.UUID(int=rng.getrandbits(128), version=4)
        out["dossiers"].append(dict(
            id=did, code=f"R{seed}-{i:07d}", code_issuer="000.00.00.H00", procedure_id=proc, department_id=dept,
            status=status, applicant_type="citizen", channel=rng.choices(channels, weights)[0], delivery="counter",
            sets=1, received_at=received, due_at=due, decided_at=decided, returned_at=returned, apology_count=0,
            officer=officer, counter=rng.randint(1, 6), serial=seed * 10_000_000 + i, supplement_late=False,
            refused_at_intake=status == "refused" and rng.random() < 0.2, search_name="", created_at=received,
            updated_at=received, version=1,
        ))
        seq = 0
        dept_name = depts.get(dept)

        def event(kind: str, at: datetime, actor: str) -> None:
            nonlocal seq
            seq += 1
            out["events"].append(dict(dossier_id=did, seq=seq, kind=kind, status=status, occurred_at=at, recorded_at=at,
                                      actor=actor, department=dept_name, data={}))

        event("received", received, officer)
        if rng.random() < 0.08:
            event("supplement_requested", received + timedelta(hours=rng.randint(1, 60)), rng.choice(ctx["officers"]))
        if rng.random() < 0.03:
            event("apologized", received + timedelta(hours=rng.randint(1, 90)), rng.choice(ctx["officers"]))
        if returned is not None:
            event("returned", returned, rng.choice(ctx["officers"]))
        if rng.random() < 0.55:
            out["files"].append(dict(dossier_id=did, item_code="TP1", sha256="0" * 64, pages=2, size=1000,
                                     created_by=officer, created_at=received,
                                     replaced_at=received if rng.random() < 0.1 else None))
        for n in range(1 + (returned is not None)):
            out["outbox"].append(dict(created_at=received, kind="dossier.event", aggregate_id=str(did),
                                      idempotency_key=f"{did}:{n + 1}", payload={},
                                      status="sent" if rng.random() < 0.9 else "pending", attempts=0,
                                      next_attempt_at=now, aggregate_version=n + 1))
    per_day: dict[date, int] = {}
    for i in range(tickets):
        day = day0 + timedelta(days=rng.randrange(span))
        per_day[day] = per_day.get(day, 0) + 1
        service = rng.choice(ctx["services"])
        issued = _instant(rng, day)
        fate = rng.random()
        called = finished = skipped = None
        status = "waiting"
        if fate < 0.9:
            called = issued + timedelta(seconds=rng.randint(20, 3600))
            if fate < 0.8:
                status, finished = "done", called + timedelta(seconds=rng.randint(60, 1800))
            else:
                status, skipped = "skipped", called + timedelta(seconds=120)
        elif fate < 0.95:
            status = "cancelled"
        counter = rng.randint(1, 6)
        out["tickets"].append(dict(
            day=day, service_code=service, number=f"{service}{per_day[day]:05d}", seq=per_day[day], priority_weight=0,
            status=status, issued_at=issued, place_at=issued, counter=counter if called else None, called_at=called,
            finished_at=finished, skipped_at=skipped, call_count=1 if called else 0, dossier_codes=[], version=1,
        ))
        if finished is not None and rng.random() < 0.3:
            scale = 3 if rng.random() < 0.7 else 5
            out["ratings"].append(dict(at=finished + timedelta(seconds=30), counter=counter, scale=scale,
                                       score=rng.randint(1, scale), officer=rng.choice(ctx["officers"]),
                                       ticket_number=None, source="keypad"))
    return out


ORDER = (("dossiers", "dossiers"), ("dossier_events", "events"), ("dossier_files", "files"), ("outbox", "outbox"),
         ("tickets", "tickets"), ("ratings", "ratings"))


def ensure_stored_file(session: Session) -> None:
    from app.store.models_files import StoredFile

    if session.get(StoredFile, "0" * 64) is None:
        session.add(StoredFile(sha256="0" * 64, size=1000, created_at=datetime(2026, 1, 1, tzinfo=timezone.utc)))
        session.flush()


def insert_orm(session: Session, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert through SQLAlchemy Core (the tests' way: inside the fixture's transaction on both engines)."""
    from app.store.models import Base

    ensure_stored_file(session)
    for table, key in ORDER:
        if rows[key]:
            session.execute(Base.metadata.tables[table].insert(), rows[key])


def _sqlite_value(v: Any) -> Any:
    import json

    if isinstance(v, datetime):
        return v.astimezone(timezone.utc).replace(tzinfo=None).isoformat(" ")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, uuid.UUID):
        return v.hex
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return v


def insert_bulk(engine, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write the rows fast: plain ``executemany`` on SQLite, ``COPY`` on PostgreSQL (one transaction)."""
    from sqlalchemy.orm import Session as _S

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if engine.dialect.name == "sqlite":  # a throwaway file until it is renamed into the cache
            # before the transaction: SQLite refuses to change the safety level inside one
            raw.execute("PRAGMA synchronous=OFF")
            raw.execute("PRAGMA cache_size=-400000")
        with conn.begin():
            with _S(bind=conn) as s:
                ensure_stored_file(s)
                s.flush()
            _write_rows(engine.dialect.name, raw, rows)


def _write_rows(dialect: str, raw, rows: dict[str, list[dict[str, Any]]]) -> None:
    import json

    from app.store.models import Base

    for table, key in ORDER:
        data = rows[key]
        if not data:
            continue
        columns = Base.metadata.tables[table].columns
        cols = [c.name for c in columns if c.name in data[0]]
        # Core fills scalar defaults itself; a raw statement needs them spelled out
        fixed = {c.name: c.default.arg for c in columns if c.name not in data[0] and c.default is not None
                 and c.default.is_scalar}
        if fixed:
            data = [{**r, **fixed} for r in data]
            cols += list(fixed)
        if dialect == "sqlite":
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            raw.executemany(sql, [[_sqlite_value(r[c]) for c in cols] for r in data])
        else:
            with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for r in data:
                    copy.write_row([json.dumps(v) if isinstance(v, (dict, list)) else v for v in (r[c] for c in cols)])
