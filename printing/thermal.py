"""Thermal slips: the queue ticket and the short receipt, as ESC/POS bytes or a PNG preview.

A slip is laid out once as a list of blocks, then emitted two ways:

- ESC/POS: Vietnamese lines become small 1-bit images cropped to their ink (``GS v 0``),
  pure-ASCII lines (the big number, times, the code) use the printer's own font (``ESC !``,
  ``GS !``), everything centred by ``ESC a``; the QR is an image as wide as itself. This keeps an
  80 mm ticket around 5 KB, so it prints at once even over a slow serial link.
- One full-width image (``full_raster=True``, and the PNG preview), where the printer-font lines
  are imitated with the bundled font.

Pure; callable from any thread (renders are serialised, see ``_LOCK``); fonts and text
rasters are cached.
"""

from __future__ import annotations

import functools
import io
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw

from printing.codes import qr_image
from printing.escpos import EscPos
from printing.fonts import pil_font
from printing.model import DossierDoc, Template, TicketDoc
from printing.text import local, nfc, procedure_words, qr_payload, time_date_vn, without_lead

log = logging.getLogger(__name__)

__all__ = [
    "PAPER_DOTS",
    "receipt_slip_image",
    "render_receipt_slip",
    "render_ticket",
    "ticket_image",
]

#: The generic printable width in dots at 203 dpi, by paper width in mm: used only when the caller does not
#: pass the printer's own width (``width_dots``, from its capability profile, ``devices.printer_profiles``;
#: printing does not import devices).
PAPER_DOTS = {80: 576, 58: 384}
#: The narrowest and widest rolls laid out (a 48 mm print area and a 112 mm roll).
MIN_DOTS, MAX_DOTS = 360, 832

#: The printer's font A cell, and the advance of one text line (default line spacing).
FONT_A = (12, 24)
LINE_PITCH = 30

Format = Literal["escpos", "png"]
AlignT = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Raster:
    """A 1-bit image (mode "1", 0 = ink) printed as a raster."""

    image: Image.Image
    align: AlignT = "center"


@dataclass(frozen=True)
class Text:
    """A pure-ASCII line printed in the printer's font A at ``mult`` times its size."""

    text: str
    mult: int = 1
    bold: bool = False
    align: AlignT = "center"


@dataclass(frozen=True)
class Feed:
    """Blank paper, in dots."""

    dots: int


Block = Raster | Text | Feed


def _dots(width_mm: int, width_dots: int | None = None) -> int:
    """The roll's printable width in dots: the printer's own (``width_dots``, rounded down to whole bytes)
    or the generic width of a ``width_mm`` roll."""
    if width_dots is not None:
        dots = int(width_dots) // 8 * 8
        if not MIN_DOTS <= dots <= MAX_DOTS:
            raise ValueError(f"width_dots must be between {MIN_DOTS} and {MAX_DOTS}, not {width_dots!r}")
        return dots
    try:
        return PAPER_DOTS[int(width_mm)]
    except (KeyError, ValueError):
        raise ValueError(f"width_mm must be one of {sorted(PAPER_DOTS)}, not {width_mm!r}") from None


# ---------------------------------------------------------------- text rasters


def _wrap(text: str, font, max_width: int) -> list[str]:
    """Greedy word wrap by rendered width; a single over-long word is cut by characters."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.getlength(candidate) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while font.getlength(word) > max_width:
                cut = len(word)
                while cut > 1 and font.getlength(word[:cut]) > max_width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return [ln for ln in lines if ln] or [""]


def _balanced(text: str, font, max_width: int) -> list[str]:
    """Wrap into as few lines as greedy wrapping needs, but with lines of similar length."""
    lines = _wrap(text, font, max_width)
    if len(lines) < 2 or "\n" in text:
        return lines
    lo, hi = 1, max_width
    while lo < hi:  # smallest width that keeps the same number of lines
        mid = (lo + hi) // 2
        if len(_wrap(text, font, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid + 1
    return _wrap(text, font, lo)


@functools.lru_cache(maxsize=256)
def line_image(text: str, size: int, bold: bool, indent: int = 0) -> Image.Image:
    """One line of text as a mode "1" image cropped to its ink, width a multiple of 8.

    Cached: the center name and the labels are the same on every ticket. Do not draw on it.
    """
    font = pil_font(size, bold)
    left, top, right, bottom = font.getbbox(text)
    if right <= left or bottom <= top:
        return Image.new("1", (8, 1), 1)
    width = right - left
    out_w = -(-(width + indent) // 8) * 8
    img = Image.new("1", (out_w, bottom - top), 1)
    draw = ImageDraw.Draw(img)
    draw.fontmode = "1"  # no anti-aliasing: a thermal dot is on or off
    x = indent - left if indent else (out_w - width) // 2 - left
    draw.text((x, -top), text, font=font, fill=0)
    return img


def text_blocks(
    text: str, size: int, bold: bool, max_width: int, *, align: AlignT = "center", gap: int | None = None
) -> list[Block]:
    """Wrapped text as one cropped raster per line (each line only as wide as its ink)."""
    font = pil_font(size, bold)
    text = nfc(text).strip()
    if not text:
        return []
    lines = _balanced(text, font, max_width) if align == "center" else _wrap(text, font, max_width)
    gap = round(size * 0.3) if gap is None else gap
    out: list[Block] = []
    for i, ln in enumerate(lines):
        if i:
            out.append(Feed(gap))
        # A left-aligned line starts one byte in from the edge of the printable area.
        out.append(Raster(line_image(ln, size, bold, 8 if align == "left" else 0), align))
    return out


# ---------------------------------------------------------------- layouts


@dataclass(frozen=True)
class _Sizes:
    """Type sizes (pixels) for one paper width."""

    small: int
    body: int
    strong: int
    module: int  # QR dots per module


_WIDE, _NARROW = _Sizes(small=20, body=22, strong=26, module=4), _Sizes(small=18, body=20, strong=24, module=4)


def _sizes(width: int) -> _Sizes:
    """Type sizes for a roll ``width`` dots wide: the 80 mm set from 448 dots up (512, 576...), else 58 mm."""
    return _WIDE if width >= 448 else _NARROW


def _number_mult(number: str, width: int) -> int:
    """Largest character multiplier (up to 6) at which the number fits the roll."""
    if not number or len(number) * FONT_A[0] > width:
        raise ValueError(f"ticket number {number!r} does not fit a {width}-dot roll")
    return min(6, width // (FONT_A[0] * len(number)))


def ticket_blocks(ticket: TicketDoc, width: int) -> list[Block]:
    """Layout of a queue ticket on a roll ``width`` dots wide."""
    sz = _sizes(width)
    max_w = width - 8
    number = nfc(ticket.number).strip()
    if not number.isascii():
        raise ValueError("the ticket number is printed in the printer's font and must be ASCII")
    blocks: list[Block] = [
        *text_blocks(ticket.center_name, sz.small, True, max_w),
        Feed(14),
        *text_blocks("SỐ THỨ TỰ", sz.small, False, max_w),
        Feed(8),
        Text(number, mult=_number_mult(number, width), bold=True),
        Feed(2),
        *text_blocks(ticket.service_name, sz.strong, True, max_w),
    ]
    if ticket.priority_label:
        blocks += [Feed(8), *text_blocks(ticket.priority_label, sz.body, True, max_w)]
    ahead = max(0, int(ticket.waiting_ahead))
    blocks += [
        Feed(10),
        *text_blocks(f"Số người chờ trước bạn: {ahead}", sz.body, False, max_w),
    ]
    if ticket.estimated_wait_minutes is not None and ahead:
        blocks += [Feed(4), *text_blocks(f"Thời gian chờ dự kiến: khoảng {int(ticket.estimated_wait_minutes)} phút",
                                         sz.body, False, max_w)]
    blocks += [
        Feed(6),
        Text(_ticket_time(ticket)),
    ]
    if ticket.qr_text:
        # Level L: a ticket lives for an hour, and every module saved is ~1/8 byte per dot row.
        blocks += [Feed(14), Raster(qr_image(ticket.qr_text, sz.module, 0, "l"))]
    return blocks


def _ticket_time(ticket: TicketDoc) -> str:
    t = local(ticket.issued_at)
    return f"{t.day:02d}/{t.month:02d}/{t.year:04d}  {t.hour:02d}:{t.minute:02d}"


def receipt_slip_blocks(dossier: DossierDoc, template: Template, width: int) -> list[Block]:
    """Layout of the short receipt: code, procedure, appointment, QR."""
    sz = _sizes(width)
    max_w = width - 8
    code = nfc(dossier.code).strip()
    blocks: list[Block] = []
    if nfc(template.center_name).strip():
        blocks += [*text_blocks(template.center_name, sz.small, True, max_w), Feed(12)]
    blocks += [
        *text_blocks("GIẤY HẸN TRẢ KẾT QUẢ", sz.strong, True, max_w),
        Feed(10),
        *text_blocks("Mã hồ sơ", sz.small, False, max_w),
        Feed(6),
    ]
    if code.isascii() and len(code) * FONT_A[0] <= width:
        blocks.append(Text(code, bold=True))
    else:
        blocks += text_blocks(code, sz.body, True, max_w)
    lines = [
        (f"Thủ tục: {_capital(procedure_words(dossier.procedure_name))}", False),
        (f"Người nộp: {nfc(_submitter(dossier))}", False),
        (f"Nhận hồ sơ: {time_date_vn(dossier.received_at)}", False),
    ]
    original = dossier.original_due_at
    if original is not None and dossier.due_at is not None and original != dossier.due_at:
        lines.append((f"Hẹn trả ban đầu: {time_date_vn(original)}", False))
        lines.append((f"Gia hạn đến: {time_date_vn(dossier.due_at)}", True))
    else:
        lines.append((f"Hẹn trả: {time_date_vn(dossier.due_at)}", True))
    if nfc(dossier.delivery).strip():
        lines.append((f"Nơi trả: {_capital(without_lead(dossier.delivery, 'tại'))}", False))
    for text, strong in lines:
        blocks += [Feed(10), *text_blocks(text, sz.body, strong, max_w, align="left")]
    qr = qr_payload(template.qr_template, code, template.agency_id)
    blocks += [Feed(12), Raster(qr_image(qr, sz.module, 0, "m"))]
    for line in template.footer_lines:
        if nfc(line).strip():
            blocks += [Feed(8), *text_blocks(line, sz.small, False, max_w)]
    return blocks


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _submitter(d: DossierDoc) -> str:
    return d.submitter.full_name if d.submitter is not None else d.applicant.full_name


# ---------------------------------------------------------------- emitters


def to_escpos(blocks: Sequence[Block], *, cut_feed: int = 3) -> bytes:
    """Compact ESC/POS: cropped rasters, printer fonts for ASCII, centring by ``ESC a``."""
    job = EscPos().init()
    align: str | None = None
    style: tuple[int, bool] = (1, False)
    for block in blocks:
        if isinstance(block, Feed):
            job.feed_dots(block.dots)
            continue
        if block.align != align:
            job.align(block.align)
            align = block.align
        if isinstance(block, Raster):
            job.raster(block.image)
        else:
            want = (block.mult, block.bold)
            if want != style:
                # ESC ! also sets the size bits and the last of ESC ! / GS ! wins: size goes second.
                job.mode(bold=block.bold).size(block.mult, block.mult)
                style = want
            job.line(block.text)
    if style != (1, False):
        job.mode().size(1, 1)
    job.cut(feed=cut_feed)
    return bytes(job)


@functools.lru_cache(maxsize=64)
def _ascii_image(text: str, mult: int, bold: bool) -> Image.Image:
    """Imitate the printer's font A line: cells 12 x 24 dots times ``mult``."""
    cell_w, cell_h = FONT_A[0] * mult, FONT_A[1] * mult
    font = pil_font(int(cell_h * 0.82), bold)
    img = Image.new("1", (max(8, cell_w * len(text)), cell_h), 1)
    draw = ImageDraw.Draw(img)
    draw.fontmode = "1"
    for i, ch in enumerate(text):
        w = font.getlength(ch)
        draw.text((i * cell_w + (cell_w - w) / 2, cell_h * 0.04), ch, font=font, fill=0)
    return img


def to_image(blocks: Sequence[Block], width: int, *, margin: int = 16) -> Image.Image:
    """The whole slip as one mode "1" image ``width`` dots wide (preview and full-raster mode)."""
    placed: list[tuple[Image.Image, str, int]] = []
    y = margin
    for block in blocks:
        if isinstance(block, Feed):
            y += block.dots
            continue
        if isinstance(block, Raster):
            img = block.image
            placed.append((img, block.align, y))
            y += img.height
        else:
            img = _ascii_image(block.text, block.mult, block.bold)
            placed.append((img, block.align, y))
            y += max(LINE_PITCH, img.height + LINE_PITCH - FONT_A[1])
    page = Image.new("1", (width, y + margin), 1)
    for img, align, top in placed:
        x = {"left": 0, "center": (width - img.width) // 2, "right": width - img.width}[align]
        page.paste(img, (max(0, x), top))
    return page


def _emit(blocks: list[Block], width: int, fmt: Format, full_raster: bool) -> bytes:
    if fmt == "png":
        buf = io.BytesIO()
        to_image(blocks, width).save(buf, format="PNG", optimize=False)
        return buf.getvalue()
    if fmt != "escpos":
        raise ValueError(f"fmt must be 'escpos' or 'png', not {fmt!r}")
    if full_raster:
        job = EscPos().init().align("left").raster(to_image(blocks, width)).cut()
        return bytes(job)
    return to_escpos(blocks)


# Pillow's FreeType faces are shared (cached) objects and FreeType faces are not thread-safe:
# renders take a few milliseconds, so they are simply serialised.
_LOCK = threading.RLock()


def ticket_image(ticket: TicketDoc, *, width_mm: int = 80, width_dots: int | None = None) -> Image.Image:
    """The ticket as a Pillow image (mode "1"), e.g. for an on-screen preview."""
    width = _dots(width_mm, width_dots)
    with _LOCK:
        return to_image(ticket_blocks(ticket, width), width)


def render_ticket(
    ticket: TicketDoc, *, width_mm: int = 80, fmt: Format = "escpos", full_raster: bool = False,
    width_dots: int | None = None,
) -> bytes:
    """A queue ticket as ESC/POS bytes (ending with a cut) or as PNG bytes (``fmt="png"``).

    ``full_raster=True`` sends the whole ticket as one full-width image (for comparison and for
    printers whose built-in font misbehaves); it is several times larger. ``width_dots``: the printer's
    printable width from its capability profile (else the generic width of ``width_mm``).
    """
    width = _dots(width_mm, width_dots)
    with _LOCK:
        return _emit(ticket_blocks(ticket, width), width, fmt, full_raster)


def receipt_slip_image(
    dossier: DossierDoc, template: Template, *, width_mm: int = 80, width_dots: int | None = None
) -> Image.Image:
    """The short receipt as a Pillow image (mode "1")."""
    width = _dots(width_mm, width_dots)
    with _LOCK:
        return to_image(receipt_slip_blocks(dossier, template, width), width)


def render_receipt_slip(
    dossier: DossierDoc,
    template: Template,
    *,
    width_mm: int = 80,
    fmt: Format = "escpos",
    full_raster: bool = False,
    width_dots: int | None = None,
) -> bytes:
    """The short receipt (code, procedure, appointment, QR) as ESC/POS or PNG bytes."""
    width = _dots(width_mm, width_dots)
    with _LOCK:
        return _emit(receipt_slip_blocks(dossier, template, width), width, fmt, full_raster)
