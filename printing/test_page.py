"""The receipt printer's test page for the technician: Vietnamese text, a big number, a QR, a code-page
table and a cut.

The Vietnamese lines are rasters like a ticket's (so they print whatever the printer's code pages); the
code-page table shows what the printer's own font does with bytes 0xA0-0xFF in each code page the
caller names (``{"CP1258": 94}``: the ``ESC t`` numbers come from the printer's capability profile,
which the caller reads: printing does not import devices). Pure; any thread.
"""

from __future__ import annotations

from collections.abc import Mapping

from printing.codes import qr_image
from printing.escpos import ESC, EscPos
from printing.thermal import _LOCK, Feed, Raster, Text, _dots, _sizes, text_blocks, to_escpos

SAMPLE = "Tiếng Việt: Ấp Ưu Đãi, Ngõ Ỷ Lan, Hồ Hoàn Kiếm — ĐẶNG THỊ HỒNG NHUNG"


def render_test_page(
    *, width_mm: int = 80, width_dots: int | None = None, number: str = "88",
    code_pages: Mapping[str, int] | None = None, title: str = "motcua",
) -> bytes:
    """ESC/POS bytes of the test page (ends with a cut)."""
    width = _dots(width_mm, width_dots)
    sz = _sizes(width)
    max_w = width - 8
    table = EscPos().init()
    for name, n in sorted((code_pages or {}).items(), key=lambda item: item[1]):
        if not 0 <= int(n) <= 255:
            raise ValueError(f"code page {name}: ESC t {n} is out of range")
        table.align("left").line(f"{title} code page {name} (ESC t {int(n)})")
        raw = bytearray((ESC, 0x74, int(n)))
        for row in range(0xA0, 0x100, 16):
            raw += f"{row:02X} ".encode("ascii") + bytes(range(row, row + 16)) + b"\n"
        raw += bytes((ESC, 0x74, 0))
        _append(table, bytes(raw))
    with _LOCK:
        blocks = [
            *text_blocks("TRANG IN THỬ — MÁY IN NHIỆT", sz.strong, True, max_w),
            Feed(8),
            *text_blocks(SAMPLE, sz.body, False, max_w),
            Feed(10),
            Text(f"{width} dots", align="center"),
            Feed(6),
            Text(number, mult=min(6, max(1, width // (12 * max(1, len(number))))), bold=True),
            Feed(10),
            Raster(qr_image(f"{title}|test|{width}", sz.module, 0, "m")),
        ]
        page = to_escpos(blocks)
    return (bytes(table) if code_pages else b"") + page


def _append(job: EscPos, data: bytes) -> EscPos:
    job._buf += data  # the raw code-page rows: bytes above 0x7F on purpose
    return job


def render_a4_test_page(title: str = "motcua") -> bytes:
    """A one-page A4 PDF for the document printer's test: Vietnamese text, a big number, a QR."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from printing.codes import qr_image as _qr
    from printing.fonts import register_pdf_fonts

    regular, bold = register_pdf_fonts()
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)
    pdf.setTitle(f"{title} test page")
    width, height = A4
    pdf.setFont(bold, 20)
    pdf.drawCentredString(width / 2, height - 30 * mm, "TRANG IN THỬ — MÁY IN A4")
    pdf.setFont(regular, 13)
    pdf.drawCentredString(width / 2, height - 42 * mm, SAMPLE)
    pdf.setFont(bold, 120)
    pdf.drawCentredString(width / 2, height - 110 * mm, "88")
    from reportlab.lib.utils import ImageReader

    qr = _qr(f"{title}|a4-test", 8, 2, "m").convert("L")
    pdf.drawImage(ImageReader(qr), width / 2 - 20 * mm, height - 170 * mm, 40 * mm, 40 * mm)
    pdf.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)  # the printable area's edge
    pdf.showPage()
    pdf.save()
    return buf.getvalue()
