"""Print queue and receipt printer figures.

``run()`` returns:

- ``print_queue_job_ms``: one job through the persistent queue on SQLite (a file, ``synchronous=FULL``):
  enqueue (one commit), claim as ``sending`` (one commit), send to the simulated printer, mark ``done``
  (one commit); median of 40;
- ``print_queue_job_ms_pg``: the same on PostgreSQL (a fresh schema, dropped afterwards), if it answers;
- ``ticket_bytes``: our 80 mm ticket (cropped rasters + printer fonts), the figure of bench_printing;
  ``ticket_bytes_python_escpos_image``: the same ticket as one image through python-escpos's own raster
  encoder (``Escpos.image``, ``bitImageRaster``) — why our encoder stays;
- ``usb_import_ms_pyusb`` / ``usb_import_ms_python_escpos``: a fresh interpreter importing what each USB
  route needs (``usb.core`` vs ``escpos.printer``) — one of the reasons the driver uses pyusb directly.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.util import median_of  # noqa: E402

log = logging.getLogger(__name__)

PG_URL = os.environ.get("MOTCUA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REPEATS = 40


def _job_ms(url: str) -> float:
    from app.services import print_queue as pq
    from app.store.session import Store
    from devices.printer import SimulatedPrinter

    store = Store.open(url, migrate=False)
    printer = SimulatedPrinter()
    sender = pq.QueueSender(store, station="bench-1", printer_name="receipt_printer", printer=printer)
    sender.start()
    data = b"\x1b@" + b"x" * 5000 + b"\x1dV\x00"

    def one_job() -> None:
        with store.write() as session:
            pq.enqueue(session, station="bench-1", printer="receipt_printer", kind="ticket", content_type="escpos", data=data)
        result = sender.pump()
        assert len(result.sent) == 1

    try:
        return median_of(one_job, repeat=REPEATS)
    finally:
        store.close()


def _pg_job_ms() -> float | None:
    from sqlalchemy import create_engine, text

    from app.store.engine import make_engine
    from app.store.migrate import upgrade

    schema = f"bench_pq_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # no server: no figure
        log.warning("PostgreSQL not reachable, no print_queue_job_ms_pg: %s", exc)
        return None
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    try:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        return _job_ms(url)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _ticket_figures() -> dict:
    from printing import render_ticket, ticket_image
    from printing.samples import sample_ticket

    ours = len(render_ticket(sample_ticket(), width_mm=80))
    from escpos.printer import Dummy  # imported here only: it configures logging at import

    logging.getLogger().handlers[:] = [h for h in logging.getLogger().handlers if not isinstance(h, logging.StreamHandler)] or []
    dummy = Dummy()
    dummy.image(ticket_image(sample_ticket(), width_mm=80), impl="bitImageRaster")
    dummy.cut()
    return {"ticket_bytes": ours, "ticket_bytes_python_escpos_image": len(dummy.output)}


def _import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    samples = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        samples.append(float(out))
    return round(sorted(samples)[len(samples) // 2], 1)


def run() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        from app.store.session import Store

        path = str(Path(folder) / "bench.sqlite3")
        Store.open(path).close()  # migrates
        result = {"print_queue_job_ms": _job_ms(path)}
    pg = _pg_job_ms()
    if pg is not None:
        result["print_queue_job_ms_pg"] = pg
    result.update(_ticket_figures())
    result["usb_import_ms_pyusb"] = _import_ms("usb.core")
    result["usb_import_ms_python_escpos"] = _import_ms("escpos.printer")
    return result


if __name__ == "__main__":
    import json

    logging.basicConfig(level=logging.INFO)
    sys.stdout.write(json.dumps(run(), indent=2) + "\n")
