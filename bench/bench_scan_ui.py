"""Scan session figures: building one item's PDF from processed pages (straight and with turned pages,
which adds /Rotate through pikepdf), in milliseconds for a 10-page gray 200-dpi item."""

from __future__ import annotations

from bench.util import median_of
from devices.pages import process_page
from devices.scanner_sim import make_page
from ui.scan.model import ScanBatch, item_pdf


def run() -> dict:
    pages = [process_page(make_page("text", dpi=200, seed=i), 200) for i in range(10)]
    batch = ScanBatch(["TP1"])
    for page in pages:
        batch.add("TP1", page)
    straight = round(median_of(lambda: item_pdf(batch.kept("TP1")), repeat=9), 2)
    for i in range(0, 10, 3):
        batch.rotate("TP1", i)
    turned = round(median_of(lambda: item_pdf(batch.kept("TP1")), repeat=9), 2)
    return {"scan_ui_item_pdf_10p_ms": straight, "scan_ui_item_pdf_10p_rotated_ms": turned}
