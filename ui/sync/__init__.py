"""The sync room's windows: the status bar indicator's text, the background worker, the sync window, and the
counter's sync parts (:mod:`ui.sync.counter`: the indicator, the clock warning, a dossier's state, the
online dossiers).

Texts are in their own catalog, ``resources/i18n/motcua_sync_vi.ts`` (built to ``motcua_sync_vi.qm``),
installed by :func:`install_sync_translator` when the counter window is built.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ui.i18n import ensure_catalog

SYNC_CATALOG = "motcua_sync"


def install_sync_translator(app: QCoreApplication | None, language: str | None) -> QTranslator | None:
    """Install the catalog (``motcua_sync_<language>.qm``) on ``app`` unless it is in
    place already (:func:`ui.i18n.ensure_catalog`); returns it. English installs nothing."""
    return ensure_catalog(app, SYNC_CATALOG, language)
