"""USB receipt printers through pyusb: bound by VID:PID and, when several are plugged in, serial number.

``usb://04b8:0e15`` or ``usb://04b8:0e15?serial=J2VF012345``. The printer-class interface (class 7) and
its bulk endpoints are read from the device's descriptors, never assumed; a bidirectional printer
(a bulk IN endpoint) answers the real-time status queries (DLE EOT 4 / 2) like the serial and network
ones. The device is opened on first use and dropped when it vanishes (unplugged), so the next job finds
it again, possibly at another bus address.

Why pyusb itself rather than python-escpos's ``Usb`` printer class (both were tried): python-escpos
takes the first VID:PID match (no serial number, no "several printers" error), assumes endpoints 0x01 /
0x82 (many printers use others), resets the device on every open (a USB bus reset drops what the printer
was still holding), logs through the root logger and, importing ``escpos.printer``, loads qrcode,
python-barcode and its YAML profile database and calls ``logging.basicConfig()`` at import; its own
``write`` is one ``device.write`` with no chunking or deadline. See bench figures in the report.

Every call blocks; run it on the printer's one device thread. pyusb is imported on first use, so the
rest of ``devices/`` loads without it. Needs a libusb backend at run time (libusb-1.0 on Linux; on
Windows a WinUSB/libusbK driver bound to the printer, e.g. with Zadig; otherwise use the spooler,
``winspool://``).
"""

from __future__ import annotations

import errno
import logging
import threading
import time

from devices.base import DeviceError
from devices.printer_core import (
    DLE_EOT_OFFLINE,
    DLE_EOT_PAPER,
    PrinterStatus,
    ReceiptPrinter,
    _locked,
    _valid_status_byte,
    parse_status,
)

log = logging.getLogger(__name__)

PRINTER_CLASS = 7
CHUNK = 4096  # bytes per bulk transfer: each gets its own timeout, so a stalled printer is noticed early
_GONE = {errno.ENODEV, errno.ENOENT, errno.EIO, errno.ENXIO, errno.EPIPE}


def _usb():
    try:
        import usb.core
        import usb.util
    except ImportError as exc:  # pragma: no cover - pyusb is a dependency
        raise DeviceError("usb", "config", "pyusb is not installed") from exc
    return usb


def _serial_of(device) -> str | None:
    """The device's serial number string, or None when it has none or it cannot be read (permissions)."""
    try:
        return device.serial_number
    except (ValueError, NotImplementedError):
        return None
    except Exception as exc:  # usb.core.USBError: no permission to open, or gone meanwhile
        log.debug("cannot read the serial number of %s: %s", device, exc)
        return None


def find_printer(vid: int, pid: int, serial: str | None = None, *, backend=None, name: str = "usb"):
    """The one plugged-in device with ``vid``:``pid`` (and ``serial``), else a clear DeviceError:
    "offline" when none is plugged in, "config" when several match and no serial number tells them apart."""
    usb = _usb()
    try:
        found = list(usb.core.find(find_all=True, idVendor=vid, idProduct=pid, backend=backend))
    except usb.core.NoBackendError as exc:
        raise DeviceError(name, "config", "no libusb backend available for pyusb") from exc
    wanted = f"{vid:04x}:{pid:04x}" + (f" serial {serial}" if serial else "")
    if serial is not None:
        serials = [_serial_of(d) for d in found]
        matching = [d for d, s in zip(found, serials) if s == serial]
        if not matching:
            seen = ", ".join(s or "?" for s in serials) or "none"
            raise DeviceError(name, "offline", f"no USB printer {wanted} (plugged in with this VID:PID: {seen})")
        if len(matching) > 1:
            raise DeviceError(name, "config", f"{len(matching)} USB printers report the same serial {serial}")
        return matching[0]
    if not found:
        raise DeviceError(name, "offline", f"no USB printer {wanted} is plugged in")
    if len(found) > 1:
        serials = ", ".join(_serial_of(d) or "?" for d in found)
        raise DeviceError(name, "config", f"{len(found)} USB printers {wanted} are plugged in (serials: {serials}); add ?serial=")
    return found[0]


def printer_endpoints(device):
    """(interface number, bulk OUT endpoint, bulk IN endpoint or None) of the printer interface: the
    first interface of class 7 (printer), else the first with a bulk OUT endpoint (vendor-class printers)."""
    usb = _usb()
    config = device.get_active_configuration()
    candidates = sorted(config, key=lambda intf: intf.bInterfaceClass != PRINTER_CLASS)
    for intf in candidates:
        out_ep = in_ep = None
        for ep in intf:
            if usb.util.endpoint_type(ep.bmAttributes) != usb.util.ENDPOINT_TYPE_BULK:
                continue
            if usb.util.endpoint_direction(ep.bEndpointAddress) == usb.util.ENDPOINT_OUT:
                out_ep = out_ep or ep
            else:
                in_ep = in_ep or ep
        if out_ep is not None:
            return intf.bInterfaceNumber, out_ep, in_ep
    raise DeviceError("usb", "config", "the device has no bulk OUT endpoint: not a printer")


class UsbPrinter(ReceiptPrinter):
    """An ESC/POS printer on USB (pyusb). ``backend``: a pyusb backend (None: libusb found by pyusb)."""

    def __init__(
        self,
        vid: int,
        pid: int,
        serial: str | None = None,
        *,
        status_timeout: float = 1.0,
        name: str | None = None,
        backend=None,
    ) -> None:
        if not (0 <= vid <= 0xFFFF and 0 <= pid <= 0xFFFF):
            raise DeviceError(name or "usb", "config", f"VID:PID out of range: {vid:x}:{pid:x}")
        self.vid, self.pid, self.serial = vid, pid, serial or None
        self.status_timeout = status_timeout
        self.backend = backend
        self.name = name or f"usb://{vid:04x}:{pid:04x}" + (f"?serial={serial}" if serial else "")
        self._lock = threading.Lock()
        self._device = None
        self._interface = 0
        self._out = None
        self._in = None

    # -- the link ----------------------------------------------------------------------------------

    def _open(self):
        if self._device is not None:
            return self._device
        usb = _usb()
        device = find_printer(self.vid, self.pid, self.serial, backend=self.backend, name=self.name)
        try:
            try:
                device.get_active_configuration()
            except usb.core.USBError:  # not configured yet (a fresh device on some hosts)
                device.set_configuration()
            interface, out_ep, in_ep = printer_endpoints(device)
            try:
                if device.is_kernel_driver_active(interface):
                    device.detach_kernel_driver(interface)  # usblp holds printers on Linux
            except NotImplementedError:  # backends other than libusb1, and Windows
                pass
            usb.util.claim_interface(device, interface)
        except DeviceError as exc:
            raise DeviceError(self.name, exc.kind, exc.message) from exc
        except usb.core.USBError as exc:
            raise DeviceError(self.name, _kind(exc), f"cannot open the printer: {exc}") from exc
        self._device, self._interface, self._out, self._in = device, interface, out_ep, in_ep
        log.info("%s: opened (interface %d, out 0x%02x, in %s)", self.name, interface, out_ep.bEndpointAddress,
                 f"0x{in_ep.bEndpointAddress:02x}" if in_ep is not None else "none")
        return device

    def _drop(self) -> None:
        device, self._device = self._device, None
        if device is None:
            return
        usb = _usb()
        try:
            usb.util.release_interface(device, self._interface)
            usb.util.dispose_resources(device)
        except Exception:  # a device that just vanished may fail any way it likes
            log.debug("%s: error while closing", self.name, exc_info=True)

    def send(self, data: bytes, *, timeout: float = 10.0) -> None:
        usb = _usb()
        deadline = time.monotonic() + timeout
        view = memoryview(bytes(data))
        with _locked(self._lock, self.name, timeout):
            device = self._open()
            try:
                while view:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise DeviceError(self.name, "timeout", f"job not accepted within {timeout:g} s")
                    written = device.write(self._out.bEndpointAddress, view[:CHUNK], timeout=max(1, int(left * 1000)))
                    if written <= 0:
                        raise DeviceError(self.name, "io", "the printer accepted no data")
                    view = view[written:]
            except usb.core.USBTimeoutError as exc:
                # Out of paper or cover open: the printer stops taking data (it NAKs the bulk OUT).
                raise DeviceError(self.name, "timeout", f"job not accepted within {timeout:g} s") from exc
            except usb.core.USBError as exc:
                kind = _kind(exc)
                if kind == "offline":
                    self._drop()
                raise DeviceError(self.name, kind, f"write failed: {exc}") from exc
        log.debug("%s: sent %d bytes", self.name, len(data))

    def status(self) -> PrinterStatus:
        usb = _usb()
        with self._lock:
            try:
                device = self._open()
            except DeviceError as exc:
                return PrinterStatus(online=False, paper="unknown", detail=exc.message)
            if self._in is None:
                return PrinterStatus(online=True, paper="unknown", detail="unidirectional USB printer")
            ms = max(1, int(self.status_timeout * 1000))

            def write(query: bytes) -> None:
                device.write(self._out.bEndpointAddress, query, timeout=ms)

            def read(_n: int) -> bytes:
                try:
                    return bytes(device.read(self._in.bEndpointAddress, self._in.wMaxPacketSize, timeout=ms))[-1:]
                except usb.core.USBTimeoutError:
                    return b""

            try:
                paper = _ask(write, read, DLE_EOT_PAPER)
                offline = _ask(write, read, DLE_EOT_OFFLINE) if _valid_status_byte(paper) else b""
            except usb.core.USBTimeoutError:
                return PrinterStatus(online=True, paper="unknown", detail="printer does not take data")
            except usb.core.USBError as exc:
                if _kind(exc) == "offline":
                    self._drop()
                    return PrinterStatus(online=False, paper="unknown", detail=f"status query failed: {exc}")
                return PrinterStatus(online=True, paper="unknown", detail=f"status query failed: {exc}")
        return parse_status(paper, offline)

    def close(self) -> None:
        with self._lock:
            self._drop()


def _ask(write, read, query: bytes) -> bytes:
    write(query)
    return read(1)


def _kind(exc) -> str:
    code = getattr(exc, "errno", None) or getattr(exc, "backend_error_code", None)
    if code in _GONE or code in (-4, -5):  # LIBUSB_ERROR_NO_DEVICE, LIBUSB_ERROR_NOT_FOUND
        return "offline"
    if code in (errno.ETIMEDOUT, -7):  # LIBUSB_ERROR_TIMEOUT
        return "timeout"
    if code in (errno.EACCES, errno.EPERM, -3):  # LIBUSB_ERROR_ACCESS
        return "config"
    if code in (errno.EBUSY, -6):  # LIBUSB_ERROR_BUSY: another program holds the interface
        return "busy"
    return "io"


def parse_usb_target(device: str, target: str, options: dict[str, str]) -> UsbPrinter:
    """``VID:PID`` (hex) of ``usb://VID:PID?serial=...`` into a printer."""
    vid_text, sep, pid_text = target.partition(":")
    try:
        if not sep:
            raise ValueError
        vid, pid = int(vid_text, 16), int(pid_text, 16)
    except ValueError:
        raise DeviceError(device, "config", f"USB printer wants VID:PID in hex, like 04b8:0e15, not {target!r}") from None
    return UsbPrinter(vid, pid, options.get("serial") or None, name=options.get("name"))
