"""The receipt printer interface and what every link shares: the status a printer reports, the
real-time status queries (DLE EOT) and their answers, and waiting for a busy link.

Split from ``devices/printer.py`` so that the link modules (``printer_usb``, ``printer_win32``) and the
document printers build on it without importing the module that opens them (no import circle).
``devices.printer`` re-exports every name here.
"""

from __future__ import annotations

import abc
import threading
from dataclasses import dataclass
from typing import Literal

from devices.base import DeviceError

PaperState = Literal["ok", "low", "out", "unknown"]
CoverState = Literal["closed", "open", "unknown"]

#: DLE EOT 4: "transmit paper roll sensor status", answered in real time.
DLE_EOT_PAPER = b"\x10\x04\x04"
#: DLE EOT 2: "transmit off-line cause status" (cover, feed button, paper-end stop, error).
DLE_EOT_OFFLINE = b"\x10\x04\x02"

# Bits of the DLE EOT n=4 reply. Bits 1 and 4 are always 1, bits 0 and 7 always 0;
# a byte that does not match is not a status reply (echo, noise, another protocol).
_FIXED_MASK = 0b1001_0011
_FIXED_VALUE = 0b0001_0010
_NEAR_END_BITS = 0b0000_1100  # bits 2, 3: roll near-end sensor
_PAPER_END_BITS = 0b0110_0000  # bits 5, 6: roll end sensor
# Bits of the DLE EOT n=2 reply (same fixed bits as n=4).
_COVER_OPEN_BIT = 0b0000_0100  # bit 2
_STOPPED_PAPER_END_BIT = 0b0010_0000  # bit 5: printing stopped because the paper ran out
_ERROR_BIT = 0b0100_0000  # bit 6: an error (cutter jam, head overheat...) took the printer off line

DEFAULT_STATUS_TIMEOUT = 1.0


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What a printer says about itself. ``detail`` is for the technician's view."""

    online: bool
    paper: PaperState = "unknown"
    detail: str = ""
    cover: CoverState = "unknown"
    error: bool = False  # the printer reports an error of its own (cutter jam, head overheat...)

    @property
    def ready(self) -> bool:
        """Online, with paper (or paper unknown), the cover closed (or unknown) and no error."""
        return self.online and self.paper != "out" and self.cover != "open" and not self.error


def parse_paper_status(reply: bytes) -> PrinterStatus:
    """Read the answer to DLE EOT 4 (one byte) into a status of an online printer."""
    if not reply:
        return PrinterStatus(online=True, paper="unknown", detail="no answer to status query")
    byte = reply[0]
    if byte & _FIXED_MASK != _FIXED_VALUE:
        return PrinterStatus(online=True, paper="unknown", detail=f"unexpected status byte 0x{byte:02x}")
    if byte & _PAPER_END_BITS:
        return PrinterStatus(online=True, paper="out", detail="paper end")
    if byte & _NEAR_END_BITS:
        return PrinterStatus(online=True, paper="low", detail="paper near end")
    return PrinterStatus(online=True, paper="ok", detail="")


def _valid_status_byte(reply: bytes) -> bool:
    return bool(reply) and reply[0] & _FIXED_MASK == _FIXED_VALUE


def parse_status(paper_reply: bytes, offline_reply: bytes) -> PrinterStatus:
    """Combine the answers to DLE EOT 4 (paper) and DLE EOT 2 (off-line cause) into one status."""
    status = parse_paper_status(paper_reply)
    if not _valid_status_byte(offline_reply):
        return status
    byte = offline_reply[0]
    cover: CoverState = "open" if byte & _COVER_OPEN_BIT else "closed"
    paper = "out" if byte & _STOPPED_PAPER_END_BIT else status.paper
    error = bool(byte & _ERROR_BIT)
    details = [d for d in (status.detail, "cover open" if cover == "open" else "", "printer error" if error else "") if d]
    return PrinterStatus(online=True, paper=paper, detail=", ".join(details), cover=cover, error=error)


class ReceiptPrinter(abc.ABC):
    """A printer that takes raw ESC/POS bytes.

    All methods block and belong on the printer's device thread. ``send`` raises
    :class:`DeviceError`; ``status`` and ``close`` do not raise.
    """

    name: str
    #: What the printer can do (``devices.printer_profiles``); None: a generic 80 mm printer.
    profile = None

    @property
    def paper_mm(self) -> int:
        """The roll width to render for (58 or 80), from the printer's profile; 80 without one."""
        return self.profile.paper_mm if self.profile is not None else 80

    @abc.abstractmethod
    def send(self, data: bytes, *, timeout: float = 10.0) -> None:
        """Deliver one job, waiting at most about ``timeout`` seconds for the link."""

    @abc.abstractmethod
    def status(self) -> PrinterStatus:
        """Ask the printer for its state; a short query, "unknown" paper if it does not answer."""

    def close(self) -> None:
        """Release the link. The printer may be used again afterwards (it reopens)."""

    def __enter__(self) -> ReceiptPrinter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


def _ask(write, read, query: bytes) -> bytes:
    """Send one real-time status query and read its one-byte answer (b"" when none comes in time)."""
    write(query)
    try:
        return bytes(read(1))
    except TimeoutError:
        return b""


class _locked:
    """``with _locked(lock, name, timeout)``: wait for the link at most ``timeout`` s, then "timeout"."""

    def __init__(self, lock: threading.Lock, name: str, timeout: float) -> None:
        self.lock, self.name, self.timeout = lock, name, timeout

    def __enter__(self) -> None:
        if not self.lock.acquire(timeout=max(0.0, self.timeout)):
            raise DeviceError(self.name, "timeout", f"the printer was busy for {self.timeout:g} s")

    def __exit__(self, *exc_info: object) -> None:
        self.lock.release()
