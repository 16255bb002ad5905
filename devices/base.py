"""Shared pieces of the device layer: the one error type every driver raises.

The devices room may not import ``app`` (see architecture.md), so it has its own
``DeviceError``. ``ui/`` maps ``kind`` to a Vietnamese message; ``app.errors`` may
re-export or wrap it.
"""

from __future__ import annotations

from typing import Final

#: Every value ``DeviceError.kind`` may take.
DEVICE_ERROR_KINDS: Final[frozenset[str]] = frozenset(
    {"offline", "timeout", "paper_out", "cover_open", "busy", "config", "io", "feeder_empty", "jammed"}
)


class DeviceError(Exception):
    """A device could not do what was asked.

    ``device`` names the device (the driver's ``name``), ``kind`` is one of
    :data:`DEVICE_ERROR_KINDS` and decides what the user is told; the message is
    for the log and the technician, not for the user.
    """

    def __init__(self, device: str, kind: str, message: str = "") -> None:
        if kind not in DEVICE_ERROR_KINDS:
            raise ValueError(f"unknown DeviceError kind {kind!r}")
        self.device = device
        self.kind = kind
        self.message = message or kind
        super().__init__(f"{device}: {kind}: {self.message}")

    def __reduce__(self):  # keep the error picklable (e.g. across a process pool)
        return (type(self), (self.device, self.kind, self.message))
