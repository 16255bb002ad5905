"""Page processing: blank pages on a fixed set of generated pages, deskew, exposure, the image PDF."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess

import pikepdf
import pytest
from PIL import Image

from devices.pages import (
    PageOptions,
    build_pdf,
    check_blank,
    find_skew,
    kept_pages,
    ocr_available,
    ocr_pdf,
    pdf_images,
    process_page,
)
from devices.scanner import ScanRequest
from devices.scanner_sim import SimulatedScanner, make_page

INKED = ("text", "short_line", "photo")
EMPTY = ("blank", "near_blank")


@pytest.mark.parametrize(
    ("dpi", "color", "seed"),
    [(200, False, 0), (200, False, 1), (200, False, 2), (200, True, 0), (300, False, 1), (300, True, 2)],
)
def test_no_text_page_is_dropped_and_empty_pages_are(dpi, color, seed):
    for kind in INKED + EMPTY:
        page = make_page(kind, dpi=dpi, color=color, seed=seed, skew_deg=(seed - 1) * 0.7)
        check = check_blank(page, dpi)
        assert check.blank == (kind in EMPTY), (kind, check)


def test_the_threshold_is_configurable_and_dropped_pages_come_back():
    pages = [process_page(make_page(k, dpi=200), 200) for k in ("text", "blank", "short_line", "near_blank")]
    assert [p.blank for p in pages] == [False, True, False, True]
    assert kept_pages(pages) == [0, 2]
    assert kept_pages(pages, restored=[3]) == [0, 2, 3]
    strict = process_page(make_page("short_line", dpi=200), 200, options=PageOptions(blank_threshold=0.01))
    assert strict.blank and strict.ink_ratio == pages[2].ink_ratio


@pytest.mark.parametrize(("angle", "dpi"), [(-3.0, 200), (-1.2, 300), (-0.4, 200), (0.0, 200), (0.3, 200), (0.8, 300), (2.5, 200)])
def test_skew_is_found(angle, dpi):
    page = make_page("text", dpi=dpi, seed=4, skew_deg=angle)
    assert find_skew(page, dpi) == pytest.approx(angle, abs=0.1)


def test_a_skewed_page_comes_out_straight():
    page = make_page("text", dpi=200, seed=5, skew_deg=1.7)
    out = process_page(page, 200)
    assert out.deskewed and out.skew_deg == pytest.approx(1.7, abs=0.1)
    straightened = Image.open(io.BytesIO(out.jpeg))
    assert straightened.size == page.size
    assert abs(find_skew(straightened, 200)) <= 0.1


def test_no_rotation_when_the_scanner_deskewed_or_the_page_has_no_lines():
    skewed = make_page("text", dpi=200, seed=5, skew_deg=1.7)
    assert not process_page(skewed, 200, scanner_deskewed=True).deskewed
    photo = process_page(make_page("photo", dpi=200), 200)
    assert photo.skew_deg == 0.0 and not photo.deskewed


def test_exposure_warnings():
    normal = process_page(make_page("text", dpi=200), 200)
    assert normal.exposure == "ok"
    dark = make_page("text", dpi=200).point(lambda v: v * 90 // 255)  # the lid was open / exposure far off
    assert process_page(dark, 200).exposure == "too_dark"
    faded = make_page("text", dpi=200).point(lambda v: 185 + (v * 70) // 255)  # ink barely darker than paper
    out = process_page(faded, 200)
    assert out.exposure == "too_light" and not out.blank  # warned, not dropped


def test_the_pdf_embeds_the_page_jpegs_as_they_are(tmp_path):
    pages = [process_page(make_page(k, dpi=200, seed=i, skew_deg=0.6), 200) for i, k in enumerate(("text", "blank", "short_line", "photo"))]
    keep = kept_pages(pages)
    doc = build_pdf(pages, keep)
    assert doc.page_count == 3 and doc.pages == (0, 2, 3)
    assert doc.sha256 == hashlib.sha256(doc.data).hexdigest() and doc.file_name == f"{doc.sha256}.pdf"
    assert build_pdf(pages, keep).data == doc.data  # same pages, same bytes, same name
    with pikepdf.open(io.BytesIO(doc.data)) as pdf:
        assert len(pdf.pages) == 3
        width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4 from the JPEG's dpi
    assert pdf_images(doc.data) == [pages[i].jpeg for i in keep]
    # and an independent reader agrees: poppler's pdfimages writes each DCT stream out unchanged
    (tmp_path / "doc.pdf").write_bytes(doc.data)
    subprocess.run([shutil.which("pdfimages") or "pdfimages", "-j", str(tmp_path / "doc.pdf"), str(tmp_path / "img")], check=True, timeout=60)
    extracted = sorted(tmp_path.glob("img-*.jpg"))
    assert [p.read_bytes() for p in extracted] == [pages[i].jpeg for i in keep]


def test_a_pdf_needs_a_page():
    with pytest.raises(ValueError):
        build_pdf([process_page(make_page("blank", dpi=200), 200)], [])


def test_a_jpeg_from_the_device_is_kept_unless_it_must_turn():
    buf = io.BytesIO()
    make_page("text", dpi=200, seed=6).save(buf, "JPEG", quality=85, dpi=(200, 200))
    straight = buf.getvalue()
    out = process_page(Image.open(io.BytesIO(straight)), 200, source_jpeg=straight)
    assert out.kept_source and out.jpeg == straight
    buf = io.BytesIO()
    make_page("text", dpi=200, seed=6, skew_deg=2).save(buf, "JPEG", quality=85, dpi=(200, 200))
    skewed = buf.getvalue()
    out = process_page(Image.open(io.BytesIO(skewed)), 200, source_jpeg=skewed)
    assert out.deskewed and not out.kept_source and out.jpeg != skewed


def test_gray_and_colour_modes_are_kept():
    gray = process_page(make_page("text", dpi=200), 200)
    color = process_page(make_page("text", dpi=200, color=True), 200)
    assert (gray.mode, Image.open(io.BytesIO(gray.jpeg)).mode) == ("L", "L")
    assert (color.mode, Image.open(io.BytesIO(color.jpeg)).mode) == ("RGB", "RGB")
    assert Image.open(io.BytesIO(gray.jpeg)).info["dpi"] == (200, 200)
    assert max(Image.open(io.BytesIO(gray.thumbnail)).size) == 240


def test_from_the_feeder_to_the_pdf():
    scanner = SimulatedScanner(pages=6, blank_every=3)
    processed = [process_page(p.image, p.dpi) for p in scanner.scan(ScanRequest())]
    assert [p.blank for p in processed] == [False, False, True, False, False, True]
    doc = build_pdf(processed, kept_pages(processed))
    assert doc.page_count == 4


@pytest.mark.skipif(not ocr_available("vie"), reason="Tesseract with the Vietnamese language pack is not installed")
def test_ocr_makes_the_pdf_searchable_and_keeps_the_images(tmp_path):
    page = make_page("text", dpi=200, seed=7, page_size="A5")
    pages = [process_page(page, 200)]
    doc = build_pdf(pages)
    searchable = ocr_pdf(doc, pages, lang="vie")
    assert searchable.page_count == 1 and searchable.sha256 != doc.sha256
    assert pdf_images(searchable.data) == [pages[0].jpeg]
    (tmp_path / "s.pdf").write_bytes(searchable.data)
    text = subprocess.run(["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True, text=True, check=True, timeout=60).stdout
    assert "ĐƠN ĐỀ NGHỊ" in text.upper() or "ĐỀ NGHỊ" in text.upper()
