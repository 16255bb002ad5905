"""The queue's change feed (issue 8): every change a screen shows writes one event, on both engines; and
F2 with nobody waiting keeps the citizen being served."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.actors import Actor
from app.services import center, queue
from app.services import queue_events as events
from app.store.models import Counter, QueueCall, Ticket
from app.workcal import VN_TZ

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=VN_TZ)
KIOSK = Actor("kiosk", "kiosk")


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def kinds_after(store, cursor: int) -> list[tuple]:
    with store.read() as s:
        return [(e["kind"], e["counter"], e["number"]) for e in events.events_since(s, cursor)]


def cursor(store) -> int:
    with store.read() as s:
        return events.latest_id(s)


def test_call_next_with_nobody_waiting_keeps_the_current_ticket(seeded, officer):
    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
    with seeded.write() as s:
        assert queue.call_next(s, officer, 1, now=at(1)).number == "A001"
    start = cursor(seeded)
    with seeded.write() as s:
        assert queue.call_next(s, officer, 1, now=at(2)) is None
    with seeded.read() as s:
        t = queue.get_ticket(s, "A001")
        assert (t.status, t.finished_at) == ("serving", None)
        assert s.get(Counter, 1).current_ticket_id == t.id
        assert s.scalar(select(func.count()).select_from(QueueCall)) == 1
        assert queue.status(s, now=at(2))["counters"][0]["current"]["number"] == "A001"
    assert kinds_after(seeded, start) == []  # nothing changed, nothing to tell
    with seeded.write() as s:  # finishing stays an explicit action
        queue.done(s, officer, 1, now=at(3))
    with seeded.read() as s:
        assert queue.get_ticket(s, "A001").status == "done"


def test_every_change_a_screen_shows_writes_one_event(seeded, officer, admin):
    start = cursor(seeded)
    with seeded.write() as s:
        for minute in range(4):
            queue.issue(s, KIOSK, "A", now=at(minute))
    with seeded.write() as s:
        queue.call_next(s, officer, 1, now=at(5))
    with seeded.write() as s:
        queue.recall(s, officer, 1, now=at(6))
    with seeded.write() as s:
        queue.skip(s, officer, 1, now=at(7))
    with seeded.write() as s:
        queue.requeue(s, officer, "A001", now=at(8))
    with seeded.write() as s:
        queue.call_next(s, officer, 1, now=at(9))
    with seeded.write() as s:
        queue.transfer(s, officer, 1, to_counter=2, now=at(10))
    with seeded.write() as s:
        queue.call_next(s, officer, 1, now=at(11))
    with seeded.write() as s:
        queue.done(s, officer, 1, now=at(12))
    with seeded.write() as s:
        queue.pause(s, officer, 1, "Họp")
    with seeded.write() as s:
        queue.resume(s, officer, 1)
    assert kinds_after(seeded, start) == [
        ("issue", None, "A001"), ("issue", None, "A002"), ("issue", None, "A003"), ("issue", None, "A004"),
        ("call", 1, "A001"), ("recall", 1, "A001"), ("skip", 1, "A001"), ("requeue", None, "A001"),
        ("call", 1, "A001"), ("transfer", 1, "A001"), ("call", 1, "A002"), ("done", 1, "A002"),
        ("pause", 1, None), ("resume", 1, None),
    ]
    with seeded.read() as s:
        newest = events.events_since(s, start)[-1]
        assert newest["id"] == events.latest_id(s)
        assert events.events_since(s, newest["id"]) == []

    # The day's close ends the leftovers: one event, so the board's waiting counts drop at once.
    mark = cursor(seeded)
    with seeded.write() as s:
        center.set_value(s, admin, "queue.close_policy", "cancel")
    with seeded.write() as s:
        queue.call_next(s, officer, 3, now=at(24 * 60))  # the next day: nothing to call for counter 3
    assert [k for k, _c, _n in kinds_after(seeded, mark)] == ["close"]
    with seeded.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.status == "waiting")) == 0
