"""A hypothesis state machine over the whole sync: local edits (new dossiers, transfers, scanned files), pushes,
pulls, the province changing statuses, lost replies and crashes (a worker killed after its claim, or after the
province wrote and before the station committed). After every step nothing is doubled at the province and a
pull never overwrote an unsent local change; at the end, once the faults stop, the province holds every
dossier, event and file exactly once and every dossier's own state is ``sent``.

Small by default (a few seconds); ``MOTCUA_SOAK=1`` (``make soak``) runs many more and longer examples."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from datetime import timedelta

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from app.lifecycle import STATUS_CODES
from app.services import dossiers
from app.services import files as file_service
from app.store.models import Dossier, OutboxMessage
from app.store.session import Store
from sync.adapter import ATTACHMENT, NationalAdapter
from sync.pull import pull_once
from sync.push import PushReport, _send, claim, files_of, retry
from sync.worker import dossier_sync_state, run_once
from tests.sync.conftest import MON, receive_many

SOAK = bool(os.environ.get("MOTCUA_SOAK"))
EXAMPLES, STEPS = (60, 40) if SOAK else (4, 12)


def province_db(sim_dir):
    db = sqlite3.connect(sim_dir / "province.sqlite3")
    db.execute("PRAGMA query_only = 1")
    return db


@pytest.mark.slow
@pytest.mark.soak
def test_edits_pushes_pulls_and_crashes_lose_and_double_nothing(tmp_path, sqlite_store, admin, officer, sim):
    from app.services import demo

    with sqlite_store.write() as s:
        demo.seed(s, admin)
    template = tmp_path / "seeded.sqlite3"
    sqlite_store.close()
    shutil.copyfile(sqlite_store.engine.url.database, template)
    sim_dir = tmp_path / "sim"
    counter = iter(range(10**6))

    class Sync(RuleBasedStateMachine):
        @initialize()
        def start(self):
            sim.admin("reset")
            folder = tmp_path / f"ex{next(counter)}"
            folder.mkdir()
            shutil.copyfile(template, folder / "motcua.sqlite3")
            self.store = Store.open(str(folder / "motcua.sqlite3"))
            self.adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1.0, 2.0),
                                           chunk_bytes=8 * 1024)
            self.codes: list[str] = []
            self.province_changed: set[str] = set()
            self.rng = random.Random(0)

        def teardown(self):
            store = getattr(self, "store", None)
            if store is None:
                return
            try:
                sim.faults(0.0)
                self.drain()
                self.check_everything_arrived_once()
            finally:
                store.close()

        # --- local edits ---------------------------------------------------------------------------------

        @rule(n=st.integers(1, 3))
        def receive(self, n):
            self.codes += receive_many(self.store, officer, n)

        @precondition(lambda self: self.codes)
        @rule(i=st.integers(0, 50))
        def transfer(self, i):
            code = self.codes[i % len(self.codes)]
            with self.store.write() as s:
                if dossiers.get_dossier(s, code).status != "received":
                    return
                dossiers.act(s, officer, code, "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)

        @precondition(lambda self: self.codes)
        @rule(i=st.integers(0, 50), item=st.sampled_from(["TP1", "TP3"]), size=st.integers(1, 40_000),
              seed=st.integers(0, 2**16))
        def scan(self, i, item, size, seed):
            code = self.codes[i % len(self.codes)]
            pdf = b"%PDF-1.4\n" + random.Random(seed).randbytes(size)
            with self.store.write() as s:
                file_service.attach(s, files_of(self.store), officer, code, item, pdf, pages=1,
                                    now=MON + timedelta(minutes=1))

        # --- the link ------------------------------------------------------------------------------------

        @rule()
        def push(self):
            retry(self.store)  # as if the backoff had run out
            run_once(self.store, self.adapter, pull=False)

        @rule(rate=st.sampled_from([0.3, 0.7]))
        def push_with_lost_replies(self, rate):
            sim.faults(rate, "drop_after_write")
            try:
                retry(self.store)
                run_once(self.store, self.adapter, pull=False)
            finally:
                sim.faults(0.0)

        @rule(limit=st.integers(1, 5))
        def crash_after_claim(self, limit):
            claim(self.store, self.adapter, "dead-worker", limit=limit)  # then kill -9: rows left "sending"

        @rule(limit=st.integers(1, 5))
        def crash_after_the_province_wrote(self, limit):
            items = claim(self.store, self.adapter, "dead-worker", limit=limit)
            if items:
                def read(digest):
                    with self.store.read() as s:
                        return files_of(self.store).get(s, digest)

                _send(self.adapter, items, PushReport(), read)  # the province has it; the station never commits

        @precondition(lambda self: self.codes)
        @rule(i=st.integers(0, 50), status=st.sampled_from(["processing", "finished", "supplement_requested"]))
        def province_changes_status(self, i, status):
            code = self.codes[i % len(self.codes)]
            answer = requests.post(f"{sim.url}/admin/set-status", json={"code": code, "status": status}, timeout=5)
            if answer.status_code == 200:
                self.province_changed.add(code)

        @rule()
        def pull(self):
            before = self.unsent_statuses()
            pull_once(self.store, self.adapter)
            after = self.statuses()
            for code, status in before.items():  # a pull never overwrites an unsent local change
                assert after[code] == status, code

        # --- what must always hold -------------------------------------------------------------------------

        @invariant()
        def nothing_doubled(self):
            if not hasattr(self, "store"):
                return
            stats = sim.stats()
            with self.store.read() as s:
                rows = list(s.scalars(select(OutboxMessage)))
            wanted_files = {c["key"] for r in rows for c in (r.wire or {}).get("calls", []) if c["service"] == ATTACHMENT}
            assert stats["dossiers"] <= len(self.codes)
            assert stats["events"] <= len(rows)  # one history item per outbox item, never two
            assert stats["attachments"] <= len(wanted_files)
            db = province_db(sim_dir)
            try:
                doubled = db.execute("SELECT count(*) - count(DISTINCT data) FROM history WHERE origin = 'station'").fetchone()[0]
            finally:
                db.close()
            assert doubled == 0

        @invariant()
        def per_dossier_states_are_consistent(self):
            if not hasattr(self, "store"):
                return
            with self.store.read() as s:
                for code in self.codes:
                    dossier = s.scalar(select(Dossier).where(Dossier.code == code))
                    states = set(s.scalars(select(OutboxMessage.status).where(OutboxMessage.aggregate_id == str(dossier.id))))
                    state = dossier_sync_state(s, str(dossier.id))
                    assert (state == "sent") == (states == {"sent"})

        # --- helpers --------------------------------------------------------------------------------------

        def statuses(self) -> dict[str, str]:
            with self.store.read() as s:
                return {d.code: d.status for d in s.scalars(select(Dossier))}

        def unsent_statuses(self) -> dict[str, str]:
            with self.store.read() as s:
                unsent = set(s.scalars(select(OutboxMessage.aggregate_id).where(OutboxMessage.status != "sent")))
                return {d.code: d.status for d in s.scalars(select(Dossier)) if str(d.id) in unsent}

        def drain(self):
            for _ in range(30):
                retry(self.store)
                run_once(self.store, self.adapter, pull=False)
                with self.store.read() as s:
                    if not s.scalar(select(OutboxMessage.id).where(OutboxMessage.status != "sent").limit(1)):
                        return
            raise AssertionError("the outbox did not drain once the faults stopped")

        def check_everything_arrived_once(self):
            with self.store.read() as s:
                rows = list(s.scalars(select(OutboxMessage)))
                local = {d.code: d for d in s.scalars(select(Dossier))}
                assert all(dossier_sync_state(s, str(d.id)) == "sent" for d in local.values())
            wanted_files = {c["key"] for r in rows for c in r.wire["calls"] if c["service"] == ATTACHMENT}
            history_keys = {c["key"] for r in rows for c in r.wire["calls"] if c["service"] == "CapNhatTienDoHoSoMC"}
            db = province_db(sim_dir)
            try:
                held = {code: status for code, status in db.execute("SELECT code, status FROM dossiers")}
                uploads = {key for (key,) in db.execute("SELECT key FROM uploads WHERE complete = 1")}
                received = {key for (key,) in db.execute("SELECT key FROM items WHERE service = 'CapNhatTienDoHoSoMC'")}
                events = db.execute("SELECT count(*) FROM history WHERE origin = 'station'").fetchone()[0]
            finally:
                db.close()
            assert set(held) == set(local)  # every dossier, once (the code is the key)
            assert received == history_keys and events == len(rows)  # every event, once
            assert uploads == wanted_files  # every file, once
            for code, dossier in local.items():
                if code not in self.province_changed:
                    assert held[code] == STATUS_CODES[dossier.status], code  # the last local change arrived

    run_state_machine_as_test(Sync, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, database=None,
        suppress_health_check=list(HealthCheck)))
