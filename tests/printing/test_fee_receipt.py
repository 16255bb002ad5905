"""The fee receipt PDF (Biên lai thu tiền phí, lệ phí): the fields domain.md lists, 2 or 3 copies, amounts in
figures and in words, deterministic bytes; checked with pdftotext."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pytest

from app.numbers_vi import amount_in_words
from printing import render_fee_receipt
from printing.fee_receipt import FeeReceiptDoc, FeeReceiptItem, render_fee_receipt as render
from printing.samples import sample_template
from tests.printing.print_helpers import pdf_text

DOC = FeeReceiptDoc(
    form="01BLP0-001", series="AA-26P", number="0000123", dossier_code="000.17.22.H56-261202-0007",
    payer="Trần Thị Mỹ Hạnh", payer_address="Thôn Phú Lộc, xã An Bình", amount=21_000,
    amount_words=amount_in_words(21_000), means="transfer", reference="FT26336123456",
    paid_at=datetime(2026, 12, 2, 2, 5, tzinfo=timezone.utc), tax_code="4300123456", collector="Nguyễn Thị Lan",
    gross=28_000, reduction=7_000, exemption="Trẻ em", legal_basis="Luật Trẻ em 2016",
    items=(FeeReceiptItem(name="Lệ phí đăng ký khai sinh không đúng hạn", kind="le_phi", amount=5_000),
           FeeReceiptItem(name="Bản sao trích lục", kind="phi", amount=16_000)),
)


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_field_of_the_receipt_is_printed_on_each_copy():
    pdf = render(DOC, sample_template(), copies=3)
    pages = pdf_text(pdf).split("\f")
    assert len([p for p in pages if p.strip()]) == 3
    for page, label in zip(pages, ("Liên 1: Lưu", "Liên 2: Giao người nộp tiền", "Liên 3: Nội bộ"), strict=False):
        text = one_line(page)
        for needle in ("BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ", label, "Mã số thuế: 4300123456", "Mẫu số: 01BLP0-001",
                       "Ký hiệu: AA-26P", "Số: 0000123", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                       "Họ tên người nộp tiền: Trần Thị Mỹ Hạnh", "Mã hồ sơ: 000.17.22.H56-261202-0007",
                       "Lệ phí đăng ký khai sinh không đúng hạn", "Bản sao trích lục (phí)", "16.000",
                       "Miễn, giảm: Trẻ em (Luật Trẻ em 2016): 7.000 đồng", "Tổng số tiền: 21.000 đồng",
                       "Số tiền bằng chữ: Hai mươi mốt nghìn đồng",
                       "Hình thức thanh toán: Chuyển khoản (mã giao dịch: FT26336123456)",
                       "09 giờ 05 phút, ngày 02/12/2026", "ngày 02 tháng 12 năm 2026", "NGƯỜI NỘP TIỀN",
                       "NGƯỜI THU TIỀN", "Nguyễn Thị Lan"):
            assert needle in text, (needle, label)
        assert "(lệ phí)" not in text  # the name says it already


def test_two_copies_cash_no_reduction_and_deterministic_bytes():
    doc = dataclasses.replace(DOC, means="cash", reference="", reduction=0, exemption="", legal_basis="")
    pdf = render_fee_receipt({"receipt": dataclasses.asdict(doc), "template": sample_template().to_dict(), "copies": 2})
    text = pdf_text(pdf)
    assert text.count("BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ") == 2 and "Liên 3" not in text
    assert "Hình thức thanh toán: Tiền mặt" in one_line(text) and "Miễn, giảm" not in text
    assert pdf == render_fee_receipt({"receipt": dataclasses.asdict(doc), "template": sample_template().to_dict(), "copies": 2})


def test_a_long_payer_wraps_and_blanks_print_dots():
    doc = dataclasses.replace(DOC, payer="Công ty trách nhiệm hữu hạn " * 8, tax_code="", payer_address="")
    text = one_line(pdf_text(render(doc, sample_template(), copies=2)))
    assert "Mã số thuế: …" in text and "Địa chỉ: …" in text and text.count("Công ty trách nhiệm hữu hạn") == 16


def test_bad_arguments():
    with pytest.raises(ValueError):
        render(DOC, sample_template(), copies=4)
    with pytest.raises(ValueError):
        render(dataclasses.replace(DOC, means="cheque"), sample_template())
