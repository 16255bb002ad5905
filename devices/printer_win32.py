"""The Windows print spooler in raw mode: ESC/POS bytes to an installed printer, untouched by a driver.

``winspool://EPSON TM-T20II Receipt`` (the printer's name in Windows; ``winspool://`` alone is the default
printer). Each job is one spooler document of datatype "RAW" (``StartDocPrinter`` / ``WritePrinter`` /
``EndDocPrinter``). Status comes from the spooler's view of the printer (``GetPrinter`` level 2
``Status``): offline, paper out/problem, door open, error; the spooler knows no "paper low".

Windows only: pywin32's ``win32print`` is imported inside the calls (never on import), so this module
loads everywhere and says "config" elsewhere. Blocks; run it on the printer's device thread.
"""

from __future__ import annotations

import logging
import sys
import threading

from devices.base import DeviceError
from devices.printer_core import PrinterStatus, ReceiptPrinter, _locked

log = logging.getLogger(__name__)

# PRINTER_STATUS_* flags of winspool.h (GetPrinter level 2, field Status).
PRINTER_STATUS_PAUSED = 0x00000001
PRINTER_STATUS_ERROR = 0x00000002
PRINTER_STATUS_PAPER_JAM = 0x00000008
PRINTER_STATUS_PAPER_OUT = 0x00000010
PRINTER_STATUS_PAPER_PROBLEM = 0x00000040
PRINTER_STATUS_OFFLINE = 0x00000080
PRINTER_STATUS_NOT_AVAILABLE = 0x00001000
PRINTER_STATUS_DOOR_OPEN = 0x00400000
PRINTER_STATUS_SERVER_UNKNOWN = 0x00800000
PRINTER_STATUS_USER_INTERVENTION = 0x00100000
# PRINTER_ATTRIBUTE_WORK_OFFLINE: "use printer offline" ticked by someone.
PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x00000400


def status_from_spooler(status: int, attributes: int = 0) -> PrinterStatus:
    """Turn GetPrinter level 2 ``Status``/``Attributes`` into our status (pure; tested everywhere)."""
    offline = bool(status & (PRINTER_STATUS_OFFLINE | PRINTER_STATUS_NOT_AVAILABLE | PRINTER_STATUS_SERVER_UNKNOWN)) or bool(
        attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE
    )
    paper = "out" if status & (PRINTER_STATUS_PAPER_OUT | PRINTER_STATUS_PAPER_JAM | PRINTER_STATUS_PAPER_PROBLEM) else "unknown"
    cover = "open" if status & PRINTER_STATUS_DOOR_OPEN else "unknown"
    error = bool(status & (PRINTER_STATUS_ERROR | PRINTER_STATUS_USER_INTERVENTION | PRINTER_STATUS_PAUSED))
    names = [name for flag, name in ((PRINTER_STATUS_PAUSED, "paused"), (PRINTER_STATUS_ERROR, "error"),
                                     (PRINTER_STATUS_PAPER_JAM, "paper jam"), (PRINTER_STATUS_PAPER_OUT, "paper out"),
                                     (PRINTER_STATUS_DOOR_OPEN, "door open"), (PRINTER_STATUS_OFFLINE, "offline"))
             if status & flag]
    return PrinterStatus(online=not offline, paper=paper, detail=", ".join(names), cover=cover, error=error)


class SpoolerPrinter(ReceiptPrinter):
    """A receipt printer installed in Windows, fed raw bytes through the spooler (pywin32)."""

    def __init__(self, printer: str = "", *, name: str | None = None) -> None:
        self.printer = printer  # "" = the default printer
        self.name = name or f"winspool://{printer}"
        self._lock = threading.Lock()

    def _win32print(self):
        if sys.platform != "win32":
            raise DeviceError(self.name, "config", "winspool:// printers exist on Windows only")
        try:
            import win32print  # pywin32, Windows only
        except ImportError as exc:
            raise DeviceError(self.name, "config", "pywin32 is not installed") from exc
        return win32print

    def _printer_name(self, win32print) -> str:
        return self.printer or win32print.GetDefaultPrinter()

    def send(self, data: bytes, *, timeout: float = 10.0) -> None:  # pragma: no cover - Windows only
        win32print = self._win32print()
        with _locked(self._lock, self.name, timeout):
            try:
                handle = win32print.OpenPrinter(self._printer_name(win32print))
            except Exception as exc:  # pywintypes.error: unknown printer, spooler stopped
                raise DeviceError(self.name, "offline", f"cannot open the printer: {exc}") from exc
            try:
                win32print.StartDocPrinter(handle, 1, ("motcua", None, "RAW"))
                try:
                    win32print.StartPagePrinter(handle)
                    written = win32print.WritePrinter(handle, bytes(data))
                    win32print.EndPagePrinter(handle)
                finally:
                    win32print.EndDocPrinter(handle)
            except Exception as exc:
                raise DeviceError(self.name, "io", f"the spooler refused the job: {exc}") from exc
            finally:
                win32print.ClosePrinter(handle)
        if written != len(data):
            raise DeviceError(self.name, "io", f"the spooler took {written} of {len(data)} bytes")

    def status(self) -> PrinterStatus:
        try:
            win32print = self._win32print()
        except DeviceError as exc:
            return PrinterStatus(online=False, paper="unknown", detail=exc.message)
        try:  # pragma: no cover - Windows only
            handle = win32print.OpenPrinter(self._printer_name(win32print))
            try:
                info = win32print.GetPrinter(handle, 2)
            finally:
                win32print.ClosePrinter(handle)
        except Exception as exc:  # pragma: no cover - Windows only
            return PrinterStatus(online=False, paper="unknown", detail=f"cannot ask the spooler: {exc}")
        return status_from_spooler(int(info.get("Status", 0)), int(info.get("Attributes", 0)))  # pragma: no cover
