"""WIA scanners (Windows), through pywin32's COM client; imported lazily, only on Windows.

A device is bound by its WIA ``DeviceID`` (``{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001``), which
Windows keeps for the device across reboots and ports. Each page is one ``Item.Transfer`` in BMP (no
lossy step before page processing); a feeder scan transfers until WIA reports the feeder empty.
A cancel is honoured between pages: WIA's ``Transfer`` cannot be interrupted from the caller's side.

The device property values (:func:`wia_properties`) and the error mapping (:func:`wia_error_kind`)
are plain functions, tested on every platform; the COM calls are the thin rest.

Threading: COM is initialised (single-threaded apartment) on the device thread at the first call;
every call must come from that thread.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
from collections.abc import Iterator

from devices.base import DeviceError
from devices.scanner import (
    COLOR_MODES,
    PAGE_SIZES_MM,
    ScannedPage,
    ScannerCapabilities,
    ScanRequest,
    Scanner,
    cancelled,
)

log = logging.getLogger(__name__)

WIA_FORMAT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"

# Device properties (wiadef.h)
DOCUMENT_HANDLING_CAPABILITIES = 3086
DOCUMENT_HANDLING_STATUS = 3087
DOCUMENT_HANDLING_SELECT = 3088
PAGES = 3096
FEEDER, FLATBED, DUPLEX = 0x001, 0x002, 0x004
FEED_READY = 0x001
# Item properties
CUR_INTENT = 6146
XRES, YRES = 6147, 6148
XPOS, YPOS, XEXTENT, YEXTENT = 6149, 6150, 6151, 6152
INTENT = {"color": 0x1, "gray": 0x2, "bw": 0x4}

#: WIA HRESULTs (wiadef.h) and what the officer is told.
WIA_ERRORS = {
    0x80210001: "io",  # WIA_ERROR_GENERAL_ERROR
    0x80210002: "jammed",  # WIA_ERROR_PAPER_JAM
    0x80210003: "feeder_empty",  # WIA_ERROR_PAPER_EMPTY
    0x80210004: "jammed",  # WIA_ERROR_PAPER_PROBLEM
    0x80210005: "offline",  # WIA_ERROR_OFFLINE
    0x80210006: "busy",  # WIA_ERROR_BUSY
    0x80210007: "busy",  # WIA_ERROR_WARMING_UP
    0x80210008: "busy",  # WIA_ERROR_USER_INTERVENTION
    0x80210009: "offline",  # WIA_ERROR_ITEM_DELETED
    0x8021000A: "io",  # WIA_ERROR_DEVICE_COMMUNICATION
    0x8021000B: "config",  # WIA_ERROR_INVALID_COMMAND
    0x8021000C: "config",  # WIA_ERROR_INCORRECT_HARDWARE_SETTING
    0x8021000D: "busy",  # WIA_ERROR_DEVICE_LOCKED
    0x80210015: "offline",  # WIA_S_NO_DEVICE_AVAILABLE
    0x80210016: "cover_open",  # WIA_ERROR_COVER_OPEN
    0x80210017: "io",  # WIA_ERROR_LAMP_OFF
}


def wia_error_kind(hresult: int) -> str:
    """The DeviceError kind for a WIA HRESULT (signed or unsigned)."""
    return WIA_ERRORS.get(hresult & 0xFFFFFFFF, "io")


def wia_properties(request: ScanRequest, dpi: int | None = None) -> tuple[dict[int, int], dict[int, int]]:
    """(device properties, item properties) that ask WIA for ``request``; ``dpi`` overrides the request's."""
    dpi = dpi or request.dpi
    select = {"flatbed": FLATBED, "feeder": FEEDER, "duplex": FEEDER | DUPLEX}[request.source]
    device = {DOCUMENT_HANDLING_SELECT: select}
    if request.source != "flatbed":
        device[PAGES] = 1  # one page per Transfer: pages arrive one by one
    w_mm, h_mm = PAGE_SIZES_MM[request.page_size]
    item = {
        CUR_INTENT: INTENT[request.color_mode],  # set first: it resets resolution and extent
        XRES: dpi,
        YRES: dpi,
        XPOS: 0,
        YPOS: 0,
        XEXTENT: round(w_mm / 25.4 * dpi),
        YEXTENT: round(h_mm / 25.4 * dpi),
    }
    return device, item


def _hresult(exc: BaseException) -> int:
    """The most specific HRESULT in a pywintypes.com_error (the scode of its excepinfo, else hresult)."""
    args = getattr(exc, "args", ())
    excepinfo = args[2] if len(args) > 2 else None
    if excepinfo and len(excepinfo) > 5 and excepinfo[5]:
        return int(excepinfo[5])
    return int(args[0]) if args and isinstance(args[0], int) else 0


class WiaScanner(Scanner):
    """A WIA device by DeviceID. The constructor does not touch COM; the first call does."""

    def __init__(self, device_id: str, *, name: str | None = None) -> None:
        super().__init__(name or device_id)
        if not device_id:
            raise DeviceError(self.name, "config", "no WIA DeviceID")
        self.device_id = device_id
        self._com_thread: int | None = None

    @property
    def identity(self) -> str:
        return f"wia://{self.device_id}"

    def _client(self):
        if sys.platform != "win32":
            raise DeviceError(self.name, "config", "WIA scanners exist only on Windows")
        try:
            import pythoncom
            import win32com.client
        except ImportError as exc:
            raise DeviceError(self.name, "config", "pywin32 is not installed") from exc
        if self._com_thread != threading.get_ident():
            pythoncom.CoInitialize()  # once per device thread
            self._com_thread = threading.get_ident()
        return win32com.client

    def _connect(self):
        client = self._client()
        try:
            manager = client.Dispatch("WIA.DeviceManager")
            for i in range(1, manager.DeviceInfos.Count + 1):  # WIA collections count from 1
                info = manager.DeviceInfos.Item(i)
                if info.DeviceID == self.device_id:
                    return info.Connect()
        except Exception as exc:  # pywintypes.com_error
            raise DeviceError(self.name, wia_error_kind(_hresult(exc)), f"connect: {exc}") from exc
        raise DeviceError(self.name, "offline", f"no WIA device {self.device_id}")

    @staticmethod
    def _set(properties, values: dict[int, int]) -> None:
        for pid, value in values.items():
            for i in range(1, properties.Count + 1):
                prop = properties.Item(i)
                if prop.PropertyID == pid:
                    prop.Value = value
                    break

    @staticmethod
    def _get(properties, pid: int, default: int = 0) -> int:
        for i in range(1, properties.Count + 1):
            prop = properties.Item(i)
            if prop.PropertyID == pid:
                return int(prop.Value)
        return default

    def capabilities(self) -> ScannerCapabilities:
        device = self._connect()
        handling = self._get(device.Properties, DOCUMENT_HANDLING_CAPABILITIES, FLATBED)
        sources = tuple(s for s, bit in (("flatbed", FLATBED), ("feeder", FEEDER), ("duplex", DUPLEX)) if handling & bit)
        return ScannerCapabilities(sources=sources or ("flatbed",), color_modes=COLOR_MODES, dpi_choices=(150, 200, 300, 600))

    def scan(self, request: ScanRequest, *, cancel: threading.Event | None = None) -> Iterator[ScannedPage]:
        device = self._connect()
        device_values, item_values = wia_properties(request)
        try:
            self._set(device.Properties, device_values)
            item = device.Items.Item(1)
            self._set(item.Properties, item_values)
        except Exception as exc:  # pywintypes.com_error
            raise DeviceError(self.name, "config", f"settings refused: {exc}") from exc
        return self._run(device, item, request, cancel)

    def _run(self, device, item, request: ScanRequest, cancel: threading.Event | None) -> Iterator[ScannedPage]:
        from PIL import Image

        index = 0
        while not cancelled(cancel) and (request.max_pages is None or index < request.max_pages):
            if request.source != "flatbed" and index > 0:
                if not self._get(device.Properties, DOCUMENT_HANDLING_STATUS) & FEED_READY:
                    return  # the feeder ran empty after some pages: the normal end
            try:
                image_file = item.Transfer(WIA_FORMAT_BMP)
                data = bytes(image_file.FileData.BinaryData)
            except Exception as exc:  # pywintypes.com_error
                kind = wia_error_kind(_hresult(exc))
                if kind == "feeder_empty" and index > 0:
                    return
                raise DeviceError(self.name, kind, f"transfer: {exc}") from exc
            image = Image.open(io.BytesIO(data))
            image.load()
            if image.mode not in ("L", "RGB"):
                image = image.convert("L" if image.mode in ("1", "P") and request.color_mode != "color" else "RGB")
            yield ScannedPage(
                index=index,
                image=image,
                dpi=request.dpi,
                source=request.source,
                side="back" if request.source == "duplex" and index % 2 else "front",
                origin=self.device_id,
            )
            index += 1
            if request.source == "flatbed":
                return
