"""Build a station's devices from their settings strings, one :class:`devices.base.Device` per kind.

``open_device(kind, url)`` knows every kind of :data:`devices.base.DEVICE_KINDS`; the serial queue
devices, the ID reader and the printers are driven by the runtime, the scanner is listed with its
configuration (its own module drives it). An empty url means "no such device here": None. Nothing is
opened here: the worker does that. Bad addresses raise ``DeviceError("config")``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.base import DEVICE_KINDS, Device, DeviceError


def open_device(kind: str, url: str, *, name: str | None = None, lister: Callable[[], list[Any]] | None = None) -> Device | None:
    name = name or kind
    if kind not in DEVICE_KINDS:
        raise DeviceError(name, "config", f"unknown device kind {kind!r}")
    url = (url or "").strip()
    if not url:
        return None
    if kind == "button_box":
        from devices.button_box import open_button_box

        return open_button_box(url, name=name, lister=lister)
    if kind == "led_display":
        from devices.led_display import open_led_display

        return open_led_display(url, name=name, lister=lister)
    if kind == "rating_keypad":
        from devices.rating_keypad import open_rating_keypad

        return open_rating_keypad(url, name=name, lister=lister)
    if kind == "id_reader":
        from devices.id_reader import open_id_reader

        return open_id_reader(url, name=name, lister=lister)
    if kind in ("receipt_printer", "ticket_printer"):
        from devices.printer import open_printer
        from devices.wrapped import PrinterDevice

        return PrinterDevice(open_printer(url, name=name), kind=kind, name=name, url=url)
    if kind == "a4_printer":
        from devices.document_printer import open_document_printer
        from devices.wrapped import DocumentPrinterDevice

        return DocumentPrinterDevice(open_document_printer(url), name=name, url=url)
    from devices.wrapped import ConfiguredDevice

    return ConfiguredDevice(kind=kind, name=name, url=url, driver=url.split(":", 1)[0].lower())


def open_configured(settings_get: Callable[[str], Any], kinds: tuple[str, ...] = DEVICE_KINDS, **options: Any) -> list[Device]:
    """The configured devices among ``kinds``, from ``settings_get("devices.<kind>")`` (voice excluded:
    it has no address; the announcer is built by ``ui/``)."""
    devices = []
    for kind in kinds:
        if kind == "voice":
            continue
        device = open_device(kind, str(settings_get(f"devices.{kind}") or ""), **options)
        if device is not None:
            devices.append(device)
    return devices
