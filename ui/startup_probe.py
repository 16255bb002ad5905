"""The start-up probe of the benchmarks: with ``MOTCUA_STARTUP_PROBE=FILE`` in the environment, a station
writes the wall-clock time (``time.time()``) at which its window was first painted to FILE, as JSON, and
quits. ``bench/bench_startup.py`` starts ``motcua counter`` (and a bare PySide6 window, the floor) with it
and subtracts the moment it started the process: interpreter, imports, database, window and first paint.
Nothing happens without the variable."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "MOTCUA_STARTUP_PROBE"


class _FirstPaint(QObject):
    def __init__(self, out: Path, window: QWidget) -> None:
        super().__init__(window)
        self.out = out
        self.done = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            # after this paint reached the screen: the next turn of the event loop
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        self.out.write_text(json.dumps({"painted_at": time.time(), "pid": os.getpid()}))
        QApplication.quit()


def install(window: QWidget) -> None:
    """Watch ``window``'s first paint when the probe is asked for (a no-op otherwise)."""
    out = os.environ.get(ENV)
    if not out:
        return
    probe = _FirstPaint(Path(out), window)
    window.installEventFilter(probe)
    if window.isVisible():
        window.update()


def hello_main() -> int:
    """A bare PySide6 window with one label, shown and painted: the floor of ``counter_start_ms``."""
    import sys

    from PySide6.QtWidgets import QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Xin chào")
    label.resize(400, 200)
    install(label)
    label.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(hello_main())
