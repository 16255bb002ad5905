"""The services' caches belong to the store: two stores on one engine, each rolling back its own work (as the
test fixtures do), never see each other's closed days or catalogs."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest

from app.actors import Actor
from app.catalog_io import validate_procedures
from app.services import catalog, demo, queue
from app.store.session import Store, StoreCaches, caches
from app.workcal import VN_TZ

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=VN_TZ)
KIOSK = Actor("kiosk", "kiosk")


@pytest.fixture(params=["sqlite", "pg"])
def shared_engine(request):
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_store").engine
    return request.getfixturevalue("_pg_session_engine")


@contextmanager
def rolled_back_store(engine):
    """A store whose every unit of work is a savepoint in one outer transaction, rolled back at the end."""
    conn = engine.connect()
    outer = conn.begin()
    try:
        yield Store(engine, connection=conn)
    finally:
        outer.rollback()
        conn.close()


def ticket_status(store, number, day):
    with store.read() as s:
        return queue.get_ticket(s, number, day=day).status


def test_a_closed_day_of_one_store_is_not_closed_for_the_next(shared_engine, admin, officer):
    for _ in range(2):  # the same two days twice, each store rolled back afterwards
        with rolled_back_store(shared_engine) as store:
            with store.write() as s:
                demo.seed(s, admin)
                queue.issue(s, KIOSK, "A", now=T0)
            with store.write() as s:  # the next day's first call ends yesterday's waiting tickets first
                assert queue.call_next(s, officer, 1, now=T0 + timedelta(days=1)) is None
            assert ticket_status(store, "A001", T0.date()) == "cancelled"


def catalog_entry(document_name: str) -> dict:
    [entry] = validate_procedures([(1, {
        "code": "9.999001", "name": "Thủ tục thử bộ nhớ đệm", "field": "Thử",
        "processing_time": {"amount": 1, "unit": "working_days"},
        "documents": [{"code": "TP1", "name": document_name, "originals": 1}],
    })], label="item")
    return entry


def test_a_catalog_of_one_store_is_not_seen_by_the_next(shared_engine, admin):
    for name in ("Tờ khai cũ", "Tờ khai mới"):
        with rolled_back_store(shared_engine) as store:
            with store.write() as s:
                catalog.import_procedures(s, admin, [catalog_entry(name)])
            with store.read() as s:
                _proc, items, _fees = catalog.procedure_for_intake(s, "9.999001")
            assert [item.name for item in items] == [name]


def test_a_store_keeps_its_caches_across_sessions_and_a_bare_session_gets_its_own(shared_engine):
    from sqlalchemy.orm import Session

    with rolled_back_store(shared_engine) as store:
        with store.read() as a, store.read() as b:
            assert caches(a) is caches(b) is store.caches
    with Session(shared_engine) as bare:
        mine = caches(bare)
        assert isinstance(mine, StoreCaches) and caches(bare) is mine
