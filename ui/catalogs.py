"""Every translation catalog of the program, in one registry, and the one function that installs them.

``CATALOGS`` names each ``resources/i18n/<name>_<language>.qm``; a new ``ui`` sub-package with its own
catalog adds its name here (and to ``scripts/update_translations.sh``), and every station, the set-up
wizard and the screenshot script load it at start-up in the language of ``ui.language``. The main
catalog and Qt's own are installed by :func:`ui.i18n.install_translators`. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ui.i18n import ensure_catalog, install_catalog, install_translators, remove_catalogs  # noqa: F401 - re-exported

#: The catalogs besides the main one (``motcua``). Integrator: the other rooms' catalogs go here.
CATALOGS: list[str] = ["motcua_queue", "motcua_scan", "motcua_sync", "motcua_setup", "motcua_backup", "motcua_security",
                        "motcua_reports", "motcua_devices"]
LANGUAGES = ("vi", "en")


def install_all(app: QCoreApplication, language: str) -> list[QTranslator]:
    """The main catalog, Qt's own and every catalog of :data:`CATALOGS` in ``language``, each unless in place
    already; returns those installed now (the caller removes them with :func:`remove_catalogs`)."""
    installed = install_translators(app, language)
    for name in CATALOGS:
        translator = install_catalog(app, name, language)
        if translator is not None:
            installed.append(translator)
    return installed
