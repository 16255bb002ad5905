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
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from printing.model import Template
from printing.pdf_base import (
    GEOMETRIES,
    PLAIN,
    RENDER_LOCK,
    CopyMark,
    Signer,
    build_pdf,
    esc,
    grid_style,
    p,
    signatures,
    styles,
    val,
)
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
        story: list[Flowable] = []
        for i, label in enumerate(COPY_LABELS[copies]):
            if i:
                story.append(PageBreak())
            story.append(CopyMark(label))
            story.extend(_copy(doc, template, geo, label))
        return build_pdf(story, geo, title=TITLE.capitalize(), footer_lines=template.footer_lines,
                         footer_left=f"Biên lai {nfc(doc.series)} {nfc(doc.number)}")


def _copy(doc: FeeReceiptDoc, t: Template, geo, label: str) -> list[Flowable]:
    st = styles(geo.base)
    width = geo.width
    unit = nfc(t.unit_name or t.center_name).strip().upper() or DOTS
    left = [
        p(esc(nfc(t.parent_body).upper()), st["small_c"]) if nfc(t.parent_body).strip() else Spacer(1, 0),
        p(f"<b>{esc(unit)}</b>", st["small_c"]),
        p(f"Mã số thuế: {val(doc.tax_code)}", st["small_c"]),
    ]
    if nfc(t.address).strip():
        left.append(p(f"Địa chỉ: {esc(t.address)}", st["small_c"]))
    right = [
        p(f"Mẫu số: {val(doc.form)}", st["small"]),
        p(f"Ký hiệu: <b>{val(doc.series)}</b>", st["small"]),
        p(f"Số: <b>{val(doc.number)}</b>", st["small"]),
    ]
    head = Table([[left, right]], colWidths=[width * 0.62, width * 0.38], style=PLAIN)
    out: list[Flowable] = [
        head,
        p(TITLE, st["title"]),
        p(esc(label), st["subtitle"]),
    ]
    if doc.cancelled:
        out.append(p("<b>ĐÃ HỦY</b>", st["center_b"]))
    out += [
        p(f"Họ tên người nộp tiền: <b>{val(doc.payer)}</b>", st["body"]),
        p(f"Địa chỉ: {val(doc.payer_address)}", st["body"]),
        p(f"Mã hồ sơ: <b>{val(doc.dossier_code)}</b>", st["body"]),
        Spacer(1, 2),
        _items(doc, geo, st),
        Spacer(1, 3),
    ]
    if doc.reduction:
        basis = f" ({esc(doc.legal_basis)})" if nfc(doc.legal_basis).strip() else ""
        out.append(p(f"Miễn, giảm: {val(doc.exemption)}{basis}: {esc(money_vn(doc.reduction))}", st["body"]))
    out += [
        p(f"Tổng số tiền: <b>{esc(money_vn(doc.amount))}</b>", st["body"]),
        p(f"Số tiền bằng chữ: <b>{val(doc.amount_words)}</b>", st["body"]),
        p(f"Hình thức thanh toán: {esc(_means(doc))}", st["body"]),
        p(f"Thời gian thu: {esc(time_date_vn(doc.paid_at))}", st["body"]),
        Spacer(1, 3),
        p(f"<i>{esc(place_date_line(t.place_name, doc.paid_at))}</i>", st["right"]),
        signatures([Signer("Người nộp tiền"), Signer("Người thu tiền", name=doc.collector)], geo, space=13 * mm),
    ]
    return out


def _means(doc: FeeReceiptDoc) -> str:
    text = MEANS_TEXT[doc.means]
    ref = nfc(doc.reference).strip()
    return f"{text} (mã giao dịch: {ref})" if ref else text


def _items(doc: FeeReceiptDoc, geo, st) -> Table:
    rows: list[list[Any]] = [[p("STT", st["cell_h"]), p("Tên loại phí, lệ phí", st["cell_h"]),
                              p("Số tiền (đồng)", st["cell_h"])]]
    for i, item in enumerate(doc.items, start=1):
        kind = KIND_TEXT.get(item.kind, "")
        named = nfc(item.name).lower().startswith(kind.lower()) if kind else True  # "Lệ phí đăng ký..." says it
        rows.append([str(i), p(esc(item.name) + ("" if named else f" ({kind.lower()})"), st["cell"]),
                     money_vn(item.amount).removesuffix(" đồng")])
    rows.append(["", p("<b>Cộng</b>", st["cell"]), money_vn(doc.amount).removesuffix(" đồng")])
    w = geo.width
    return Table(rows, colWidths=[w * 0.09, w * 0.63, w * 0.28], repeatRows=1, hAlign="LEFT",
                 style=grid_style(1, [("ALIGN", (2, 1), (2, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")],
                                  font_size=st["cell"].fontSize))


def render_fee_receipt_data(data: Mapping[str, Any]) -> bytes:
    """From plain dicts: ``{"receipt": {...FeeReceiptDoc fields, "items": [dict]}, "template": {...}, "copies": n}``."""
    values = dict(data["receipt"])
    values["items"] = [FeeReceiptItem(**i) for i in values.get("items", ())]
    return render_fee_receipt(FeeReceiptDoc(**values), Template.from_dict(data["template"]), copies=int(data.get("copies", 3)))
