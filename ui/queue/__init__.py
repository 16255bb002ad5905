"""The queue's screens: the counter's queue panel, the call watcher and the voice sink.

The kiosk (``ui.kiosk``) and the display board (``ui.display``) build on these. Their Vietnamese text lives in
``resources/i18n/motcua_queue_vi.ts`` (built to ``motcua_queue_vi.qm``), separate from the main catalog;
:func:`install_queue_translator` loads it next to the main one. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ui.i18n import ensure_catalog

QUEUE_CATALOG = "motcua_queue"


def install_queue_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the catalog (``motcua_queue_<language>.qm``) on ``app`` unless it is in
    place already (:func:`ui.i18n.ensure_catalog`); returns it. English installs nothing."""
    return ensure_catalog(app, QUEUE_CATALOG, language)


def install_all_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Every catalog of the program (``ui.catalogs.install_all``): the main one, Qt's own, the queue's and
    the other rooms'."""
    from ui.catalogs import install_all

    return install_all(app, language)
