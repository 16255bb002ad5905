"""Vietnamese text in every window: the letters, a check that a font has them all, and room for the
stacked diacritics.

Capitals with two marks (Ẫ, Ẩ, Ậ, Ỗ, Ở, Ễ …) reach higher than most fonts' ascent: in DejaVu Sans (the
font Qt picks on Linux, bundled in resources/fonts) "Ẫ" rises 0.13 of the font's height above the line box,
so a label exactly as tall as its line (one at the top of a layout, a header, a form row) cut the tilde off
and "MẪU" read "MÂU" — the kiosk's header did, while the board's taller header row hid it. Qt has no line
height for plain-text labels, so :data:`TEXT_ROOM_CSS` gives every label top and bottom padding, and every
line edit a taller text area, proportional to its own font (``em`` is the font's height in Qt style sheets),
whatever size a station's style sheet sets. :func:`install_text_room` adds it to the application's style sheet, once, for
every station (the kiosk, the board and the counter); widget rules that set ``padding`` themselves must
keep at least that much (tests/ui/test_vietnamese_text.py renders every visible text widget to check).

GUI thread only.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang, huyền, sắc, hỏi, ngã, nặng
_CONSONANTS = "bcdđghklmnpqrstvx"


def _letters() -> str:
    lower = [unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES] + list(_CONSONANTS)
    return "".join(lower) + "".join(c.upper() for c in lower)


VIETNAMESE_LETTERS = _letters()  # 67 letters, lower then upper case, NFC
# Room above and below the line box, in units of the widget's font height: enough for the highest
# stacked capital (≈0.13 in DejaVu Sans, ≈0.15 at small pixel sizes after rounding) and the dot below.
ROOM_EM = 0.25
# A label draws its line at the top of its contents (below the padding). A line edit clips to its text
# area and centres the line in it, so it needs a taller text area instead: 1 + 2 × ROOM_EM lines. The line
# edits inside spin boxes (numbers, dates) and combo boxes are sized by their box and keep Qt's height.
TEXT_ROOM_CSS = (
    f"QLabel {{ padding-top: {ROOM_EM}em; padding-bottom: {ROOM_EM / 2.5}em; }}"
    f" QLineEdit {{ min-height: {1 + 2 * ROOM_EM}em; }}"
    " QAbstractSpinBox > QLineEdit, QComboBox > QLineEdit { min-height: 0px; }"
)
_MARK = "/* motcua: room for stacked Vietnamese diacritics */"


def missing_glyphs(font: QFont) -> str:
    """The Vietnamese letters ``font`` itself has no glyph for (Qt would take them from another font,
    with other metrics and look)."""
    metrics = QFontMetrics(font)
    return "".join(ch for ch in VIETNAMESE_LETTERS if not metrics.inFontUcs4(ord(ch)))


def ink_overflow(font: QFont) -> tuple[int, int]:
    """How many pixels the Vietnamese letters' ink reaches above the font's ascent and below its descent."""
    metrics = QFontMetrics(font)
    ink = metrics.tightBoundingRect(VIETNAMESE_LETTERS)
    return max(0, -ink.top() - metrics.ascent()), max(0, ink.bottom() + 1 - metrics.descent())


def install_text_room(app: QApplication | None = None) -> None:
    """Add :data:`TEXT_ROOM_CSS` to the application's style sheet (idempotent). Every station calls it once
    after creating its QApplication (``ui.common.station_application`` does)."""
    app = app or QApplication.instance()
    sheet = app.styleSheet()
    if _MARK not in sheet:
        app.setStyleSheet(f"{sheet}\n{_MARK}\n{TEXT_ROOM_CSS}" if sheet else f"{_MARK}\n{TEXT_ROOM_CSS}")
