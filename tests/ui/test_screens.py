"""Every registered screen (ui/gallery.py), built with demo data in Vietnamese at each of its sizes: no
visible English, no unfilled placeholder (%1, {name}) and no label, button or tab whose text is cut.

The integrator's rooms register their windows in ``ui.gallery``; this walk covers them with no change here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableView,
    QWidget,
)

from ui import gallery

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\d+|%n\b|\{[A-Za-z_][A-Za-z0-9_]*\}")
# Words that only an English sentence has; a Vietnamese text never holds them as whole words.
ENGLISH = re.compile(r"\b(the|and|of|to|for|with|from|not|this|your|please|select|open|save|cancel|close|print|"
                     r"search|next|back|finish|yes|no|waiting|counter|ticket|dossier|error)\b", re.IGNORECASE)
# Texts that are the same in both languages (codes, units, sample data, technical addresses).
SAME_IN_BOTH = re.compile(r"^(sim:.*|[A-Z]\d{3}|https?://.*|[\d\s:./,%-]+|SQLite|PostgreSQL|Email|OK|CCCD|QR|A4|LED|"
                          r"Tiếng Việt|English|\W*)$")


def english_sources() -> set[str]:
    """Every source text whose Vietnamese differs: seeing one on screen means its translator is missing."""
    found = set()
    for catalog in (ROOT / "resources" / "i18n").glob("motcua*_vi.ts"):
        for message in ET.parse(catalog).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            texts = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
            if source and all(t != source for t in texts):
                found.add(_plain(source).lower())
    return found


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def visible_texts(root: QWidget):
    """(widget, text) for each piece of text a person sees on ``root``."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget is root and widget.windowTitle():
            yield widget, widget.windowTitle()
        if isinstance(widget, QLabel) and widget.text() and widget.textFormat() != 1:  # 1 = RichText
            yield widget, widget.text()
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield widget, widget.text()
        elif isinstance(widget, QGroupBox) and widget.title():
            yield widget, widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield widget, widget.tabText(index)
        elif isinstance(widget, QComboBox):  # every choice of the list, not only the one shown
            for index in range(min(widget.count(), 50)):
                yield widget, widget.itemText(index)
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                if not widget.isColumnHidden(column):
                    yield widget, str(model.headerData(column, widget.horizontalHeader().orientation()) or "")
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 20)):
                for column in range(model.columnCount()):
                    if not widget.isColumnHidden(column):
                        value = model.index(row, column).data()
                        if isinstance(value, str) and value:
                            yield widget, value
        placeholder = getattr(widget, "placeholderText", None)
        if callable(placeholder) and placeholder():
            yield widget, placeholder()


def cut_texts(root: QWidget) -> list[str]:
    """Labels without word wrap, buttons and tabs narrower than their text needs."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and widget.pixmap().isNull():
            if widget.property("elides"):  # a label that shortens a long value on purpose
                continue
            need = widget.minimumSizeHint().width()
            if widget.width() + 1 < need:
                problems.append(f"label {widget.text()[:40]!r}: {widget.width()} px < {need} px")
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)) and widget.text():
            need = widget.fontMetrics().horizontalAdvance(_plain(widget.text()))
            room = widget.contentsRect().width() - (widget.iconSize().width() if not widget.icon().isNull() else 0)
            if room < need:
                problems.append(f"button {widget.text()[:40]!r}: {room} px < {need} px")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                rect = widget.tabRect(index)
                need = widget.fontMetrics().horizontalAdvance(_plain(widget.tabText(index)))
                if rect.width() and rect.width() < need:
                    problems.append(f"tab {widget.tabText(index)!r}: {rect.width()} px < {need} px")
        elif isinstance(widget, QTableView) and widget.model() is not None:
            # A code, a number or a date (no space to wrap at) is never shown cut in a table cell.
            model, metrics = widget.model(), widget.fontMetrics()
            for row in range(min(model.rowCount(), 20)):
                for column in range(model.columnCount()):
                    value = model.index(row, column).data()
                    if widget.isColumnHidden(column) or not isinstance(value, str) or not value or " " in value:
                        continue
                    need = metrics.horizontalAdvance(value) + 6  # the cell's own margins
                    if widget.columnWidth(column) < need:
                        problems.append(f"cell {value!r}: {widget.columnWidth(column)} px < {need} px")
    return problems


@pytest.fixture(scope="module")
def context(qapp, tmp_path_factory):
    from ui.catalogs import install_all, remove_catalogs

    installed = install_all(qapp, "vi")
    ctx = gallery.make_context(tmp_path_factory.mktemp("gallery"))
    yield ctx
    for kept in reversed(ctx.keep):
        getattr(kept, "shutdown", lambda: None)()
        getattr(kept, "close", lambda: None)()
    ctx.tasks.shutdown()
    ctx.store.close()
    remove_catalogs(qapp, installed)  # later tests read English


ENGLISH_SOURCES: set[str] = set()


def settle(ms: int = 20) -> None:
    """Deliver pending events for at most ``ms``: a layout that feeds back on itself never runs out of them,
    and would hold an unbounded processEvents() for ever."""
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)


class _ResizeCount(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.by_class: dict[str, int] = {}

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            name = type(obj).__name__
            self.by_class[name] = self.by_class.get(name, 0) + 1
        return False


def resizing_for_ever(ms: int = 100, limit: int = 20) -> dict[str, int]:
    """The widget classes resized more than ``limit`` times in ``ms`` of an idle application (any window of
    the walk, not only the screen shown): empty when every layout has come to rest."""
    counter = _ResizeCount()
    app = QApplication.instance()
    app.installEventFilter(counter)
    try:
        settle(ms)
    finally:
        app.removeEventFilter(counter)
    return counter.by_class if sum(counter.by_class.values()) > limit else {}


def _cases():
    return [pytest.param(screen, size, id=f"{screen.name}-{size[0]}x{size[1]}",
                         marks=[pytest.mark.xfail(reason=screen.known_problem, strict=True)] if screen.known_problem else [])
            for screen in gallery.SCREENS for size in (screen.sizes[:1] if screen.dialog else screen.sizes)]


@pytest.mark.parametrize(("screen", "size"), _cases())
def test_every_screen_is_vietnamese_filled_and_uncut(context, screen, size):
    if not ENGLISH_SOURCES:
        ENGLISH_SOURCES.update(english_sources())
    widget = screen.build(context)
    try:
        if not screen.dialog:
            widget.resize(*size)
        widget.show()
        for _ in range(10):
            settle()
        loop = resizing_for_ever()
        assert not loop, f"widgets still resizing once settled (a layout loop freezes the window): {loop}"
        untranslated, unfilled = [], []
        for where, text in visible_texts(widget):
            plain = _plain(text)
            if not plain or SAME_IN_BOTH.match(plain):
                continue
            if plain.lower() in ENGLISH_SOURCES or (plain.isascii() and ENGLISH.search(plain)):
                untranslated.append(f"{type(where).__name__}: {plain!r}")
            if PLACEHOLDER.search(plain):
                unfilled.append(f"{type(where).__name__}: {plain!r}")
        assert not untranslated, "visible English:\n" + "\n".join(untranslated)
        assert not unfilled, "placeholder left in the text:\n" + "\n".join(unfilled)
        if not screen.dialog:
            assert widget.size().toTuple() == size, f"the window does not fit {size}: {widget.size().toTuple()}"
        cut = cut_texts(widget)
        assert not cut, "text cut:\n" + "\n".join(cut)
    finally:
        widget.close()
        getattr(widget, "shutdown", lambda: None)()
        widget.deleteLater()
        settle()


def test_the_walk_catches_english_and_a_cut_button(qapp):
    """The checks themselves: an English button and a too-narrow one are both reported."""
    root = QWidget()
    button = QPushButton("Save the dossier", root)
    button.resize(40, 30)
    root.resize(200, 100)
    root.show()
    QApplication.processEvents()
    texts = [text for _w, text in visible_texts(root)]
    assert "Save the dossier" in texts and ENGLISH.search(texts[-1])
    assert cut_texts(root) and "Save the dossier" in cut_texts(root)[0]
    root.close()


def test_the_walk_catches_a_layout_that_never_rests(qapp):
    """A widget that answers each resize with another (as the dossier tables did, through their scroll bar)
    is reported; a resting window is not."""

    class Restless(QWidget):
        stopped = False

        def resizeEvent(self, event):  # noqa: N802 - Qt API
            super().resizeEvent(event)
            width = 300 if event.size().width() != 300 else 314
            QTimer.singleShot(0, self, lambda: None if self.stopped else self.resize(width, 100))

    calm = QWidget()
    calm.resize(300, 100)
    calm.show()
    settle()
    assert resizing_for_ever() == {}
    restless = Restless()
    restless.resize(300, 100)
    restless.show()
    try:
        assert resizing_for_ever().get("Restless", 0) > 20
    finally:
        restless.stopped = True
        restless.hide()
        restless.deleteLater()
        calm.close()
        settle()
