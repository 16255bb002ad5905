"""ID-card QR readers in serial (USB-COM) mode: each scan arrives as one line of text.

``serial:usb=0c2e:0b61?baud=115200``, ``sim:`` (``device.sim.scan()`` sends a real CCCD QR text). The
reader sends the QR content in UTF-8 followed by CR, LF or both; each line becomes an ``"id_text"``
event with the ``text``, which ``ui/`` hands to the CCCD parser (``app.cccd``; ``devices/`` knows no
dossiers nor cards). A line that is not UTF-8 or longer than ``max_line`` bytes is ignored. The text is
personal data: it never reaches the log, only its length does. The keyboard-wedge mode lives in
``ui/wedge.py`` (``wedge:``): then this module is not used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from devices.base import Device, DeviceEvent, on_device_thread
from devices.serial_link import SerialLink, SimLink, int_option, parse_address

log = logging.getLogger(__name__)

MAX_LINE = 2000
#: A CCCD QR text as printed on the demo cards (not a real person): 12-digit ID, old ID, name, birth
#: date, sex, address, issue date.
SAMPLE_CCCD = "001090012345|123456789|Nguyễn Văn An|15031990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|01072021"


class LineDecoder:
    """Bytes -> text lines ended by CR and/or LF; never raises."""

    def __init__(self, *, max_line: int = MAX_LINE, device: str = "") -> None:
        self.max_line = max_line
        self.device = device
        self.ignored = 0
        self._buffer = bytearray()
        self._overflow = False

    def feed(self, data: bytes) -> list[str]:
        lines = []
        for byte in data:
            if byte in (0x0A, 0x0D):
                if self._buffer or self._overflow:
                    line = self._finish()
                    if line is not None:
                        lines.append(line)
                continue
            if len(self._buffer) >= self.max_line:
                self._overflow = True
                self._buffer.clear()
            if not self._overflow:
                self._buffer.append(byte)
        return lines

    def _finish(self) -> str | None:
        raw, overflow = bytes(self._buffer), self._overflow
        self._buffer.clear()
        self._overflow = False
        if overflow:
            self.ignored += 1
            log.warning("%s: ignored a line longer than %d bytes", self.device, self.max_line)
            return None
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            self.ignored += 1
            log.warning("%s: ignored a line of %d bytes that is not UTF-8", self.device, len(raw))
            return None
        return text or None


class SerialIdReader(Device):
    kind = "id_reader"
    reads_input = True

    def __init__(self, name: str, url: str, link, *, max_line: int = MAX_LINE) -> None:
        super().__init__(name, url)
        self.link = link
        self.driver = "sim" if isinstance(link, SimLink) else "serial"
        self.max_line = max_line
        self.decoder = LineDecoder(max_line=max_line, device=name)
        self.sim: SimIdScanner | None = None

    @on_device_thread
    def open(self) -> None:
        self.link.open()
        self.decoder = LineDecoder(max_line=self.max_line, device=self.name)

    def close(self) -> None:
        self.link.close()

    @on_device_thread
    def poll(self, timeout: float) -> list[DeviceEvent]:
        data = self.link.read(timeout)
        if not data:
            return []
        events = []
        for text in self.decoder.feed(data):
            log.info("%s: read %d characters", self.name, len(text))
            events.append(self.event("id_text", text=text))
        return events

    @on_device_thread
    def self_test(self) -> dict[str, Any]:
        return {"ok": True, "detail": f"port {self.link.port or '-'}, {self.decoder.ignored} line(s) ignored"}


class SimIdScanner:
    """The far end of a simulated reader: ``scan(text)`` sends one QR text as the reader would."""

    def __init__(self, link: SimLink, *, ending: bytes = b"\r\n") -> None:
        self.link = link
        self.ending = ending

    def scan(self, text: str = SAMPLE_CCCD) -> None:
        self.link.far_write(text.encode("utf-8") + self.ending)


class WedgeIdReader(Device):
    """``wedge:``: the reader types into the keyboard; ``ui.wedge.WedgeFilter`` reads it. Listed here so
    the technician sees it; nothing to open."""

    kind = "id_reader"
    driver = "wedge"

    def self_test(self) -> dict[str, Any]:
        return {"ok": True, "detail": "keyboard wedge: scan a card into any window to test"}


def open_id_reader(url: str, *, name: str = "id_reader", lister: Callable[[], list[Any]] | None = None) -> Device:
    if url.lower().startswith("wedge:"):
        return WedgeIdReader(name, url)
    address = parse_address(url, device=name, allowed={"max_line", "name"})
    baud = int_option(name, address.options, "baud", 9600, high=921600)
    max_line = int_option(name, address.options, "max_line", MAX_LINE, low=16, high=100000)
    if address.driver == "sim":
        link = SimLink(name, baud=baud)
        reader = SerialIdReader(name, url, link, max_line=max_line)
        reader.sim = SimIdScanner(link)
        return reader
    return SerialIdReader(name, url, SerialLink(name, address, baud, lister=lister), max_line=max_line)
