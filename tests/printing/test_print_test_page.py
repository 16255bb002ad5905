"""The printer's own width from its capability profile (passed in: printing does not import devices),
and the technician's test pages."""

from __future__ import annotations

import pytest

from printing import render_ticket
from printing.samples import sample_ticket
from printing.test_page import render_a4_test_page, render_test_page


def test_the_width_comes_from_the_caller_and_the_ticket_does_not_grow():
    generic = render_ticket(sample_ticket(), width_mm=80)
    assert render_ticket(sample_ticket(), width_mm=80, width_dots=576) == generic
    assert len(render_ticket(sample_ticket(), width_mm=58, width_dots=384)) < len(generic)
    assert render_ticket(sample_ticket(), width_dots=515)  # rounded down to whole bytes (512)
    with pytest.raises(ValueError):
        render_ticket(sample_ticket(), width_dots=200)


def test_the_thermal_test_page_has_the_code_page_table_and_a_cut():
    page = render_test_page(width_dots=384, code_pages={"CP1258": 94, "CP437": 0})
    assert page.startswith(b"\x1b@") and page.rstrip(b"\x00").endswith((b"\x1dVB\x03", b"\x1dVA\x03"))
    assert b"\x1bt\x5e" in page and b"\x1bt\x00" in page  # ESC t 94 (CP1258), back to ESC t 0
    assert bytes(range(0xA0, 0xB0)) in page  # a row of the table
    assert b"\x1dv0" in page  # the Vietnamese lines and the QR as rasters
    with pytest.raises(ValueError):
        render_test_page(code_pages={"bad": 300})


def test_the_a4_test_page_is_one_pdf_page():
    import io

    import pikepdf

    pdf = render_a4_test_page()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 1
    assert render_a4_test_page() == pdf  # invariant: the same bytes every time
