"""Sync benchmark: the outbox pushed to the provincial simulator on loopback, against the floor of plain POSTs.

``run()`` returns:

- ``sync_push_per_s``: 10,000 dossier events (one received dossier cloned into 10,000 outbox items with their
  own ids, codes and keys) pushed by ``push_once`` to ``motcua sim serve`` in its own process: items sent per
  second, claim + render + HTTP + record included;
- ``raw_http_post_per_s``: the floor to compare with: the same record bodies POSTed one per dossier, one
  requests session, to the same simulator (each a batch of one, with its key);
- ``pull_apply_per_s``: status changes made on the province's side, pulled and applied per second.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
COUNT = int(os.environ.get("MOTCUA_BENCH_SYNC_N", "10000"))
REAL = 500  # dossiers received for real (the pull applies status changes to these); the rest are clones
MON = datetime(2026, 5, 4, 2, 0, tzinfo=timezone.utc)


def _start_sim(folder: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(folder / "home"), "sim", "serve",
                             "--port", str(port), "--data", str(folder / "sim")],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
        except OSError:
            time.sleep(0.05)
    return proc, f"http://127.0.0.1:{port}"


def _seeded_store(folder: Path):
    from app.actors import Actor
    from app.services import demo, dossiers
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    store = Store.open(str(folder / "bench.sqlite3"))
    bootstrap(store)
    admin = Actor("bench", "admin")
    officer = Actor("canbo1", "officer", counter=1)
    with store.write() as s:
        demo.seed(s, admin)
    intake = {"procedure_code": "1.004837",
              "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
              "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}]}
    with store.write() as s:
        for _ in range(REAL):
            dossiers.receive(s, officer, dossiers.parse_intake(intake), now=MON)
    return store


def _clone_outbox(store, count: int) -> None:
    """``count`` distinct dossier events, cloned from the one received (own dossier id, code and key)."""
    from sqlalchemy import insert, select

    from app.store.models import OutboxMessage

    with store.write() as s:
        template = s.scalar(select(OutboxMessage))
        rows = []
        for i in range(REAL, count):
            payload = copy.deepcopy(template.payload)
            payload["dossier"]["id"] = str(uuid.uuid4())
            payload["dossier"]["code"] = template.payload["dossier"]["code"][:-4] + f"{i:05d}"
            rows.append({"kind": template.kind, "aggregate_id": payload["dossier"]["id"], "aggregate_version": 1,
                         "idempotency_key": f"{payload['dossier']['id']}:1", "payload": payload, "status": "pending",
                         "attempts": 0, "created_at": MON})
        for start in range(0, len(rows), 500):
            s.execute(insert(OutboxMessage), rows[start:start + 500])


def run() -> dict[str, float]:
    import requests

    from sync.adapter import NationalAdapter
    from sync.national import render_dossier
    from sync.pull import pull_once
    from sync.push import push_once

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sim, url = _start_sim(folder)
        try:
            store = _seeded_store(folder)
            _clone_outbox(store, COUNT)
            adapter = NationalAdapter(url, username="motcua", password="motcua")
            started = time.perf_counter()
            report = push_once(store, adapter, "bench", batch_size=500, now=MON)
            elapsed = time.perf_counter() - started
            assert report.sent == COUNT, report.to_json()
            figures["sync_push_per_s"] = round(COUNT / elapsed, 1)

            # The floor: the same record bodies, one POST per dossier, one session (keys made new so the
            # simulator stores them instead of answering duplicates).
            from sqlalchemy import select

            from app.store.models import OutboxMessage

            with store.read() as s:
                payloads = [row.payload for row in s.scalars(select(OutboxMessage).limit(COUNT))]
            session = requests.Session()
            token = session.post(f"{url}/api/v1/token", json={"username": "motcua", "password": "motcua"}).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            bodies = []
            for p in payloads:
                wire = render_dossier(p)
                wire["MaHoSo"] = "RAW-" + wire["MaHoSo"]
                key = f"raw:{p['dossier']['id']}"
                bodies.append((key, {"items": [{"key": key, "isUpdating": False, "data": wire}]}))
            started = time.perf_counter()
            for key, body in bodies:
                session.post(f"{url}/api/v1/DongBoHoSoMC", json=body, headers={**headers, "Idempotency-Key": key}).raise_for_status()
            figures["raw_http_post_per_s"] = round(len(bodies) / (time.perf_counter() - started), 1)

            # Pull: status changes made at the province, pulled and applied.
            with store.read() as s:
                codes = [row.payload["dossier"]["code"] for row in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id).limit(REAL))]
            for code in codes:
                session.post(f"{url}/admin/set-status", json={"code": code, "status": "processing"}).raise_for_status()
            started = time.perf_counter()
            counts = pull_once(store, adapter, limit=500)
            elapsed = time.perf_counter() - started
            assert counts["applied"] == REAL, counts
            figures["pull_apply_per_s"] = round(counts["applied"] / elapsed, 1)
            store.close()
        finally:
            sim.terminate()
            sim.wait(10)
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
