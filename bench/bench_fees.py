"""Fees benchmark: the fee receipt PDF (Biên lai thu tiền phí, lệ phí), three copies on A5.

Every repeat renders a different receipt number, amount and payer, so no cache flatters the figure; the
fonts are registered during the warm-up, as in the running app. Budget (issue 13): fee_receipt_pdf_ms <= 40.
"""

from __future__ import annotations

import itertools
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.numbers_vi import amount_in_words  # noqa: E402
from bench.util import median_of  # noqa: E402
from printing.fee_receipt import FeeReceiptDoc, FeeReceiptItem, render_fee_receipt  # noqa: E402
from printing.samples import sample_template  # noqa: E402

REPEATS = 30
BUDGETS = {"fee_receipt_pdf_ms": 40.0}
T0 = datetime(2026, 12, 2, 2, 0, tzinfo=timezone.utc)


def sample_receipt(i: int) -> FeeReceiptDoc:
    items = (
        FeeReceiptItem(name="Lệ phí đăng ký khai sinh không đúng hạn", kind="le_phi", amount=5000 + i),
        FeeReceiptItem(name="Phí cấp bản sao Giấy khai sinh (TT 281/2016/TT-BTC)", kind="phi", amount=8000 * (1 + i % 3)),
    )
    amount = sum(x.amount for x in items)
    return FeeReceiptDoc(
        form="01BLP0-001", series="AA-26P", number=f"{i + 1:07d}", dossier_code=f"000.17.22.H56-261202-{i % 10000:04d}",
        payer=f"Nguyễn Văn Đức {i}", payer_address="Thôn 3, xã An Bình, tỉnh Quảng Ngãi", amount=amount,
        amount_words=amount_in_words(amount), means=("cash", "transfer", "online")[i % 3],
        reference="" if i % 3 == 0 else f"FT26120{i:05d}", paid_at=T0 + timedelta(minutes=i), items=items,
        tax_code="4300123456", collector="Nguyễn Thị Lan",
    )


def run() -> dict:
    """Measure and return {fee_receipt_pdf_ms}."""
    template = sample_template()
    counter = itertools.count()
    ms = median_of(lambda: render_fee_receipt(sample_receipt(next(counter)), template, copies=3), repeat=REPEATS)
    return {"fee_receipt_pdf_ms": ms}


if __name__ == "__main__":
    figures = run()
    sys.stdout.write(json.dumps(figures, indent=2) + "\n")
    over = {k: v for k, v in figures.items() if k in BUDGETS and v > BUDGETS[k]}
    sys.exit(1 if over else 0)
