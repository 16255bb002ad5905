"""Files of dossiers (scanned items, archived forms) go to the province in chunks that resume from the server's
offset, verified by SHA-256; a dossier counts as sent only when its record and all its files are acknowledged."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
from datetime import timedelta
from pathlib import Path

import requests
from sqlalchemy import select

from app.services import files as file_service
from app.store.models import Dossier, OutboxMessage
from sync.adapter import NationalAdapter
from sync.push import files_of, push_once, retry
from sync.worker import dossier_sync_detail, dossier_sync_state
from tests.sync.conftest import MON, receive_many

CHUNK = 64 * 1024


def a_pdf(size: int, seed: int) -> bytes:
    return b"%PDF-1.4\n" + random.Random(seed).randbytes(size)


def attach(store, officer, code: str, item: str, pdf: bytes) -> None:
    with store.write() as s:
        file_service.attach(s, files_of(store), officer, code, item, pdf, pages=1, now=MON + timedelta(minutes=1))


def state_of(store, code: str) -> str:
    with store.read() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        return dossier_sync_state(s, str(dossier.id))


def held_by_province(sim_dir: Path) -> dict[str, str]:
    """key -> SHA-256 of the bytes the province holds for each complete upload (read from its own database)."""
    db = sqlite3.connect(sim_dir / "province.sqlite3")
    try:
        out = {}
        for upload_id, key in db.execute("SELECT id, key FROM uploads WHERE complete = 1"):
            data = b"".join(r[0] for r in db.execute(
                "SELECT data FROM upload_chunks WHERE upload_id = ? ORDER BY start", (upload_id,)))
            out[key] = hashlib.sha256(data).hexdigest()
        return out
    finally:
        db.close()


def test_files_go_with_their_dossier_and_are_stored_once(seeded, officer, sim, tmp_path):
    adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1.0, 3.0), chunk_bytes=CHUNK)
    code, other = receive_many(seeded, officer, 2)
    first, second = a_pdf(300_000, 1), a_pdf(10_000, 2)
    attach(seeded, officer, code, "TP1", first)
    attach(seeded, officer, code, "TP3", second)
    report = push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=2))
    assert report.attention == report.retry == 0
    stats = sim.stats()
    assert stats["dossiers"] == 2 and stats["attachments"] == 2
    assert stats["attachment_bytes"] == len(first) + len(second)  # each byte once
    held = held_by_province(tmp_path / "sim")
    assert sorted(held.values()) == sorted(hashlib.sha256(p).hexdigest() for p in (first, second))
    assert state_of(seeded, code) == "sent" and state_of(seeded, other) == "sent"
    with seeded.read() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier_sync_detail(s, str(dossier.id)) == {"state": "sent", "files": 2, "files_acked": 2}
    # The later items of the dossier re-declare the same files: acknowledged at once, nothing re-uploaded.
    assert stats["attachment_bytes"] == sim.stats()["attachment_bytes"]


def test_an_upload_resumes_from_the_servers_offset_after_dropped_connections(seeded, officer, sim, tmp_path):
    adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1.0, 3.0), chunk_bytes=CHUNK)
    (code,) = receive_many(seeded, officer, 1)
    pdf = a_pdf(1_000_000, 3)  # 16 chunks
    attach(seeded, officer, code, "TP1", pdf)
    # Every other answer is lost after the server wrote: the record, chunks, the history item.
    sim.faults(0.5, "drop_after_write")
    now = MON + timedelta(minutes=2)
    for _ in range(200):
        push_once(seeded, adapter, "w1", now=now, rng=random.Random(1))
        if state_of(seeded, code) == "sent":
            break
        retry(seeded)  # the timer would wait out the backoff; here the next run goes at once
        now += timedelta(seconds=1)
    assert state_of(seeded, code) == "sent"
    stats = sim.stats()
    assert stats["attachments"] == 1
    # A dropped chunk was kept by the server; the client went on from there, never from zero: each byte once.
    assert stats["attachment_bytes"] == len(pdf)
    assert list(held_by_province(tmp_path / "sim").values()) == [hashlib.sha256(pdf).hexdigest()]


def test_the_record_is_not_sent_before_its_files(seeded, officer, sim):
    adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1.0, 3.0), chunk_bytes=CHUNK)
    (code,) = receive_many(seeded, officer, 1)
    attach(seeded, officer, code, "TP1", a_pdf(200_000, 4))
    # The province fails (503) while the file goes: the record went, its file did not.
    original = adapter.upload

    def failing_upload(call, data):
        sim.faults(1.0, "503")
        try:
            return original(call, data)
        finally:
            sim.faults(0.0)

    adapter.upload = failing_upload
    report = push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=2))
    assert report.sent == 0 and report.retry >= 1
    assert state_of(seeded, code) == "pending" and sim.stats()["attachments"] == 0
    with seeded.read() as s:
        rows = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        assert rows[0].status == "pending" and rows[0].reason == "server"
        assert [c["acked"] for c in rows[0].wire["calls"]] == [True, False, False]  # record, file, history
    adapter.upload = original
    retry(seeded)
    push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=3))
    assert state_of(seeded, code) == "sent" and sim.stats()["attachments"] == 1


def test_a_file_damaged_on_this_station_needs_attention_and_holds_only_its_dossier(sqlite_store, admin, officer, sim):
    from app.services import demo

    with sqlite_store.write() as s:
        demo.seed(s, admin)
    adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1.0, 3.0), chunk_bytes=CHUNK)
    code, other = receive_many(sqlite_store, officer, 2)
    pdf = a_pdf(5_000, 5)
    attach(sqlite_store, officer, code, "TP1", pdf)
    path = files_of(sqlite_store).path(hashlib.sha256(pdf).hexdigest())
    os.chmod(path, 0o644)
    path.write_bytes(pdf[:-1] + b"x")
    push_once(sqlite_store, adapter, "w1", now=MON + timedelta(minutes=2))
    assert state_of(sqlite_store, code) == "attention" and state_of(sqlite_store, other) == "sent"
    with sqlite_store.read() as s:
        reasons = {r.reason for r in s.scalars(select(OutboxMessage).where(OutboxMessage.status == "attention"))}
    assert reasons == {"file_corrupt"}
    assert sim.stats()["attachments"] == 0


def test_the_server_checks_the_sha256_and_restarts_a_bad_upload(seeded, officer, sim, adapter):
    (code,) = receive_many(seeded, officer, 1)
    push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=2))
    adapter._login()
    auth = {"Authorization": f"Bearer {adapter.token}"}
    body = {"key": "k1", "MaHoSo": code, "sha256": "0" * 64, "size": 4, "name": "TP1"}
    start = requests.post(f"{sim.url}/api/v1/attachments", json=body, headers={**auth, "Idempotency-Key": "k1"}, timeout=5)
    assert start.status_code == 200 and start.json()["offset"] == 0
    upload = start.json()["upload_id"]
    put = lambda offset, data: requests.put(f"{sim.url}/api/v1/attachments/{upload}", data=data,  # noqa: E731
                                            headers={**auth, "Upload-Offset": str(offset)}, timeout=5)
    assert put(0, b"ab").json()["offset"] == 2
    stale = put(0, b"ab")
    assert stale.status_code == 409 and stale.json()["offset"] == 2
    wrong = put(2, b"cd")
    assert wrong.status_code == 422 and wrong.json()["error_code"] == "E_SHA256"
    again = requests.post(f"{sim.url}/api/v1/attachments", json=body, headers={**auth, "Idempotency-Key": "k1"}, timeout=5)
    assert again.json()["offset"] == 0 and not again.json()["complete"]
    assert sim.stats()["attachments"] == 0
    unknown = requests.post(f"{sim.url}/api/v1/attachments", json={**body, "key": "k2", "MaHoSo": "NOPE"},
                            headers={**auth, "Idempotency-Key": "k2"}, timeout=5)
    assert unknown.status_code == 404
