"""Printing benchmark: form 01 PDF and the 80 mm queue ticket.

``run()`` returns medians in milliseconds and the ticket sizes in bytes. Every repeat renders a
different dossier code / ticket number, so the content caches (QR matrices, text rasters) do not
flatter the figures; the font registration is warm after the warm-up, as in the running app.

Budgets (issue 4): receipt_pdf_ms <= 40, ticket_escpos_ms <= 20, ticket_bytes <= 6000.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.util import median_of  # noqa: E402
from printing import render_form, render_register, render_ticket  # noqa: E402
from printing.samples import sample_dossier, sample_register_rows, sample_template, sample_ticket  # noqa: E402

log = logging.getLogger(__name__)

REPEATS = 30
BUDGETS = {"receipt_pdf_ms": 40.0, "ticket_escpos_ms": 20.0, "ticket_bytes": 6000}


def _fresh(render: Callable[[int], object]) -> Callable[[], object]:
    """A no-argument call that renders a new document each time (see the module docstring)."""
    counter = itertools.count()
    return lambda: render(next(counter))


def run() -> dict:
    """Measure and return {receipt_pdf_ms, ticket_escpos_ms, ticket_bytes, ticket_bytes_full_raster}."""
    template = sample_template()

    def receipt(i: int) -> bytes:
        d = sample_dossier(n_docs=8, code=f"000.17.22.H56-260505-{i:04d}")
        return render_form("receipt", d, template)  # 8 document rows, two copies

    def ticket(i: int) -> bytes:
        number = f"A{i % 1000:03d}"
        t = sample_ticket(number=number, waiting_ahead=i, qr_text=f"https://dichvucong.example/hang-doi?so={number}")
        return render_ticket(t, width_mm=80)

    def long_field(size: int) -> Callable[[], object]:
        d = sample_dossier(n_docs=8)
        d = dataclasses.replace(d, applicant=dataclasses.replace(d.applicant, address="x" * size))
        return lambda: render_form("receipt", d, template)

    rows = sample_register_rows(1000)

    result = {
        # Pathological input (issue 8): an address without spaces; 1 MB took 554 s before.
        "receipt_address_64k_ms": median_of(long_field(64_000), repeat=3, warmup=1),
        "receipt_address_1m_ms": median_of(long_field(1_000_000), repeat=1, warmup=0),
        "register_1000_rows_ms": median_of(lambda: render_register(rows, date(2026, 1, 1), date(2026, 12, 31), template),
                                           repeat=1, warmup=0),
        "receipt_pdf_ms": median_of(_fresh(receipt), repeat=REPEATS),
        "ticket_escpos_ms": median_of(_fresh(ticket), repeat=REPEATS),
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
