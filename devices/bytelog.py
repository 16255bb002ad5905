"""A live log of the bytes a serial link sends and receives, for the technician's window.

A :class:`ByteLog` is a bounded ring of entries ``(time, direction, bytes)``; the link records into it on
the device's worker thread (``Link.tap``), the window reads it on the GUI thread (it is locked), and
``subscribe`` hands each new entry to a listener on the worker thread (the window turns it into a queued
signal). :func:`hex_text` is how an entry is shown: hex bytes and their printable text side by side.

The bytes of an ID-card reader are a citizen's data: the reader's log keeps their count only
(``redact=True``), never the text.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

DIRECTIONS = ("tx", "rx")


@dataclass(frozen=True, slots=True)
class ByteEntry:
    at: float
    direction: str  # "tx": sent to the device, "rx": received from it
    data: bytes
    redacted: bool = False

    def line(self) -> str:
        stamp = time.strftime("%H:%M:%S", time.localtime(self.at)) + f".{int(self.at * 1000) % 1000:03d}"
        arrow = "→" if self.direction == "tx" else "←"
        if self.redacted:
            return f"{stamp} {arrow} {len(self.data)} byte(s) (personal data, not shown)"
        return f"{stamp} {arrow} {hex_text(self.data)}"


def hex_text(data: bytes) -> str:
    """``02 41 30 31 03 | .A01.``: the bytes in hex, then as text (non-printable bytes as dots)."""
    hexes = " ".join(f"{b:02x}" for b in data)
    text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in data)
    return f"{hexes} | {text}"


class ByteLog:
    """A bounded, thread-safe record of a link's traffic (see the module docstring)."""

    def __init__(self, capacity: int = 500, *, redact: bool = False) -> None:
        self.redact = redact
        self._entries: deque[ByteEntry] = deque(maxlen=capacity)
        self._lock = threading.Lock()
        self._listeners: list[Callable[[ByteEntry], None]] = []

    def record(self, direction: str, data: bytes) -> None:
        if not data:
            return
        if direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {direction!r}")
        entry = ByteEntry(time.time(), direction, bytes(data), self.redact)
        with self._lock:
            self._entries.append(entry)
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(entry)
            except Exception:  # a broken viewer must not break the device
                pass

    def entries(self) -> list[ByteEntry]:
        with self._lock:
            return list(self._entries)

    def lines(self) -> list[str]:
        return [entry.line() for entry in self.entries()]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def subscribe(self, listener: Callable[[ByteEntry], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[ByteEntry], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)


def link_of(device) -> object | None:
    """The serial link of a device (frame devices, the serial ID reader), or None."""
    return getattr(device, "link", None)


def attach(device, log: ByteLog | None = None) -> ByteLog | None:
    """Tap ``device``'s serial link into ``log`` (a new one when None); None for a device without a link.
    Safe from any thread: the link reads ``tap`` once per transfer."""
    link = link_of(device)
    if link is None or not hasattr(link, "tap"):
        return None
    if log is None:
        log = link.tap or ByteLog(redact=getattr(device, "kind", "") == "id_reader")
    link.tap = log
    return log
