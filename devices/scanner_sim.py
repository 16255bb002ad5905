"""The simulated scanner and the page images it makes.

:class:`SimulatedScanner` behaves like a document feeder: it holds a stack of sheets, takes
``delay`` seconds per side, skews each sheet slightly, leaves a blank page now and then (every
``blank_every``-th page; the backs of a duplex run are blank unless ``backs`` is set), and can fail
with a configured :class:`~devices.base.DeviceError` kind (``feeder_empty``, ``jammed``,
``offline`` for "device gone", ...) after ``after`` pages. A flatbed scan yields one page.

:func:`make_page` draws the page images (text, one short line, near-blank with scanner noise, blank,
photo), also used as the fixed page set of the page-processing tests and benchmarks. Pages are
deterministic for a given seed.

Threading: the scanner's device thread only; ``delay`` waits on the cancel event, so a cancel
interrupts a slow sheet at once.
"""

from __future__ import annotations

import functools
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFilter, ImageFont

import resources
from devices.base import DEVICE_ERROR_KINDS, DeviceError
from devices.pages import rotate
from devices.scanner import (
    COLOR_MODES,
    PAGE_SIZES_MM,
    ScannedPage,
    ScannerCapabilities,
    ScanRequest,
    Scanner,
    cancelled,
    check_options,
    check_request,
    option,
)

PageKind = Literal["text", "short_line", "near_blank", "blank", "photo"]
PAGE_KINDS: tuple[str, ...] = ("text", "short_line", "near_blank", "blank", "photo")

FONT_PATH = Path(resources.__file__).resolve().parent / "fonts" / "DejaVuSans.ttf"
PAPER = 246  # a scanned white sheet is not 255
INK = 28

_WORDS = (
    "cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc đơn đề nghị cấp giấy chứng nhận quyền sử dụng "
    "đất ủy ban nhân dân phường xã huyện tỉnh căn cước công dân số ngày tháng năm nơi cư trú họ và tên người "
    "nộp hồ sơ thủ tục hành chính bộ phận một cửa kính gửi tôi cam đoan nội dung trên là đúng sự thật"
).split()


@functools.lru_cache(maxsize=16)
def _font(size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), size_px)


def _text_lines(rng: random.Random, count: int, words_per_line: int) -> list[str]:
    lines = []
    for _ in range(count):
        n = rng.randint(words_per_line * 2 // 3, words_per_line)
        lines.append(" ".join(rng.choice(_WORDS) for _ in range(n)))
    return lines


@functools.lru_cache(maxsize=4)
def _noise_field(size: tuple[int, int], sigma: float) -> Image.Image:
    """Gaussian sensor noise for a whole page, tiled from one block (drawing it per pixel per page is slow)."""
    tile = Image.effect_noise((509, 509), sigma)
    field = Image.new("L", size)
    for y in range(0, size[1], 509):
        for x in range(0, size[0], 509):
            field.paste(tile, (x, y))
    return field


def _noise(image: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    """Sensor noise and a few dust specks, as a real sheet through a real scanner has."""
    w, h = image.size
    if sigma > 0:
        noise = _noise_field((w, h), sigma)
        if image.mode == "RGB":
            noise = noise.convert("RGB")
        # mean-preserving: noise is 128 +- sigma, blended at 8 % around the paper level
        image = Image.blend(image, noise, 0.08).point(lambda v: min(255, v + 10) if v > 128 else v)
    draw = ImageDraw.Draw(image)
    dot = max(1, round(w / 1654))  # one pixel at 200 dpi
    for _ in range(rng.randint(3, 12)):
        x, y = rng.randrange(w), rng.randrange(h)
        draw.rectangle((x, y, x + dot, y + dot), fill=(90, 90, 90) if image.mode == "RGB" else 90)
    return image


def make_page(
    kind: str = "text",
    *,
    dpi: int = 200,
    page_size: str = "A4",
    color: bool = False,
    seed: int = 0,
    skew_deg: float = 0.0,
    noise: float = 12.0,
) -> Image.Image:
    """Draw one page as a scanner would deliver it (mode ``L``, or ``RGB`` when ``color``)."""
    if kind not in PAGE_KINDS:
        raise ValueError(f"unknown page kind {kind!r}")
    rng = random.Random(f"{kind}/{seed}")
    w_mm, h_mm = PAGE_SIZES_MM[page_size]
    w, h = round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi)
    mode = "RGB" if color else "L"
    paper = (PAPER, PAPER, PAPER - 6) if color else PAPER
    page = Image.new(mode, (w, h), paper)
    draw = ImageDraw.Draw(page)
    ink = (INK, INK, 90) if color else INK
    margin = round(25 / 25.4 * dpi)
    pt = dpi / 72
    if kind == "text":
        title = _font(round(14 * pt))
        body = _font(round(12 * pt))
        draw.text((w // 2, margin), "ĐƠN ĐỀ NGHỊ", font=title, fill=ink, anchor="ma")
        y = margin + round(30 * pt)
        line_h = round(12 * pt * 1.5)
        for line in _text_lines(rng, (h - y - margin) // line_h, 15):
            draw.text((margin, y), line, font=body, fill=ink)
            y += line_h
        if color:  # a red seal, as on the documents officers scan in colour
            r = round(18 / 25.4 * dpi)
            cx, cy = w - margin - r, h - margin - r
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 30, 30), width=max(2, r // 10))
    elif kind == "short_line":
        draw.text((margin, margin + rng.randrange(h // 2)), "Số: 123/UBND", font=_font(round(12 * pt)), fill=ink)
    elif kind == "near_blank":
        # the back of a printed sheet: faint show-through and a darker shadow along one edge
        faint = (228, 228, 226) if color else 228
        for i, line in enumerate(_text_lines(rng, 8, 9)):
            draw.text((margin, margin + i * round(18 * pt)), line, font=_font(round(12 * pt)), fill=faint)
        page = page.filter(ImageFilter.GaussianBlur(2))
        draw = ImageDraw.Draw(page)
        draw.rectangle((0, 0, max(2, w // 300), h), fill=(200, 200, 200) if color else 200)
    elif kind == "photo":
        # a photo glued on a form: smooth gradients and shapes across most of the page
        photo = Image.linear_gradient("L").resize((w - 2 * margin, h // 2))
        if color:
            photo = Image.merge("RGB", (photo, photo.rotate(90).resize(photo.size), photo.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
        page.paste(photo, (margin, margin))
        for _ in range(12):
            x, y = rng.randrange(margin, w - margin), rng.randrange(margin, margin + h // 2)
            r = rng.randrange(20, w // 6)
            shade = rng.randrange(40, 220)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade // 2, 255 - shade) if color else shade)
    # the optics of a real scanner are softer than a font rasterizer's edges
    page = page.filter(ImageFilter.GaussianBlur(0.5 * dpi / 200))
    page = _noise(page, rng, noise) if kind != "blank" or noise else page
    if skew_deg:  # the sheet went in turned: counter-clockwise for a positive angle
        page = rotate(page, skew_deg, paper)
    return page


#: Seconds per side for a ``sim://`` address without ``delay``: a 60-pages-a-minute desk feeder.
ADDRESS_DELAY = 1.0


class SimulatedScanner(Scanner):
    """A feeder scanner in memory; see the module docstring."""

    def __init__(
        self,
        name: str = "sim",
        *,
        pages: int = 5,
        fail: str | None = None,
        after: int = 0,
        delay: float = 0.0,
        blank_every: int = 0,
        backs: bool = False,
        max_skew: float = 1.5,
        seed: int = 0,
        sources: tuple[str, ...] = ("flatbed", "feeder", "duplex"),
    ) -> None:
        super().__init__(name)
        self.sources = sources
        if fail is not None and (fail not in DEVICE_ERROR_KINDS or fail == "config"):
            raise DeviceError(name, "config", f"unknown simulated fault {fail!r}")
        self.sheets = pages
        self.fail = fail
        self.after = after
        self.delay = delay
        self.blank_every = blank_every
        self.backs = backs
        self.max_skew = max_skew
        self.seed = seed
        self.sides_fed = 0  # every side the feeder pulled, over all scans (tests look at it)
        self.scans = 0
        self._plugged = True

    @property
    def identity(self) -> str:
        return f"sim://{self.name}"

    def load(self, sheets: int) -> None:
        """Put sheets in the feeder (a person refilling it)."""
        self.sheets += sheets

    def unplug(self) -> None:
        """Pull the cable: every call from now on fails with ``offline``."""
        self._plugged = False

    def plug(self) -> None:
        self._plugged = True

    def capabilities(self) -> ScannerCapabilities:
        if not self._plugged:
            raise DeviceError(self.name, "offline", "simulated scanner unplugged")
        return ScannerCapabilities(
            sources=self.sources,
            color_modes=COLOR_MODES,
            dpi_choices=(150, 200, 300, 600),
            max_size_mm=PAGE_SIZES_MM["legal"],
        )

    def scan(self, request: ScanRequest, *, cancel: threading.Event | None = None) -> Iterator[ScannedPage]:
        check_request(self.name, request, self.capabilities())
        return self._run(request, cancel)

    def _run(self, request: ScanRequest, cancel: threading.Event | None) -> Iterator[ScannedPage]:
        self.scans += 1
        delivered = 0
        rng = random.Random(f"{self.seed}/{self.scans}")
        if request.source != "flatbed" and self.sheets <= 0 and self.fail is None:
            raise DeviceError(self.name, "feeder_empty", "no paper in the feeder")
        sides = 2 if request.source == "duplex" else 1
        while True:
            if cancelled(cancel) or (request.max_pages is not None and delivered >= request.max_pages):
                return
            if not self._plugged:
                raise DeviceError(self.name, "offline", "simulated scanner unplugged")
            if self.fail is not None and delivered >= self.after:
                raise DeviceError(self.name, self.fail, f"simulated {self.fail} after {delivered} page(s)")
            if request.source != "flatbed":
                if delivered % sides == 0:
                    if self.sheets <= 0:
                        return  # the feeder ran empty: the normal end of a feeder scan
                    self.sheets -= 1
            elif delivered:
                return
            if self.delay and cancel is not None and cancel.wait(self.delay):
                return
            if self.delay and cancel is None:
                time.sleep(self.delay)
            side = "back" if sides == 2 and delivered % 2 else "front"
            number = delivered + 1
            blank = (side == "back" and not self.backs) or (self.blank_every and number % self.blank_every == 0)
            image = make_page(
                "blank" if blank else "text",
                dpi=request.dpi,
                page_size=request.page_size,
                color=request.color_mode == "color",
                seed=self.sides_fed,
                skew_deg=rng.uniform(-self.max_skew, self.max_skew) if self.max_skew else 0.0,
            )
            if request.color_mode == "bw":
                image = image.point(lambda v: 255 if v > 160 else 0)
            self.sides_fed += 1
            delivered += 1
            yield ScannedPage(
                index=delivered - 1,
                image=image,
                dpi=request.dpi,
                source=request.source,
                side=side,
                origin=self.identity,
            )

    def close(self) -> None:
        pass


def simulated_from_options(device: str, options: dict[str, str]) -> SimulatedScanner:
    check_options(device, options, {"name", "pages", "fail", "after", "delay", "blank_every", "backs", "skew", "seed", "flatbed_only"})
    return SimulatedScanner(
        device,
        pages=option(device, options, "pages", int, 5),
        fail=options.get("fail") or None,
        after=option(device, options, "after", int, 0),
        delay=option(device, options, "delay", float, ADDRESS_DELAY),
        blank_every=option(device, options, "blank_every", int, 0),
        backs=option(device, options, "backs", bool, False),
        max_skew=option(device, options, "skew", float, 1.5),
        seed=option(device, options, "seed", int, 0),
        sources=("flatbed",) if option(device, options, "flatbed_only", bool, False) else ("flatbed", "feeder", "duplex"),
    )

