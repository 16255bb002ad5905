"""What the serial queue devices share: a link, a frame template, a decoder, the simulated far end.

:class:`SerialFrameDevice` is the base of the button box, the LED display and the rating keypad. It
is driven by a :class:`devices.runtime.DeviceWorker` (every method that touches the link runs on the
worker thread and checks it). The simulated variants use exactly the same driver over a
:class:`devices.serial_link.SimLink`; only the far end of the cable (``device.sim``) is simulated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from devices.base import Device, DeviceError, DeviceEvent, on_device_thread
from devices.serial_frames import FORMAT_OPTIONS, Frame, FrameDecoder, FrameFormat, FrameFormatError, format_from_options
from devices.serial_link import LinkAddress, SerialLink, SimLink, int_option, parse_address

log = logging.getLogger(__name__)

FRAME_OPTIONS = frozenset(FORMAT_OPTIONS) | {"addr", "name"}


def frame_setup(url: str, name: str, extra: set[str]) -> tuple[LinkAddress, FrameFormat, int | None, int]:
    """Parse a frame device's address: (link address, frame template, device address, baud)."""
    address = parse_address(url, device=name, allowed=FRAME_OPTIONS | extra)
    options = address.options
    try:
        fmt = format_from_options(options)
    except FrameFormatError as exc:
        raise DeviceError(name, "config", str(exc)) from None
    addr = int_option(name, options, "addr", -1, low=0, high=255) if "addr" in options else None
    if addr is not None and fmt.address == "none":
        raise DeviceError(name, "config", f"protocol {fmt.name} has no address field; drop addr=")
    baud = int_option(name, options, "baud", 9600, high=921600)
    return address, fmt, addr, baud


def make_link(name: str, address: LinkAddress, baud: int, *, lister: Callable[[], list[Any]] | None = None):
    if address.driver == "sim":
        return SimLink(name, baud=baud)
    return SerialLink(name, address, baud, lister=lister)


def key_payload(fmt: FrameFormat, key: str) -> bytes:
    """The payload a key press is sent as: a number byte for one-byte payloads, else its text."""
    if fmt.payload == "u8":
        return bytes([int(key)]) if key.isdigit() else key.encode("ascii")[:1]
    return key.encode("ascii")


class SerialFrameDevice(Device):
    """A device that talks in frames on a serial link; subclasses say what a frame means (``on_frame``)."""

    reads_input = True

    def __init__(self, name: str, url: str, link, fmt: FrameFormat, *, addr: int | None = None) -> None:
        super().__init__(name, url)
        self.link = link
        self.format = fmt
        self.addr = addr
        self.driver = "sim" if isinstance(link, SimLink) else "serial"
        self.decoder = FrameDecoder(fmt, device=name)
        self.unknown = 0  # well-formed frames that mean nothing to this device
        self.sim: Any = None  # the simulated far end, for sim: devices

    @property
    def ignored(self) -> int:
        return self.decoder.ignored + self.unknown

    @on_device_thread
    def open(self) -> None:
        self.link.open()
        self.decoder = FrameDecoder(self.format, device=self.name)

    def close(self) -> None:
        self.link.close()

    @on_device_thread
    def poll(self, timeout: float) -> list[DeviceEvent]:
        data = self.link.read(timeout)
        if not data:
            return []
        events = []
        for frame in self.decoder.feed(data):
            if self.addr is not None and frame.address is not None and frame.address != self.addr:
                self._unknown(frame, "for another address")
                continue
            event = self.on_frame(frame)
            if event is None:
                self._unknown(frame, "unknown")
            else:
                events.append(event)
        return events

    def _unknown(self, frame: Frame, why: str) -> None:
        self.unknown += 1
        log.warning("%s: ignored a frame (%s): address %s, %d payload byte(s)", self.name, why, frame.address, len(frame.payload))

    def on_frame(self, frame: Frame) -> DeviceEvent | None:
        """The event a frame means, or None for a frame this device does not know (logged, ignored)."""
        raise NotImplementedError

    @on_device_thread
    def send_frame(self, payload: bytes | str, *, timeout: float = 2.0) -> None:
        try:
            data = self.format.encode(payload, self.addr if self.addr is not None else 1)
        except ValueError as exc:
            raise DeviceError(self.name, "config", f"cannot frame the payload: {exc}") from None
        self.link.write(data, timeout)

    @on_device_thread
    def self_test(self) -> dict[str, Any]:
        return {
            "ok": True,
            "detail": f"port {self.link.port or '-'}, protocol {self.format.name}, {self.ignored} frame(s) ignored",
        }


def parse_key_map(name: str, text: str | None) -> dict[str, str]:
    """``"1:A,2:B"`` -> {"1": "A", "2": "B"} (what each key of a box means)."""
    if not text:
        return {}
    mapping = {}
    for item in text.split(","):
        key, sep, value = item.partition(":")
        if not sep or not key.strip() or not value.strip():
            raise DeviceError(name, "config", f"keys must look like 1:A,2:B, not {text!r}")
        mapping[key.strip()] = value.strip()
    return mapping


class SimKeys:
    """The far end of a simulated box of keys (button box, rating keypad): ``press(key)`` from any thread
    sends the key's frame down the simulated cable, as the hardware does."""

    def __init__(self, link: SimLink, fmt: FrameFormat, addr: int | None) -> None:
        self.link = link
        self.format = fmt
        self.addr = addr if addr is not None else 1

    def press(self, key: str) -> None:
        address = self.addr if self.format.address != "none" else None
        self.link.far_write(self.format.encode(key_payload(self.format, key), address))

    def send_raw(self, data: bytes) -> None:
        """Line noise, a frame of another protocol: what a misbehaving box sends."""
        self.link.far_write(data)
