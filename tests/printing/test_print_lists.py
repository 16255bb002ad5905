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


def test_register_row_with_a_huge_field_is_clipped_and_flows(template):
    """A row taller than a page cannot be laid out (LayoutError): a cell shows 400 characters at most."""
    import dataclasses

    rows = sample_register_rows(60)
    huge = "Số 1 đường " + "y" * 1_000_000
    rows[1] = dataclasses.replace(rows[1], address=huge, note="z" * 100_000, procedure_name="Thủ tục " * 5000)
    pdf = render_register(rows, date(2026, 5, 1), date(2026, 5, 31), template)
    pages = pdf_pages_text(pdf)
    assert len(pages) >= 3
    assert all("Mã hồ sơ" in page for page in pages)  # the heading rows repeat on every page
    text = "".join(pages)
    assert "Số 1 đường" in text and "…" in text and "y" * 1000 not in "".join(text.split())
    assert all(r.code in flat(text) for r in rows)
    assert "Tổng số: 60 hồ sơ." in flat(pages[-1])


def test_form_tables_with_huge_cells_still_print(template, dossier):
    import dataclasses

    from printing import render_form
    from printing.model import DocumentRow, SupplementInfo, SupplementItem

    d = dataclasses.replace(dossier, documents=[DocumentRow(name="w" * 500_000, originals=1, note="n" * 200_000)])
    assert "Liên 2" in pdf_text(render_form("receipt", d, template))
    info = SupplementInfo(items=[SupplementItem(name="Tờ khai", reason="r " * 300_000)], reason="lý do " * 1000)
    assert "Tờ khai" in pdf_text(render_form("supplement", d, template, extra=info))
