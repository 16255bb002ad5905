"""The technician's device room in the UI: the Devices window (:mod:`ui.devices.window`, ``motcua
devices``, and from the counter's Tools menu for a technician), and the start-up device check each
station shows in one line of its status bar (:mod:`ui.devices.status`).

Texts are in their own catalog, ``resources/i18n/motcua_devices_vi.ts`` (built to ``.qm``), installed by
the station bootstrap (``ui.station``) and by :func:`run_devices`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from app.resources import resource

log = logging.getLogger(__name__)

DEVICES_CATALOG = "motcua_devices"
_installed: dict[str, QTranslator] = {}


def install_devices_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install ``motcua_devices_<language>.qm`` on ``app`` once. English installs nothing."""
    if not language or language == "en":
        return None
    if language in _installed:
        return _installed[language]
    translator = QTranslator(app)
    if translator.load(f"{DEVICES_CATALOG}_{language}", str(resource("i18n"))):
        app.installTranslator(translator)
        _installed[language] = translator
        return translator
    log.warning("no translation %s_%s.qm in %s", DEVICES_CATALOG, language, resource("i18n"))
    return None


def forget_translator(translator: QTranslator) -> None:
    """The station removed ``translator`` at shutdown: the next station installs it again."""
    for language, installed in list(_installed.items()):
        if installed is translator:
            del _installed[language]


def run_devices(settings, *, argv: list[str] | None = None) -> int:
    """Open the Devices window (``motcua devices``) and run the event loop; returns the exit code."""
    import shiboken6

    from app.actors import Actor
    from ui.devices.window import DevicesWindow
    from ui.i18n import install_translators
    from ui.station import application

    app = application(argv)
    language = str(settings.get("ui.language") or "vi")
    translators = install_translators(app, language)
    own = install_devices_translator(app, language)
    actor = Actor(username="technician", role="technician", display_name="Kỹ thuật viên", counter=settings.get("station.counter"))
    window = DevicesWindow(settings=settings, actor=actor)
    window.show()
    from ui import startup_probe

    startup_probe.install(window)  # only with MOTCUA_STARTUP_PROBE (tests of the station's start)
    try:
        return app.exec()
    finally:
        window.shutdown()
        shiboken6.delete(window)
        for translator in [*translators, *([own] if own else [])]:
            app.removeTranslator(translator)
            forget_translator(translator)
