"""Qt's enums made ahead, in the GUI thread's idle time.

PySide6 makes a Qt enum's Python class the first time something reaches it, and making one costs about half
a millisecond of the ``enum`` module's Python. A window's first paint reaches well over a hundred of them
(item roles, alignment, palette roles, size policies, style options...): the counter's first paint after
sign-in spent 64 ms of a 143 ms freeze making 127 enum classes (``python -m bench startup``, the stall watch
and ``LONG_SESSION_PROFILE``). :class:`EnumWarmup` walks the classes of QtCore, QtGui and QtWidgets — whose
namespaces hold the enums, made as they are listed — a few at a time from a zero timer, in slices of at most
:data:`SLICE_S`, while the sign-in dialog waits for a password. All of them take about 80 ms on this machine
once per process; what the walk has not reached yet when a window needs it is made then, as before.
GUI thread only.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

SLICE_S = 0.004


def _classes() -> Iterator[type]:
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            value = getattr(module, name, None)
            if isinstance(value, type) and name.startswith("Q"):  # Qt, QPalette, QHeaderView...
                yield value


class EnumWarmup(QObject):
    """``start()`` once; ``done`` when every class was walked."""

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = _classes()
        self.done = False
        self.walked = 0
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._slice)

    def start(self) -> None:
        if not self.done:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _slice(self) -> None:
        until = time.perf_counter() + SLICE_S
        for cls in self._pending:
            vars(cls)  # listing the namespace makes its enums
            self.walked += 1
            if time.perf_counter() >= until:
                return
        self.done = True
        self.timer.stop()
