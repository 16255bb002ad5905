"""Printing benchmark: form 01 PDF and the 80 mm queue ticket.

``run()`` returns medians in milliseconds and the ticket sizes in bytes. Every repeat renders a
different dossier code / ticket number, so the content caches (QR matrices, text rasters) do not
flatter the figures; the font registration is warm after the warm-up, as in the running app.

Budgets (issue 4): receipt_pdf_ms <= 40, ticket_escpos_ms <= 20, ticket_bytes <= 6000.
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from printing import render_form, render_ticket  # noqa: E402
from printing.samples import sample_dossier, sample_template, sample_ticket  # noqa: E402

log = logging.getLogger(__name__)

WARMUP = 3
REPEATS = 30
BUDGETS = {"receipt_pdf_ms": 40.0, "ticket_escpos_ms": 20.0, "ticket_bytes": 6000}


def _median_ms(fn: Callable[[int], object], repeats: int = REPEATS, warmup: int = WARMUP) -> float:
    for i in range(warmup):
        fn(10_000 + i)
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run() -> dict:
    """Measure and return {receipt_pdf_ms, ticket_escpos_ms, ticket_bytes, ticket_bytes_full_raster}."""
    template = sample_template()

    def receipt(i: int) -> bytes:
        d = sample_dossier(n_docs=8, code=f"000.17.22.H56-260505-{i:04d}")
        return render_form("receipt", d, template)

    def ticket(i: int) -> bytes:
        number = f"A{i % 1000:03d}"
        t = sample_ticket(number=number, waiting_ahead=i, qr_text=f"https://dichvucong.example/hang-doi?so={number}")
        return render_ticket(t, width_mm=80)

    result = {
        "receipt_pdf_ms": round(_median_ms(receipt), 2),
        "ticket_escpos_ms": round(_median_ms(ticket), 2),
        "ticket_bytes": len(render_ticket(sample_ticket(), width_mm=80)),
        "ticket_bytes_full_raster": len(render_ticket(sample_ticket(), width_mm=80, full_raster=True)),
    }
    over = [k for k, limit in BUDGETS.items() if result[k] > limit]
    if over:
        log.warning("over budget: %s", ", ".join(f"{k}={result[k]} (> {BUDGETS[k]})" for k in over))
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.stdout.write(json.dumps(run(), indent=2) + "\n")
