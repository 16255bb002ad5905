"""Code 128 and QR codes for PDFs (reportlab flowables) and for thermal rasters (Pillow).

The bar pattern comes from python-barcode (``build()``: a string of modules) and the QR matrix
from segno; both are cached by content, so a reprint or a second copy costs nothing. Drawing is
ours: runs of dark modules become one rectangle each, which keeps PDFs small and fast to render.

Pillow images follow Pillow's own convention (mode "1": 0 is ink, 1 is paper).
"""

from __future__ import annotations

import functools
import hashlib
import logging

from PIL import Image
from reportlab.platypus import Flowable

log = logging.getLogger(__name__)

__all__ = [
    "Code128Flowable",
    "QrFlowable",
    "code128_image",
    "code128_modules",
    "qr_image",
    "qr_matrix",
]


@functools.lru_cache(maxsize=256)
def code128_modules(value: str) -> str:
    """Return the Code 128 symbol of ``value`` as a string of "1" (bar) and "0" (space) modules."""
    from barcode.codex import Code128

    return Code128(value).build()[0]


def _runs(bits: str | bytes, dark: str | int) -> tuple[tuple[int, int], ...]:
    """Return (start, length) of every run of ``dark`` in ``bits``."""
    out: list[tuple[int, int]] = []
    start = -1
    for i, b in enumerate(bits):
        if b == dark:
            if start < 0:
                start = i
        elif start >= 0:
            out.append((start, i - start))
            start = -1
    if start >= 0:
        out.append((start, len(bits) - start))
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _code128_runs(value: str) -> tuple[int, tuple[tuple[int, int], ...]]:
    modules = code128_modules(value)
    return len(modules), _runs(modules, "1")


@functools.lru_cache(maxsize=256)
def qr_matrix(text: str, error: str = "m") -> tuple[bytes, ...]:
    """Return the QR matrix of ``text`` without quiet zone: one ``bytes`` per row, 1 = dark.

    The error level is a minimum: segno raises it when the same version has room.
    """
    import segno

    qr = segno.make_qr(text, error=error)
    return tuple(bytes(row) for row in qr.matrix)


@functools.lru_cache(maxsize=256)
def _qr_rects(text: str, error: str) -> tuple[int, tuple[tuple[int, int, int, int], ...]]:
    """Dark modules as (x, y, w, h) rectangles: row runs, merged downwards while identical.

    Fewer rectangles mean a smaller PDF and less number formatting (the slow part of drawing).
    """
    matrix = qr_matrix(text, error)
    open_rects: dict[tuple[int, int], list[int]] = {}  # (x, w) -> [y, h]
    done: list[tuple[int, int, int, int]] = []
    for y, row in enumerate(matrix):
        runs = set(_runs(row, 1))
        for key in list(open_rects):
            if key not in runs:
                y0, h = open_rects.pop(key)
                done.append((key[0], y0, key[1], h))
        for key in runs:
            if key in open_rects:
                open_rects[key][1] += 1
            else:
                open_rects[key] = [y, 1]
    done.extend((x, y0, w, h) for (x, w), (y0, h) in open_rects.items())
    done.sort(key=lambda r: (r[1], r[0]))  # stable order: identical bytes on every run
    return len(matrix), tuple(done)


def _form_name(kind: str, *parts: object) -> str:
    # Deterministic across processes (hash() is salted): PDFs must be byte-identical on reprint.
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return f"{kind}{digest}"


def _draw_once(canv, name: str, width: float, height: float, paint) -> None:
    """Paint into a form XObject the first time on this document, then reuse it (second copy)."""
    if not canv.hasForm(name):
        canv.beginForm(name, 0, 0, width, height)
        paint(canv)
        canv.endForm()
    canv.doForm(name)


class Code128Flowable(Flowable):
    """A Code 128 symbol with its quiet zones; ``module`` is the narrow bar width in points."""

    def __init__(self, value: str, *, module: float = 0.75, height: float = 24.0, quiet: int = 10):
        super().__init__()
        self.value = value
        self.module = module
        self.bar_height = height
        self.quiet = quiet
        self._count, self._bars = _code128_runs(value)
        self.width = (self._count + 2 * quiet) * module
        self.height = height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self) -> None:
        name = _form_name("BC", self.value, self.module, self.bar_height, self.quiet)
        _draw_once(self.canv, name, self.width, self.height, self._paint)

    def _paint(self, canv) -> None:
        m = self.module
        x0 = self.quiet * m
        path = canv.beginPath()
        for start, length in self._bars:
            path.rect(x0 + start * m, 0, length * m, self.bar_height)
        canv.setFillColorRGB(0, 0, 0)
        canv.drawPath(path, stroke=0, fill=1)


class QrFlowable(Flowable):
    """A QR symbol ``size`` points wide including a quiet zone of ``border`` modules."""

    def __init__(self, text: str, *, size: float = 64.0, border: int = 2, error: str = "m"):
        super().__init__()
        self.text = text
        self.size = size
        self.border = border
        self.error = error
        self._count, self._rects = _qr_rects(text, error)
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self) -> None:
        name = _form_name("QR", self.text, self.error, self.size, self.border)
        _draw_once(self.canv, name, self.size, self.size, self._paint)

    def _paint(self, canv) -> None:
        m = self.size / (self._count + 2 * self.border)
        top = self.size - self.border * m
        x0 = self.border * m
        path = canv.beginPath()
        for x, y, w, h in self._rects:
            path.rect(x0 + x * m, top - (y + h) * m, w * m, h * m)
        canv.setFillColorRGB(0, 0, 0)
        canv.drawPath(path, stroke=0, fill=1)


@functools.lru_cache(maxsize=64)
def qr_image(text: str, module_px: int, border: int = 1, error: str = "m", pad_to: int = 8) -> Image.Image:
    """Return a mode "1" image of the QR code, ``module_px`` dots per module.

    The width is padded (white, on the right) to a multiple of ``pad_to`` for raster printing.
    Cached: callers must not draw on the returned image.
    """
    matrix = qr_matrix(text, error)
    n = len(matrix)
    # 0 = black in mode "L": dark modules map to 0, light to 255.
    raw = b"".join(row.translate(_QR_TO_L) for row in matrix)
    small = Image.frombytes("L", (n, n), raw)
    side = (n + 2 * border) * module_px
    width = -(-side // pad_to) * pad_to
    out = Image.new("1", (width, side), 1)
    out.paste(small.resize((n * module_px, n * module_px), Image.Resampling.NEAREST).convert("1"),
              (border * module_px, border * module_px))
    return out


_QR_TO_L = bytes([255, 0] + [0] * 254)


def code128_image(value: str, module_px: int, height: int, quiet: int = 10) -> Image.Image:
    """Return a mode "1" image of the Code 128 symbol with quiet zones."""
    modules = code128_modules(value)
    raw = modules.replace("1", "\x00").replace("0", "\xff").encode("latin-1")
    line = Image.frombytes("L", (len(modules), 1), raw)
    bars = line.resize((len(modules) * module_px, height), Image.Resampling.NEAREST).convert("1")
    out = Image.new("1", (bars.width + 2 * quiet * module_px, height), 1)
    out.paste(bars, (quiet * module_px, 0))
    return out
