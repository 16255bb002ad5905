"""Forms 01-06: content read back with pdftotext, codes decoded from the rendered page."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import sys
import unicodedata
from datetime import datetime, timezone

import pytest
from tests.printing.print_helpers import flat, pdf_page_count, pdf_page_images, pdf_page_size, pdf_pages_text, pdf_text, read_codes

from printing import render_form
from printing.model import (
    ApologyInfo,
    DocumentRow,
    DossierDoc,
    Person,
    RefusalInfo,
    StopInfo,
    SupplementInfo,
    SupplementItem,
)
from printing.pdf_forms import FORMS
from printing.samples import sample_dossier, sample_handover_events, sample_template
from printing.text import qr_payload

UTC = timezone.utc

EXTRAS = {
    "receipt": None,
    "supplement": SupplementInfo(
        items=[SupplementItem(name="Giấy chứng sinh bản chính", reason="Bản nộp là bản photo không chứng thực"),
               ("Tờ khai có chữ ký của người đi đăng ký", "Tờ khai chưa ký")],
        reason="Hồ sơ chưa đầy đủ thành phần theo quy định",
        officer_name="Trần Văn Đức",
        officer_phone="0251 3822 123",
        rules_ref="Niêm yết tại quầy số 2 và trên Cổng dịch vụ công",
        issued_at=datetime(2026, 5, 5, 2, 0, tzinfo=UTC),
    ),
    "refusal": RefusalInfo(
        reason="Yêu cầu không thuộc thẩm quyền giải quyết của cấp xã",
        contact="Trần Văn Đức, 0251 3822 123",
        officer_name="Trần Văn Đức",
        issued_at=datetime(2026, 5, 5, 2, 0, tzinfo=UTC),
    ),
    "apology": ApologyInfo(
        number="12/XL-VHXH",
        reason="Cần xác minh thêm thông tin nơi sinh",
        new_due_at=datetime(2026, 5, 12, 9, 0, tzinfo=UTC),
        signer_name="Phạm Quốc Hưng",
        signer_title="Trưởng phòng",
        issued_at=datetime(2026, 5, 7, 2, 0, tzinfo=UTC),
    ),
    "stop": StopInfo(
        requested_at=datetime(2026, 5, 6, 3, 0, tzinfo=UTC),
        reason="Người yêu cầu muốn bổ sung giấy tờ khác và nộp lại sau",
        number="05/TB-TTPVHCC",
        signer_name="Võ Thanh Tâm",
        return_place="Quầy số 2",
        issued_at=datetime(2026, 5, 6, 4, 0, tzinfo=UTC),
    ),
    "control": sample_handover_events(),
}

EXPECTED = {
    "supplement": ["Giấy chứng sinh bản chính", "Tờ khai chưa ký", "Niêm yết tại quầy số 2", "0251 3822 123"],
    "refusal": ["Yêu cầu không thuộc thẩm quyền giải quyết của cấp xã", "Trần Văn Đức, 0251 3822 123"],
    "apology": ["Số: 12/XL-VHXH", "Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung", "Cần xác minh thêm thông tin nơi sinh",
                "16 giờ 00 phút, ngày 12/05/2026", "TRƯỞNG PHÒNG", "Phạm Quốc Hưng", "PHÒNG VĂN HÓA - XÃ HỘI",
                "ngày 07 tháng 05 năm 2026"],
    "stop": ["Số: 05/TB-TTPVHCC", "Ngày 06/05/2026, Ông/Bà có yêu cầu dừng giải quyết hồ sơ",
             "Người yêu cầu muốn bổ sung giấy tờ khác và nộp lại sau", "Quầy số 2", "Võ Thanh Tâm"],
    "control": ["Trung tâm Phục vụ HCC", "Phòng Văn hóa - Xã hội", "11:00 ngày 05/05/2026", "Trước hạn",
                "Đã ký trích lục", "Lê Thị Mỹ"],
}


def _render(form, dossier, template, extra="default"):
    return render_form(form, dossier, template, extra=EXTRAS[form] if extra == "default" else extra)


@pytest.mark.parametrize("form", list(FORMS))
def test_form_text(form, dossier, template):
    pdf = _render(form, dossier, template)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    flat_text = flat(pdf_text(pdf, layout=False))  # reading order: wrapped table cells stay together
    assert FORMS[form][1] in text  # title on one line, exact Vietnamese
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "UBND XÃ AN BÌNH" in text
    assert dossier.code in text
    assert dossier.applicant.full_name in text
    assert "05/05/2026" in text  # received, dd/mm/yyyy
    assert "None" not in text
    for phrase in EXPECTED.get(form, []):
        assert phrase in flat_text, phrase


def test_receipt_contents_and_two_copies(dossier, template):
    pdf = _render("receipt", dossier, template)
    pages = pdf_pages_text(pdf)
    assert len(pages) == 2  # 8 documents: one page per copy
    assert "Liên 1: Lưu" in pages[0]
    assert "Liên 2: Giao người nộp" in pages[1]
    for page in pages:
        f = flat(page)
        assert "Xã An Bình, ngày 05 tháng 05 năm 2026" in page
        assert "Ông/Bà (tổ chức): Nguyễn Thị Hồng Nhung" in page
        assert "079190001234" in page and "14/07/1990" in page
        assert "Tổ 3, ấp Bình Lợi, xã An Bình, tỉnh Đồng Nai" in page
        assert "0912345678" in page and "nhung.nguyen@example.vn" in page
        assert "Nội dung yêu cầu giải quyết: Đăng ký khai sinh" in page
        for doc in dossier.documents:
            assert doc.name in page
        assert "Bản chính" in page and "Bản photo" in page and "chứng thực" in page
        assert "2. Số lượng hồ sơ: 1 (bộ)" in page
        assert "03 ngày làm việc" in page
        assert "4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05/05/2026" in page
        assert "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 08/05/2026" in page
        assert "Bộ phận trả kết quả" in page
        assert "Phí cấp bản sao trích lục: 8.000 đồng" in f
        assert "quyển số: 03/2026, số thứ tự: 0125" in page
        assert "NGƯỜI NỘP HỒ SƠ" in page and "NGƯỜI TIẾP NHẬN HỒ SƠ" in page
        assert "Trần Văn Đức" in page


def test_receipt_submitter_differs(template):
    d = sample_dossier(submitter=Person(full_name="Lê Văn Tám", id_number="079080009999", phone="0987654321"))
    text = flat(pdf_text(_render("receipt", d, template)))
    assert "Người nộp hồ sơ: Lê Văn Tám" in text
    assert "079080009999" in text


@pytest.mark.parametrize("form", ["receipt", "control", "apology"])
def test_barcode_and_qr_decode(form, dossier, template):
    pdf = _render(form, dossier, template)
    (page,) = pdf_page_images(pdf, dpi=200, first=1, last=1)
    codes = read_codes(page)
    assert codes.get("Code128") == [dossier.code], codes
    assert codes.get("QRCode") == [qr_payload(template.qr_template, dossier.code)], codes


def test_a4_paper_setting(dossier):
    t = sample_template(paper_size="A4")
    pdf = _render("receipt", dossier, t)
    w, h = pdf_page_size(pdf)
    assert (round(w), round(h)) == (595, 842)
    (page,) = pdf_page_images(pdf, dpi=200)
    assert read_codes(page).get("Code128") == [dossier.code]


def test_a5_page_size(dossier, template):
    w, h = pdf_page_size(_render("refusal", dossier, template))
    assert (round(w), round(h)) == (420, 595)


def test_thirty_rows_flow_with_repeated_header(template):
    docs = [DocumentRow(name=f"Giấy tờ thứ {i:02d} của người yêu cầu", originals=1) for i in range(1, 31)]
    d = sample_dossier(documents=docs)
    pdf = _render("receipt", d, template)
    pages = pdf_pages_text(pdf)
    assert len(pages) == 4  # each copy takes two pages
    for copy in (pages[:2], pages[2:]):
        assert all("Tên giấy tờ" in p for p in copy), "header row repeated on the second page"
        both = "\n".join(copy)
        for doc in docs:
            assert doc.name in both
        assert "Trang 2" in copy[1]
        assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in copy[1]
    assert "Liên 2: Giao người nộp" in pages[2] and "Liên 2: Giao người nộp" in pages[3]


def test_long_names_wrap(template):
    long_doc = "Văn bản thỏa thuận " + " ".join(f"điều{i}" for i in range(60)) + " cuối cùng"
    long_name = "Công ty trách nhiệm hữu hạn một thành viên thương mại dịch vụ xuất nhập khẩu Hoàng Long Đồng Nai"
    d = sample_dossier(
        applicant=dataclasses.replace(sample_dossier().applicant, full_name=long_name),
        documents=[DocumentRow(name=long_doc, certified_copies=2, note="kèm bản dịch")],
        procedure_name="Thủ tục " + "rất dài " * 30 + "kết thúc",
    )
    pdf = _render("receipt", d, template)
    text = flat(pdf_text(pdf, layout=False))
    assert long_name in text
    for word in ("Văn bản thỏa thuận", "điều0", "điều59", "cuối cùng", "kèm bản dịch", "kết thúc"):
        assert word in text
    # Nothing drawn outside the page: every word is extracted inside the A5 box by pdftotext -layout.
    assert pdf_page_count(pdf) >= 2


def test_missing_optional_fields_print_blanks(template):
    d = DossierDoc(
        code="X-1",
        procedure_name="",
        applicant=Person(full_name=""),
        received_at=datetime(2026, 5, 5, 1, 0, tzinfo=UTC),
        sets=None,
    )
    bare = sample_template(parent_body="", unit_name="", place_name="", center_name="", footer_lines=())
    for form in FORMS:
        for t in (template, bare):
            pdf = render_form(form, d, t)
            text = pdf_text(pdf)
            assert "None" not in text, form
            assert "…" in text
            assert "X-1" in text


def test_wrong_form_and_extra():
    d, t = sample_dossier(), sample_template()
    with pytest.raises(ValueError):
        render_form("receipt-old", d, t)
    with pytest.raises(TypeError):
        render_form("apology", d, t, extra=RefusalInfo())
    with pytest.raises(TypeError):
        render_form("control", d, t, extra=[object()])
    # One event instead of a list is accepted.
    assert render_form("control", d, t, extra=sample_handover_events()[0]).startswith(b"%PDF")


def test_decomposed_input_prints_composed(template):
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    d = sample_dossier(applicant=dataclasses.replace(sample_dossier().applicant, full_name=name))
    assert "Nguyễn Thị Hồng Nhung" in pdf_text(_render("receipt", d, template))


def test_control_sheet_pads_blank_rows(dossier, template):
    pdf = render_form("control", dossier, template, extra=None)
    text = pdf_text(pdf)
    assert text.count("Giao:") >= 5


@pytest.mark.parametrize("form", list(FORMS))
def test_deterministic_bytes(form, dossier, template):
    a = _render(form, dossier, template)
    b = _render(form, sample_dossier(), sample_template())
    assert a == b


_SUBPROCESS = """
import hashlib, sys
from printing import render_form
from printing.samples import sample_dossier, sample_template
sys.stdout.write(hashlib.sha256(render_form("receipt", sample_dossier(), sample_template())).hexdigest())
"""


def test_deterministic_across_processes(dossier, template):
    here = hashlib.sha256(render_form("receipt", dossier, template)).hexdigest()
    there = subprocess.run([sys.executable, "-c", _SUBPROCESS], capture_output=True, check=True, text=True).stdout
    assert here == there


def test_logo_is_drawn_and_a_bad_logo_is_skipped(tmp_path, dossier, caplog):
    from PIL import Image as PILImage

    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (64, 64), (200, 0, 0)).save(logo)
    with_logo = render_form("receipt", dossier, sample_template(logo_path=str(logo)))
    assert with_logo == render_form("receipt", dossier, sample_template(logo_path=str(logo)))
    assert with_logo != render_form("receipt", dossier, sample_template())
    broken = render_form("receipt", dossier, sample_template(logo_path=str(tmp_path / "missing.png")))
    assert broken == render_form("receipt", dossier, sample_template())
    assert "logo" in caplog.text


def test_concurrent_renders_match_sequential(dossier, template):
    from concurrent.futures import ThreadPoolExecutor

    forms = list(FORMS) * 3
    expected = {f: _render(f, dossier, template) for f in FORMS}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda f: (f, _render(f, dossier, template)), forms))
    assert all(pdf == expected[f] for f, pdf in results)


def test_public_form_keys_match_the_renderer():
    from printing import FORM_KEYS

    assert tuple(FORMS) == FORM_KEYS


@pytest.mark.parametrize("paper", ["A5", "A4"])
def test_receipt_with_ten_documents_keeps_each_copy_to_one_page(paper):
    """The signatures used to fall alone onto a second page: each copy was two pages."""
    t = sample_template(paper_size=paper)
    d = sample_dossier(10, submitter=Person(full_name="Lê Văn Tám", id_number="079080009999", phone="0987654321"))
    pdf = _render("receipt", d, t)
    assert pdf_page_count(pdf) == 2
    for page, copy in zip(pdf_pages_text(pdf), ("Liên 1: Lưu", "Liên 2: Giao người nộp"), strict=True):
        assert copy in page and "NGƯỜI NỘP HỒ SƠ" in page and "NGƯỜI TIẾP NHẬN HỒ SƠ" in page
        assert all(doc.name in page for doc in d.documents)
        assert "7. Phí, lệ phí" in page and "Trang 1" in page


def test_receipt_beyond_one_page_carries_points_2_to_7_with_the_signatures(template):
    d = sample_dossier(16)
    pages = pdf_pages_text(_render("receipt", d, template))
    assert len(pages) == 4
    for first, second in (pages[:2], pages[2:]):
        assert "Tên giấy tờ" in first and "NGƯỜI TIẾP NHẬN HỒ SƠ" not in first
        assert "2. Số lượng hồ sơ" in second and "7. Phí, lệ phí" in second and "Vào Sổ theo dõi" in second
        assert "NGƯỜI NỘP HỒ SƠ" in second and "Trang 2" in second
        assert all(doc.name in first + second for doc in d.documents)


def test_a_field_of_a_quarter_megabyte_without_spaces_prints_whole(template):
    """A 1 MB address without spaces took 554 s of CPU (64 kB: 4 s): long runs are hard-broken and very
    long text is laid out piece by piece, so the work grows in proportion to the text (bench_printing)."""
    address = "".join(chr(ord("a") + i % 26) for i in range(256_000))
    d = sample_dossier(applicant=dataclasses.replace(sample_dossier().applicant, address=address))
    pdf = _render("receipt", d, template)
    pages = pdf_pages_text(pdf, layout=False)
    # The body of each page, without the footer drawn at its end (hotline, look-up site, page number).
    text = "".join("".join(page.split("Tra cứu hồ sơ")[0].split()) for page in pages)
    assert text.count(address) == 2  # both copies, every character, in order
    assert len(pages) > 20 and "Liên 2: Giao người nộp" in "".join(pages)
    assert all("Trang" in page for page in pages)
