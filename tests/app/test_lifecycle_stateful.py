"""A hypothesis state machine drives random sequences of intake and lifecycle actions through the real
services on SQLite and checks the invariants after every step: one current status (the last event's),
events in time order, due date never before receipt, apology at most once, illegal moves refused."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from app import lifecycle
from app.actors import Actor
from app.errors import ValidationError
from app.services import dossiers
from app.services.dossiers import ActionInput, parse_intake
from app.store.models import Dossier
from app.store.session import Store
from tests.app.helpers import seeded_template
from app.workcal import VN_TZ

OFFICER = Actor("canbo1", "officer", "Nguyễn Thị Lan", counter=1)


INTAKES = {
    "complete": {"procedure_code": "1.004837", "applicant": {"full_name": "Phạm Văn An"},
                 "documents": [{"item": "TP1", "originals": 1}, {"item": "TP2", "originals": 1}]},
    "missing": {"procedure_code": "1.004837", "applicant": {"full_name": "Phạm Văn Bình"},
                "documents": [{"item": "TP1", "originals": 1}]},
    "same_day": {"procedure_code": "1.000656", "applicant": {"full_name": "Đỗ Thị Cúc"},
                 "documents": [{"item": "TP1", "originals": 1}, {"item": "TP4", "originals": 1}]},
}
ACTION_NAMES = sorted(dossiers.ACTION_PERMISSIONS)


class DossierLife(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        shutil.copyfile(seeded_template(), self.dir / "db.sqlite3")
        self.store = Store.open(str(self.dir / "db.sqlite3"))
        self.now = datetime(2026, 5, 4, 8, 0, tzinfo=VN_TZ).astimezone(timezone.utc)
        self.codes: list[str] = []

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    @initialize()
    def first(self) -> None:
        self._receive("complete", "reject")

    def _receive(self, kind: str, on_missing: str) -> None:
        try:
            with self.store.write() as s:
                d = dossiers.receive(s, OFFICER, parse_intake(INTAKES[kind]), on_missing=on_missing, reason="lý do", now=self.now)
                self.codes.append(d.code)
        except ValidationError:
            assert kind == "missing" and on_missing == "reject"

    @rule(minutes=st.integers(1, 2 * 24 * 60))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(kind=st.sampled_from(sorted(INTAKES)), on_missing=st.sampled_from(dossiers.ON_MISSING))
    def receive(self, kind: str, on_missing: str) -> None:
        self._receive(kind, on_missing)

    @precondition(lambda self: self.codes)
    @rule(data=st.data(), action=st.sampled_from(ACTION_NAMES), new_due_hours=st.integers(1, 200))
    def do(self, data, action: str, new_due_hours: int) -> None:
        code = data.draw(st.sampled_from(self.codes))
        with self.store.read() as s:
            before = dossiers.get_dossier(s, code)
            status, apologies, due = before.status, before.apology_count, before.due_at
        args = ActionInput(
            reason="lý do", items=["TP2"], collector_id="001089012345",
            new_due=(due or self.now) + timedelta(hours=new_due_hours),
            changes={"applicant": {"full_name": "Phạm Văn Sửa"}},
        )
        allowed = status in lifecycle.ACTIONS[action].allowed_from
        try:
            with self.store.write() as s:
                dossiers.act(s, OFFICER, code, action, args, now=self.now)
            ok = True
        except ValidationError:
            ok = False
        if not allowed:
            assert not ok, f"{action} was allowed from {status}"
        if action == "apologize" and apologies >= 1:
            assert not ok

    @invariant()
    def invariants(self) -> None:
        with self.store.read() as s:
            from sqlalchemy import select

            for d in s.scalars(select(Dossier)):
                assert d.status in lifecycle.STATUSES
                assert d.events, "every dossier has its history"
                assert d.events[-1].status == d.status, "one current status: the last event's"
                times = [e.occurred_at for e in d.events]
                assert times == sorted(times), "events in time order"
                assert [e.seq for e in d.events] == list(range(1, len(d.events) + 1))
                if d.due_at is not None:
                    assert d.due_at >= d.received_at, "due date never before receipt"
                assert d.apology_count <= 1, "apology at most once"
                if d.status in ("supplement_requested", "refused") and d.clock_started_at is None:
                    assert d.due_at is None


TestDossierLife = DossierLife.TestCase
TestDossierLife.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
