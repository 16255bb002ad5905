"""The bundled Vietnamese-capable font, for reportlab (PDF) and Pillow (thermal rasters).

DejaVu Sans regular and bold live in ``resources/fonts/`` with their licence. Registration with
reportlab and Pillow font objects are cached per process: loading a TrueType file costs tens of
milliseconds, a render must not pay it. All functions are safe to call from any thread (the caches
are filled idempotently; a race only loads the same file twice).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import resources

log = logging.getLogger(__name__)

__all__ = [
    "FONT_BOLD",
    "FONT_REGULAR",
    "font_path",
    "pil_font",
    "register_pdf_fonts",
]

#: reportlab names of the registered faces.
FONT_REGULAR = "MotcuaSans"
FONT_BOLD = "MotcuaSans-Bold"

_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
FONTS_DIR = Path(resources.__file__).resolve().parent / "fonts"


def font_path(bold: bool = False) -> Path:
    """Return the path of the bundled regular or bold font file."""
    return FONTS_DIR / _FILES[bool(bold)]


@functools.lru_cache(maxsize=1)
def register_pdf_fonts() -> tuple[str, str]:
    """Register the bundled faces with reportlab once; return ``(regular, bold)`` font names.

    Also registers a font family so ``<b>`` in a Paragraph switches to the bold face.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, bold in ((FONT_REGULAR, False), (FONT_BOLD, True)):
        pdfmetrics.registerFont(TTFont(name, str(font_path(bold))))
    # No italic face is bundled (size): italic and bold-italic map to the upright faces.
    addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
    addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
    log.debug("registered PDF fonts from %s", FONTS_DIR)
    return FONT_REGULAR, FONT_BOLD


@functools.lru_cache(maxsize=64)
def pil_font(size: int, bold: bool = False):
    """Return a cached Pillow ``FreeTypeFont`` of the bundled face at ``size`` pixels."""
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(bold)), size)
