"""Helpers for the printing tests: PDF text and page images (poppler), barcode decoding (zxing-cpp),
golden-image comparison."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageChops

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "data" / "golden"
REGEN_ENV = "MOTCUA_REGEN_GOLDEN"


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (apt-get install poppler-utils)")
    return path


def pdf_text(pdf: bytes, *, layout: bool = True, first: int | None = None, last: int | None = None) -> str:
    """Text of the PDF as pdftotext extracts it (pages separated by form feeds)."""
    exe = need_tool("pdftotext")
    args = [exe]
    if layout:
        args.append("-layout")
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    args += ["-enc", "UTF-8", "-", "-"]
    out = subprocess.run(args, input=pdf, capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pdf_pages_text(pdf: bytes, *, layout: bool = True) -> list[str]:
    """One string per page."""
    pages = pdf_text(pdf, layout=layout).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def flat(text: str) -> str:
    """Collapse whitespace, to look for phrases that the layout broke over columns or lines."""
    return " ".join(text.split())


def pdf_page_count(pdf: bytes) -> int:
    exe = need_tool("pdfinfo")
    out = subprocess.run([exe, "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def pdf_page_size(pdf: bytes) -> tuple[float, float]:
    exe = need_tool("pdfinfo")
    out = subprocess.run([exe, "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Page size:"):
            parts = line.split()
            return float(parts[2]), float(parts[4])
    raise AssertionError("pdfinfo gave no page size")


def pdf_page_images(pdf: bytes, *, dpi: int = 200, first: int = 1, last: int | None = None) -> list[Image.Image]:
    """Render pages to images with ``pdftoppm -r dpi -png``."""
    exe = need_tool("pdftoppm")
    last = first if last is None else last
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            [exe, "-r", str(dpi), "-png", "-f", str(first), "-l", str(last), str(src), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
        )
        files = sorted(Path(tmp).glob("page*.png"))
        return [Image.open(io.BytesIO(f.read_bytes())).convert("L") for f in files]


def read_codes(image: Image.Image) -> dict[str, list[str]]:
    """Decode every barcode on the image: {format name: [texts]}."""
    import zxingcpp

    found: dict[str, list[str]] = {}
    for r in zxingcpp.read_barcodes(image):
        found.setdefault(r.format.name, []).append(r.text)
    return found


def assert_matches_golden(image: Image.Image, name: str, *, tolerance: float = 0.01) -> None:
    """Compare with ``tests/data/golden/name``; ``MOTCUA_REGEN_GOLDEN=1`` rewrites the file.

    ``tolerance`` is the share of pixels allowed to differ (font rasterisation varies a little
    between FreeType versions).
    """
    path = GOLDEN_DIR / name
    img = image.convert("L")
    if os.environ.get(REGEN_ENV) == "1" or not path.exists():
        if os.environ.get(REGEN_ENV) != "1":
            pytest.fail(f"golden image {path} missing; run with {REGEN_ENV}=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        img.save(path, format="PNG", optimize=True)
        return
    golden = Image.open(path).convert("L")
    w = max(golden.width, img.width)
    h = max(golden.height, img.height)
    assert abs(golden.width - img.width) <= 0 and abs(golden.height - img.height) <= 8, (
        f"size {img.size} differs from golden {golden.size}"
    )
    a = Image.new("L", (w, h), 255)
    a.paste(golden, (0, 0))
    b = Image.new("L", (w, h), 255)
    b.paste(img, (0, 0))
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0)
    changed = diff.histogram()[255] / (w * h)
    assert changed <= tolerance, f"{changed:.2%} of pixels differ from {path.name} (tolerance {tolerance:.2%})"
