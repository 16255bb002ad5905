"""A test-only ESC/POS interpreter: parses a job and rebuilds an approximate picture of the paper.

Independent of ``printing.escpos`` on purpose (it reads bytes, it does not share the builder's
code), so a wrong byte in the builder shows up here. Understands exactly the commands the project
emits and fails loudly on anything else:

ESC @, ESC a n, ESC ! n, GS ! n, ESC J n, ESC d n, GS v 0 m xL xH yL yH d..., GS V m [n], LF, and
printable ASCII. Text is drawn in cells of 12 x 24 dots (font A) times the size multipliers,
with a plain font; raster images are placed as the printer would place them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

ESC, GS, LF = 0x1B, 0x1D, 0x0A
CELL = (12, 24)
LINE_SPACING = 30  # default line feed, in dots


class DecodeError(ValueError):
    """The byte stream holds something the interpreter does not understand."""


@dataclass
class Raster:
    x: int
    y: int
    image: Image.Image  # mode "1", Pillow convention (0 = ink)
    mode: int


@dataclass
class TextLine:
    x: int
    y: int
    text: str
    width_mult: int
    height_mult: int
    bold: bool
    align: int


@dataclass
class Job:
    width: int
    commands: list[tuple] = field(default_factory=list)
    texts: list[TextLine] = field(default_factory=list)
    rasters: list[Raster] = field(default_factory=list)
    cuts: list[int] = field(default_factory=list)  # y of each cut
    height: int = 0
    ended_with_cut: bool = False

    def text_lines(self) -> list[str]:
        return [t.text for t in self.texts]

    def image(self, margin: int = 16) -> Image.Image:
        """Reconstruct the paper as a mode "L" image (white paper, black ink)."""
        page = Image.new("L", (self.width, self.height + 2 * margin), 255)
        for r in self.rasters:
            page.paste(r.image.convert("L"), (r.x, r.y + margin))
        draw = ImageDraw.Draw(page)
        for t in self.texts:
            cw, ch = CELL[0] * t.width_mult, CELL[1] * t.height_mult
            font = ImageFont.load_default(size=int(ch * 0.8))
            for i, c in enumerate(t.text):
                x0 = t.x + i * cw
                draw.text((x0 + cw / 2, t.y + margin + ch / 2), c, font=font, fill=0, anchor="mm")
        return page


def decode(data: bytes, *, width: int = 576) -> Job:
    """Interpret ``data`` for a printer ``width`` dots wide."""
    job = Job(width=width)
    align = 0
    wm = hm = 1
    bold = False
    y = 0
    pending = bytearray()
    i = 0
    n = len(data)

    def need(k: int) -> bytes:
        if i + k > n:
            raise DecodeError(f"truncated command at offset {i}")
        return data[i : i + k]

    def flush_text(advance: bool) -> None:
        nonlocal y
        if pending:
            text = pending.decode("ascii")
            w = len(text) * CELL[0] * wm
            if w > width:
                raise DecodeError(f"text line {text!r} is {w} dots wide, paper is {width}")
            x = {0: 0, 1: (width - w) // 2, 2: width - w}[align]
            job.texts.append(TextLine(x, y, text, wm, hm, bold, align))
            pending.clear()
            if advance:
                y += max(LINE_SPACING, CELL[1] * hm + LINE_SPACING - CELL[1])
        elif advance:
            y += LINE_SPACING

    while i < n:
        b = data[i]
        if b == ESC:
            cmd = need(2)[1]
            if cmd == 0x40:  # ESC @
                align, wm, hm, bold = 0, 1, 1, False
                job.commands.append(("init",))
                i += 2
            elif cmd == 0x61:  # ESC a n
                v = need(3)[2]
                align = {0: 0, 1: 1, 2: 2, 48: 0, 49: 1, 50: 2}[v]
                job.commands.append(("align", align))
                i += 3
            elif cmd == 0x21:  # ESC ! n
                v = need(3)[2]
                bold = bool(v & 0x08)
                # ESC ! also selects the size (bits 4, 5): it overrides an earlier GS !.
                wm = 2 if v & 0x20 else 1
                hm = 2 if v & 0x10 else 1
                job.commands.append(("mode", v))
                i += 3
            elif cmd == 0x4A:  # ESC J n
                v = need(3)[2]
                flush_text(advance=False)
                y += v
                job.commands.append(("feed_dots", v))
                i += 3
            elif cmd == 0x64:  # ESC d n
                v = need(3)[2]
                flush_text(advance=True)
                y += LINE_SPACING * max(0, v - 1) if v else 0
                job.commands.append(("feed_lines", v))
                i += 3
            else:
                raise DecodeError(f"unknown ESC 0x{cmd:02x} at offset {i}")
        elif b == GS:
            cmd = need(2)[1]
            if cmd == 0x21:  # GS ! n
                v = need(3)[2]
                wm, hm = (v >> 4) + 1, (v & 0x0F) + 1
                if wm > 8 or hm > 8:
                    raise DecodeError(f"bad GS ! 0x{v:02x}")
                job.commands.append(("size", wm, hm))
                i += 3
            elif cmd == 0x76:  # GS v 0 m xL xH yL yH d...
                head = need(8)
                if head[2] not in (0x30,):
                    raise DecodeError("only GS v 0 is supported")
                m = head[3]
                if m not in (0, 48):
                    raise DecodeError(f"raster mode {m} (scaled) not expected")
                xb = head[4] | head[5] << 8
                rows = head[6] | head[7] << 8
                if xb * 8 > width:
                    raise DecodeError(f"raster {xb * 8} dots wide on {width}-dot paper")
                if pending:
                    raise DecodeError("raster image in the middle of a text line")
                i += 8
                body = need(xb * rows)
                # ESC/POS: 1 = dot. Pillow mode "1": 1 = white, so invert.
                img = Image.frombytes("1", (xb * 8, rows), bytes(255 - v for v in body))
                w = xb * 8
                x = {0: 0, 1: (width - w) // 2, 2: width - w}[align]
                job.rasters.append(Raster(x, y, img, m))
                job.commands.append(("raster", xb, rows))
                y += rows
                i += xb * rows
            elif cmd == 0x56:  # GS V m [n]
                m = need(3)[2]
                if m in (0, 1, 48, 49):
                    i += 3
                elif m in (65, 66):
                    need(4)
                    i += 4
                else:
                    raise DecodeError(f"bad GS V mode {m}")
                flush_text(advance=False)
                job.cuts.append(y)
                job.commands.append(("cut", m))
            else:
                raise DecodeError(f"unknown GS 0x{cmd:02x} at offset {i}")
        elif b == LF:
            flush_text(advance=True)
            job.commands.append(("lf",))
            i += 1
        elif 0x20 <= b < 0x7F:
            pending.append(b)
            i += 1
        else:
            raise DecodeError(f"unexpected byte 0x{b:02x} at offset {i}")
    if pending:
        raise DecodeError("text left in the buffer without a line feed")
    job.height = y
    job.ended_with_cut = bool(job.commands) and job.commands[-1][0] == "cut"
    return job
