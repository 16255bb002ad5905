"""The ESC/POS byte builder, read back by the test interpreter."""

from __future__ import annotations

import pytest
from PIL import Image

from printing.escpos import EscPos
from tests.printing.escpos_decode import DecodeError, decode


def test_simple_commands():
    job = EscPos().init().align("center").mode(bold=True).size(2, 3).line("A012").feed_dots(300).cut()
    data = bytes(job)
    assert data.startswith(b"\x1b@\x1ba\x01\x1b!\x08\x1d!\x12A012\n")
    assert b"\x1bJ\xff\x1bJ\x2d" in data  # 300 dots split as 255 + 45
    assert data.endswith(b"\x1dVB\x03")
    decoded = decode(data)
    assert decoded.text_lines() == ["A012"]
    t = decoded.texts[0]
    assert (t.width_mult, t.height_mult, t.bold, t.align) == (2, 3, True, 1)
    assert decoded.ended_with_cut


def test_esc_bang_after_gs_bang_resets_the_size():
    # The last of ESC ! / GS ! wins on real printers; the interpreter models it.
    job = decode(bytes(EscPos().size(4, 4).mode(bold=True).line("X")))
    assert (job.texts[0].width_mult, job.texts[0].height_mult) == (1, 1)


def test_text_must_be_ascii():
    with pytest.raises(ValueError):
        EscPos().text("Số")
    with pytest.raises(ValueError):
        EscPos().text("a\x1bb")
    with pytest.raises(ValueError):
        EscPos().size(9, 1)


def test_raster_bands_and_padding():
    img = Image.new("1", (20, 300), 1)  # width not a multiple of 8
    for y in range(300):
        img.putpixel((y % 20, y), 0)
    data = bytes(EscPos().raster(img, band_rows=128))
    decoded = decode(data, width=384)
    assert [c for c in decoded.commands if c[0] == "raster"] == [("raster", 3, 128), ("raster", 3, 128), ("raster", 3, 44)]
    rebuilt = Image.new("1", (24, 300), 1)
    for r in decoded.rasters:
        rebuilt.paste(r.image, (0, r.y))
    for y in range(300):
        assert rebuilt.getpixel((y % 20, y)) == 0
        # padding columns stay white
        assert all(rebuilt.getpixel((x, y)) for x in range(20, 24))


def test_decoder_rejects_garbage():
    with pytest.raises(DecodeError):
        decode(b"\x1b@\x1bZ")
    with pytest.raises(DecodeError):
        decode(b"abc")  # text never fed
