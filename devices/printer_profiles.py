"""Receipt printer capabilities from python-escpos's printer profile database (escpos-printer-db):
paper width in mm and dots, resolution, code pages, cutter, font A columns.

``?profile=TM-T20II`` on any receipt printer address (``tcp://…``, ``usb://…``, ``serial://…``...) gives
the printer a :class:`PrinterProfile`; without one, a printer is taken as a generic 80 mm, 203 dpi,
576-dot printer with a partial cutter (``DEFAULT``), like the renderer's defaults.

The database is the ``capabilities.json`` file shipped inside the python-escpos package, read here as
data: importing ``escpos.capabilities`` instead would call ``logging.basicConfig()`` and create a
temporary folder (a pickle cache) in every process that imports it. Read once, cached; any thread.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Literal

from devices.base import DeviceError

log = logging.getLogger(__name__)

Cutter = Literal["partial", "full", "none"]


@dataclass(frozen=True)
class PrinterProfile:
    name: str
    vendor: str = ""
    width_mm: int | None = None
    width_dots: int | None = None
    dpi: int | None = None
    cutter: Cutter = "partial"
    code_pages: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # name -> ESC t n
    columns: int | None = None  # font A characters per line
    status_query: bool = True  # answers DLE EOT (real-time status); the Star line does not

    @property
    def paper_mm(self) -> int:
        """The roll our renderer should lay out for (58 or 80 mm): the nearer of the two."""
        if self.width_mm is not None:
            return 58 if self.width_mm < 69 else 80
        if self.width_dots is not None:  # some profiles give only dots: 384 on a 58 mm roll, 512/576 on 80
            return 58 if self.width_dots <= 448 else 80
        return 80

    def code_page(self, encoding: str) -> int | None:
        """The ``ESC t`` number of ``encoding`` (e.g. "CP1258", "TCVN-3-1") on this printer, if it has it."""
        return self.code_pages.get(encoding)


DEFAULT = PrinterProfile("default", "Generic", width_mm=80, width_dots=576, dpi=203, cutter="partial", columns=48)


@functools.lru_cache(maxsize=1)
def _database() -> dict[str, Any]:
    from importlib import resources

    try:
        text = (resources.files("escpos") / "capabilities.json").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise DeviceError("printer", "config", "python-escpos (its printer profiles) is not installed") from exc
    return json.loads(text)


def profile_names() -> list[str]:
    return sorted(_database()["profiles"])


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def load_profile(name: str, *, device: str = "printer") -> PrinterProfile:
    """The named profile (``TM-T20II``, ``TM-T88V``, ``POS-5890``...); DeviceError "config" if unknown."""
    profiles = _database()["profiles"]
    data = profiles.get(name)
    if data is None:
        folded = {key.lower(): key for key in profiles}
        key = folded.get(name.strip().lower())
        if key is None:
            raise DeviceError(device, "config", f"unknown printer profile {name!r} (known: {', '.join(sorted(profiles))})")
        data = profiles[key]
    media = data.get("media", {})
    width = media.get("width", {}) if isinstance(media.get("width"), dict) else {}
    features = data.get("features", {})
    cutter: Cutter = "partial" if features.get("paperPartCut") else "full" if features.get("paperFullCut") else "none"
    pages = {enc: int(n) for n, enc in data.get("codePages", {}).items() if enc and enc != "Unknown"}
    font_a = data.get("fonts", {}).get("0", {})
    return PrinterProfile(
        name=data.get("name", name), vendor=data.get("vendor", ""), width_mm=_int(width.get("mm")),
        width_dots=_int(width.get("pixels")), dpi=_int(media.get("dpi")), cutter=cutter, code_pages=pages,
        columns=_int(font_a.get("columns")), status_query=not features.get("starCommands", False),
    )
