"""The board never misses a call on PostgreSQL, where a call's id is given at insert time, so a call
committed a moment after a newer one has a smaller id than the watcher's cursor."""

from __future__ import annotations

from app.actors import Actor
from app.services import demo, queue
from app.services.bootstrap import bootstrap
from app.store.engine import make_engine
from app.store.migrate import upgrade
from app.store.session import Store
from ui.queue.watcher import CallWatcher

KIOSK, OFFICER = Actor("kiosk", "kiosk"), Actor("canbo1", "officer")


def test_a_call_committed_late_is_still_told(qtbot, pg_schema_url):
    engine = make_engine(pg_schema_url)
    upgrade(engine)
    store = Store(engine)
    bootstrap(store)
    with store.write() as s:
        demo.seed(s, Actor("admin", "admin"))
        queue.issue(s, KIOSK, "A")
        queue.issue(s, KIOSK, "A")
    watcher = CallWatcher(store)
    watcher._prime()
    told = []
    watcher.ticket_was_called.connect(lambda call: told.append(call["number"]))

    slow = store._writer()  # counter 3 inserts its call first but commits last
    slow.begin()
    queue.call_next(slow, OFFICER, 3)
    slow.flush()
    with store.write() as s:  # counter 4 calls and commits at once
        queue.call_next(s, OFFICER, 4)
    watcher._poll_once()
    qtbot.waitUntil(lambda: told == ["A002"], timeout=1000)
    slow.commit()
    slow.close()
    watcher._poll_once()
    qtbot.waitUntil(lambda: told == ["A002", "A001"], timeout=1000)
    watcher._poll_once()  # nothing is told twice
    qtbot.wait(50)
    assert told == ["A002", "A001"]
    engine.dispose()
