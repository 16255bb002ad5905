"""The wizard's devices page: the devices this station's settings name (what ``motcua devices list`` knows),
each address editable, plus what discovery finds.

``DISCOVERY`` = ``fn(settings) -> list[dict]`` (by default :func:`discover_devices`) with ``kind`` (one of
:data:`KINDS`), ``url``, ``name``, ``detail``; it runs on a worker thread when "Find devices" is pressed.
While it is None the button is hidden and only the configured addresses are shown. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage

from ui.common import error_label, set_error

def discover_devices(settings) -> list[dict]:
    """What ``devices.discovery`` finds (serial ports, USB printers, SANE scanners, CUPS printers), one row
    per kind a candidate may serve as; worker thread."""
    from devices.discovery import discover

    rows = []
    for c in discover().candidates:
        rows += [{"kind": kind, "url": c.url, "name": c.name, "detail": c.detail} for kind in c.kinds]
    return rows


#: the discovery behind "Find devices" (tests replace it)
DISCOVERY: Callable | None = discover_devices

KINDS = {
    "receipt_printer": QT_TRANSLATE_NOOP("DevicesPage", "Receipt printer"),
    "ticket_printer": QT_TRANSLATE_NOOP("DevicesPage", "Ticket printer (kiosk)"),
    "a4_printer": QT_TRANSLATE_NOOP("DevicesPage", "A4 printer"),
    "scanner": QT_TRANSLATE_NOOP("DevicesPage", "Scanner"),
    "id_reader": QT_TRANSLATE_NOOP("DevicesPage", "ID card reader"),
    "button_box": QT_TRANSLATE_NOOP("DevicesPage", "Kiosk button box"),
    "led_display": QT_TRANSLATE_NOOP("DevicesPage", "Counter LED display"),
    "rating_keypad": QT_TRANSLATE_NOOP("DevicesPage", "Rating keypad"),
}


class DevicesPage(QWizardPage):
    def __init__(self, wizard, settings, parent=None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QCoreApplication

        self._wizard = wizard
        self.setTitle(self.tr("Devices"))
        self.setSubTitle(self.tr("sim:// is a simulated device. The technician's window tests each device later."))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(KINDS), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Address"), self.tr("Found")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        for row, (kind, name) in enumerate(KINDS.items()):
            label = QTableWidgetItem(QCoreApplication.translate("DevicesPage", name))
            label.setData(256, kind)
            self.table.setItem(row, 0, label)
            self.table.setItem(row, 1, QTableWidgetItem(str(settings.get(f"devices.{kind}") or "")))
            self.table.setItem(row, 2, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        caption = QLabel(self.tr("&Devices of this computer:"), self)
        caption.setBuddy(self.table)
        layout.addWidget(caption)
        layout.addWidget(self.table)
        self.discover = QPushButton(self.tr("&Find devices"), self)
        self.discover.setVisible(DISCOVERY is not None)
        self.discover.clicked.connect(self._discover)
        layout.addWidget(self.discover)
        self.error = error_label(parent=self)
        layout.addWidget(self.error)

    def _discover(self) -> None:
        settings = self._wizard.settings
        self.discover.setEnabled(False)
        self._wizard.background(lambda: DISCOVERY(settings), self._found, self._failed)

    def _found(self, found: list[dict]) -> None:
        self.discover.setEnabled(True)
        rows = {self.table.item(r, 0).data(256): r for r in range(self.table.rowCount())}
        for device in found:
            row = rows.get(device.get("kind"))
            if row is None:
                continue
            self.table.item(row, 1).setText(str(device.get("url", "")))
            self.table.item(row, 2).setText(" ".join(str(device.get(k, "")) for k in ("name", "detail")).strip())

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import error_text

        self.discover.setEnabled(True)
        set_error(self.error, error_text(exc))

    def values(self) -> dict:
        return {f"devices.{self.table.item(r, 0).data(256)}": self.table.item(r, 1).text().strip()
                for r in range(self.table.rowCount())}
