"""Queue rules on both engines, and 10 processes calling at once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import center, queue
from app.store.session import Store
from tests.app.helpers import run_in_processes
from app.workcal import VN_TZ

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=VN_TZ)
KIOSK = Actor("kiosk", "kiosk")


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def issue(store, service="A", priority=None, when=0):
    with store.write() as s:
        return queue.issue(s, KIOSK, service, priority=priority, now=at(when))


def call(store, officer, counter=1, when=1):
    with store.write() as s:
        t = queue.call_next(s, officer, counter, now=at(when))
        return t.number if t else None


def test_numbers_per_service_and_day(seeded):
    assert [issue(seeded, "A").number, issue(seeded, "A").number, issue(seeded, "B").number] == ["A001", "A002", "B001"]
    assert issue(seeded, "A", when=24 * 60).number == "A001"  # a new day starts again
    with pytest.raises(NotFoundError):
        issue(seeded, "Z")
    with pytest.raises(NotFoundError):
        issue(seeded, "A", priority="vip")


def test_priority_first_without_starving(seeded, officer):
    for i in range(2):
        issue(seeded, "A", when=i)  # A001 A002 normal
    for i in range(5):
        issue(seeded, "A", priority="elderly", when=2 + i)  # A003..A007 priority
    order = [call(seeded, officer, when=10 + i) for i in range(7)]
    # three priority calls pass over the waiting normal ticket, then the oldest normal one
    assert order == ["A003", "A004", "A005", "A001", "A006", "A007", "A002"]
    assert call(seeded, officer, when=30) is None


def test_weight_orders_priority_groups(seeded, officer):
    issue(seeded, "A", priority="small_child", when=0)
    issue(seeded, "A", priority="elderly", when=1)
    assert call(seeded, officer) == "A002"


def test_waiting_ahead_counts_priority(seeded):
    issue(seeded, "A", when=0)
    issue(seeded, "A", when=1)
    assert issue(seeded, "A", priority="pregnant", when=2).waiting_ahead == 0
    assert issue(seeded, "A", when=3).waiting_ahead == 3


def test_counter_services(seeded, officer, admin):
    with seeded.write() as s:
        queue.set_counter(s, admin, 5, "Quầy 5", ["B"])
    issue(seeded, "A")
    assert call(seeded, officer, counter=5) is None
    issue(seeded, "B")
    assert call(seeded, officer, counter=5) == "B001"


def test_calling_finishes_current_and_skip_requeue(seeded, officer):
    for i in range(3):
        issue(seeded, "A", when=i)
    assert call(seeded, officer, when=5) == "A001"
    assert call(seeded, officer, when=6) == "A002"
    with seeded.read() as s:
        assert queue.get_ticket(s, "A001").status == "done"
    with seeded.write() as s:
        queue.skip(s, officer, 1, now=at(7))
    with pytest.raises(RuleError):
        with seeded.write() as s:
            queue.skip(s, officer, 1, now=at(7))
    with seeded.write() as s:
        queue.requeue(s, officer, "A002", now=at(8))
    assert call(seeded, officer, when=9) == "A002"  # back in its place, before A003
    with seeded.write() as s:
        queue.skip(s, officer, 1, now=at(10))
    with pytest.raises(RuleError, match="minutes ago"):
        with seeded.write() as s:
            queue.requeue(s, officer, "A002", now=at(10 + 31))


def test_transfer_keeps_number_and_place(seeded, officer):
    issue(seeded, "A", when=0)
    issue(seeded, "B", when=1)
    issue(seeded, "B", when=2)
    assert call(seeded, officer, counter=1, when=3) == "A001"
    with seeded.write() as s:
        t = queue.transfer(s, officer, 1, to_service="B", now=at(4))
        assert t.number == "A001"
    assert call(seeded, officer, counter=2, when=5) == "A001"  # its place is older than B001
    with seeded.write() as s:
        queue.transfer(s, officer, 2, to_counter=3, now=at(6))
    assert call(seeded, officer, counter=1, when=7) == "B001"
    assert call(seeded, officer, counter=3, when=8) == "A001"
    with pytest.raises(ValidationError):
        with seeded.write() as s:
            queue.transfer(s, officer, 3, now=at(9))


def test_day_boundary_cancel_and_keep(seeded, officer, admin):
    issue(seeded, "A", when=0)
    issue(seeded, "A", when=1)
    issue(seeded, "A", when=24 * 60)  # next day: cancel policy (default)
    with seeded.read() as s:
        assert queue.get_ticket(s, "A002", day=T0.date()).status == "cancelled"
    with seeded.write() as s:
        center.set_value(s, admin, "queue.close_policy", "keep")
    issue(seeded, "B", when=24 * 60 + 1)
    issue(seeded, "B", when=24 * 60 + 2)
    nxt = issue(seeded, "B", when=2 * 24 * 60)  # kept B001, B002 keep their numbers; today starts after them
    assert nxt.number == "B003" and nxt.waiting_ahead == 2
    # yesterday's kept tickets keep their places: A001 (issued first yesterday), then B001
    assert call(seeded, officer, when=2 * 24 * 60 + 1) == "A001"
    assert call(seeded, officer, when=2 * 24 * 60 + 2) == "B001"


def test_status_and_calls(seeded, officer):
    issue(seeded, "A")
    issue(seeded, "C")
    call(seeded, officer, counter=2)
    with seeded.write() as s:
        queue.recall(s, officer, 2, now=at(2))
    with seeded.read() as s:
        st = queue.status(s, now=at(3))
        calls = queue.calls_since(s, 0)
    assert {x["code"]: x["waiting"] for x in st["services"]}["C"] == 1
    assert [c for c in st["counters"] if c["number"] == 2][0]["current"]["number"] == "A001"
    assert [(c["number"], c["counter"], c["kind"]) for c in calls] == [("A001", 2, "call"), ("A001", 2, "recall")]


def _caller(url: str, counter: int, rounds: int, out) -> None:
    store = Store.open(url, migrate=False)
    officer = Actor(f"canbo{counter}", "officer", counter=counter)
    got = []
    for _ in range(rounds):
        with store.write() as s:
            t = queue.call_next(s, officer, counter)
            if t is not None:
                got.append(t.number)
    store.close()
    out.put(got)


@pytest.mark.slow
def test_ten_processes_call_at_once(migrated_url):
    store = Store.open(migrated_url, migrate=False)
    admin = Actor("admin", "admin")
    with store.write() as s:
        queue.seed_demo(s, admin)
        for n in range(5, 11):
            queue.set_counter(s, admin, n, f"Quầy {n}", ["A", "B", "C"])
    for i in range(120):
        with store.write() as s:
            queue.issue(s, KIOSK, "ABC"[i % 3], priority="elderly" if i % 7 == 0 else None)
    store.close()
    called = run_in_processes(_caller, [(migrated_url, n, 15) for n in range(1, 11)])
    assert len(called) == len(set(called)) == 120  # every ticket called exactly once, none lost


def test_kept_tickets_two_kiosks_first_of_day(seeded, admin):
    """With the keep policy, the first ticket of a day raises the day's sequence with an upsert (two kiosks
    doing it at once must both succeed)."""
    from app.store.sequences import ensure_at_least, next_value

    with seeded.write() as s:
        ensure_at_least(s, "ticket:A:2026-05-05", 7)
        ensure_at_least(s, "ticket:A:2026-05-05", 5)
        assert next_value(s, "ticket:A:2026-05-05") == 8


def test_status_hides_yesterdays_leftovers_until_kept(seeded, admin):
    issue(seeded, "A", when=0)
    with seeded.read() as s:
        st = queue.status(s, now=at(24 * 60))
    assert {x["code"]: x["waiting"] for x in st["services"]}["A"] == 0
    with seeded.write() as s:
        center.set_value(s, admin, "queue.close_policy", "keep")
    with seeded.read() as s:
        st = queue.status(s, now=at(24 * 60))
    assert {x["code"]: x["waiting"] for x in st["services"]}["A"] == 1
