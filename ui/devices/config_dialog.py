"""The set-up of one device: its address and the options technicians change, without a text editor.

The address is the station setting (``devices.<name>``); the option fields below it rewrite its query
part (``?protocol=stx-xor&addr=3&baud=9600``, ``?profile=TM-T20II``) so the two always agree. GUI thread;
nothing here opens a device (saving does, on a worker: ``DevicesWindow.apply``).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ui.devices.texts import kind_name

SERIAL_FRAME_KINDS = ("button_box", "led_display", "rating_keypad")
PRINTER_KINDS = ("receipt_printer", "ticket_printer")
BAUDS = ("", "9600", "19200", "38400", "57600", "115200")


def simulated_url(name: str) -> str:
    """The simulated device of a kind (the serial devices' simulators take ``sim:``, the others ``sim://``)."""
    return "sim:" if name in SERIAL_FRAME_KINDS or name == "id_reader" else "sim://"


def split_url(url: str) -> tuple[str, dict[str, str]]:
    base, _, query = url.partition("?")
    try:
        return base, dict(parse_qsl(query, keep_blank_values=True))
    except ValueError:
        return base, {}


def join_url(base: str, options: dict[str, str]) -> str:
    kept = {k: v for k, v in options.items() if v != ""}
    return base + ("?" + urlencode(kept, safe=":,/") if kept else "")


class ConfigDialog(QDialog):
    def __init__(self, name: str, url: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceConfig")
        self.name = name
        self.setWindowTitle(self.tr("Set up: %1").replace("%1", kind_name(name)))
        self.address = QLineEdit(url, self)
        self.address.setObjectName("address")
        self.address.setMinimumWidth(480)
        self.address.setPlaceholderText(self.tr("e.g. serial:usb=1a86:7523?protocol=stx-xor, tcp://192.168.1.50, sim:"))
        form = QFormLayout(self)
        form.addRow(self.tr("Address"), self.address)
        self.protocol: QComboBox | None = None
        self.baud: QComboBox | None = None
        self.addr: QSpinBox | None = None
        self.profile: QComboBox | None = None
        _base, options = split_url(url)
        if name in SERIAL_FRAME_KINDS or name == "id_reader":
            self.baud = self._combo(BAUDS, options.get("baud", ""))
            form.addRow(self.tr("Speed (baud)"), self.baud)
        if name in SERIAL_FRAME_KINDS:
            from devices.serial_frames import PRESETS

            self.protocol = self._combo(("", *sorted(PRESETS)), options.get("protocol", ""))
            form.addRow(self.tr("Protocol"), self.protocol)
            self.addr = QSpinBox(self)
            self.addr.setRange(-1, 255)
            self.addr.setSpecialValueText(self.tr("none"))
            self.addr.setValue(int(options["addr"]) if options.get("addr", "").isdigit() else -1)
            self.addr.valueChanged.connect(self._options_changed)
            form.addRow(self.tr("Device address"), self.addr)
        if name in PRINTER_KINDS:
            from devices.printer_profiles import profile_names

            try:
                names = profile_names()
            except Exception:  # python-escpos missing: no profiles to offer
                names = []
            self.profile = self._combo(("", *names), options.get("profile", ""))
            form.addRow(self.tr("Printer model"), self.profile)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Test and save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _combo(self, values, current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItems(list(values) if current in values else [*values, current])
        combo.setCurrentText(current)
        combo.currentTextChanged.connect(self._options_changed)
        return combo

    def _options_changed(self, *_args) -> None:
        base, options = split_url(self.address.text().strip())
        for key, widget in (("baud", self.baud), ("protocol", self.protocol), ("profile", self.profile)):
            if widget is not None:
                options[key] = widget.currentText()
        if self.addr is not None:
            options["addr"] = "" if self.addr.value() < 0 else str(self.addr.value())
        self.address.setText(join_url(base, options))

    def url(self) -> str:
        return self.address.text().strip()
