"""Queue button boxes: a citizen presses a service's key and the kiosk issues a ticket.

``serial:usb=1a86:7523?protocol=stx-xor&keys=1:A,2:B`` (a real box), ``sim:?keys=1:A,2:B`` (the
simulator: ``device.sim.press("1")``). Each key frame becomes a ``"button"`` event with ``key`` and the
``service`` it is mapped to by ``keys`` (None without a mapping). A key that is not mapped when a
mapping exists is an unknown frame: logged and ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.base import DeviceEvent
from devices.serial_device import SerialFrameDevice, SimKeys, frame_setup, make_link, parse_key_map
from devices.serial_frames import Frame


class ButtonBox(SerialFrameDevice):
    kind = "button_box"

    def __init__(self, name: str, url: str, link, fmt, *, addr: int | None = None, keys: dict[str, str] | None = None):
        super().__init__(name, url, link, fmt, addr=addr)
        self.keys = dict(keys or {})

    def on_frame(self, frame: Frame) -> DeviceEvent | None:
        key = frame.text.strip()
        if not key:
            return None
        if self.keys and key not in self.keys:
            return None
        return self.event("button", key=key, service=self.keys.get(key), address=frame.address)


def open_button_box(url: str, *, name: str = "button_box", lister: Callable[[], list[Any]] | None = None) -> ButtonBox:
    """Build a button box from its address (nothing is opened here)."""
    address, fmt, addr, baud = frame_setup(url, name, {"keys"})
    link = make_link(name, address, baud, lister=lister)
    box = ButtonBox(name, url, link, fmt, addr=addr, keys=parse_key_map(name, address.options.get("keys")))
    if address.driver == "sim":
        box.sim = SimKeys(link, fmt, addr)
    return box
