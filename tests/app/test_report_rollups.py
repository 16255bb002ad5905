"""The reports' daily roll-ups (migration 0019): a change written after a day was rolled up shows in the next
report, today is never rolled up, and the incremental roll-ups equal ones rebuilt from scratch (both engines)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, insert, select, update

from app.actors import Actor
from app.services import report_rollups as rollups
from app.services import reports
from app.store.models import Dossier, DossierEvent, OutboxMessage, Ticket
from app.store.models_devices import Rating
from app.store.models_files import DossierFile
from app.store.models_reports import report_days
from bench.report_data import context, generate, insert_orm

FIRST, LAST = date(2025, 3, 1), date(2025, 3, 31)
TODAY = date(2025, 4, 10)  # every day of the period (and its margins) is closed
DIRECTOR = Actor("giamdoc", "director")
VN = timezone(timedelta(hours=7))


@pytest.fixture
def loaded(seeded):
    with seeded.write() as s:
        rows = generate(5, FIRST, LAST, context(s), dossiers=300, tickets=400)
        insert_orm(s, rows)
    return seeded, rows


def _report(store):
    with store.read() as s:
        return reports.summary(s, DIRECTOR, FIRST, LAST)


def _raw_report(store, monkeypatch):
    """The same report with no day rolled up: every figure from the raw rows."""
    with monkeypatch.context() as m:
        m.setattr(rollups, "built_days", lambda session, first, last: set())
        return _report(store)


def _built(store) -> set[date]:
    with store.read() as s:
        return rollups.built_days(s, date(2000, 1, 1), date(2100, 1, 1))


def _local(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=VN).astimezone(timezone.utc)


def _dossier(rows, pred):
    return next(d for d in rows["dossiers"] if pred(d))


def _in_march(d) -> bool:
    return FIRST <= d["received_at"].astimezone(VN).date() <= LAST and d["status"] != "cancelled"


def _cancel(s, rows):
    d = _dossier(rows, _in_march)
    s.execute(update(Dossier).where(Dossier.id == d["id"]).values(status="cancelled"))
    return d["received_at"].astimezone(VN).date()


def _hand_over(s, rows):
    d = _dossier(rows, _in_march)
    s.execute(update(Dossier).where(Dossier.id == d["id"]).values(officer="someone_else"))
    return d["received_at"].astimezone(VN).date()


def _decide(s, rows):
    d = _dossier(rows, lambda d: _in_march(d) and d["decided_at"] is None and d["due_at"] is not None)
    day = d["received_at"].astimezone(VN).date() + timedelta(days=2)
    s.execute(update(Dossier).where(Dossier.id == d["id"]).values(status="finished", decided_at=_local(day)))
    return day


def _scan(s, rows):
    current = {f["dossier_id"] for f in rows["files"] if f["replaced_at"] is None}
    d = _dossier(rows, lambda d: _in_march(d) and d["id"] not in current)
    s.execute(insert(DossierFile).values(dossier_id=d["id"], item_code="TP2", sha256="0" * 64, pages=1, size=1000,
                                         created_by="canbo1", created_at=_local(LAST)))
    return d["received_at"].astimezone(VN).date()


def _replace_file(s, rows):
    f = next(f for f in rows["files"] if f["replaced_at"] is None)
    s.execute(update(DossierFile).where(DossierFile.dossier_id == f["dossier_id"]).values(replaced_at=_local(LAST)))
    return _dossier(rows, lambda d: d["id"] == f["dossier_id"])["received_at"].astimezone(VN).date()


def _send(s, rows):
    o = next(o for o in rows["outbox"] if o["status"] != "sent" and _in_march(
        _dossier(rows, lambda d: str(d["id"]) == o["aggregate_id"])))
    s.execute(update(OutboxMessage).where(OutboxMessage.idempotency_key == o["idempotency_key"]).values(status="sent"))
    return _dossier(rows, lambda d: str(d["id"]) == o["aggregate_id"])["received_at"].astimezone(VN).date()


def _return(s, rows):
    d = _dossier(rows, _in_march)
    day = date(2025, 3, 20)
    s.execute(insert(DossierEvent).values(dossier_id=d["id"], seq=99, kind="returned", status="returned",
                                          occurred_at=_local(day), recorded_at=_local(day), actor="canbo2",
                                          department="Phòng X", data={}))
    return day


def _rate(s, rows):
    day = date(2025, 3, 12)
    s.execute(insert(Rating).values(at=_local(day), counter=2, scale=5, score=1, officer="canbo1", source="screen"))
    return day


def _rescore(s, rows):
    r = s.execute(select(Rating.id, Rating.at, Rating.scale, Rating.score).where(Rating.at >= _local(FIRST, 0))
                  .limit(1)).one()
    s.execute(update(Rating).where(Rating.id == r.id).values(score=r.scale if r.score == 1 else 1))
    return r.at.astimezone(VN).date()


def _resource(s, rows):
    r = s.execute(select(Rating.id, Rating.at).where(Rating.at >= _local(FIRST, 0)).limit(1)).one()
    s.execute(update(Rating).where(Rating.id == r.id).values(source="screen-2"))
    return r.at.astimezone(VN).date()


def _skip_ticket(s, rows):
    t = s.execute(select(Ticket.id, Ticket.day).where(Ticket.status == "done", Ticket.day >= FIRST).limit(1)).one()
    s.execute(update(Ticket).where(Ticket.id == t.id).values(status="skipped", finished_at=None))
    return t.day


def _drop_ticket(s, rows):
    t = s.execute(select(Ticket.id, Ticket.day).where(Ticket.day >= FIRST).limit(1)).one()
    s.execute(delete(Ticket).where(Ticket.id == t.id))
    return t.day


CHANGES = [_cancel, _hand_over, _decide, _scan, _replace_file, _send, _return, _rate, _rescore, _resource,
           _skip_ticket, _drop_ticket]


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__.strip("_") for c in CHANGES])
def test_a_change_after_the_roll_up_shows_in_the_next_report(loaded, change, monkeypatch):
    store, rows = loaded
    with store.write() as s:
        assert rollups.refresh(s, today=TODAY) > 0
    before = _report(store)
    assert before == _raw_report(store, monkeypatch)
    built = _built(store)
    with store.write() as s:
        day = change(s, rows)
    after = _report(store)
    assert after != before, "the change moves a figure"
    assert after == _raw_report(store, monkeypatch)
    # only the days the change touched are forgotten (read from the raw rows until the next refresh): the
    # day it counts on, and for a decided dossier also its received or decided day
    forgotten = built - _built(store)
    assert day in forgotten and len(forgotten) <= 2
    with store.write() as s:
        assert rollups.refresh(s, today=TODAY) == len(forgotten)
    assert _built(store) == built
    assert _report(store) == after


def test_today_is_never_rolled_up_and_writes_of_today_keep_the_closed_days(loaded, monkeypatch):
    store, rows = loaded
    today = date(2025, 3, 20)
    with store.write() as s:
        rollups.refresh(s, today=today)
    built = _built(store)
    assert max(built) == today - timedelta(days=1) and today not in built
    with store.write() as s:  # an intake, a call and a rating of today
        d = rows["dossiers"][0]
        s.execute(insert(Dossier).values({**d, "id": uuid.uuid4(), "code": "TODAY-1", "serial": 1,
                                          "received_at": _local(today), "decided_at": None, "returned_at": None}))
        s.execute(update(Ticket).where(Ticket.day == today).values(status="done"))
        s.execute(insert(Rating).values(at=_local(today), counter=1, scale=3, score=3, officer="canbo1", source="k"))
    assert _built(store) == built
    assert _report(store) == _raw_report(store, monkeypatch)


def test_refresh_builds_at_most_the_days_asked_newest_first(loaded):
    store, _ = loaded
    with store.write() as s:
        assert rollups.refresh(s, today=TODAY, limit=5) == 5
    assert _built(store) == {TODAY - timedelta(days=i) for i in range(1, 6)}
    with store.write() as s:
        n = rollups.refresh(s, today=TODAY)
        assert n > 20 and rollups.refresh(s, today=TODAY) == 0


def _snapshot(s) -> dict[str, list]:
    out = {}
    for name, (table, _builder, keys, sums) in rollups.ROLLUPS.items():
        cols = [table.c.day, *(table.c[k] for k in keys)]
        stmt = select(*cols, *(func.sum(table.c[x]) for x in sums)).group_by(*cols)
        out[name] = sorted((tuple(str(v) for v in r[:len(cols)]), tuple(round(float(v), 3) for v in r[len(cols):]))
                           for r in s.execute(stmt))
    out["days"] = sorted(str(r[0]) for r in s.execute(select(report_days.c.day)))
    return out


class _Undo(Exception):
    pass


MUTATION = st.tuples(st.sampled_from(CHANGES[:5] + CHANGES[7:]), st.integers(0, 40))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(MUTATION, min_size=1, max_size=4), min_size=1, max_size=3))
def test_incremental_roll_ups_equal_a_rebuild_from_scratch(loaded, batches):
    store, rows = loaded
    try:
        with store.write() as s:
            rollups.refresh(s, today=TODAY)
            for batch in batches:
                for change, skip in batch:
                    # pick a different row each time: rotate the lists the changes pick from
                    shifted = {k: v[skip:] + v[:skip] for k, v in rows.items()}
                    try:
                        change(s, shifted)
                    except StopIteration:  # no row of that kind left to change
                        pass
                rollups.refresh(s, today=TODAY)
            incremental = _snapshot(s)
            rollups.rebuild(s, today=TODAY)
            assert _snapshot(s) == incremental
            raise _Undo()
    except _Undo:
        pass


def test_a_database_upgraded_from_0018_reports_the_same(tmp_path, monkeypatch):
    from app.services import demo
    from app.store import migrate
    from app.store.engine import make_engine
    from app.store.session import Store

    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    migrate.upgrade(engine, "0018", backup=False)
    with engine.begin() as conn:
        from sqlalchemy.orm import Session

        with Session(bind=conn) as s:
            demo.seed(s, Actor("t", "admin"))
            insert_orm(s, generate(3, FIRST, LAST, context(s), dossiers=150, tickets=150))
            s.flush()
    engine.dispose()
    store = Store.open(str(path))  # upgrades to 0019: no day rolled up yet, figures from the raw rows
    try:
        assert _built(store) == set()
        raw = _report(store)
        with store.write() as s:
            assert rollups.refresh(s, today=TODAY) > 0
        assert _report(store) == raw
    finally:
        store.close()


@pytest.mark.parametrize("engine_kind", ["sqlite", "pg"])
def test_0019_downgrades_and_upgrades_again(engine_kind, tmp_path, request):
    from alembic import command
    from sqlalchemy import inspect

    from app.store import migrate
    from app.store.engine import make_engine

    url = str(tmp_path / "d.sqlite3") if engine_kind == "sqlite" else request.getfixturevalue("pg_schema_url")
    engine = make_engine(url)
    try:
        migrate.upgrade(engine, backup=False)
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0018")
        assert "report_days" not in inspect(engine).get_table_names()
        sql = ("SELECT name FROM sqlite_master WHERE type = 'trigger'" if engine_kind == "sqlite" else
               "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = current_schema()")
        with engine.connect() as conn:  # no trigger would delete from a table that is gone
            assert [n for (n,) in conn.exec_driver_sql(sql) if n.startswith("trg_report_")] == []
        migrate.upgrade(engine, backup=False)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_pg_a_change_committed_while_a_day_is_built_is_not_lost(pg_schema_url, monkeypatch):
    """PostgreSQL: a writer under way when a refresh starts holds it up (the lock on ``report_days``), so the day
    built afterwards includes its change; without the lock the build would read before the commit and list the
    day, while the writer's trigger had found nothing to forget."""
    import threading

    from app.services import demo
    from app.services.bootstrap import bootstrap
    from app.store.engine import make_engine
    from app.store.migrate import upgrade
    from app.store.session import Store

    engine = make_engine(pg_schema_url)
    upgrade(engine)
    store = Store(engine)
    try:
        bootstrap(store)
        with store.write() as s:
            demo.seed(s, Actor("t", "admin"))
            rows = generate(3, FIRST, LAST, context(s), dossiers=120, tickets=50)
            insert_orm(s, rows)
        d = _dossier(rows, _in_march)
        day = d["received_at"].astimezone(VN).date()
        with store.write() as s:
            rollups.refresh(s, today=TODAY)
            s.execute(delete(report_days).where(report_days.c.day == day))  # the day is to be built again
        writer = engine.connect()
        writer.begin()
        writer.execute(update(Dossier).where(Dossier.id == d["id"]).values(officer="late_writer"))
        done = []

        def refresh():
            with store.write() as s:
                done.append(rollups.refresh(s, today=TODAY))

        thread = threading.Thread(target=refresh)
        thread.start()
        thread.join(1.0)
        assert thread.is_alive() and not done, "the refresh waits for the writer under way"
        writer.commit()
        writer.close()
        thread.join(30)
        assert done and done[0] >= 1 and day in _built(store)  # its decided day too, when decided
        report = _report(store)
        assert report == _raw_report(store, monkeypatch)
        assert any(r["officer"] == "late_writer" for r in report["officers"])
    finally:
        store.close()
