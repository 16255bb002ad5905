"""Small pieces shared by the windows: date/time display, deadline colours, a banner, a status indicator,
a titled box, and the start-up of a full-screen station (kiosk, display board).

Dates are shown as ``dd/mm/yyyy`` and times as ``HH:MM`` in Vietnam time. GUI thread only, except the
pure formatting functions, which are safe anywhere.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.workcal import VN_TZ, WorkCalendar, to_local

# Deadline colours: light backgrounds that keep black text readable all day long.
OVERDUE_BG = QColor("#f8d0d0")
SOON_BG = QColor("#fde7b0")
OVERDUE_FG = QColor("#a00000")
SOON_FG = QColor("#8a5a00")
MISSING_BG = QColor("#fbdada")

OVERDUE = "overdue"
SOON = "soon"
NORMAL = "normal"


# --- dates and times ---------------------------------------------------------------------------------


def as_datetime(value: datetime | str | None) -> datetime | None:
    """An aware datetime from a datetime or the core's ISO text (``format_local``); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return to_local(value)


def format_dt(value: datetime | str | None) -> str:
    """``dd/mm/yyyy HH:MM`` in Vietnam time ("" for None)."""
    dt = as_datetime(value)
    # not strftime: each call imports `time`, through PySide's import hook (3.5 us a call against 1.6 here;
    # the board's and the hand-over's lists format thousands)
    return f"{dt.day:02d}/{dt.month:02d}/{dt.year:04d} {dt.hour:02d}:{dt.minute:02d}" if dt else ""


def format_date(value: date | datetime | str | None) -> str:
    """``dd/mm/yyyy`` ("" for None)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10]) if len(value) <= 10 else as_datetime(value)
    if isinstance(value, datetime):
        value = to_local(value).date()
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"  # not strftime: see format_dt


def parse_date(text: str) -> date | None:
    """A date typed as ``dd/mm/yyyy`` (also ``d/m/yyyy``, ``dd-mm-yyyy``, ``ddmmyyyy``); None if not one."""
    raw = text.strip().replace("-", "/").replace(".", "/")
    try:
        if "/" in raw:
            d, m, y = (int(x) for x in raw.split("/"))
        elif len(raw) == 8 and raw.isdigit():
            d, m, y = int(raw[:2]), int(raw[2:4]), int(raw[4:])
        else:
            return None
        if y < 100:
            return None
        return date(y, m, d)
    except ValueError:
        return None


def local_now() -> datetime:
    return datetime.now(VN_TZ)


def format_money(amount: int | None) -> str:
    """``8.000 đ`` (Vietnamese thousands separator); None -> ""."""
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", ".") + " đ"


# --- deadlines ---------------------------------------------------------------------------------------


def due_state(due_at: datetime | str | None, now: datetime, calendar: WorkCalendar | None = None) -> str:
    """OVERDUE when past due; SOON when due today or within one working day; else NORMAL.

    Without a calendar, "one working day" is taken as 24 hours.
    """
    due = as_datetime(due_at)
    if due is None:
        return NORMAL
    local_now_ = to_local(now)
    if due < local_now_:
        return OVERDUE
    if due.date() == local_now_.date():
        return SOON
    if calendar is not None:
        horizon = calendar.add_working_time(
            calendar.effective_start(local_now_), timedelta(hours=calendar.hours.hours_per_day)
        )
    else:
        horizon = local_now_ + timedelta(days=1)
    return SOON if due <= horizon else NORMAL


def state_background(state: str) -> QColor | None:
    return {OVERDUE: OVERDUE_BG, SOON: SOON_BG}.get(state)


def state_foreground(state: str) -> QColor | None:
    return {OVERDUE: OVERDUE_FG, SOON: SOON_FG}.get(state)


# --- widgets and helpers -----------------------------------------------------------------------------


@contextmanager
def busy_cursor() -> Iterator[None]:
    """A wait cursor around a short piece of GUI-thread work (never around store access)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def titled(title: str, widget: QWidget, *, parent: QWidget) -> QWidget:
    """``widget`` under a bold ``title``, in a new box owned by ``parent`` (e.g. a table in a splitter)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    label = QLabel(title, box)
    label.setStyleSheet("font-weight: bold;")
    layout.addWidget(label)
    layout.addWidget(widget)
    return box


def with_shortcut(text: str, shortcut: QKeySequence | str) -> str:
    """Tooltip text that names the shortcut, e.g. "Save (Ctrl+Enter)"."""
    seq = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
    return f"{text} ({seq.toString(QKeySequence.SequenceFormat.NativeText)})"


class Banner(QFrame):
    """A non-blocking message strip with a close button; hides itself after ``timeout_ms`` (0 = never)."""

    KINDS = {
        "success": ("#e3f4e1", "#2e7d32", "#1b4d1e"),
        "warning": ("#fff3d6", "#c98a00", "#5c3d00"),
        "error": ("#fde2e2", "#c62828", "#7a1010"),
        "info": ("#e4effb", "#1e63b5", "#123a6a"),
    }

    closed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(QCoreApplication.translate("Banner", "Close"))
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.dismiss)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info", *, timeout_ms: int = 0) -> None:
        bg, border, fg = self.KINDS.get(kind, self.KINDS["info"])
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#banner {{ background: {bg}; border: 1px solid {border}; border-left: 5px solid {border};"
            f" border-radius: 4px; }} QFrame#banner QLabel {{ color: {fg}; font-size: 11pt; }}"
        )
        self.label.setText(text)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
        self.closed.emit()


class StatusIndicator(QLabel):
    """A coloured dot and a short text for the status bar (e.g. the province link)."""

    COLOURS = {"ok": "#2e7d32", "warn": "#c98a00", "error": "#c62828", "idle": "#777777"}
    #: a click on the indicator (the counter opens the sync window)
    clicked = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "idle"
        self.set_state("idle", "")

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def set_state(self, state: str, text: str, tooltip: str = "") -> None:
        self.state = state
        colour = self.COLOURS.get(state, self.COLOURS["idle"])
        self.setText(f'<span style="color:{colour}">●</span> {text}')
        self.setToolTip(tooltip)


def error_label(*, parent: QWidget | None = None) -> QLabel:
    """The small red line under a field that says what is wrong with it (hidden when empty)."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #b00020; font-size: 9pt;")
    label.setWordWrap(True)
    label.hide()
    return label


def set_error(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


class ReasonDialog(QDialog):
    """Asks for a reason (and shows a list, e.g. the missing documents) before an action; non-blocking.

    Open it with ``open()``; ``accepted_with(reason)`` fires once the officer confirms with a valid reason.
    """

    accepted_with = Signal(str)

    def __init__(
        self,
        *,
        parent: QWidget | None,
        title: str,
        message: str = "",
        items: list[str] | None = None,
        reason: str = "",
        required: bool = True,
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.required = required
        layout = QVBoxLayout(self)
        if message:
            label = QLabel(message, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        if items:
            self.items_label = QLabel("<ul style='margin-left:-20px'>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>", self)
            self.items_label.setWordWrap(True)
            self.items_label.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(self.items_label)
        layout.addWidget(QLabel(QCoreApplication.translate("ReasonDialog", "Reason:"), self))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlainText(reason)
        self.reason_edit.setFixedHeight(90)
        layout.addWidget(self.reason_edit)
        self.error = error_label(parent=self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        if ok_text:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(with_shortcut(ok_text or "OK", "Ctrl+Return"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        self.reason_edit.setFocus()

    def reason(self) -> str:
        return " ".join(self.reason_edit.toPlainText().split())

    def accept(self) -> None:
        if self.required and not self.reason():
            set_error(self.error, QCoreApplication.translate("ReasonDialog", "Please enter the reason."))
            self.reason_edit.setFocus()
            return
        super().accept()
        self.accepted_with.emit(self.reason())


# --- full-screen stations ----------------------------------------------------------------------------


def station_application(settings, argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with the station's translators installed. Kept for callers that build a window
    without a whole station; a station process uses :func:`ui.station.open_station`. GUI thread."""
    from ui.queue import install_all_translators  # the queue room's catalog: only stations need it
    from ui.fonts import install_text_room
    from ui.station import application

    app = application(argv)
    install_all_translators(app, settings.get("ui.language"))
    install_text_room(app)  # stacked Vietnamese diacritics (Ẫ, Ở …) are never cut at a label's top
    return app


def show_full_screen(window: QWidget) -> None:
    """Show ``window`` full screen on the primary screen and give it the focus (GUI thread)."""
    # Without a window manager (a bare X session on a kiosk PC) full screen is only a request: cover the
    # screen ourselves as well.
    screen = QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.activateWindow()


# --- the keyboard shortcuts of a window ---------------------------------------------------------------


def _without_keys(text: str) -> str:
    """ "Call next (F2)" -> "Call next"; "&Quit" -> "Quit"."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    if text.endswith(")") and " (" in text:
        text = text[: text.rindex(" (")]
    return text.strip()


def record_table(model, name: str, *, stretch: int, parent: QWidget) -> QTableView:
    """A read-only table of ``model``'s records, one selected row at a time: every column as wide as its
    contents (codes, dates and short words are never cut) but ``stretch``, which takes the rest."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def shortcut_rows(root: QWidget) -> list[tuple[str, str]]:
    """Every keyboard shortcut under ``root`` with what it does, read from the shortcuts themselves (the
    window's actions, its QShortcut objects, its buttons' mnemonic keys), so a help list made from it
    cannot drift from what the keys do. A QShortcut says what it does by its ``whatsThis``, else by the
    button that names its key ("Call next (F2)"). Rows are (keys, description); a key used in several
    places (Ctrl+R in each page) lists each description once, and keys doing the same share a row
    ("F5, Ctrl+N"). GUI thread."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton

    native = QKeySequence.SequenceFormat.NativeText
    buttons = [b for b in root.findChildren(QAbstractButton)]
    found: list[tuple[str, str]] = []

    def named_by_button(key: str) -> str:
        for button in buttons:
            for text in (button.text(), button.toolTip()):
                if text.endswith(f"({key})") or text.endswith(f", {key})"):
                    return _without_keys(text)
        return ""

    actions = [a for a in root.actions()] + [a for a in root.findChildren(QAction) if a not in root.actions()]
    for action in actions:
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                found.append((sequence.toString(native), _without_keys(action.text())))
    for shortcut in root.findChildren(QShortcut):
        key = shortcut.key().toString(native)
        if key and shortcut.isEnabled():
            found.append((key, shortcut.whatsThis() or named_by_button(key)))
    for button in buttons:
        key = button.shortcut().toString(native)
        if key:
            found.append((key, _without_keys(button.toolTip() or button.text())))
    rows: dict[str, list[str]] = {}
    for key, text in found:
        texts = rows.setdefault(key, [])
        if text and text not in texts:
            texts.append(text)
    merged: dict[str, list[str]] = {}  # one row per description: "F5, Ctrl+N"
    for key, texts in rows.items():
        merged.setdefault(" / ".join(texts), []).append(key)
    return [(", ".join(keys), text) for text, keys in merged.items()]
