"""Pushing the outbox to a real simulator over HTTP: exactly once, per-item results, faults."""

from __future__ import annotations

import os
import random
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.services import dossiers
from app.store.models import OutboxMessage
from sync.push import backoff, push_once
from sync.worker import status
from tests.sync.conftest import MON, receive_many

# 1,000 dossiers in `make soak` (MOTCUA_SOAK=1); 200 in the suite, to keep it well under its time budget.
SOAK_DOSSIERS = 1000 if os.environ.get("MOTCUA_SOAK") else 200


def drain(store, adapter, *, start=MON, rounds=60, step_s=1200, worker="w1", batch_size=200):
    """Push repeatedly with the clock moving on, as the worker's timer would, until nothing is left to retry."""
    now = start
    for _ in range(rounds):
        push_once(store, adapter, worker, now=now, rng=random.Random(1), batch_size=batch_size)
        rows = outbox(store)
        waiting_on_person = {r.aggregate_id for r in rows if r.status == "attention"}
        if not [r for r in rows if r.status in ("pending", "sending") and r.aggregate_id not in waiting_on_person]:
            return
        now += timedelta(seconds=step_s)
    raise AssertionError("the outbox did not drain")


def outbox(store):
    with store.read() as s:
        return list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_push_sends_every_event_once(seeded, officer, sim, adapter):
    codes = receive_many(seeded, officer, 3)
    with seeded.write() as s:
        dossiers.act(s, officer, codes[0], "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)
    report = push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=1))
    assert report.sent == 4 and report.retry == report.attention == 0
    stats = sim.stats()
    assert stats["dossiers"] == 3 and stats["events"] == 4 and stats["duplicates_rejected"] == 0
    assert status(seeded) | {"last_success_at": None} == {
        "pending": 0, "sending": 0, "sent": 4, "needs_attention": 0, "conflicts": 0, "last_success_at": None,
        "clock_skew_s": None}
    assert status(seeded)["last_success_at"]  # the server's clock, from its Date header
    # The province holds the transfer as an update of the same record, with both history items.
    import requests

    held = requests.get(f"{sim.url}/api/v1/TraCuuHoSo", params={"MaHoSo": codes[0]},
                        headers={"Authorization": f"Bearer {adapter.token}"}, timeout=5).json()["data"]
    assert held["TrangThaiHoSo"] == 4 and len(held["QuaTrinhXuLy"]) == 2
    # Nothing more to send: a second run sends nothing.
    assert push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=2)).batches == 0


def test_lost_reply_is_resent_under_its_key_and_stored_once(seeded, officer, sim, adapter):
    receive_many(seeded, officer, 5)
    sim.faults(1.0, "drop_after_write")
    report = push_once(seeded, adapter, "w1", now=MON)
    assert report.sent == 0 and report.retry == 5
    assert sim.stats()["dossiers"] == 5  # the writes happened, the replies were lost
    sim.faults(0.0)
    drain(seeded, adapter, start=MON + timedelta(hours=1))
    stats = sim.stats()
    assert stats["dossiers"] == 5 and stats["events"] == 5 and stats["duplicates_rejected"] == 5
    assert {row.status for row in outbox(seeded)} == {"sent"}


@pytest.mark.parametrize("kind", ["captive", "malformed", "500", "503", "429", "hang"])
def test_an_answer_that_is_not_the_contract_sends_nothing(seeded, officer, sim, adapter, kind):
    receive_many(seeded, officer, 2)
    sim.faults(1.0, kind)
    report = push_once(seeded, adapter, "w1", now=MON)
    assert report.sent == 0 and report.retry == 2 and report.attention == 0
    rows = outbox(seeded)
    assert {r.status for r in rows} == {"pending"} and all(r.next_attempt_at > MON for r in rows)
    assert {r.reason for r in rows} <= {"contract", "server", "rate", "network"}
    sim.faults(0.0)
    drain(seeded, adapter, start=MON + timedelta(hours=1))
    assert sim.stats()["dossiers"] == 2


def test_expired_token_is_renewed(seeded, officer, sim, adapter):
    receive_many(seeded, officer, 1)
    push_once(seeded, adapter, "w1", now=MON)
    sim.admin("expire-tokens")
    receive_many(seeded, officer, 1)
    assert push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=1)).sent == 1


def test_a_refused_item_waits_for_a_person_and_blocks_only_its_own_dossier(seeded, officer, sim, adapter):
    codes = receive_many(seeded, officer, 4)
    with seeded.write() as s:  # a second event of the first dossier: it must wait behind the first
        dossiers.act(s, officer, codes[0], "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)
    sim.faults(1.0, "item_422")
    report = push_once(seeded, adapter, "w1", now=MON, rng=random.Random(3))
    sim.faults(0.0)
    drain(seeded, adapter, start=MON + timedelta(hours=1))
    rows = outbox(seeded)
    attention = [r for r in rows if r.status == "attention"]
    assert report.attention >= 1 and attention and all(r.reason == "422" for r in attention)
    refused_at = {}
    for r in attention:
        refused_at.setdefault(r.aggregate_id, r.id)
    for r in rows:
        if r.aggregate_id not in refused_at or r.id < refused_at[r.aggregate_id]:
            assert r.status == "sent"
        elif r.status != "attention":
            assert r.status == "pending"  # behind its own dossier's refused item, in order
    # A person retries: the item goes out under the same keys, and the dossier's later items follow.
    from sync.push import retry

    assert retry(seeded) >= 1
    drain(seeded, adapter, start=MON + timedelta(hours=5))
    assert {r.status for r in outbox(seeded)} == {"sent"}
    stats = sim.stats()
    assert stats["dossiers"] == 4 and stats["events"] == 5


def test_backoff_is_capped_jittered_and_honours_retry_after():
    rng = random.Random(0)
    delays = [backoff(n, rng=rng) for n in range(1, 20)]
    assert all(0 < d <= 15 * 60 for d in delays) and delays[-1] > delays[0]
    assert backoff(1, retry_after=120, rng=rng) >= 120


@pytest.mark.soak
def test_thirty_percent_faults_converge_with_no_duplicates(seeded, officer, sim, adapter):
    adapter.timeout = (0.5, 0.5)  # a hung request costs the client half a second, not the default 15
    total = SOAK_DOSSIERS if seeded.dialect == "sqlite" else 100
    codes = receive_many(seeded, officer, total)
    with seeded.write() as s:
        for code in codes[:40]:
            dossiers.act(s, officer, code, "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)
    sim.faults(0.3)
    drain(seeded, adapter, rounds=300, step_s=1200, batch_size=100)
    sim.faults(0.0)
    rows = outbox(seeded)
    sent = [r for r in rows if r.status == "sent"]
    attention = [r for r in rows if r.status == "attention"]
    assert len(sent) + len(attention) + sum(r.status == "pending" for r in rows) == len(rows) == total + 40
    stats = sim.stats()
    # Every acknowledged call is held once, and nothing else: history items = acknowledged history calls;
    # records = dossiers whose first record call was acknowledged.
    acked = [(r, c) for r in rows if r.wire for c in r.wire["calls"] if c["acked"]]
    assert stats["events"] == sum(c["service"] == "CapNhatTienDoHoSoMC" for _, c in acked) >= len(sent)
    assert stats["dossiers"] == sum(c["service"] == "DongBoHoSoMC" and r.aggregate_version == 1 for r, c in acked)
    # Only refused items (and later items of the same dossiers) are not sent.
    refused_dossiers = {r.aggregate_id for r in attention}
    assert all(r.aggregate_id in refused_dossiers for r in rows if r.status != "sent")
