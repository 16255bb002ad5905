"""The queue's screens: the counter's queue panel, the call watcher and the voice sink.

The kiosk (``ui.kiosk``) and the display board (``ui.display``) build on these. Their Vietnamese text lives in
``resources/i18n/motcua_queue_vi.ts`` (built to ``motcua_queue_vi.qm``), separate from the main catalog;
:func:`install_queue_translator` loads it next to the main one. GUI thread only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from app.resources import resource

log = logging.getLogger(__name__)

QUEUE_CATALOG = "motcua_queue"


def install_queue_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install ``motcua_queue_<language>.qm`` (the kiosk, board and queue panel texts) on ``app``.

    English (the source language) installs nothing; a missing file is logged and the English text shows.
    """
    if not language or language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(f"{QUEUE_CATALOG}_{language}", str(resource("i18n"))):
        app.installTranslator(translator)
        return translator
    log.warning("no translation %s_%s.qm in %s", QUEUE_CATALOG, language, resource("i18n"))
    return None


def install_all_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Every catalog of the program (``ui.catalogs.install_all``): the main one, Qt's own, the queue's and
    the other rooms'."""
    from ui.catalogs import install_all

    return install_all(app, language)
