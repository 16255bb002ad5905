"""Sign-in figures: signin_ms (one Argon2id verify at the real parameters, OWASP m=19 MiB t=2 p=1; its CPU
time signin_cpu_ms, which a loaded machine does not inflate) and
signin_store_ms (a whole ``users.sign_in`` on SQLite: the look-up, the verify, the audit row, the commit)."""

from __future__ import annotations

import os
import statistics
import time
import tempfile
from pathlib import Path

from bench.util import median_of


def run() -> dict[str, float]:
    os.environ.pop("MOTCUA_TEST_FAST_HASH", None)  # the real parameters, never the tests' cheap ones
    from app.services import users
    from app.store.session import Store

    ph = users.hasher()
    stored = ph.hash("a password of twenty")
    figures = {"signin_ms": median_of(lambda: ph.verify(stored, "a password of twenty"), repeat=30)}
    # CPU time of one verify: the same figure without the other processes sharing the cores
    cpu = []
    for _ in range(15):
        started = time.process_time()
        ph.verify(stored, "a password of twenty")
        cpu.append((time.process_time() - started) * 1000)
    figures["signin_cpu_ms"] = round(statistics.median(cpu), 3)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.sqlite3"))
        with store.write() as session:
            users.create_first_admin(session, "root", "a password of twenty")
        figures["signin_store_ms"] = median_of(lambda: users.sign_in(store, "root", "a password of twenty"), repeat=20)
        store.close()
    return figures
