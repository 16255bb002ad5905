"""Existing drivers under the runtime: receipt/ticket printers, A4 printers and the voice as ``Device``s.

The printer classes keep their own API (``send``, ``status``, ``print_pdf``); these adapters give them
the runtime's identity and status (name, kind, driver, url, status, detail, ``self_test``) so a printer
too is driven by one worker thread, and the simulated printer and the real drivers behave the same
under it: a second job waits its turn on the worker instead of failing with "busy".

Jobs: ``worker.submit(lambda d: d.printer.send(data))``. ``idle_check`` asks a receipt printer its state
every ``check_interval`` seconds; "offline" there makes the runtime report it and reconnect.
"""

from __future__ import annotations

from typing import Any

from devices.base import Device, DeviceError, on_device_thread

_DRIVERS = {
    "SimulatedPrinter": "sim",
    "TcpPrinter": "tcp",
    "SerialPrinter": "serial",
    "FilePrinter": "file",
    "SimulatedDocumentPrinter": "sim",
    "CupsPrinter": "cups",
    "WindowsShellPrinter": "windows",
}


class PrinterDevice(Device):
    """A ``devices.printer.ReceiptPrinter`` (kind receipt_printer or ticket_printer) on a worker."""

    check_interval = 30.0

    def __init__(self, printer, *, kind: str, name: str, url: str = "") -> None:
        super().__init__(name, url)
        self.kind = kind
        self.printer = printer
        self.driver = _DRIVERS.get(type(printer).__name__, type(printer).__name__)

    @on_device_thread
    def open(self) -> None:
        status = self.printer.status()
        if not status.online:
            raise DeviceError(self.name, "offline", status.detail or "printer does not answer")
        if status.paper == "out":
            self.condition = "paper out"
        elif getattr(status, "cover", None) == "open":
            self.condition = "cover open"
        elif status.paper == "low":
            self.condition = "paper low"
        else:
            self.condition = ""

    @on_device_thread
    def idle_check(self) -> None:
        self.open()

    def close(self) -> None:
        self.printer.close()

    @on_device_thread
    def send(self, data: bytes, *, timeout: float = 10.0) -> None:
        self.printer.send(data, timeout=timeout)

    @on_device_thread
    def self_test(self) -> dict[str, Any]:
        status = self.printer.status()
        return {"ok": status.online and status.paper != "out", "detail": status.detail or status.paper}


class DocumentPrinterDevice(Device):
    """A ``devices.document_printer.DocumentPrinter`` (kind a4_printer) on a worker."""

    kind = "a4_printer"

    def __init__(self, printer, *, name: str = "a4_printer", url: str = "") -> None:
        super().__init__(name, url)
        self.printer = printer
        self.driver = _DRIVERS.get(type(printer).__name__, type(printer).__name__)

    @on_device_thread
    def print_pdf(self, data: bytes, **options: Any) -> None:
        self.printer.print_pdf(data, **options)

    def close(self) -> None:
        self.printer.close()


class ConfiguredDevice(Device):
    """A device this runtime does not drive itself (e.g. a scanner driven by its own module): listed with
    its configuration so the technician sees every configured device."""

    def __init__(self, *, kind: str, name: str, url: str, driver: str) -> None:
        super().__init__(name, url)
        self.kind = kind
        self.driver = driver
