"""The keyboard-wedge filter with synthetic key events at human and at scanner speed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from app.cccd import looks_like_cccd
from devices.id_reader import SAMPLE_CCCD
from ui.wedge import WedgeFilter, wedge_options

HUMAN_MS = 140
SCANNER_MS = 4


def key(char: str, at_ms: int, modifiers=Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    if char == "\r":
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, modifiers, "\r")
    else:
        code = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        event = QKeyEvent(QEvent.Type.KeyPress, code, modifiers, char)
    event.setTimestamp(at_ms)
    return event


def type_text(widget, text: str, *, every_ms: int, start_ms: int = 1000) -> int:
    """Send ``text`` as key presses ``every_ms`` apart (by their timestamps); the last timestamp."""
    now = start_ms
    for char in text:
        QCoreApplication.sendEvent(widget, key(char, now))
        now += every_ms
    return now


@pytest.fixture
def field(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


@pytest.fixture
def wedge(qapp):
    wedge = WedgeFilter(max_gap_ms=40, min_length=20, accept=looks_like_cccd).install(qapp)
    yield wedge
    wedge.uninstall()


def test_a_scanner_burst_goes_to_the_parser_not_the_field(qtbot, field, wedge):
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as got:
        type_text(field, SAMPLE_CCCD + "\r", every_ms=SCANNER_MS)
    assert got.args == [SAMPLE_CCCD]
    assert field.text() == ""
    assert wedge.holding == 0


def test_a_person_typing_at_human_speed_types_into_the_field(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    text = "001090012345|Nguyen Van An"
    type_text(field, text, every_ms=HUMAN_MS)
    qtbot.waitUntil(lambda: field.text() == text, timeout=2000)  # the last key is held at most 40 ms
    QCoreApplication.sendEvent(field, key("\r", 10_000))
    assert scans == []


def test_a_fast_burst_that_is_not_an_id_card_is_typed_into_the_field(qtbot, field, wedge):
    """A barcode scanner typing a dossier code into the search field keeps working."""
    code = "000.17.22.H56-260504-0001"
    returned = []
    field.returnPressed.connect(lambda: returned.append(field.text()))
    type_text(field, code + "\r", every_ms=SCANNER_MS)
    assert field.text() == code
    assert returned == [code]


def test_a_short_fast_burst_is_a_person_pressing_keys_together(qtbot, field, wedge):
    type_text(field, "ab\r", every_ms=2)
    assert field.text() == "ab"


def test_a_pause_in_the_middle_splits_the_burst(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    half = len(SAMPLE_CCCD) // 2
    last = type_text(field, SAMPLE_CCCD[:half], every_ms=SCANNER_MS)
    type_text(field, SAMPLE_CCCD[half:] + "\r", every_ms=SCANNER_MS, start_ms=last + 500)
    assert scans == []
    assert field.text() == SAMPLE_CCCD


def test_shortcuts_pass_and_release_what_was_held(qtbot, field, wedge):
    type_text(field, "xyz", every_ms=SCANNER_MS)
    assert wedge.holding == 3
    QCoreApplication.sendEvent(field, key("a", 2000, Qt.KeyboardModifier.ControlModifier))  # Ctrl+A: select all
    assert wedge.holding == 0
    assert field.text() == "xyz"
    assert field.selectedText() == "xyz"


def test_a_key_for_a_widget_that_is_gone_is_dropped(qtbot, wedge):
    edit = QLineEdit()
    type_text(edit, "abc", every_ms=SCANNER_MS)
    edit.deleteLater()
    qtbot.waitUntil(lambda: wedge.holding == 0, timeout=2000)


def test_options_from_the_reader_address():
    assert wedge_options("wedge:?gap_ms=25&min_length=30") == {"max_gap_ms": 25, "min_length": 30}
    assert wedge_options("wedge:") == {}
    for bad in ("wedge:?speed=1", "wedge:?gap_ms=0", "wedge:?gap_ms=x"):
        with pytest.raises(ValueError):
            wedge_options(bad)
