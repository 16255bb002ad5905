"""SANE scanners (Linux), through python-sane.

A device is bound by its SANE name (``sane://epson2:net:192.168.1.20``, ``sane://test:0``), never by a
``/dev`` path. USB names carry the bus and device numbers (``genesys:libusb:001:004``), which change
when the cable moves to another port: an address that also records ``vendor`` and ``model`` (what
:func:`list_devices` reports; :func:`address_of` writes such an address) finds the scanner again under
its new name, provided exactly one attached device of the same backend, vendor and model is there.

Backend options that are not part of :class:`~devices.scanner.ScanRequest` (a backend's own
"swdeskew", the test backend's "test-picture") are passed as ``opt.NAME=value`` in the address or as
``options`` to the constructor, and set before every scan.

SANE reports failures as a status whose text python-sane turns into its exception message;
:func:`_status_of` maps it back to the status code with the library's own ``sane_strstatus`` table
(so a translated libsane still maps), and :data:`_KINDS` turns the code into a DeviceError kind.

Threading: SANE's global calls (init, device listing, open) take a module lock, since several device
threads may open scanners; each opened device is then used from its own device thread only. Reading a
page releases the GIL (python-sane reads in C); a cancel is checked after every line and cancels the
device there (sane_cancel), so a cancel stops a page in the middle.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from devices.base import DeviceError
from devices.scanner import (
    PAGE_SIZES_MM,
    ScannedPage,
    ScannerCapabilities,
    ScanRequest,
    Scanner,
    cancelled,
    check_options,
    check_request,
)

log = logging.getLogger(__name__)

_lock = threading.RLock()  # re-entered when an error during open checks the device list
_initialized = False
_status_table: dict[str, int] | None = None

# SANE_Status codes (sane/sane.h)
GOOD, UNSUPPORTED, CANCELLED, DEVICE_BUSY, INVAL, EOF, JAMMED, NO_DOCS, COVER_OPEN, IO_ERROR, NO_MEM, ACCESS_DENIED = range(12)
_ENGLISH = {
    "Operation not supported": UNSUPPORTED,
    "Operation was canceled": CANCELLED,
    "Operation was cancelled": CANCELLED,
    "Device busy": DEVICE_BUSY,
    "Invalid argument": INVAL,
    "End of file reached": EOF,
    "Document feeder jammed": JAMMED,
    "Document feeder out of documents": NO_DOCS,
    "Scanner cover is open": COVER_OPEN,
    "Error during device I/O": IO_ERROR,
    "Out of memory": NO_MEM,
    "Access to resource has been denied": ACCESS_DENIED,
}
_KINDS = {
    UNSUPPORTED: "config",
    DEVICE_BUSY: "busy",
    INVAL: "io",
    JAMMED: "jammed",
    NO_DOCS: "feeder_empty",
    COVER_OPEN: "cover_open",
    IO_ERROR: "io",
    NO_MEM: "io",
    ACCESS_DENIED: "config",
}


@dataclass(frozen=True, slots=True)
class SaneDeviceInfo:
    name: str
    vendor: str
    model: str
    kind: str

    @property
    def backend(self) -> str:
        return self.name.split(":", 1)[0]


def _sane():
    """python-sane, initialised once per process (call with ``_lock`` held)."""
    global _initialized
    try:
        import sane
    except ImportError as exc:  # Windows, or a machine without libsane
        raise DeviceError("sane", "config", "python-sane is not installed") from exc
    if not _initialized:
        sane.init()
        _initialized = True
    return sane


def _status_of(exc: BaseException) -> int | None:
    """The SANE status behind a python-sane error, from libsane's own status texts."""
    global _status_table
    if _status_table is None:
        table = dict(_ENGLISH)
        try:
            import ctypes

            import _sane

            strstatus = ctypes.CDLL(_sane.__file__).sane_strstatus
            strstatus.restype = ctypes.c_char_p
            strstatus.argtypes = [ctypes.c_int]
            for code in range(1, 12):
                text = strstatus(code)
                if text:
                    table[text.decode("utf-8", "replace")] = code
        except (ImportError, OSError, AttributeError):  # the English table is the fallback
            pass
        _status_table = table
    return _status_table.get(str(exc))


def list_devices() -> list[SaneDeviceInfo]:
    """Every scanner SANE sees now (may take seconds with network backends). Device thread."""
    with _lock:
        sane = _sane()
        return [SaneDeviceInfo(*d) for d in sane.get_devices()]


def address_of(info: SaneDeviceInfo) -> str:
    """The address to keep in station settings for a listed device."""
    return f"sane://{quote(info.name, safe=':@/')}?" + urlencode({"vendor": info.vendor, "model": info.model})


def pick_choice(wanted: str, choices: list[str]) -> str | None:
    """The backend's word for a source or mode (each backend names them its own way)."""
    words = {
        "flatbed": ("flatbed", "normal", "platen"),
        "duplex": ("duplex",),
        "feeder": ("adf front", "adf", "automatic document feeder", "feeder", "document feeder"),
        "gray": ("gray", "grey", "grayscale", "greyscale", "8bit gray"),
        "color": ("color", "colour", "24bit color", "rgb"),
        "bw": ("lineart", "binary", "black & white", "black and white", "monochrome"),
    }[wanted]
    lowered = {c.lower(): c for c in choices if isinstance(c, str)}
    for word in words:  # an exact name first, then one that contains the word
        if word in lowered:
            return lowered[word]
    for word in words:
        for low, original in lowered.items():
            if word in low and not (wanted == "feeder" and "duplex" in low):
                return original
    return None


def _nearest_resolution(dpi: int, constraint) -> float | int:
    if isinstance(constraint, list) and constraint:
        return min(constraint, key=lambda v: (abs(v - dpi), -v))
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, step = constraint
        value = min(max(dpi, low), high)
        if step:
            value = low + round((value - low) / step) * step
        return value
    return dpi


class SaneScanner(Scanner):
    """One SANE device, opened in the constructor (on the device thread)."""

    def __init__(
        self,
        device_name: str,
        *,
        vendor: str | None = None,
        model: str | None = None,
        options: dict[str, object] | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name or device_name)
        self.device_name = device_name
        self.vendor = vendor
        self.model = model
        self.extra = dict(options or {})
        self._dev = None
        self._open()

    @property
    def identity(self) -> str:
        query = {k: v for k, v in (("vendor", self.vendor), ("model", self.model)) if v}
        return f"sane://{quote(self.device_name, safe=':@/')}" + (f"?{urlencode(query)}" if query else "")

    def _open(self) -> None:
        with _lock:
            sane = _sane()
            devices = [SaneDeviceInfo(*d) for d in sane.get_devices()]
            target = next((d for d in devices if d.name == self.device_name), None)
            if target is None and self.vendor and self.model:
                backend = self.device_name.split(":", 1)[0]
                same = [d for d in devices if (d.backend, d.vendor, d.model) == (backend, self.vendor, self.model)]
                if len(same) > 1:
                    raise DeviceError(self.name, "config", f"{len(same)} {self.vendor} {self.model} scanners attached; bind one by name")
                if same:
                    log.info("scanner %s found again as %s", self.device_name, same[0].name)
                    target = same[0]
            if target is None:
                raise DeviceError(self.name, "offline", f"no SANE device {self.device_name!r}")
            try:
                self._dev = sane.open(target.name)
            except Exception as exc:  # _sane.error
                raise self._error(exc, "open") from exc
            self.device_name = target.name
            self.vendor, self.model = target.vendor, target.model

    def _device(self):
        if self._dev is None:
            self._open()
        return self._dev

    def _option(self, key: str):
        opt = self._device().opt.get(key.replace("-", "_"))
        return opt if opt is not None and opt.is_active() else None

    def _depth_one(self) -> bool:
        depth = self._option("depth")
        return depth is not None and isinstance(depth.constraint, list) and 1 in depth.constraint

    def capabilities(self) -> ScannerCapabilities:
        source = self._option("source")
        mode = self._option("mode")
        resolution = self._option("resolution")
        sources = ("flatbed",)
        if source is not None and isinstance(source.constraint, list):
            sources = tuple(s for s in ("flatbed", "feeder", "duplex") if pick_choice(s, source.constraint))
        modes = ("gray",)
        if mode is not None and isinstance(mode.constraint, list):
            modes = tuple(m for m in ("gray", "color", "bw") if pick_choice(m, mode.constraint) or (m == "bw" and self._depth_one()))
        dpis: tuple[int, ...] = (200, 300)
        if resolution is not None:
            c = resolution.constraint
            dpis = tuple(int(v) for v in c) if isinstance(c, list) else tuple(d for d in (150, 200, 300, 400, 600) if c[0] <= d <= c[1])
        br_x, br_y = self._option("br-x"), self._option("br-y")
        max_mm = None
        if br_x is not None and br_y is not None and isinstance(br_x.constraint, tuple):
            max_mm = (float(br_x.constraint[1]), float(br_y.constraint[1]))
        return ScannerCapabilities(
            sources=sources,
            color_modes=modes,
            dpi_choices=dpis,
            max_size_mm=max_mm,
            deskews=any(self._option(k) is not None for k in ("swdeskew", "deskew")),
            details={"device": self.device_name, "vendor": self.vendor or "", "model": self.model or ""},
        )

    def _set(self, key: str, value) -> None:
        dev = self._device()
        opt = self._option(key)
        if opt is None:
            raise DeviceError(self.name, "config", f"option {key} not available on {self.device_name}")
        if opt.type == 0:  # TYPE_BOOL
            value = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
        elif opt.type == 1:  # TYPE_INT
            value = int(value)
        elif opt.type == 2:  # TYPE_FIXED
            value = float(value)
        try:
            setattr(dev, opt.py_name, value)
        except (AttributeError, TypeError) as exc:
            raise DeviceError(self.name, "config", f"cannot set {key}={value!r}: {exc}") from exc
        except Exception as exc:  # _sane.error
            raise DeviceError(self.name, "config", f"cannot set {key}={value!r}: {exc}") from exc

    def _configure(self, request: ScanRequest) -> float:
        """Set the request on the device; returns the resolution the device will use."""
        source = self._option("source")
        if source is not None and isinstance(source.constraint, list):
            self._set("source", pick_choice(request.source, source.constraint))
        mode = self._option("mode")
        if mode is not None and isinstance(mode.constraint, list):
            choice = pick_choice(request.color_mode, mode.constraint)
            if choice is None and request.color_mode == "bw":  # no lineart mode: gray at one bit per pixel
                self._set("mode", pick_choice("gray", mode.constraint))
                self._set("depth", 1)
            else:
                self._set("mode", choice)
                if self._depth_one():
                    self._set("depth", 8)
        dpi: float = request.dpi
        resolution = self._option("resolution")
        if resolution is not None:
            dpi = _nearest_resolution(request.dpi, resolution.constraint)
            self._set("resolution", dpi)
        w_mm, h_mm = PAGE_SIZES_MM[request.page_size]
        for key, value in (("tl-x", 0.0), ("tl-y", 0.0), ("br-x", w_mm), ("br-y", h_mm)):
            opt = self._option(key)
            if opt is not None:  # clamp to the glass: a 200 mm bed scans an A4 as 200 mm wide
                if isinstance(opt.constraint, tuple):
                    value = min(max(value, opt.constraint[0]), opt.constraint[1])
                self._set(key, value)
        for key, value in self.extra.items():
            self._set(key, value)
        return dpi

    def _error(self, exc: BaseException, during: str) -> DeviceError:
        status = _status_of(exc)
        kind = _KINDS.get(status, "io") if status is not None else "io"
        if kind == "io":  # a scanner pulled from the cable fails with I/O errors: is it still listed?
            try:
                gone = self.device_name not in {d.name for d in list_devices()}
            except Exception:  # noqa: BLE001 - listing itself failed: the device is as good as gone
                gone = True
            if gone:
                kind = "offline"
                self._drop()
        return DeviceError(self.name, kind, f"{during}: {exc}")

    def scan(self, request: ScanRequest, *, cancel: threading.Event | None = None) -> Iterator[ScannedPage]:
        check_request(self.name, request, self.capabilities())
        dpi = self._configure(request)
        return self._run(request, round(dpi), cancel)

    def _run(self, request: ScanRequest, dpi: int, cancel: threading.Event | None) -> Iterator[ScannedPage]:
        dev = self._device()

        stopped = []

        def progress(_line: int, _lines: int) -> None:
            # python-sane crashes when this callback raises (it drops the NULL result): cancel the
            # device instead, and the next read returns SANE_STATUS_CANCELLED
            if cancel is not None and cancel.is_set() and not stopped:
                stopped.append(True)
                dev.cancel()

        index = 0
        duplex = request.source == "duplex"
        # a backend's own deskew, when the address turned it on (e.g. opt.swdeskew=1)
        deskews = any(str(self.extra.get(k, "")).lower() in ("1", "true", "yes", "on") for k in ("swdeskew", "deskew"))
        try:
            while not cancelled(cancel) and (request.max_pages is None or index < request.max_pages):
                try:
                    dev.start()
                except Exception as exc:  # _sane.error
                    status = _status_of(exc)
                    if status == NO_DOCS and index > 0:
                        return  # the feeder ran empty: the normal end
                    if status == CANCELLED:
                        return
                    raise self._error(exc, "start") from exc
                try:
                    image = dev.snap(True, progress)
                except RuntimeError as exc:  # python-sane: "Scanner returned no data"
                    raise DeviceError(self.name, "io", f"read: {exc}") from exc
                except Exception as exc:  # _sane.error
                    if _status_of(exc) == CANCELLED or stopped:
                        return
                    raise self._error(exc, "read") from exc
                if stopped:  # cancelled on the last line: the page is not whole
                    return
                yield ScannedPage(
                    index=index,
                    image=image,
                    dpi=dpi,
                    source=request.source,
                    side="back" if duplex and index % 2 else "front",
                    origin=self.device_name,
                    deskewed=deskews,
                )
                index += 1
                if request.source == "flatbed":
                    return
        finally:
            if self._dev is not None:
                try:
                    self._dev.cancel()  # ends the batch: the feeder stops and the device is ready again
                except Exception:  # noqa: BLE001 - a device that is gone cannot be cancelled
                    pass

    def _drop(self) -> None:
        dev, self._dev = self._dev, None
        if dev is not None:
            try:
                dev.close()
            except Exception:  # noqa: BLE001
                pass

    def close(self) -> None:
        with _lock:
            self._drop()


def sane_from_options(device: str, rest: str, options: dict[str, str]) -> SaneScanner:
    check_options(device, options, {"name", "vendor", "model"}, prefixes=("opt.",))
    if not rest:
        raise DeviceError(device, "config", "no SANE device name")
    extra = {k.removeprefix("opt."): v for k, v in options.items() if k.startswith("opt.")}
    return SaneScanner(rest, vendor=options.get("vendor"), model=options.get("model"), options=extra, name=options.get("name"))
