"""The first-run set-up wizard (``motcua setup``, and ``motcua counter`` on a PC never set up).

Texts live in their own catalog, ``resources/i18n/motcua_setup_vi.ts`` (registered in ``ui.catalogs``).
:func:`run_setup` runs the wizard in its own event loop and returns whether it was finished; the pages are
in ``ui/setup/pages.py``, the order and the writing of the answers in ``ui/setup/wizard.py``.

Hooks for the other rooms (the integrator wires them):
- ``ui.setup.devices_page.DISCOVERY``: a callable ``(settings) -> list[dict]`` of found devices
  (``{"kind", "url", "name", "detail"}``); None shows only the configured devices;
- the administrator page calls ``app.services.users.has_users`` / ``create_first_admin`` (lazy import);
  without that module the page is skipped.

GUI thread only.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SETUP_CATALOG = "motcua_setup"


def build_setup_wizard(settings, *, db_url: str = "", tasks=None, parent=None):
    """A :class:`ui.setup.wizard.SetupWizard` over the station ``settings`` (needs a QApplication)."""
    from ui.setup.wizard import SetupWizard

    return SetupWizard(settings, db_url=db_url, tasks=tasks, parent=parent)


def open_setup_dialog(parent, settings):
    """The wizard as a window-modal dialog over a running station (File > Set-up...); the answers apply
    from the next start. Returns the wizard (GUI thread)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox

    from ui.catalogs import install_catalog

    install_catalog(QCoreApplication.instance(), SETUP_CATALOG, str(settings.get("ui.language") or "vi"))
    wizard = build_setup_wizard(settings, db_url=settings.get("db_url") or "", tasks=getattr(parent, "tasks", None),
                                parent=parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.setWindowModality(Qt.WindowModality.WindowModal)

    def closed(_result: int) -> None:
        ok = wizard.finished_ok
        wizard.shutdown()
        if ok:
            QMessageBox.information(parent, wizard.windowTitle(), QCoreApplication.translate(
                "SetupWizard", "Saved. The new settings apply from the next start of the program."))

    wizard.finished.connect(closed)
    wizard.open()
    return wizard


def run_setup(settings, *, db_url: str = "", argv=None) -> bool:
    """Show the wizard (translators of ``ui.language`` installed) until it is finished or cancelled.
    True when it was finished and the station settings were saved."""
    from ui.catalogs import install_all, remove_catalogs
    from ui.fonts import install_text_room
    from ui.station import application

    app = application(argv)
    translators = install_all(app, settings.get("ui.language"))
    install_text_room(app)
    wizard = build_setup_wizard(settings, db_url=db_url)
    try:
        wizard.finished.connect(app.quit)
        wizard.show()
        app.exec()
        return wizard.finished_ok
    finally:
        wizard.shutdown()
        wizard.deleteLater()
        app.processEvents()
        remove_catalogs(app, translators)
        log.info("set-up wizard closed (finished: %s)", wizard.finished_ok)
