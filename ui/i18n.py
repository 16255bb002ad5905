"""Translations (conventions §11): the core returns codes, ``ui/`` turns them into words.

Source strings are English inside ``self.tr()`` / ``QCoreApplication.translate()``; the Vietnamese lives in
``resources/i18n/motcua_vi.ts`` (built to ``.qm`` by ``scripts/update_translations.sh``). Placeholders are
``%1``, ``%2``... filled with :func:`arg`, and ``%n`` for counts. GUI thread only.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QT_TRANSLATE_NOOP, QTranslator

from app.resources import resource

log = logging.getLogger(__name__)

APP_CATALOG = "motcua"
QT_CATALOG = "qtbase"
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    return resource("i18n")


#: The catalogs installed on the application through :func:`install_catalog`, by (name, language): a
#: catalog is installed once however many windows ask for it, and taken off by :func:`remove_catalogs`.
_live: dict[tuple[str, str], QTranslator] = {}


def install_catalog(app: QCoreApplication, name: str, language: str, folder: str | Path | None = None
                    ) -> QTranslator | None:
    """Install ``<name>_<language>.qm`` (from ``folder``, by default ``resources/i18n``) on ``app`` unless it
    is installed already. Returns the translator installed now; None for English (the source language), a
    missing file (logged: the English text shows) or a catalog already in place, whose installer removes it."""
    if not language or language == SOURCE_LANGUAGE:
        return None
    kept = _live.get((name, language))
    if kept is not None and shiboken6.isValid(kept):
        return None
    translator = QTranslator(app)
    where = str(folder if folder is not None else translations_dir())
    if not translator.load(f"{name}_{language}", where):
        log.log(logging.INFO if name == QT_CATALOG else logging.WARNING, "no translation %s_%s.qm in %s",
                name, language, where)
        shiboken6.delete(translator)
        return None
    app.installTranslator(translator)
    _live[(name, language)] = translator
    return translator


def ensure_catalog(app: QCoreApplication | None, name: str, language: str | None) -> QTranslator | None:
    """The catalog installed on ``app`` (now or before): what a room calls when its window opens. None with
    no application, for English, or when the file is missing."""
    if app is None or not language:
        return None
    install_catalog(app, name, language)
    kept = _live.get((name, language))
    return kept if kept is not None and shiboken6.isValid(kept) else None


def remove_catalogs(app: QCoreApplication, translators=None) -> None:
    """Take ``translators`` (by default every catalog installed through :func:`install_catalog`) off
    ``app``; the next window that asks for one installs it again."""
    chosen = list(_live.values()) if translators is None else list(translators)
    for translator in chosen:
        if shiboken6.isValid(translator):
            app.removeTranslator(translator)
        for key, kept in list(_live.items()):
            if kept is translator:
                del _live[key]


def installed_catalogs() -> dict[tuple[str, str], QTranslator]:
    """What :func:`install_catalog` has in place now, by (name, language)."""
    return {key: t for key, t in _live.items() if shiboken6.isValid(t)}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's catalog (``motcua_<lang>.qm``) and Qt's own (``qtbase_<lang>``, from Qt's folder:
    Qt's own dialogs stay English where it ships none) unless in place already; returns those installed now.

    ``language`` "en" (the source language) installs nothing. The translators are parented to ``app``.
    """
    if not language or language == SOURCE_LANGUAGE:
        return []
    QLocale.setDefault(QLocale(language))
    installed = [install_catalog(app, APP_CATALOG, language),
                 install_catalog(app, QT_CATALOG, language, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    return [t for t in installed if t is not None]


def arg(text: str, *values: object) -> str:
    """Fill ``%1``, ``%2``... (highest first, so ``%1`` never eats the start of ``%10``)."""
    for index in range(len(values), 0, -1):
        text = text.replace(f"%{index}", str(values[index - 1]))
    return text


def tr(context: str, text: str, n: int = -1) -> str:
    """Translate outside a QObject (tables, plain functions)."""
    return QCoreApplication.translate(context, text, None, n)


# Qt ships no Vietnamese translation of its own texts (no qtbase_vi): the standard buttons, the edit menus
# and the message box's details button are translated in this catalog under Qt's own contexts.
QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)

# --- names of the core's codes ---------------------------------------------------------------------

STATUS_NAMES = {
    "received": QT_TRANSLATE_NOOP("status", "Received"),
    "refused": QT_TRANSLATE_NOOP("status", "Refused"),
    "processing": QT_TRANSLATE_NOOP("status", "Processing"),
    "supplement_requested": QT_TRANSLATE_NOOP("status", "Waiting for supplement"),
    "payment_requested": QT_TRANSLATE_NOOP("status", "Waiting for financial obligation"),
    "withdrawn": QT_TRANSLATE_NOOP("status", "Withdrawn"),
    "stopped": QT_TRANSLATE_NOOP("status", "Processing stopped"),
    "finished": QT_TRANSLATE_NOOP("status", "Result ready"),
    "returned": QT_TRANSLATE_NOOP("status", "Result returned"),
    "cancelled": QT_TRANSLATE_NOOP("status", "Cancelled"),
}

EVENT_NAMES = {
    "received": QT_TRANSLATE_NOOP("event", "Received"),
    "transferred": QT_TRANSLATE_NOOP("event", "Transferred for processing"),
    "supplement_requested": QT_TRANSLATE_NOOP("event", "Supplement requested"),
    "supplement_completed": QT_TRANSLATE_NOOP("event", "Supplement complete"),
    "finished": QT_TRANSLATE_NOOP("event", "Finished"),
    "refused": QT_TRANSLATE_NOOP("event", "Refused"),
    "payment_requested": QT_TRANSLATE_NOOP("event", "Financial obligation requested"),
    "stopped": QT_TRANSLATE_NOOP("event", "Processing stopped"),
    "withdrawn": QT_TRANSLATE_NOOP("event", "Withdrawn"),
    "apologized": QT_TRANSLATE_NOOP("event", "Apology and new appointment"),
    "returned": QT_TRANSLATE_NOOP("event", "Result returned"),
    "corrected": QT_TRANSLATE_NOOP("event", "Information corrected"),
    "cancelled": QT_TRANSLATE_NOOP("event", "Cancelled"),
}

ACTION_NAMES = {
    "transfer": QT_TRANSLATE_NOOP("action", "Transfer"),
    "request_supplement": QT_TRANSLATE_NOOP("action", "Request supplement"),
    "supplement_complete": QT_TRANSLATE_NOOP("action", "Supplement complete"),
    "finish": QT_TRANSLATE_NOOP("action", "Finish"),
    "refuse": QT_TRANSLATE_NOOP("action", "Refuse"),
    "request_payment": QT_TRANSLATE_NOOP("action", "Request financial obligation"),
    "stop": QT_TRANSLATE_NOOP("action", "Stop processing"),
    "apologize": QT_TRANSLATE_NOOP("action", "Apologize && new appointment"),
    "withdraw": QT_TRANSLATE_NOOP("action", "Withdraw"),
    "return": QT_TRANSLATE_NOOP("action", "Return result"),
    "correct": QT_TRANSLATE_NOOP("action", "Correct information"),
    "cancel": QT_TRANSLATE_NOOP("action", "Cancel dossier"),
}

APPLICANT_TYPE_NAMES = {
    "citizen": QT_TRANSLATE_NOOP("codes", "Citizen"),
    "business": QT_TRANSLATE_NOOP("codes", "Business"),
    "state_body": QT_TRANSLATE_NOOP("codes", "State body"),
    "other": QT_TRANSLATE_NOOP("codes", "Other"),
}
CHANNEL_NAMES = {
    "in_person": QT_TRANSLATE_NOOP("codes", "In person"),
    "post": QT_TRANSLATE_NOOP("codes", "By post"),
    "online": QT_TRANSLATE_NOOP("codes", "Online"),
}
DELIVERY_NAMES = {
    "counter": QT_TRANSLATE_NOOP("codes", "At the counter"),
    "post": QT_TRANSLATE_NOOP("codes", "By post"),
}
FEE_KIND_NAMES = {
    "phi": QT_TRANSLATE_NOOP("codes", "Fee"),
    "le_phi": QT_TRANSLATE_NOOP("codes", "Charge"),
}
FEE_STATUS_NAMES = {
    "waiting": QT_TRANSLATE_NOOP("codes", "Waiting"),
    "unpaid": QT_TRANSLATE_NOOP("codes", "Unpaid"),
    "paid": QT_TRANSLATE_NOOP("codes", "Paid"),
    "refunded": QT_TRANSLATE_NOOP("codes", "Refunded"),
    "cancelled": QT_TRANSLATE_NOOP("codes", "Cancelled"),
}
HANDOVER_RESULT_NAMES = {
    "early": QT_TRANSLATE_NOOP("codes", "Early"),
    "on_time": QT_TRANSLATE_NOOP("codes", "On time"),
    "late": QT_TRANSLATE_NOOP("codes", "Late"),
}


def _name(table: dict[str, str], context: str, code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(context, source) if source else code


def status_name(code: str | None) -> str:
    return _name(STATUS_NAMES, "status", code)


def event_name(code: str | None) -> str:
    return _name(EVENT_NAMES, "event", code)


def action_name(code: str | None) -> str:
    """The action's button text (``&&`` is a literal ampersand on a button)."""
    return _name(ACTION_NAMES, "action", code)


def code_name(table: dict[str, str], code: str | None) -> str:
    """Name of an applicant type, channel, delivery, fee kind/status or hand-over result."""
    return _name(table, "codes", code)
