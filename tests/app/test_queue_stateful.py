"""A hypothesis state machine drives random kiosk and counter actions through the real queue services on
SQLite and checks after every step: numbers unique per day, a ticket served at one counter at most, each
counter's current ticket is its serving one, and no more than ``queue.priority_run`` priority calls in a
row pass over a waiting normal ticket."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import func, select

from app.actors import Actor
from app.errors import ValidationError
from app.services import queue
from app.store.models import Counter, Ticket
from app.store.session import Store
from tests.app.helpers import seeded_template
from app.workcal import VN_TZ

KIOSK = Actor("kiosk", "kiosk")
OFFICER = Actor("canbo1", "officer")
RUN = 3  # queue.priority_run default



class QueueLife(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        shutil.copyfile(seeded_template(), self.dir / "q.sqlite3")
        self.store = Store.open(str(self.dir / "q.sqlite3"))
        self.now = datetime(2026, 5, 4, 7, 30, tzinfo=VN_TZ).astimezone(timezone.utc)
        self.passed_over: dict[int, int] = {}  # counter -> priority calls in a row over a waiting normal ticket

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    @rule(minutes=st.integers(0, 30))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(service=st.sampled_from("ABC"), priority=st.sampled_from([None, None, "elderly", "small_child"]))
    def take_ticket(self, service, priority) -> None:
        with self.store.write() as s:
            queue.issue(s, KIOSK, service, priority=priority, now=self.now)

    @rule(counter=st.integers(1, 4))
    def call(self, counter: int) -> None:
        with self.store.read() as s:
            normal_waiting = s.scalar(
                select(func.count()).select_from(Ticket).where(
                    Ticket.status == "waiting", Ticket.priority_weight == 0, Ticket.target_counter.is_(None),
                    Ticket.service_code.in_(["A", "B", "C"]),
                )
            )
            before = s.get(Counter, counter).current_ticket_id
        with self.store.write() as s:
            ticket = queue.call_next(s, OFFICER, counter, now=self.now)
        if ticket is None:
            assert normal_waiting == 0
            with self.store.read() as s:  # nobody to call: the citizen being served stays
                assert s.get(Counter, counter).current_ticket_id == before
                if before is not None:
                    assert s.get(Ticket, before).status == "serving"
            return
        if ticket.priority_weight > 0 and normal_waiting:
            self.passed_over[counter] = self.passed_over.get(counter, 0) + 1
            assert self.passed_over[counter] <= RUN, "a normal ticket starved"
        else:
            self.passed_over[counter] = 0

    @rule(counter=st.integers(1, 4), action=st.sampled_from(["skip", "done", "recall"]))
    def act(self, counter: int, action: str) -> None:
        try:
            with self.store.write() as s:
                getattr(queue, action)(s, OFFICER, counter, now=self.now)
        except ValidationError:
            with self.store.read() as s:
                assert s.get(Counter, counter).current_ticket_id is None

    @rule(counter=st.integers(1, 4), to=st.one_of(st.sampled_from("ABC"), st.integers(1, 4)))
    def transfer(self, counter: int, to) -> None:
        kwargs = {"to_service": to} if isinstance(to, str) else {"to_counter": to}
        try:
            with self.store.write() as s:
                queue.transfer(s, OFFICER, counter, now=self.now, **kwargs)
        except ValidationError:
            pass

    @rule(data=st.data())
    def requeue(self, data) -> None:
        with self.store.read() as s:
            skipped = list(s.scalars(select(Ticket.number).where(Ticket.status == "skipped")))
        if not skipped:
            return
        number = data.draw(st.sampled_from(skipped))
        try:
            with self.store.write() as s:
                queue.requeue(s, OFFICER, number, now=self.now)
        except ValidationError:
            pass

    @invariant()
    def consistent(self) -> None:
        with self.store.read() as s:
            tickets = list(s.scalars(select(Ticket)))
            numbers = [(t.day, t.number) for t in tickets]
            assert len(numbers) == len(set(numbers)), "a number was given twice"
            serving = [t for t in tickets if t.status == "serving"]
            assert len({t.counter for t in serving}) == len(serving), "a counter serves two tickets"
            for c in s.scalars(select(Counter)):
                mine = [t.id for t in serving if t.counter == c.number]
                assert mine == ([c.current_ticket_id] if c.current_ticket_id else []), "counter and ticket disagree"


TestQueueLife = QueueLife.TestCase
TestQueueLife.settings = settings(max_examples=25, stateful_step_count=30, deadline=None,
                                  suppress_health_check=[HealthCheck.too_slow])
