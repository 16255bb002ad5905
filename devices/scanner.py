"""Scanners: the interface every scanner driver implements, and :func:`open_scanner`.

A scan is a generator: ``scanner.scan(request)`` yields :class:`ScannedPage` objects one by one as the
device delivers them, so the caller can show a thumbnail while the next sheet is still in the feeder.
Stopping early is either setting the ``cancel`` event (checked between pages and, where the driver can,
between lines of a page) or closing the generator (``close()``, or leaving a ``for`` loop that drops
it); both stop the feeder and leave the device ready for the next scan.

Threading: a scanner is driven from one worker thread (its device thread, conventions §4): the
constructor, ``scan`` (and iterating it), ``capabilities`` and ``close`` all run there. Only the
``cancel`` event is set from another thread. No driver starts a thread of its own, except the watched
folder, whose watchdog observer thread only hands file events over through a queue.

Failures are raised as :class:`devices.base.DeviceError` while iterating: ``feeder_empty`` (a feeder
scan found no paper at the start; running out after pages is the normal end), ``jammed``,
``cover_open``, ``offline`` (the device is gone), ``busy``, ``io``, ``config`` (an option the device
cannot do; raised by ``scan()`` itself, before the feeder moves). Pages yielded before an error stay
valid.

Drivers and their addresses (kept in station settings; :func:`devices.scanners.open_scanner` builds
one from its address):

- ``sim://name?pages=5&fail=jammed&after=3&delay=0.4`` — :mod:`devices.scanner_sim`.
- ``sane://test:0`` — a SANE device by its SANE name; ``?vendor=..&model=..`` lets a USB scanner
  whose bus number changed be found again (:mod:`devices.scanner_sane`).
- ``wia://{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000`` — a WIA device by its DeviceID (Windows,
  :mod:`devices.scanner_wia`).
- ``folder:///srv/scan/inbox?done=/srv/scan/done&settle=2`` — a folder a network multifunction printer
  scans into (:mod:`devices.scanner_folder`).
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from devices.base import DeviceError

if TYPE_CHECKING:  # Pillow is imported by the drivers that make images
    from PIL.Image import Image

Source = Literal["flatbed", "feeder", "duplex"]
ColorMode = Literal["gray", "color", "bw"]
Side = Literal["front", "back"]

SOURCES: Final[tuple[str, ...]] = ("flatbed", "feeder", "duplex")
COLOR_MODES: Final[tuple[str, ...]] = ("gray", "color", "bw")

#: Page sizes in millimetres (width, height), portrait.
PAGE_SIZES_MM: Final[dict[str, tuple[float, float]]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A3": (297.0, 420.0),
    "letter": (215.9, 279.4),
    "legal": (215.9, 355.6),
}

#: National guidance for digitized papers: 200 dpi or more, grayscale unless colour is chosen.
DEFAULT_DPI: Final = 200
MIN_DPI: Final = 200


@dataclass(frozen=True, slots=True)
class ScanRequest:
    """What to scan. ``max_pages`` stops a feeder run early (None: until the feeder is empty)."""

    source: Source = "feeder"
    dpi: int = DEFAULT_DPI
    color_mode: ColorMode = "gray"
    page_size: str = "A4"
    max_pages: int | None = None

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"unknown source {self.source!r}")
        if self.color_mode not in COLOR_MODES:
            raise ValueError(f"unknown colour mode {self.color_mode!r}")
        if self.page_size not in PAGE_SIZES_MM:
            raise ValueError(f"unknown page size {self.page_size!r}")
        if not 50 <= self.dpi <= 1200:
            raise ValueError(f"dpi out of range: {self.dpi}")
        if self.max_pages is not None and self.max_pages < 1:
            raise ValueError("max_pages must be at least 1")

    def size_px(self) -> tuple[int, int]:
        """The page size in pixels at the requested resolution."""
        w_mm, h_mm = PAGE_SIZES_MM[self.page_size]
        return round(w_mm / 25.4 * self.dpi), round(h_mm / 25.4 * self.dpi)


@dataclass(frozen=True, slots=True)
class ScannedPage:
    """One page image as the device delivered it.

    ``image`` is a Pillow image, mode ``L`` (gray, and black-and-white delivered as 0/255) or ``RGB``.
    ``encoded`` holds the file's own bytes when the device delivered a compressed file (a JPEG from a
    scan-to-folder printer), so that page processing can keep it without a second lossy encode.
    ``deskewed`` is true when the device straightened the page itself.
    """

    index: int
    image: Image
    dpi: int
    source: Source = "feeder"
    side: Side = "front"
    encoded: bytes | None = None
    encoded_format: str | None = None
    deskewed: bool = False
    origin: str = ""  # for the log: a file name, a SANE device name


@dataclass(frozen=True, slots=True)
class ScannerCapabilities:
    """What the bound device offers, for the settings dialog."""

    sources: tuple[str, ...] = ("flatbed",)
    color_modes: tuple[str, ...] = ("gray", "color")
    dpi_choices: tuple[int, ...] = (200, 300)
    max_size_mm: tuple[float, float] | None = None
    deskews: bool = False
    details: dict[str, str] = field(default_factory=dict)


class Scanner(abc.ABC):
    """A scanner bound to one device. All methods run on the scanner's device thread."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    @abc.abstractmethod
    def identity(self) -> str:
        """The stable address this scanner is bound by (what :func:`open_scanner` takes)."""

    @abc.abstractmethod
    def capabilities(self) -> ScannerCapabilities:
        """What the device can do. May raise ``DeviceError`` (e.g. ``offline``)."""

    @abc.abstractmethod
    def scan(self, request: ScanRequest, *, cancel: threading.Event | None = None) -> Iterator[ScannedPage]:
        """Yield the pages of one scan as they arrive; see the module docstring for errors and cancel."""

    def close(self) -> None:
        """Release the device. Never raises."""

    def __enter__(self) -> Scanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cancelled(cancel: threading.Event | None) -> bool:
    return cancel is not None and cancel.is_set()


def check_request(device: str, request: ScanRequest, caps: ScannerCapabilities) -> None:
    """Refuse a request the device cannot serve (``config``), before the feeder moves."""
    if request.source not in caps.sources:
        raise DeviceError(device, "config", f"source {request.source} not offered (has {', '.join(caps.sources)})")
    if request.color_mode not in caps.color_modes:
        raise DeviceError(device, "config", f"colour mode {request.color_mode} not offered")


def parse_address(url: str) -> tuple[str, str, dict[str, str]]:
    """Split ``scheme://rest?k=v`` into (scheme, rest, options); ``rest`` is unquoted."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unbalanced "[" taken for an IPv6 host
        raise DeviceError(url, "config", f"bad scanner address {url!r}") from exc
    scheme = parts.scheme.lower()
    if not scheme:
        raise DeviceError(url, "config", f"no scanner type in {url!r}")
    rest = unquote(parts.netloc + parts.path)
    try:
        options = dict(parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query)))
    except ValueError as exc:
        raise DeviceError(url, "config", f"bad options in {url!r}") from exc
    return scheme, rest, options


def option(device: str, options: dict[str, str], key: str, kind: type, default):
    """Read one typed option of an address, or raise ``config``."""
    if key not in options:
        return default
    raw = options[key]
    try:
        if kind is bool:
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        value = kind(raw)
    except ValueError:
        raise DeviceError(device, "config", f"bad value for {key}: {raw!r}") from None
    if kind in (int, float) and not 0 <= value < float("inf"):  # also refuses nan
        raise DeviceError(device, "config", f"{key} must be a number from 0 up, not {raw!r}")
    return value


def check_options(device: str, options: dict[str, str], allowed: set[str], *, prefixes: tuple[str, ...] = ()) -> None:
    """Refuse options a driver does not know (a typo must not be ignored silently)."""
    unknown = {k for k in options if k not in allowed and not k.startswith(prefixes)}
    if unknown:
        raise DeviceError(device, "config", f"unknown option(s): {', '.join(sorted(unknown))}")
