"""A small ESC/POS byte builder: only the commands the tickets and slips use.

Commands (Epson ESC/POS, understood by the usual 58/80 mm receipt printers):

- ``ESC @`` initialise; ``ESC a n`` justification; ``ESC ! n`` print mode; ``GS ! n`` character size;
- ``LF`` print and feed one line; ``ESC J n`` feed n dots; ``ESC d n`` feed n lines;
- ``GS v 0 m xL xH yL yH d…`` raster bit image (sent in bands, see ``BAND_ROWS``);
- ``GS V m [n]`` cut.

Text must be ASCII: anything else is rendered as an image by the caller (Vietnamese needs glyphs
the printer's code pages do not have). Pure; builds bytes in memory.
"""

from __future__ import annotations

import logging
from typing import Literal

from PIL import Image

log = logging.getLogger(__name__)

__all__ = ["BAND_ROWS", "EscPos"]

ESC = 0x1B
GS = 0x1D
LF = 0x0A

#: Rows per ``GS v 0`` command: small enough for the receive buffer of cheap printers.
BAND_ROWS = 128

_ALIGN = {"left": 0, "center": 1, "right": 2}
# Pillow packs mode "1" with 1 = white; ESC/POS wants 1 = dot. One translate inverts a band.
_INVERT = bytes(255 - i for i in range(256))

Align = Literal["left", "center", "right"]


class EscPos:
    """Accumulates commands; ``bytes()`` returns the job. Not thread-safe (one per job)."""

    def __init__(self) -> None:
        self._buf = bytearray()

    def __bytes__(self) -> bytes:
        return bytes(self._buf)

    def __len__(self) -> int:
        return len(self._buf)

    def init(self) -> EscPos:
        """``ESC @``: reset modes, alignment and line spacing to the printer's defaults."""
        self._buf += bytes((ESC, 0x40))
        return self

    def align(self, where: Align) -> EscPos:
        """``ESC a n``: justification of the following lines (text and raster images)."""
        self._buf += bytes((ESC, 0x61, _ALIGN[where]))
        return self

    def mode(self, *, bold: bool = False, font_b: bool = False, underline: bool = False) -> EscPos:
        """``ESC ! n``: font A/B, emphasis, underline (sizes go through :meth:`size`)."""
        n = (0x01 if font_b else 0) | (0x08 if bold else 0) | (0x80 if underline else 0)
        self._buf += bytes((ESC, 0x21, n))
        return self

    def size(self, width: int = 1, height: int = 1) -> EscPos:
        """``GS ! n``: character width and height multipliers, 1 to 8."""
        if not (1 <= width <= 8 and 1 <= height <= 8):
            raise ValueError("character multipliers are 1..8")
        self._buf += bytes((GS, 0x21, ((width - 1) << 4) | (height - 1)))
        return self

    def text(self, s: str) -> EscPos:
        """Printable ASCII in the current mode (no line feed)."""
        if not s.isascii() or any(ord(c) < 0x20 or ord(c) == 0x7F for c in s):
            raise ValueError("ESC/POS text must be printable ASCII; render other text as an image")
        self._buf += s.encode("ascii")
        return self

    def line(self, s: str = "") -> EscPos:
        """Text then ``LF``."""
        if s:
            self.text(s)
        self._buf.append(LF)
        return self

    def feed_dots(self, n: int) -> EscPos:
        """``ESC J n``: feed ``n`` dots (split when above 255)."""
        while n > 0:
            step = min(n, 255)
            self._buf += bytes((ESC, 0x4A, step))
            n -= step
        return self

    def feed_lines(self, n: int) -> EscPos:
        """``ESC d n``: print and feed ``n`` lines."""
        self._buf += bytes((ESC, 0x64, max(0, min(n, 255))))
        return self

    def raster(self, image: Image.Image, *, band_rows: int = BAND_ROWS) -> EscPos:
        """``GS v 0``: print a mode "1" image (0 = ink, Pillow's convention) in bands.

        The width is padded to whole bytes with white. The image sits where ``ESC a`` says.
        """
        if image.mode != "1":
            image = image.convert("1")
        width, height = image.size
        if width % 8:
            padded = Image.new("1", (width + 8 - width % 8, height), 1)
            padded.paste(image, (0, 0))
            image = padded
            width = image.width
        row_bytes = width // 8
        data = image.tobytes().translate(_INVERT)
        for top in range(0, height, band_rows):
            rows = min(band_rows, height - top)
            self._buf += bytes(
                (GS, 0x76, 0x30, 0, row_bytes & 0xFF, row_bytes >> 8, rows & 0xFF, rows >> 8)
            )
            self._buf += data[top * row_bytes : (top + rows) * row_bytes]
        return self

    def cut(self, *, feed: int = 3, partial: bool = True) -> EscPos:
        """``GS V m n``: feed to the cutter plus ``feed`` dots, then cut (partial by default)."""
        self._buf += bytes((GS, 0x56, 66 if partial else 65, max(0, min(feed, 255))))
        return self
