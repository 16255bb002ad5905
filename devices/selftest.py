"""Self-tests a technician runs from the Devices window or ``motcua devices test NAME``.

Each test is a job for the device's own worker (``worker.call(lambda d: run_self_test(d, materials))``):
it touches the device on that thread only. What a test prints or plays is made by the caller and handed
in (:class:`TestMaterials`): devices do not import printing.

- receipt / ticket printer: its status (paper out, cover open: failed), then the test page;
- A4 printer: a one-page PDF;
- scanner: one page at low resolution from the first source the scanner offers;
- LED display: "8888" (every segment; ``digits`` of them) then its current number again;
- button box, rating keypad, serial ID reader: the link opens (the window then shows "press each
  key" / "scan a test card" with the frames seen in the live byte log);
- voice: the announcement is built from the clips (missing clips: failed) and played by the caller's sink.

The result: ``{"name", "kind", "driver", "url", "ok", "detail"}`` plus what the test measured.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devices.base import Device, DeviceError

log = logging.getLogger(__name__)


@dataclass
class TestMaterials:
    printer_page: Callable[[Any], bytes] | None = None  # the receipt printer -> its test page bytes
    a4_page: bytes | None = None  # a one-page PDF
    voice_wav: Callable[[], tuple[bytes, list[str]]] | None = None  # -> (WAV, missing clip keys)
    voice_sink: Callable[[bytes], None] | None = None  # plays the WAV (None: only built)
    scan_dpi: int = 75
    extra: dict[str, Any] = field(default_factory=dict)


def _result(device: Device, ok: bool, detail: str, **measured: Any) -> dict[str, Any]:
    row = {"name": device.name, "kind": device.kind, "driver": device.driver, "url": device.url, "ok": ok, "detail": detail}
    row.update(measured)
    return row


def run_self_test(device: Device, materials: TestMaterials | None = None) -> dict[str, Any]:
    """Run ``device``'s self-test (on its worker thread); a ``DeviceError`` becomes a failed result."""
    materials = materials or TestMaterials()
    started = time.monotonic()
    try:
        result = _TESTS.get(device.kind, _generic)(device, materials)
    except DeviceError as exc:
        result = _result(device, False, exc.message, error=exc.kind)
    result["seconds"] = round(time.monotonic() - started, 3)
    log.info("%s: self-test %s: %s", device.name, "passed" if result["ok"] else "failed", result["detail"])
    return result


def _receipt_printer(device, materials: TestMaterials) -> dict[str, Any]:
    status = device.printer.status()
    if not status.online:
        return _result(device, False, status.detail or "printer does not answer", error="offline")
    if status.paper == "out":
        return _result(device, False, "paper out", error="paper_out")
    if status.cover == "open":
        return _result(device, False, "cover open", error="cover_open")
    if materials.printer_page is None:
        return _result(device, True, f"online, paper {status.paper}")
    page = materials.printer_page(device.printer)
    device.send(page, timeout=30.0)
    return _result(device, True, f"test page sent ({len(page)} bytes), paper {status.paper}", bytes=len(page))


def _a4_printer(device, materials: TestMaterials) -> dict[str, Any]:
    if materials.a4_page is None:
        return _result(device, True, "configured")
    device.print_pdf(materials.a4_page, title="motcua test page", copies=1)
    return _result(device, True, f"test page sent ({len(materials.a4_page)} bytes)", bytes=len(materials.a4_page))


def _scanner(device, materials: TestMaterials) -> dict[str, Any]:
    from devices.scanner import ScanRequest
    from devices.scanners import open_scanner

    scanner = open_scanner(device.url, name=device.name)
    try:
        caps = scanner.capabilities()
        source = "flatbed" if "flatbed" in caps.sources else caps.sources[0]
        dpi = min(caps.dpi_choices or (materials.scan_dpi,), key=lambda d: abs(d - materials.scan_dpi))
        pages = scanner.scan(ScanRequest(source=source, dpi=dpi, max_pages=1))
        try:
            page = next(iter(pages), None)
        finally:
            close = getattr(pages, "close", None)
            if close is not None:
                close()
    finally:
        scanner.close()
    if page is None:
        return _result(device, False, f"no page came from the {source}", error="feeder_empty")
    width, height = page.image.size
    materials.extra["preview"] = page.image  # the window shows it; never serialised
    return _result(device, True, f"{source}: one page {width}×{height} px at {page.dpi} dpi", width=width, height=height, dpi=page.dpi)


def _led_display(device, materials: TestMaterials) -> dict[str, Any]:
    base = device.self_test()  # "8888", then the current number (or blank) again
    return _result(device, True, f"showed {'8' * device.digits}; {base['detail']}")


def _voice(device, materials: TestMaterials) -> dict[str, Any]:
    if materials.voice_wav is None:
        return _result(device, True, "configured")
    wav, missing = materials.voice_wav()
    if missing:
        return _result(device, False, "missing voice clips: " + ", ".join(missing), error="config")
    if materials.voice_sink is not None:
        materials.voice_sink(wav)
    return _result(device, True, f"announcement of {len(wav)} bytes", bytes=len(wav))


def _generic(device, materials: TestMaterials) -> dict[str, Any]:
    base = device.self_test()
    return _result(device, bool(base.get("ok", True)), str(base.get("detail", "")))


_TESTS: dict[str, Callable[[Any, TestMaterials], dict[str, Any]]] = {
    "receipt_printer": _receipt_printer,
    "ticket_printer": _receipt_printer,
    "a4_printer": _a4_printer,
    "scanner": _scanner,
    "led_display": _led_display,
    "voice": _voice,
}


class ClipsDevice(Device):
    """The voice as a device for the runtime and the technician (the announcer itself is ``ui``'s)."""

    kind = "voice"
    driver = "clips"

    def __init__(self, url: str, name: str = "voice") -> None:
        super().__init__(name, url)
