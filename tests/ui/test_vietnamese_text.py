"""Every Vietnamese letter, stacked diacritics included (Ẫ Ẩ Ậ Ỗ Ở …), renders whole in every station's
fonts at every size: no glyph missing from the font, no ink cut at the top or bottom of the widget that
draws it (issue 8: the kiosk's header read "DỮ LIỆU MÂU")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from app.settings import StationSettings
from devices.printer import SimulatedPrinter
from ui.i18n import remove_catalogs
from ui.display import build_display_window
from ui.fonts import VIETNAMESE_LETTERS, install_text_room, missing_glyphs
from ui.kiosk import build_kiosk_window
from ui.queue import install_all_translators
from ui.tasks import InlineExecutor


@pytest.fixture
def text_room(qapp):
    """What every station's start-up does (ui.common.station_application, the counter's bootstrap)."""
    before = qapp.styleSheet()
    install_text_room(qapp)
    install_all_translators(qapp, "vi")  # taken off again by tests/ui/conftest.py
    yield
    qapp.setStyleSheet(before)


def _text_area(widget: QWidget) -> tuple[QRect, QRect, Qt.AlignmentFlag]:
    """Where ``widget`` lays out a line of text, the rectangle its painting is clipped to, and the
    vertical alignment it uses (as QLabel, QLineEdit and QPushButton paint)."""
    full = widget.rect()
    if isinstance(widget, QLabel):
        area = widget.contentsRect().adjusted(widget.margin(), widget.margin(), -widget.margin(), -widget.margin())
        return area, full, widget.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
    if isinstance(widget, QLineEdit):
        option = QStyleOptionFrame()
        widget.initStyleOption(option)
        area = widget.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, widget)
        area = area.marginsRemoved(widget.textMargins())
        return area, area, Qt.AlignmentFlag.AlignVCenter  # QLineEdit clips to its text area
    return full, full, Qt.AlignmentFlag.AlignVCenter


def cut_ink(widget: QWidget) -> str:
    """"" when a line of every Vietnamese letter fits ``widget`` as it would draw it; else what is cut."""
    area, clip, valign = _text_area(widget)
    metrics = widget.fontMetrics()
    pad = metrics.height()  # room to see ink that would fall outside
    width = max(area.width(), metrics.horizontalAdvance(VIETNAMESE_LETTERS) + 8)
    image = QImage(width, widget.height() + 2 * pad, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setFont(widget.font())
    painter.setPen(QColor("black"))
    box = QRect(0, area.top() + pad, width, area.height())
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | valign), VIETNAMESE_LETTERS)
    painter.end()

    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    blank = bytes(stride)

    def inked(row: int) -> bool:  # transparent is all zero bytes: any other byte is ink
        return data[row * stride:(row + 1) * stride] != blank

    above = [r for r in range(0, pad + clip.top()) if inked(r)]
    below = [r for r in range(pad + clip.bottom() + 1, image.height()) if inked(r)]
    problems = []
    if above:
        problems.append(f"{pad + clip.top() - above[0]} px cut at the top")
    if below:
        problems.append(f"{below[-1] - pad - clip.bottom()} px cut at the bottom")
    return ", ".join(problems)


def check_window(window: QWidget, where: str) -> list[str]:
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QLineEdit, QPushButton)) or not widget.isVisible() or widget.height() <= 0:
            continue
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):  # numbers and dates; sized by their box
            continue
        name = f"{where} {type(widget).__name__}#{widget.objectName() or '?'} {widget.font().pixelSize() or widget.font().pointSizeF()}"
        missing = missing_glyphs(widget.font())
        if missing:
            problems.append(f"{name}: no glyph for {missing}")
        cut = cut_ink(widget)
        if cut:
            problems.append(f"{name} ({widget.height()} px high): {cut}")
    return problems


def test_the_font_has_every_vietnamese_letter(qapp):
    assert len(VIETNAMESE_LETTERS) == 2 * (12 * 6 + 17)
    assert "Ẫ" in VIETNAMESE_LETTERS and "ỵ" in VIETNAMESE_LETTERS and "Đ" in VIETNAMESE_LETTERS
    assert missing_glyphs(qapp.font()) == ""


@pytest.mark.parametrize("size", [(1280, 1024), (1920, 1080), (768, 1366), (800, 600)])
def test_kiosk_texts_keep_their_diacritics(qtbot, seeded_store, tmp_path, text_room, size):
    kiosk = build_kiosk_window(seeded_store, StationSettings(tmp_path), printer=SimulatedPrinter(), executor=InlineExecutor())
    qtbot.addWidget(kiosk)
    kiosk.resize(*size)
    kiosk.show()
    assert "MẪU" in kiosk.center_label.text()
    problems = []
    kiosk.choose_service("A")
    kiosk.choose_priority("elderly")
    kiosk.issue("A", "elderly")
    kiosk.show_banner("Ẫ Ẩ Ậ Ỗ Ở")
    for page in range(kiosk.stack.count()):
        kiosk.stack.setCurrentIndex(page)
        qtbot.wait(1)
        problems += check_window(kiosk, f"kiosk {size} page {page}")
    kiosk.shutdown()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (800, 450)])
def test_board_texts_keep_their_diacritics(qtbot, seeded_store, tmp_path, text_room, size):
    from devices.voice import Announcer, ClipLibrary
    from app.resources import resource

    announcer = Announcer(ClipLibrary([resource("sounds")]), lambda wav: None, wait_for_playback=False)
    board = build_display_window(seeded_store, StationSettings(tmp_path), executor=InlineExecutor(), announcer=announcer)
    qtbot.addWidget(board)
    board.resize(*size)
    board.show()
    qtbot.waitUntil(lambda: bool(board.waiting_labels), timeout=10_000)
    board.show_call({"id": 1, "number": "A001", "counter": 1, "kind": "call", "service": "A", "at": ""})
    board.notice.setText("Ẫ Ẩ Ậ Ỗ Ở")
    qtbot.wait(1)
    problems = check_window(board, f"board {size}")
    board.shutdown()
    announcer.close()
    assert problems == [], "\n".join(problems)


def test_counter_texts_keep_their_diacritics(qtbot, text_room, counter_window):
    problems = []
    for size in ((1366, 768), (1920, 1080)):
        counter_window.resize(*size)
        qtbot.wait(1)
        problems += check_window(counter_window, f"counter {size}")
    assert problems == [], "\n".join(problems)


def test_the_stations_start_up_makes_the_room(qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    from ui.common import station_application
    from ui.fonts import TEXT_ROOM_CSS

    before, translators = qapp.styleSheet(), set(qapp.findChildren(QTranslator))
    try:
        assert station_application(StationSettings(tmp_path)) is qapp
        assert TEXT_ROOM_CSS in qapp.styleSheet()
        install_text_room(qapp)  # once only
        assert qapp.styleSheet().count(TEXT_ROOM_CSS) == 1
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - translators:
            remove_catalogs(qapp, [translator])
        qapp.setStyleSheet(before)
