"""The station's start-up device check, as one line of its status bar (journey 1): "Máy in vé: hết giấy".

:class:`DeviceStatusLine` is a label a station puts in its status bar (or at the foot of the kiosk and the
board). :meth:`check` opens the station's configured devices once on their own workers, off the GUI
thread (``devices.check.check_devices`` on the task manager's network pool), and shows the first problem;
:meth:`report` updates one device from what the station saw since (the kiosk's printer ran out of paper,
then printed again). Hidden while every device works. GUI thread.
"""

from __future__ import annotations

import os

import logging
from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from ui.devices.texts import problems_line
from ui.tasks import DeviceOp

log = logging.getLogger(__name__)
#: ``MOTCUA_DEVICE_CHECK=0``: no start-up check. The test suite builds hundreds of windows, each of whose
#: checks would hold a pool thread up to its ``wait`` opening simulated devices (and SANE's one ``test``
#: device) after the test that built it ended; the tests of the check itself turn it back on.
CHECK_ENV = "MOTCUA_DEVICE_CHECK"

#: What each station drives (the voice: its clips).
STATION_KINDS = {
    "counter": ("receipt_printer", "a4_printer", "scanner", "id_reader", "led_display", "rating_keypad"),
    "kiosk": ("ticket_printer", "button_box"),
    "display": ("voice",),
}


def voice_row(settings) -> dict[str, str]:
    """The voice's row: "error" when clips of a call are missing (the board would play the chime only)."""
    from app.cli.device_tests import clip_dirs
    from app.numbers_vi import announcement_clips
    from devices.voice import ClipLibrary

    dirs = clip_dirs(settings)
    missing = ClipLibrary(dirs).missing(["chime", *announcement_clips("A123", 4)])
    return {"name": "voice", "kind": "voice", "driver": "clips", "url": str(dirs[0]),
            "status": "error" if missing else "ok", "detail": ("missing clips: " + ", ".join(missing)) if missing else ""}


class DeviceStatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceStatus")
        self.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.rows: dict[str, dict[str, str]] = {}
        self.hide()

    def check(self, tasks, settings, kinds: Iterable[str], *, wait: float = 3.0) -> None:
        """Check the devices of ``kinds`` off the GUI thread; the line follows."""
        from devices.check import check_devices

        if os.environ.get(CHECK_ENV, "1") == "0":  # the test suite's windows (tests/conftest.py)
            return
        kinds = tuple(kinds)

        def op() -> list[dict[str, str]]:  # the network pool: each device on its own worker inside
            rows = check_devices(settings.get, [k for k in kinds if k != "voice"], wait=wait)
            if "voice" in kinds:
                rows.append(voice_row(settings))
            return rows

        if tasks.closed:
            return
        DeviceOp(parent=self, op=op, tasks=tasks).success(self.show_rows).failure(
            lambda exc: log.warning("device check failed: %s", exc)).run_in_background()

    def show_rows(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            self.rows[row["kind"]] = dict(row)
        self._refresh()

    def report(self, kind: str, status: str, detail: str = "") -> None:
        """What the station saw of device ``kind`` since the check (e.g. the printer ran out of paper)."""
        row = self.rows.setdefault(kind, {"name": kind, "kind": kind, "driver": "", "url": ""})
        row.update(status=status, detail=detail)
        self._refresh()

    def _refresh(self) -> None:
        text = problems_line(list(self.rows.values()))
        self.setText(text)
        self.setVisible(bool(text))
