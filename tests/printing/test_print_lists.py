"""Form 07 (tracking register) and the hand-over list."""

from __future__ import annotations

from datetime import date

from printing import render_handover, render_register
from printing.model import HandoverList
from printing.samples import sample_handover_list, sample_register_rows
from tests.printing.print_helpers import flat, pdf_page_size, pdf_pages_text, pdf_text


def test_register_landscape_with_rows(template):
    rows = sample_register_rows(12)
    pdf = render_register(rows, date(2026, 5, 1), date(2026, 5, 31), template)
    w, h = pdf_page_size(pdf)
    assert w > h and round(w) == 842
    text = pdf_text(pdf)
    assert "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/05/2026 đến ngày 31/05/2026" in text
    for r in rows:
        assert r.code in text
        assert r.applicant_name in text
    assert "Tổng số: 12 hồ sơ." in text
    raw = flat(pdf_text(pdf, layout=False))
    for heading in ("Mã hồ sơ", "Tên thủ tục hành chính", "Nhận hồ sơ", "Hẹn trả kết quả", "Ký nhận", "Ghi chú"):
        assert heading in raw
    assert "None" not in text


def test_register_flows_with_header_repeated(template):
    rows = sample_register_rows(40)
    pages = pdf_pages_text(render_register(rows, date(2026, 5, 1), date(2026, 5, 31), template))
    assert len(pages) >= 2
    for page in pages:
        assert "Mã hồ sơ" in page and "(14)" in page
    everything = "\n".join(pages)
    for r in rows:
        assert r.code in everything


def test_register_empty(template):
    text = pdf_text(render_register([], date(2026, 5, 1), date(2026, 5, 1), template))
    assert "Tổng số: 0 hồ sơ." in text


def test_handover_list(template):
    hl = sample_handover_list(8)
    pdf = render_handover(hl, template)
    w, h = pdf_page_size(pdf)
    assert round(w) == 595 and round(h) == 842
    text = pdf_text(pdf)
    assert "DANH SÁCH BÀN GIAO HỒ SƠ" in text
    assert "Đợt bàn giao: 09 giờ 00 phút, ngày 05/05/2026" in text
    assert "Bên nhận: Phòng Văn hóa - Xã hội" in text
    assert "Bên giao: Trung tâm Phục vụ hành chính công xã An Bình" in text
    for r in hl.rows:
        assert r.code in text
    assert "Tổng số: 8 hồ sơ, 8 bộ." in text
    assert "BÊN GIAO" in text and "BÊN NHẬN" in text
    assert "Trần Văn Đức" in text and "Lê Thị Mỹ" in text


def test_handover_many_rows_repeat_header(template):
    hl = sample_handover_list(45)
    pages = pdf_pages_text(render_handover(hl, template))
    assert len(pages) >= 2
    assert all("Mã hồ sơ" in p for p in pages)


def test_handover_blank(template):
    hl = HandoverList(round_id="", round_at=sample_handover_list().round_at, department="")
    text = pdf_text(render_handover(hl, template))
    assert "None" not in text
    assert "Tổng số: 0 hồ sơ, 0 bộ." in text
