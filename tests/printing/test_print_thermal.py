"""Queue ticket and short receipt on 58/80 mm rolls: bytes, layout, QR, golden image."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from printing import receipt_slip_image, render_receipt_slip, render_ticket, ticket_image
from printing.samples import sample_dossier, sample_template, sample_ticket
from printing.text import qr_payload
from tests.printing.escpos_decode import decode
from tests.printing.print_helpers import assert_matches_golden, read_codes

WIDTH = {80: 576, 58: 384}


@pytest.mark.parametrize("width_mm", [80, 58])
def test_ticket_escpos_structure(width_mm):
    t = sample_ticket()
    data = render_ticket(t, width_mm=width_mm)
    assert data.startswith(b"\x1b@")
    job = decode(data, width=WIDTH[width_mm])
    assert job.ended_with_cut and len(job.cuts) == 1
    lines = job.text_lines()
    assert "A012" in lines  # the big number in the printer's font
    big = next(x for x in job.texts if x.text == "A012")
    assert big.width_mult >= 4 and big.height_mult == big.width_mult and big.bold
    assert "05/05/2026  08:30" in lines  # 01:30 UTC printed in local time
    # Vietnamese lines are images cropped to their ink, never the full paper width
    assert all(r.image.width < WIDTH[width_mm] for r in job.rasters)
    assert all(cmd[1] in (1,) for cmd in job.commands if cmd[0] == "align")


def test_ticket_budget_and_full_raster_comparison():
    t = sample_ticket()
    compact = render_ticket(t)
    full = render_ticket(t, full_raster=True)
    assert len(compact) <= 6000, len(compact)
    assert len(full) > 3 * len(compact)
    job = decode(full)
    assert len(job.rasters) > 1 and all(r.image.width == 576 for r in job.rasters)  # one image, in bands
    assert job.ended_with_cut


@pytest.mark.parametrize("width_mm", [80, 58])
def test_ticket_qr_decodes_from_the_byte_stream(width_mm):
    t = sample_ticket()
    job = decode(render_ticket(t, width_mm=width_mm), width=WIDTH[width_mm])
    codes = read_codes(job.image())
    assert codes.get("QRCode") == [t.qr_text]
    # The QR raster is only as wide as the code itself, centred by ESC a 1.
    qr = max(job.rasters, key=lambda r: r.image.height)
    assert qr.image.width <= 160
    assert abs((qr.x + qr.image.width / 2) - WIDTH[width_mm] / 2) <= 4


def test_full_raster_qr_decodes():
    t = sample_ticket()
    job = decode(render_ticket(t, full_raster=True))
    assert read_codes(job.image()).get("QRCode") == [t.qr_text]


def test_ticket_png_preview():
    t = sample_ticket()
    png = render_ticket(t, fmt="png")
    assert png.startswith(b"\x89PNG")
    img = Image.open(io.BytesIO(png))
    assert img.width == 576
    assert read_codes(img.convert("L")).get("QRCode") == [t.qr_text]
    assert ticket_image(t).size == img.size


def test_ticket_golden_images():
    t = sample_ticket()
    assert_matches_golden(ticket_image(t), "ticket_80.png")
    assert_matches_golden(decode(render_ticket(t)).image(), "ticket_80_escpos.png")
    assert_matches_golden(ticket_image(t, width_mm=58), "ticket_58.png")


def test_ticket_options_and_long_text():
    t = sample_ticket(
        center_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN BÌNH HUYỆN CŨ TỈNH ĐỒNG NAI (CƠ SỞ 2)",
        service_name="Đất đai - Xây dựng - Tài nguyên và Môi trường - Nông nghiệp",
        priority_label="Ưu tiên: Người cao tuổi",
        number="B1234",
        waiting_ahead=-3,
        qr_text="",
    )
    for width_mm in (80, 58):
        job = decode(render_ticket(t, width_mm=width_mm), width=WIDTH[width_mm])
        assert "B1234" in job.text_lines()
        assert all(r.image.width <= WIDTH[width_mm] for r in job.rasters)
        assert not read_codes(job.image())  # no QR when there is no text for it
        assert job.ended_with_cut


def test_ticket_rejects_bad_arguments():
    with pytest.raises(ValueError):
        render_ticket(sample_ticket(), width_mm=110)
    with pytest.raises(ValueError):
        render_ticket(sample_ticket(), fmt="pdf")
    with pytest.raises(ValueError):
        render_ticket(sample_ticket(number="Số 1"))


@pytest.mark.parametrize("width_mm", [80, 58])
def test_receipt_slip(width_mm):
    d, tpl = sample_dossier(), sample_template()
    data = render_receipt_slip(d, tpl, width_mm=width_mm)
    job = decode(data, width=WIDTH[width_mm])
    assert job.ended_with_cut
    assert d.code in job.text_lines()
    assert read_codes(job.image()).get("QRCode") == [qr_payload(tpl.qr_template, d.code)]
    png = render_receipt_slip(d, tpl, width_mm=width_mm, fmt="png")
    img = Image.open(io.BytesIO(png))
    assert img.width == WIDTH[width_mm]
    assert receipt_slip_image(d, tpl, width_mm=width_mm).size == img.size
    full = decode(render_receipt_slip(d, tpl, width_mm=width_mm, full_raster=True), width=WIDTH[width_mm])
    assert read_codes(full.image()).get("QRCode") == [qr_payload(tpl.qr_template, d.code)]


def test_receipt_slip_odd_code_is_rendered_as_image():
    d = sample_dossier(code="Mã-đặc-biệt-0001", due_at=None)
    job = decode(render_receipt_slip(d, sample_template()))
    assert "Mã-đặc-biệt-0001" not in job.text_lines()
    assert job.ended_with_cut


def test_thermal_output_is_deterministic():
    assert render_ticket(sample_ticket()) == render_ticket(sample_ticket())
    assert render_ticket(sample_ticket(), fmt="png") == render_ticket(sample_ticket(), fmt="png")


def test_concurrent_tickets_match_sequential():
    from concurrent.futures import ThreadPoolExecutor

    tickets = [sample_ticket(number=f"A{i:03d}", waiting_ahead=i) for i in range(12)]
    expected = [render_ticket(t) for t in tickets]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(render_ticket, tickets)) == expected


def test_ticket_number_must_fit():
    with pytest.raises(ValueError):
        render_ticket(sample_ticket(number=""))
    with pytest.raises(ValueError):
        render_ticket(sample_ticket(number="X" * 40), width_mm=58)
    job = decode(render_ticket(sample_ticket(number="A0123456", service_name="")))
    big = next(t for t in job.texts if t.text == "A0123456")
    assert big.width_mult * 12 * 8 <= 576


def test_ticket_prints_the_estimated_wait_when_someone_is_ahead():
    """The kiosk's estimate is printed as one more text line, only when somebody is ahead."""
    base = sample_ticket(waiting_ahead=4, qr_text="")
    plain = decode(render_ticket(base, width_mm=80), width=WIDTH[80])
    with_wait = decode(render_ticket(sample_ticket(waiting_ahead=4, qr_text="", estimated_wait_minutes=12), width_mm=80),
                       width=WIDTH[80])
    first = decode(render_ticket(sample_ticket(waiting_ahead=0, qr_text="", estimated_wait_minutes=0), width_mm=80),
                   width=WIDTH[80])
    assert len(with_wait.rasters) == len(plain.rasters) + 1
    assert len(first.rasters) == len(plain.rasters)
    assert with_wait.image().height > plain.image().height
