"""Audit chain figures (SQLite station database):

- ``audit_append_us``: one chained entry inside a service's transaction (a write unit of work already
  open): lock/read the chain head, hash, insert the entry, move the head, flushed; the commit's fsync is
  the transaction's own and is not counted. Median over fresh transactions (so the head read is in).
- ``audit_verify_per_s``: entries verified per second by ``audit_chain.verify_chain`` over a 100,000-entry
  chain (read in seq order, each hash recomputed).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ENTRIES = 100_000


def run() -> dict[str, float]:
    from sqlalchemy import text

    from app.actors import Actor
    from app.services.audit import audit
    from app.services.audit_chain import verify_chain
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    officer = Actor("canbo1", "officer", counter=1)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "audit.sqlite3"))
        bootstrap(store)
        samples = []
        for i in range(520):
            with store.write() as s:
                s.execute(text("SELECT 1"))  # the service's transaction is under way (connection, BEGIN)
                t = time.perf_counter()
                audit(s, officer, "dossier.received", f"000.00.00.H00-251202-{i:04d}", event=1, status="received")
                samples.append(time.perf_counter() - t)
        figures["audit_append_us"] = round(statistics.median(samples[20:]) * 1e6, 1)
        written = 520
        while written < ENTRIES:
            with store.write() as s:
                for i in range(min(2000, ENTRIES - written)):
                    audit(s, officer, "dossier.received", f"000.00.00.H00-251202-{written + i:06d}", event=1)
            written += 2000
        with store.read() as s:
            t = time.perf_counter()
            verdict = verify_chain(s)
            elapsed = time.perf_counter() - t
        assert verdict.ok, verdict.sentence()
        figures["audit_verify_per_s"] = round(verdict.entries / elapsed)
        store.close()
    return figures


if __name__ == "__main__":
    print(run())  # noqa: T201
