"""The keyboard-wedge filter: an ID-card QR reader that "types" its text is recognised and its text is
handed to the CCCD parser instead of the focused field.

A reader in keyboard mode types the whole QR text (about 100-150 characters) in a fast burst ending
in Enter; a person types a few keys a second. :class:`WedgeFilter`, an event filter installed on the
application (GUI thread), holds back printable key presses while they come faster than ``max_gap_ms``
apart. When Enter ends a held burst of at least ``min_length`` characters that ``accept(text)`` takes
(by default anything; the device hub passes ``app.cccd.looks_like_cccd``), the keys are swallowed and
``scanned(text)`` is emitted. Otherwise the held keys are replayed, in order, to the widget they were
meant for: when a gap is longer than ``max_gap_ms``, when a non-printable key or a shortcut comes, or
when nothing follows for ``max_gap_ms`` (a timer). A person therefore sees each key at most
``max_gap_ms`` late, and a barcode scanner typing a dossier code into a search field still types it.

Times come from the key events' own timestamps (the window system's), not from when the filter runs,
so a busy GUI thread does not turn a person into a scanner. The thresholds are configurable in the
reader's address: ``devices.id_reader = "wedge:?gap_ms=40&min_length=20"`` (:func:`wedge_options`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from urllib.parse import parse_qsl

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from ui import qtfix

log = logging.getLogger(__name__)

DEFAULT_GAP_MS = 40
DEFAULT_MIN_LENGTH = 20
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.KeypadModifier)


def wedge_options(url: str) -> dict[str, int]:
    """``wedge:?gap_ms=40&min_length=20`` -> {"max_gap_ms": 40, "min_length": 20}; ValueError if bad."""
    _, _, query = url.partition("?")
    out = {}
    for key, value in parse_qsl(query, strict_parsing=bool(query)):
        names = {"gap_ms": "max_gap_ms", "min_length": "min_length"}
        if key not in names:
            raise ValueError(f"unknown wedge option {key!r}")
        number = int(value)
        if not 1 <= number <= 1000:
            raise ValueError(f"{key} must be 1-1000")
        out[names[key]] = number
    return out


class WedgeFilter(QObject):
    """See the module docstring. Create, install and use on the GUI thread."""

    #: The text of a recognised burst (GUI thread). Personal data: never log it.
    scanned = Signal(str)

    def __init__(
        self,
        *,
        max_gap_ms: int = DEFAULT_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        accept: Callable[[str], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        qtfix.apply()  # a key burst is hundreds of calls: PySide6 6.12.0 on CPython 3.11 (see ui/qtfix.py)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.accept = accept or (lambda text: True)
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._last_ms = 0
        self._replaying = False
        self._installed_on: QObject | None = None
        self._timer = QTimer(self, singleShot=True, interval=max_gap_ms)
        self._timer.timeout.connect(self.flush)

    def install(self, target: QObject | None = None) -> WedgeFilter:
        """Filter the key events of ``target`` (default: the whole application)."""
        target = target or QCoreApplication.instance()
        target.installEventFilter(self)
        self._installed_on = target
        return self

    def uninstall(self) -> None:
        self.flush()
        if self._installed_on is not None and shiboken6.isValid(self._installed_on):
            self._installed_on.removeEventFilter(self)
        self._installed_on = None

    @property
    def holding(self) -> int:
        """How many key presses are held back now."""
        return len(self._held)

    # -- the filter -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        now = event.timestamp() or int(time.monotonic() * 1000)
        if self._held and now - self._last_ms > self.max_gap_ms:
            self.flush()
        if event.modifiers() not in _PLAIN:
            self.flush()
            return False
        if event.key() in _ENTER:
            return self._enter()
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            self.flush()
            return False
        self._held.append((watched, event.clone()))
        self._last_ms = now
        self._timer.start()
        return True

    def _enter(self) -> bool:
        text = "".join(event.text() for _, event in self._held)
        if len(text) >= self.min_length and self.accept(text):
            self._held.clear()
            self._timer.stop()
            log.info("keyboard wedge: a burst of %d characters recognised", len(text))
            self.scanned.emit(text)
            return True
        self.flush()
        return False

    def flush(self) -> None:
        """Give the held keys to the widgets they were meant for, in order (GUI thread)."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for receiver, event in held:
                if shiboken6.isValid(receiver):
                    QCoreApplication.sendEvent(receiver, event)
        finally:
            self._replaying = False
