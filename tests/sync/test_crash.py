"""kill -9 at random points of a push: afterwards the province holds every dossier, event and file exactly once and
every local item ends sent (≥ 30 trials here; `make soak` runs 1,000 with MOTCUA_SOAK=1)."""

from __future__ import annotations

import os
import random
import signal
import multiprocessing
import time

import pytest

from app.store.session import Store
from tests.sync.conftest import MON, receive_many

TRIALS = 1000 if os.environ.get("MOTCUA_SOAK") else 30



def push_in_child(path: str, url: str, batch: int, started) -> None:
    """The pusher, in a forked child (the modules are already imported, so a trial costs milliseconds)."""
    from sync.adapter import NationalAdapter
    from sync.worker import run_once

    store = Store.open(path)
    adapter = NationalAdapter(url, username="motcua", password="motcua", timeout=(1.0, 2.0), chunk_bytes=16 * 1024)
    started.set()
    run_once(store, adapter, batch_size=batch, pull=False)
    store.close()


@pytest.mark.slow
@pytest.mark.soak
def test_kill_9_during_push_loses_and_doubles_nothing(tmp_path, sqlite_store, admin, officer, sim):
    from app.services import demo, dossiers

    with sqlite_store.write() as s:
        demo.seed(s, admin)
    codes = receive_many(sqlite_store, officer, 60)
    with sqlite_store.write() as s:
        for code in codes[:20]:
            dossiers.act(s, officer, code, "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)
    # Scanned files too (16 KiB chunks in the child): a kill lands in the middle of uploads as well.
    from app.services import files as file_service
    from sync.push import files_of

    pdfs = [b"%PDF-1.4\n" + random.Random(i).randbytes(120_000) for i in range(10)]
    with sqlite_store.write() as s:
        for code, pdf in zip(codes[20:30], pdfs):
            file_service.attach(s, files_of(sqlite_store), officer, code, "TP1", pdf, pages=1, now=MON)
    path = sqlite_store.engine.url.database
    sqlite_store.close()
    sim.admin("faults", rate=0.0)
    rng = random.Random(11)
    ctx = multiprocessing.get_context("fork")
    killed = 0
    for trial in range(TRIALS):
        receive_more = Store.open(path)
        receive_many(receive_more, officer, 2)  # new work keeps arriving between crashes
        receive_more.close()
        # Slow answers widen the window between the server's write and the client's commit.
        sim.admin("faults", rate=1.0 if trial % 3 == 0 else 0.0, kinds=["slow", "drop_after_write"])
        started = ctx.Event()
        proc = ctx.Process(target=push_in_child, args=(path, sim.url, rng.choice((1, 3, 10)), started), daemon=True)
        proc.start()
        try:
            assert started.wait(20)
            time.sleep(rng.uniform(0.0, 0.3))
        finally:
            if proc.is_alive():
                os.kill(proc.pid, signal.SIGKILL)
                killed += 1
            proc.join(20)
    assert killed >= TRIALS // 3
    sim.admin("faults", rate=0.0)
    # Items a slow answer timed out wait out their backoff; the final run comes after it (as the timer's would).
    from sync.push import retry

    waiting = Store.open(path)
    retry(waiting)
    waiting.close()
    final = ctx.Process(target=push_in_child, args=(path, sim.url, 200, ctx.Event()), daemon=True)
    final.start()
    final.join(120)
    if final.is_alive():
        final.kill()
    assert final.exitcode == 0

    from sqlalchemy import func, select

    from app.store.models import Dossier, OutboxMessage

    store = Store.open(path)
    with store.read() as s:
        statuses = dict(s.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())
        dossier_count = s.scalar(select(func.count()).select_from(Dossier))
        item_count = s.scalar(select(func.count()).select_from(OutboxMessage))
    store.close()
    assert statuses == {"sent": item_count}
    stats = sim.stats()
    assert stats["dossiers"] == dossier_count == 60 + 2 * TRIALS
    assert stats["events"] == item_count == dossier_count + 20 + len(pdfs)
    # Every file once, and every byte of it once: an upload cut by a kill went on from the server's offset.
    assert stats["attachments"] == len(pdfs)
    assert stats["attachment_bytes"] == sum(map(len, pdfs))
