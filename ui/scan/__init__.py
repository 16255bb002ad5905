"""Digitization at the counter: the dossier's checklist with scan / choose file / view (:mod:`ui.scan.panel`),
the scan session (:mod:`ui.scan.session`), the stored item viewer (:mod:`ui.scan.viewer`).

Texts are in their own catalog, ``resources/i18n/motcua_scan_vi.ts`` (built to ``motcua_scan_vi.qm``),
installed by :func:`install_scan_translator` the first time the panel opens.

The counter opens the panel with :func:`open_scan_panel` (one call from the intake form and one from the
dossier view).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QWidget

from ui.i18n import ensure_catalog

SCAN_CATALOG = "motcua_scan"


def install_scan_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the catalog (``motcua_scan_<language>.qm``) on ``app`` unless it is in
    place already (:func:`ui.i18n.ensure_catalog`); returns it. English installs nothing."""
    return ensure_catalog(app, SCAN_CATALOG, language)


def open_scan_panel(widget: QWidget, code: str):
    """Open the digitization panel of dossier ``code`` over ``widget`` (a counter widget whose window has
    ``tasks``, ``actor`` and ``settings``). Returns the panel (GUI thread)."""
    from ui.scan.panel import ScanPanel

    window = widget.window()
    install_scan_translator(QCoreApplication.instance(), str(window.settings.get("ui.language") or "vi"))
    panel = ScanPanel(window.tasks, window.actor, code, window.settings, parent=window)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    panel.open()
    return panel


#: The counter's key for the digitization panel (Ctrl+I is the ID card at the intake form).
PANEL_SHORTCUT = "Ctrl+Shift+D"


def entry_button(widget: QWidget, code: Callable[[], str | None]):
    """A "Số hóa…" button (and Ctrl+Shift+D) on ``widget`` that opens the panel of the dossier ``code()``
    returns (nothing while it returns None). The counter's two entry points are one line each."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QPushButton

    window = widget.window()
    settings = getattr(window, "settings", None)
    install_scan_translator(QCoreApplication.instance(), str(settings.get("ui.language") if settings else "vi"))
    button = QPushButton(QCoreApplication.translate("ScanEntry", "Digitize…"), widget)
    button.setObjectName("scanEntryButton")
    button.setToolTip(QCoreApplication.translate("ScanEntry", "Scan or attach the dossier's documents") + f" ({PANEL_SHORTCUT})")

    def open_panel() -> None:
        if code():
            open_scan_panel(widget, code())

    button.clicked.connect(open_panel)
    QShortcut(QKeySequence(PANEL_SHORTCUT), widget, open_panel, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return button
