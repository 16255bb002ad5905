"""Page processing for digitization: blank check, deskew, exposure warning, JPEG, one image PDF per item.

Pure: images and bytes in, bytes out; it knows pages, not dossiers. Every function may run on any
thread (a device thread or a task pool); none keeps state between calls.

The steps for one page (:func:`process_page`):

1. An analysis copy at about 50 dpi (box-filtered: dust specks and sensor noise average away) gives
   the **blank check** (share of ink pixels, inside a margin that hides the feeder's edge shadows,
   against a configurable threshold), the **exposure** check (paper too dark, or ink too faint) and,
   at about 100 dpi, the **skew** (the angle whose horizontal projection of the ink is sharpest:
   text lines line up then).
2. A page the scanner did not straighten is rotated back (Pillow's rotate, bilinear). OpenCV's warpAffine
   is four times faster, but it brought 172 MB (its FFmpeg and OpenBLAS) into a 562 MB Windows bundle for
   three calls; with Pillow a 200-dpi gray page takes 86 ms of CPU in all, within its 150 ms budget
   (bench/bench_scanning.py).
3. Gray pages get a clean background (paper tone to white, ink kept) and are encoded with a
   quantization table made for text (the standard luminance table with high frequencies quantized
   harder): a dense 200-dpi text page is about 40 % of its size at quality 75, diacritics still
   sharp. Colour pages use the same table for brightness and the standard one for colour.
4. A page that arrived as a JPEG (scan to folder) and needs no rotation keeps its own bytes.

:func:`build_pdf` embeds the pages' JPEG streams as they are (img2pdf: no second lossy encode) and
names the PDF by its SHA-256. :func:`ocr_pdf` optionally adds a Tesseract text layer under the
images (``vie``), leaving the image streams untouched.
"""

from __future__ import annotations

import hashlib
import io
import math
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np

from PIL import Image

Exposure = Literal["ok", "too_dark", "too_light"]

_STD_LUMA = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # ITU T.81 Annex K, row by row
_STD_CHROMA = (
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
)


#: Share of ink pixels (of the 50-dpi copy, inside the margin) below which a page counts as blank.
DEFAULT_BLANK_THRESHOLD = 0.0002


def text_qtable(weight: float = 1.4) -> list[int]:
    """The standard luminance table, each coefficient times (1 + weight x its frequency index)."""
    return [min(255, max(1, round(q * (1 + weight * (i // 8 + i % 8))))) for i, q in enumerate(_STD_LUMA)]


@dataclass(frozen=True, slots=True)
class PageOptions:
    """How pages are processed. ``blank_threshold`` is the share of ink pixels below which a page is blank."""

    blank_threshold: float = DEFAULT_BLANK_THRESHOLD
    deskew: bool = True
    max_skew_deg: float = 5.0
    min_skew_deg: float = 0.1  # below this a rotation costs sharpness and gains nothing
    clean_background: bool = True
    text_qtable_weight: float = 1.4
    chroma_scale: float = 1.0
    thumbnail_px: int = 240  # the longer side of the thumbnail


@dataclass(frozen=True, slots=True)
class BlankCheck:
    blank: bool
    ink_ratio: float
    paper_level: int  # the paper's gray level (0-255)
    ink_level: int  # the 10th percentile of the ink pixels' gray levels (the paper's when there are none)


@dataclass(frozen=True, slots=True)
class ProcessedPage:
    """One page ready for the PDF. ``jpeg`` is what goes into the PDF, byte for byte."""

    jpeg: bytes
    width: int
    height: int
    dpi: int
    mode: str  # "L" or "RGB"
    blank: bool
    ink_ratio: float
    skew_deg: float  # the angle found (and corrected when ``deskewed``)
    deskewed: bool
    exposure: Exposure
    thumbnail: bytes  # a small JPEG for the page strip
    kept_source: bool = False  # the device's own JPEG was kept


@dataclass(frozen=True, slots=True)
class PdfDocument:
    data: bytes
    sha256: str
    page_count: int
    pages: tuple[int, ...] = field(default=())  # which input pages went in, in order

    @property
    def file_name(self) -> str:
        return f"{self.sha256}.pdf"


# --------------------------------------------------------------------------- analysis


def _gray_small(image: Image.Image, dpi: int, target_dpi: int) -> np.ndarray:
    import numpy as np  # here, not at import: opening the scan panel must not load numpy on the GUI thread

    factor = max(1, round(dpi / target_dpi))
    small = image.reduce(factor) if factor > 1 else image
    if small.mode != "L":
        small = small.convert("L")
    return np.asarray(small)


def _margin(a: np.ndarray, share: float = 0.04) -> np.ndarray:
    h, w = a.shape
    dy, dx = max(1, round(h * share)), max(1, round(w * share))
    return a[dy : h - dy, dx : w - dx]


def _levels(a: np.ndarray) -> tuple[int, int]:
    """(paper, darkest): the 90th and the 0.2th percentile of the gray levels, from a histogram."""
    import numpy as np  # here, not at import: opening the scan panel must not load numpy on the GUI thread

    cum = np.cumsum(np.bincount(a.ravel(), minlength=256))
    return int(np.searchsorted(cum, cum[-1] * 0.90)), int(np.searchsorted(cum, cum[-1] * 0.002))


def check_blank(image: Image.Image, dpi: int, *, threshold: float = DEFAULT_BLANK_THRESHOLD) -> BlankCheck:
    """Is the page blank? Ink is a pixel of the 50-dpi copy at least 40 levels darker than the paper
    (show-through from the other side and dust, averaged down, stay above that)."""
    import numpy as np  # here, not at import: opening the scan panel must not load numpy on the GUI thread

    a = _margin(_gray_small(image, dpi, 50))
    paper, _ = _levels(a)
    inked = a[a < paper - 40]
    ink_ratio = inked.size / a.size
    ink = int(np.partition(inked, inked.size // 10)[inked.size // 10]) if inked.size else paper  # 10th percentile
    return BlankCheck(blank=ink_ratio < threshold, ink_ratio=ink_ratio, paper_level=paper, ink_level=ink)


def exposure_of(check: BlankCheck) -> Exposure:
    """A page far too dark (the paper itself is gray) or too light (even the darkest ink is faint)."""
    if check.paper_level < 110:
        return "too_dark"
    if not check.blank and check.paper_level - check.ink_level < 90:
        return "too_light"
    return "ok"


def find_skew(image: Image.Image, dpi: int, *, max_deg: float = 5.0) -> float:
    """The angle (degrees, counter-clockwise) the page's text lines are turned by; 0.0 when unsure.

    Projection profile on the ink pixels of a ~100-dpi copy: for each candidate angle the ink is
    projected on the page's vertical axis, and the angle whose profile has the most energy (sharp
    peaks of lines, clean gaps between them) wins. Coarse 0.5° steps, then 0.05° around the best;
    an angle that is not clearly better than 0 (a photo, a page of one word) is 0.
    """
    import numpy as np  # here, not at import: opening the scan panel must not load numpy on the GUI thread

    a = _gray_small(image, dpi, 100)
    paper, _ = _levels(_margin(a))
    ys, xs = np.nonzero(_margin(a) < paper - 80)
    if ys.size < 200:
        return 0.0
    rng = np.random.default_rng(0)  # a fixed sample: the same page always gives the same angle
    if ys.size > 16000:  # enough points for the angle; fewer keep it fast on dense pages
        pick = rng.choice(ys.size, 16000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - xs.mean()
    offset = abs(xs).max() * math.tan(math.radians(max_deg)) + 2

    def score(deg: float, n: int) -> float:
        hist = np.bincount((ys[:n] + xs[:n] * math.tan(math.radians(deg)) + offset).astype(np.int64))
        return float(np.dot(hist, hist))

    coarse = np.arange(-max_deg, max_deg + 1e-9, 0.5)
    best = float(coarse[int(np.argmax([score(d, 4000) for d in coarse]))])  # a quarter of the points is enough here
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    scores = [score(d, ys.size) for d in fine]
    top = int(np.argmax(scores))
    if scores[top] < score(0.0, ys.size) * 1.02:  # no clear gain: not lines of text, or straight already
        return 0.0
    return round(float(fine[top]), 2)


def rotate(image: Image.Image, deg: float, fill: int | tuple[int, int, int]) -> Image.Image:
    """Rotate by ``deg`` counter-clockwise around the centre, same size, bilinear; the uncovered corners
    take ``fill`` (the paper's tone)."""
    if image.mode == "RGB" and not isinstance(fill, tuple):
        fill = (fill, fill, fill)
    return image.rotate(deg, Image.Resampling.BILINEAR, fillcolor=fill)


# --------------------------------------------------------------------------- encoding


def _clean_lut(paper: int) -> list[int]:
    """Paper tone (and anything lighter than 15 levels under it) to white, ink stretched below."""
    knee = max(64, paper - 15)
    return [255 if v >= knee else round(v * 255 / knee) for v in range(256)]


def encode_jpeg(image: Image.Image, dpi: int, options: PageOptions = PageOptions()) -> bytes:
    """Baseline JPEG with optimized Huffman tables (lossless, ~12 % smaller; progressive would save
    another 6 % at twice the time). Gray: the text table. Colour: the text table for brightness and
    the standard chroma table, 4:2:0."""
    out = io.BytesIO()
    luma = text_qtable(options.text_qtable_weight)
    if image.mode == "L":
        image.save(out, "JPEG", qtables=[luma], optimize=True, dpi=(dpi, dpi))
    else:
        chroma = [min(255, round(q * options.chroma_scale)) for q in _STD_CHROMA]
        image.save(out, "JPEG", qtables=[luma, chroma], subsampling="4:2:0", optimize=True, dpi=(dpi, dpi))
    return out.getvalue()


def thumbnail(image: Image.Image, longest: int = 240) -> bytes:
    small = image.copy()
    small.draft(small.mode, (longest, longest))
    small.thumbnail((longest, longest), Image.Resampling.BILINEAR, reducing_gap=2.0)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=70)
    return out.getvalue()


def process_page(
    image: Image.Image,
    dpi: int,
    *,
    options: PageOptions = PageOptions(),
    scanner_deskewed: bool = False,
    source_jpeg: bytes | None = None,
) -> ProcessedPage:
    """Blank check, exposure, deskew and JPEG of one page (see the module docstring)."""
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB" if image.mode in ("RGBA", "P", "CMYK", "YCbCr") else "L")
    check = check_blank(image, dpi, threshold=options.blank_threshold)
    skew = 0.0
    if options.deskew and not scanner_deskewed and not check.blank:
        skew = find_skew(image, dpi, max_deg=options.max_skew_deg)
    turn = abs(skew) >= options.min_skew_deg
    if source_jpeg is not None and not turn:
        jpeg, kept, out = source_jpeg, True, image
    else:
        clean = image.mode == "L" and options.clean_background
        if turn:  # rotate and clean in one pass over the array
            fill = check.paper_level if image.mode == "L" else (check.paper_level,) * 3
            out = rotate(image, -skew, fill)
            if clean:
                out = out.point(_clean_lut(check.paper_level))
        else:
            out = image.point(_clean_lut(check.paper_level)) if clean else image
        jpeg, kept = encode_jpeg(out, dpi, options), False
    return ProcessedPage(
        jpeg=jpeg,
        width=out.width,
        height=out.height,
        dpi=dpi,
        mode=out.mode,
        blank=check.blank,
        ink_ratio=check.ink_ratio,
        skew_deg=skew,
        deskewed=turn,
        exposure=exposure_of(check),
        thumbnail=thumbnail(out, options.thumbnail_px),
        kept_source=kept,
    )


# --------------------------------------------------------------------------- documents


def kept_pages(pages: Sequence[ProcessedPage], restored: Iterable[int] = ()) -> list[int]:
    """Indexes of the pages that go into the PDF: every page but the blank ones not brought back."""
    back = set(restored)
    return [i for i, p in enumerate(pages) if not p.blank or i in back]


def build_pdf(pages: Sequence[ProcessedPage], include: Sequence[int] | None = None) -> PdfDocument:
    """One image PDF of the chosen pages, their JPEG streams embedded as they are, named by SHA-256."""
    import img2pdf

    order = list(range(len(pages))) if include is None else list(include)
    if not order:
        raise ValueError("a PDF needs at least one page")
    # no dates: the same pages give the same bytes, so the same hash
    data = img2pdf.convert([pages[i].jpeg for i in order], nodate=True, producer="motcua")
    return PdfDocument(data=data, sha256=hashlib.sha256(data).hexdigest(), page_count=len(order), pages=tuple(order))


def pdf_images(data: bytes) -> list[bytes]:
    """The raw image stream of each page of a PDF (for checks: they must be the pages' JPEGs)."""
    import pikepdf

    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            images = page.get_images() if hasattr(page, "get_images") else page.images
            for obj in images.values():
                out.append(obj.read_raw_bytes())
    return out


# --------------------------------------------------------------------------- OCR (optional)


def tesseract_languages() -> set[str]:
    """Languages the installed Tesseract has; empty when Tesseract is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return set()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.strip() for line in out.splitlines()[1:] if line.strip()}


def ocr_available(lang: str = "vie") -> bool:
    return lang in tesseract_languages()


def ocr_pdf(document: PdfDocument, pages: Sequence[ProcessedPage], *, lang: str = "vie", timeout: float = 120.0) -> PdfDocument:
    """The same PDF with an invisible text layer from Tesseract, so that it can be searched.

    Tesseract writes a text-only PDF per page at the page's resolution; each becomes an overlay of the
    image page, so the JPEG streams are the same bytes as before. Raises ``RuntimeError`` when
    Tesseract or the language is missing or fails. Slow (seconds a page): run it off the GUI thread.
    """
    import pikepdf

    exe = shutil.which("tesseract")
    if exe is None or lang not in tesseract_languages():
        raise RuntimeError(f"tesseract with language {lang!r} is not installed")
    with tempfile.TemporaryDirectory(prefix="motcua-ocr-") as tmp, pikepdf.open(io.BytesIO(document.data)) as pdf:
        for n, index in enumerate(document.pages or range(len(pages))):
            src = Path(tmp) / f"p{n}.jpg"
            src.write_bytes(pages[index].jpeg)
            base = Path(tmp) / f"p{n}"
            proc = subprocess.run(
                [exe, str(src), str(base), "-l", lang, "--dpi", str(pages[index].dpi), "-c", "textonly_pdf=1", "pdf"],
                capture_output=True, timeout=timeout, check=False,
            )
            if proc.returncode != 0:
                raise RuntimeError(f"tesseract failed on page {n + 1}: {proc.stderr.decode(errors='replace')[-300:]}")
            with pikepdf.open(base.with_suffix(".pdf")) as text:
                pdf.pages[n].add_underlay(text.pages[0])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    data = out.getvalue()
    return PdfDocument(data=data, sha256=hashlib.sha256(data).hexdigest(), page_count=document.page_count, pages=document.pages)
