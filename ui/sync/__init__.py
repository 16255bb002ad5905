"""The sync room's windows: the status bar indicator's text, the background worker, the sync window, and the
counter's sync parts (:mod:`ui.sync.counter`: the indicator, the clock warning, a dossier's state, the
online dossiers).

Texts are in their own catalog, ``resources/i18n/motcua_sync_vi.ts`` (built to ``motcua_sync_vi.qm``),
installed by :func:`install_sync_translator` when the counter window is built.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from app.resources import resource

log = logging.getLogger(__name__)

SYNC_CATALOG = "motcua_sync"
_installed: dict[str, QTranslator] = {}


def install_sync_translator(app: QCoreApplication | None, language: str | None) -> QTranslator | None:
    """Install ``motcua_sync_<language>.qm`` on ``app`` once. English installs nothing."""
    if app is None or not language or language == "en":
        return None
    if language in _installed:
        return _installed[language]
    translator = QTranslator(app)
    if not translator.load(f"{SYNC_CATALOG}_{language}", str(resource("i18n"))):
        log.warning("no translation %s_%s.qm in %s", SYNC_CATALOG, language, resource("i18n"))
        return None
    app.installTranslator(translator)
    _installed[language] = translator
    return translator


def remove_sync_translators(app: QCoreApplication | None) -> None:
    """Take the sync catalog off ``app`` again (tests that switch languages)."""
    for translator in _installed.values():
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
