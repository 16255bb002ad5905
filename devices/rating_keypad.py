"""Rating keypads: 3 or 5 keys on the counter where the citizen says how satisfied they are.

``serial:/dev/ttyUSB1?protocol=ascii-sum&scale=3``, ``sim:?scale=5`` (``device.sim.press("4")``). A key
frame becomes a ``"rating"`` event with ``score`` 1..``scale`` (1 = least satisfied) and ``scale``. By
default key "1".."N" is score 1..N; ``keys=A:1,B:2,C:3`` maps a vendor's key codes. Anything else is an
unknown frame: logged and ignored. Storing the rating with the ticket, dossier, officer and counter is
the core's job (``app.services.ratings``), reached from ``ui/`` through the device hub.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.base import DeviceError, DeviceEvent
from devices.serial_device import SerialFrameDevice, SimKeys, frame_setup, make_link, parse_key_map
from devices.serial_frames import Frame
from devices.serial_link import int_option

SCALES = (3, 5)


class RatingKeypad(SerialFrameDevice):
    kind = "rating_keypad"

    def __init__(self, name: str, url: str, link, fmt, *, addr=None, scale: int = 5, keys: dict[str, str] | None = None):
        super().__init__(name, url, link, fmt, addr=addr)
        if scale not in SCALES:
            raise DeviceError(name, "config", f"scale must be 3 or 5, not {scale}")
        self.scale = scale
        self.keys = {k: int(v) for k, v in (keys or {str(n): str(n) for n in range(1, scale + 1)}).items()}
        if any(not 1 <= v <= scale for v in self.keys.values()):
            raise DeviceError(name, "config", f"every key must map to a score 1-{scale}")

    def on_frame(self, frame: Frame) -> DeviceEvent | None:
        score = self.keys.get(frame.text.strip())
        if score is None:
            return None
        return self.event("rating", score=score, scale=self.scale, address=frame.address)


def open_rating_keypad(url: str, *, name: str = "rating_keypad", lister: Callable[[], list[Any]] | None = None) -> RatingKeypad:
    address, fmt, addr, baud = frame_setup(url, name, {"scale", "keys"})
    scale = int_option(name, address.options, "scale", 5, low=3, high=5)
    keys = parse_key_map(name, address.options.get("keys")) or None
    if keys is not None and not all(v.isdigit() for v in keys.values()):
        raise DeviceError(name, "config", "keys must map to scores, e.g. A:1,B:2,C:3")
    link = make_link(name, address, baud, lister=lister)
    pad = RatingKeypad(name, url, link, fmt, addr=addr, scale=scale, keys=keys)
    if address.driver == "sim":
        pad.sim = SimKeys(link, fmt, addr)
    return pad
