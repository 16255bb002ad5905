"""The fee receipt "Biên lai thu tiền phí, lệ phí" as an A5 PDF, one page per copy (liên).

Layout (domain.md): the collecting unit and its tax code on the left, the form (mẫu số), series (ký hiệu)
and number (số) on the right; the title; the payer, the dossier code, the fees taken (name, kind, amount),
an exemption or reduction with its legal basis, the total in figures and in words, the means of payment
(with the transaction reference), the place and date, and the payer's and collector's signatures.

Pure and deterministic (the same input gives the same bytes); any thread (renders hold ``RENDER_LOCK``).
The amount in words comes in with the values (``app.numbers_vi.amount_in_words``, read by the caller).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak

from printing.fonts import FONT_BOLD, FONT_REGULAR, register_pdf_fonts
from printing.model import Template
from printing.pdf_base import GEOMETRIES, RENDER_LOCK, CopyMark, build_pdf
from printing.text import DOTS, money_vn, nfc, place_date_line, time_date_vn

__all__ = ["COPY_LABELS", "FeeReceiptDoc", "FeeReceiptItem", "render_fee_receipt", "render_fee_receipt_data"]

TITLE = "BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ"
COPY_LABELS = {
    2: ("Liên 1: Lưu", "Liên 2: Giao người nộp tiền"),
    3: ("Liên 1: Lưu", "Liên 2: Giao người nộp tiền", "Liên 3: Nội bộ"),
}
MEANS_TEXT = {"cash": "Tiền mặt", "transfer": "Chuyển khoản", "online": "Thanh toán trực tuyến"}
KIND_TEXT = {"phi": "Phí", "le_phi": "Lệ phí"}


@dataclass(frozen=True, kw_only=True)
class FeeReceiptItem:
    name: str
    kind: str = "le_phi"  # phi | le_phi
    amount: int = 0  # đồng, after the reduction's share


@dataclass(frozen=True, kw_only=True)
class FeeReceiptDoc:
    """One receipt's values (``app.services.fees.receipt_print_data``)."""

    form: str  # mẫu số
    series: str  # ký hiệu
    number: str  # số, zero-padded
    dossier_code: str
    payer: str
    amount: int
    amount_words: str
    means: str  # cash | transfer | online
    paid_at: datetime
    items: Sequence[FeeReceiptItem] = ()
    tax_code: str = ""
    payer_address: str = ""
    gross: int | None = None
    reduction: int = 0
    exemption: str = ""
    legal_basis: str = ""
    reference: str = ""
    collector: str = ""
    cancelled: bool = False  # a reprint of a cancelled receipt says so across the page


def render_fee_receipt(doc: FeeReceiptDoc, template: Template, *, copies: int = 3) -> bytes:
    """PDF of the receipt: ``copies`` (2 or 3) A5 pages, each with its copy label."""
    if copies not in COPY_LABELS:
        raise ValueError(f"copies must be 2 or 3, not {copies!r}")
    if doc.means not in MEANS_TEXT:
        raise ValueError(f"unknown means {doc.means!r}")
    geo = GEOMETRIES["A5"]
    with RENDER_LOCK:
        register_pdf_fonts()
        story: list[Flowable] = []
        for i, label in enumerate(COPY_LABELS[copies]):
            if i:
                story.append(PageBreak())
            story.append(CopyMark(label))
            story.append(_ReceiptPage(doc, template, geo, label))
        return build_pdf(story, geo, title=TITLE.capitalize(), footer_lines=template.footer_lines,
                         footer_left=f"Biên lai {nfc(doc.series)} {nfc(doc.number)}")


class _ReceiptPage(Flowable):
    """One copy drawn straight on the canvas: a receipt is one short page, and drawing its few lines
    directly costs a fraction of laying out paragraphs and tables (the budget is 40 ms for three copies)."""

    def __init__(self, doc: FeeReceiptDoc, template: Template, geo, label: str) -> None:
        super().__init__()
        self.doc, self.t, self.geo, self.label = doc, template, geo, label
        self.size = geo.base

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, avail_height
        return avail_width, avail_height

    # -- drawing helpers: each returns the next baseline
    def _lines(self, text: str, font: str, size: float, width: float) -> list[str]:
        out: list[str] = []
        for part in nfc(text).split("\n"):
            out.extend(simpleSplit(part, font, size, width) or [""])
        return out

    def _para(self, y: float, x: float, width: float, text: str, *, bold: bool = False, size: float | None = None,
              align: str = "left") -> float:
        c = self.canv
        size = size or self.size
        font = FONT_BOLD if bold else FONT_REGULAR
        c.setFont(font, size)
        for line in self._lines(text, font, size, width):
            if align == "center":
                c.drawCentredString(x + width / 2, y, line)
            elif align == "right":
                c.drawRightString(x + width, y, line)
            else:
                c.drawString(x, y, line)
            y -= size * 1.32
        return y

    def _label_value(self, y: float, label: str, value: str, *, bold_value: bool = True) -> float:
        """"Label: value" with the value in bold, wrapping under the label."""
        c = self.canv
        w = self.width
        size = self.size
        c.setFont(FONT_REGULAR, size)
        lw = stringWidth(label + " ", FONT_REGULAR, size)
        font = FONT_BOLD if bold_value else FONT_REGULAR
        value = nfc(value).strip() or DOTS
        lines = simpleSplit(value, font, size, w - lw) or [DOTS]
        c.drawString(0, y, label)
        c.setFont(font, size)
        c.drawString(lw, y, lines[0])
        y -= size * 1.32
        rest = " ".join(lines[1:])
        if rest:
            y = self._para(y, lw, w - lw, rest, bold=bold_value)
        return y

    def draw(self) -> None:
        d, t, c = self.doc, self.t, self.canv
        w, size = self.width, self.size
        small = size - 0.8
        y = self.height - size
        # the unit (left) and the form, series and number (right)
        left_w = w * 0.62
        ly = y
        if nfc(t.parent_body).strip():
            ly = self._para(ly, 0, left_w, nfc(t.parent_body).upper(), size=small, align="center")
        ly = self._para(ly, 0, left_w, nfc(t.unit_name or t.center_name).upper().strip() or DOTS, bold=True, size=small,
                        align="center")
        ly = self._para(ly, 0, left_w, f"Mã số thuế: {nfc(d.tax_code).strip() or DOTS}", size=small, align="center")
        if nfc(t.address).strip():
            ly = self._para(ly, 0, left_w, f"Địa chỉ: {nfc(t.address).strip()}", size=small, align="center")
        ry = y
        for label, value in (("Mẫu số:", d.form), ("Ký hiệu:", d.series), ("Số:", d.number)):
            c.setFont(FONT_REGULAR, small)
            c.drawString(left_w + 6, ry, label)
            c.setFont(FONT_BOLD, small)
            c.drawString(left_w + 6 + stringWidth(label + " ", FONT_REGULAR, small), ry, nfc(value).strip() or DOTS)
            ry -= small * 1.32
        y = min(ly, ry) - size * 0.8
        # title and copy
        y = self._para(y, 0, w, TITLE, bold=True, size=size + 2.4, align="center")
        y = self._para(y, 0, w, self.label, bold=True, align="center") - 2
        if d.cancelled:
            y = self._para(y, 0, w, "ĐÃ HỦY", bold=True, size=size + 2, align="center")
        y = self._label_value(y, "Họ tên người nộp tiền:", d.payer)
        y = self._label_value(y, "Địa chỉ:", d.payer_address, bold_value=False)
        y = self._label_value(y, "Mã hồ sơ:", d.dossier_code)
        y = self._items(y - 2) - 3
        if d.reduction:
            basis = f" ({nfc(d.legal_basis).strip()})" if nfc(d.legal_basis).strip() else ""
            y = self._para(y, 0, w, f"Miễn, giảm: {nfc(d.exemption).strip() or DOTS}{basis}: {money_vn(d.reduction)}")
        y = self._label_value(y, "Tổng số tiền:", money_vn(d.amount))
        y = self._label_value(y, "Số tiền bằng chữ:", d.amount_words)
        y = self._label_value(y, "Hình thức thanh toán:", _means(d), bold_value=False)
        y = self._label_value(y, "Thời gian thu:", time_date_vn(d.paid_at), bold_value=False)
        y -= size * 0.5
        c.setFont(FONT_REGULAR, size)
        c.drawRightString(w, y, place_date_line(t.place_name, d.paid_at))
        y -= size * 1.6
        half = w / 2
        for i, (title, name) in enumerate((("NGƯỜI NỘP TIỀN", ""), ("NGƯỜI THU TIỀN", d.collector))):
            x = i * half
            c.setFont(FONT_BOLD, size)
            c.drawCentredString(x + half / 2, y, title)
            c.setFont(FONT_REGULAR, small)
            c.drawCentredString(x + half / 2, y - size * 1.3, "(Ký và ghi rõ họ tên)")
            if nfc(name).strip():
                c.setFont(FONT_BOLD, size)
                c.drawCentredString(x + half / 2, y - size * 1.3 - 16 * mm, nfc(name).strip())

    def _items(self, y: float) -> float:
        """The fees as a ruled table: STT | Tên loại phí, lệ phí | Số tiền (đồng)."""
        c, d = self.canv, self.doc
        w = self.width
        size = self.size - 1.2
        lead = size * 1.25
        cols = (0, w * 0.09, w * 0.72, w)
        pad = 2.5
        rows: list[tuple[str, list[str], str, bool]] = [("STT", ["Tên loại phí, lệ phí"], "Số tiền (đồng)", True)]
        for i, item in enumerate(d.items, start=1):
            kind = KIND_TEXT.get(item.kind, "")
            named = nfc(item.name).lower().startswith(kind.lower()) if kind else True  # "Lệ phí đăng ký..." says it
            name = nfc(item.name) + ("" if named else f" ({kind.lower()})")
            rows.append((str(i), simpleSplit(name, FONT_REGULAR, size, cols[2] - cols[1] - 2 * pad) or [""],
                         money_vn(item.amount).removesuffix(" đồng"), False))
        rows.append(("", ["Cộng"], money_vn(d.amount).removesuffix(" đồng"), True))
        c.setLineWidth(0.5)
        top = y + size
        c.line(0, top, w, top)
        for first, (no, name_lines, amount, bold) in enumerate(rows):
            height = lead * len(name_lines) + 3
            base = top - size - 1.5
            c.setFont(FONT_BOLD if bold else FONT_REGULAR, size)
            c.drawCentredString((cols[0] + cols[1]) / 2, base, no)
            for k, line in enumerate(name_lines):
                if first == 0:
                    c.drawCentredString((cols[1] + cols[2]) / 2, base - k * lead, line)
                else:
                    c.drawString(cols[1] + pad, base - k * lead, line)
            if first == 0:
                c.drawCentredString((cols[2] + cols[3]) / 2, base, amount)
            else:
                c.drawRightString(cols[3] - pad, base, amount)
            bottom = top - height
            c.line(0, bottom, w, bottom)
            for x in cols:
                c.line(x, top, x, bottom)
            top = bottom
        return top - self.size * 1.3


def _means(doc: FeeReceiptDoc) -> str:
    text = MEANS_TEXT[doc.means]
    ref = nfc(doc.reference).strip()
    return f"{text} (mã giao dịch: {ref})" if ref else text


def render_fee_receipt_data(data: Mapping[str, Any]) -> bytes:
    """From plain dicts: ``{"receipt": {...FeeReceiptDoc fields, "items": [dict]}, "template": {...}, "copies": n}``."""
    values = dict(data["receipt"])
    values["items"] = [FeeReceiptItem(**i) for i in values.get("items", ())]
    return render_fee_receipt(FeeReceiptDoc(**values), Template.from_dict(data["template"]), copies=int(data.get("copies", 3)))
