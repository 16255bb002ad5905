"""The technician's device room in the UI: the Devices window (:mod:`ui.devices.window`, ``motcua
devices``, and from the counter's Tools menu for a technician), and the start-up device check each
station shows in one line of its status bar (:mod:`ui.devices.status`).

Texts are in their own catalog, ``resources/i18n/motcua_devices_vi.ts`` (built to ``.qm``), installed by
the station bootstrap (``ui.station``) and by :func:`run_devices`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ui.i18n import ensure_catalog

DEVICES_CATALOG = "motcua_devices"


def install_devices_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the catalog (``motcua_devices_<language>.qm``) on ``app`` unless it is in
    place already (:func:`ui.i18n.ensure_catalog`); returns it. English installs nothing."""
    return ensure_catalog(app, DEVICES_CATALOG, language)


def run_devices(store, settings, *, argv: list[str] | None = None) -> int:
    """``motcua devices``: a technician signs in (``device.configure``), then the Devices window until it is
    closed; its set-up changes are audited on the station's store. Returns the exit code (0 also when the
    sign-in was cancelled)."""
    from ui.devices.window import DevicesWindow
    from ui.security import sign_in_at_start
    from ui.station import open_station

    station = open_station("devices", store, settings, argv=argv)
    install_devices_translator(station.app, str(settings.get("ui.language") or "vi"))
    actor = sign_in_at_start(station.tasks, settings, permission="device.configure")
    if actor is None:
        station.shutdown()
        return 0
    window = DevicesWindow(settings=settings, actor=actor, tasks=station.tasks)
    window.show()
    return station.run(window)
