"""LED counter displays: the number being served at a counter, shown above it when it is called.

``serial:usb=0403:6001:A7XK2?protocol=stx-xor&addr=3&ack=1``, ``sim:?addr=3`` (the simulator records
what it shows in ``device.sim.shown``). :meth:`LedDisplay.show` runs on the display's worker thread
(submit it: ``worker.submit(lambda d: d.show("A012"))``). With ``ack=1`` the display must answer each
frame with ACK (0x06) within ``ack_timeout`` seconds, else the job fails with ``DeviceError("timeout")``
(NAK 0x15: ``"io"``). The last number shown is sent again whenever the display (re)connects, so a
display that was unplugged shows the right number as soon as it is back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from devices.base import DeviceError, on_device_thread
from devices.serial_device import SerialFrameDevice, frame_setup, make_link
from devices.serial_frames import Frame, FrameDecoder, FrameFormat
from devices.serial_link import SimLink, bool_option, float_option, int_option

ACK, NAK = b"\x06", b"\x15"


class LedDisplay(SerialFrameDevice):
    kind = "led_display"
    reads_input = False

    def __init__(self, name, url, link, fmt, *, addr=None, ack=False, ack_timeout=0.5, digits=4):
        super().__init__(name, url, link, fmt, addr=addr)
        self.ack = ack
        self.ack_timeout = ack_timeout
        self.digits = digits
        self.current: str | None = None

    def on_frame(self, frame: Frame):
        return None  # a display sends nothing but ACK/NAK, read by show()

    @on_device_thread
    def open(self) -> None:
        super().open()
        if self.current is not None:
            self._send(self.current)

    @on_device_thread
    def show(self, text: str) -> str:
        """Show ``text`` (the ticket number, e.g. "A012"); returns it. Raises ``DeviceError``."""
        self._send(text)
        self.current = text
        return text

    @on_device_thread
    def blank(self) -> None:
        self._send(" " * self.digits)
        self.current = None

    def _send(self, text: str) -> None:
        if self.ack:
            while self.link.read(0):  # a late ACK of an earlier frame must not confirm this one
                pass
        self.send_frame(text)
        if self.ack:
            self._wait_ack()

    def _wait_ack(self) -> None:
        deadline = time.monotonic() + self.ack_timeout
        while (left := deadline - time.monotonic()) > 0:
            reply = self.link.read(left)
            if ACK in reply:
                return
            if NAK in reply:
                raise DeviceError(self.name, "io", "display refused the frame (NAK)")
        raise DeviceError(self.name, "timeout", f"no ACK within {self.ack_timeout:g} s")

    @on_device_thread
    def self_test(self) -> dict[str, Any]:
        """Light every segment ("8888"), then show the current number again."""
        self._send("8" * self.digits)
        if self.current is not None:
            self._send(self.current)
        else:
            self._send(" " * self.digits)
        return super().self_test()


class SimLedPanel:
    """The far end of a simulated display: decodes the frames it receives, keeps what it showed, ACKs."""

    def __init__(self, link: SimLink, fmt: FrameFormat, *, addr: int | None, ack: bool) -> None:
        self.link = link
        self.addr = addr
        self.ack = ack
        self._decoder = FrameDecoder(fmt, device=link.name + "/sim")
        self._lock = threading.Lock()
        self._shown: list[str] = []
        link.on_receive = self._receive

    def _receive(self, data: bytes) -> None:
        for frame in self._decoder.feed(data):
            if self.addr is not None and frame.address not in (None, self.addr):
                continue
            with self._lock:
                self._shown.append(frame.text)
            if self.ack:
                self.link.far_write(ACK)

    @property
    def shown(self) -> list[str]:
        """Everything shown so far, oldest first."""
        with self._lock:
            return list(self._shown)

    @property
    def showing(self) -> str | None:
        with self._lock:
            return self._shown[-1] if self._shown else None


def open_led_display(url: str, *, name: str = "led_display", lister: Callable[[], list[Any]] | None = None) -> LedDisplay:
    address, fmt, addr, baud = frame_setup(url, name, {"ack", "ack_timeout", "digits"})
    options = address.options
    ack = bool_option(name, options, "ack", False)
    display = LedDisplay(
        name,
        url,
        make_link(name, address, baud, lister=lister),
        fmt,
        addr=addr,
        ack=ack,
        ack_timeout=float_option(name, options, "ack_timeout", 0.5),
        digits=int_option(name, options, "digits", 4, high=fmt.max_payload),
    )
    if address.driver == "sim":
        display.sim = SimLedPanel(display.link, fmt, addr=addr, ack=ack)
    return display
