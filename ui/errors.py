"""The one place that shows errors (conventions §8).

:func:`error_text` turns an exception into one clear Vietnamese sentence (the status bar and tests use it);
:func:`show_error` puts it in a message box, with the core's English message as detail text for the
technician. An error the application does not expect is logged with its traceback and shown as
"unexpected error, see the log" — never as a traceback dialog. GUI thread only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import (
    AppError,
    NotFoundError,
    RuleError,
    SchemaMismatchError,
    StaleVersionError,
    StoreError,
    ValidationError,
)
from devices.base import DeviceError

log = logging.getLogger(__name__)

CONTEXT = "errors"

DEVICE_KINDS = {
    "offline": QT_TRANSLATE_NOOP("errors", "The device is disconnected"),
    "paper_out": QT_TRANSLATE_NOOP("errors", "The printer is out of paper"),
    "timeout": QT_TRANSLATE_NOOP("errors", "The device did not answer in time"),
    "cover_open": QT_TRANSLATE_NOOP("errors", "The printer cover is open"),
    "busy": QT_TRANSLATE_NOOP("errors", "The device is busy; please try again"),
    "config": QT_TRANSLATE_NOOP("errors", "The device is not configured correctly; call the technician"),
    "io": QT_TRANSLATE_NOOP("errors", "Reading from or writing to the device failed"),
}

# Rules the core refuses often, recognised by a piece of its (English) message, told in plain words.
RULE_PATTERNS = (
    ("may not do this", QT_TRANSLATE_NOOP("errors", "Your account is not allowed to do this.")),
    ("a dossier that is", QT_TRANSLATE_NOOP("errors", "The dossier's current status does not allow this action.")),
    ("required documents missing", QT_TRANSLATE_NOOP("errors", "Required documents are missing.")),
    ("only once per dossier", QT_TRANSLATE_NOOP("errors", "An apology with a new appointment may be given only once per dossier.")),
    ("must be after the current one", QT_TRANSLATE_NOOP("errors", "The new appointment must be after the current one.")),
    ("not within working hours", QT_TRANSLATE_NOOP("errors", "The new appointment must fall within working hours.")),
    ("no appointment to extend", QT_TRANSLATE_NOOP("errors", "This dossier has no appointment to extend.")),
    ("no processing time in the catalog", QT_TRANSLATE_NOOP("errors", "This procedure has no processing time in the catalog: enter the appointment.")),
    ("agency identifier is not configured", QT_TRANSLATE_NOOP("errors", "The center's agency identifier is not configured; call the technician.")),
    ("no longer offered", QT_TRANSLATE_NOOP("errors", "This procedure is no longer offered.")),
    ("collected the result", QT_TRANSLATE_NOOP("errors", "Enter the ID number (9 or 12 digits) of the person collecting the result.")),
    ("tracking number", QT_TRANSLATE_NOOP("errors", "A result sent by post needs the postal tracking number.")),
    ("needs a reason", QT_TRANSLATE_NOOP("errors", "Please enter the reason.")),
    ("lists every missing item", QT_TRANSLATE_NOOP("errors", "List every missing document.")),
    ("refused at intake was never taken in", QT_TRANSLATE_NOOP("errors", "A dossier refused at intake has no result to return.")),
    ("has no department", QT_TRANSLATE_NOOP("errors", "Choose the department to transfer the dossier to.")),
    ("no department named", QT_TRANSLATE_NOOP("errors", "That department does not exist.")),
    ("nothing to correct", QT_TRANSLATE_NOOP("errors", "Nothing was changed.")),
    ("time received cannot be in the future", QT_TRANSLATE_NOOP("errors", "The time received cannot be in the future.")),
    ("date_of_birth", QT_TRANSLATE_NOOP("errors", "The date of birth is not valid.")),
    ("id_number", QT_TRANSLATE_NOOP("errors", "The ID number must have 9 or 12 digits.")),
    ("phone", QT_TRANSLATE_NOOP("errors", "The phone number is not valid.")),
    ("email", QT_TRANSLATE_NOOP("errors", "The e-mail address is not valid.")),
    ("full_name is required", QT_TRANSLATE_NOOP("errors", "Enter the applicant's full name.")),
)


def _is_database_error(exc: BaseException) -> bool:
    try:
        from sqlalchemy.exc import DBAPIError, TimeoutError as PoolTimeout
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return False
    return isinstance(exc, (DBAPIError, PoolTimeout))


def is_expected(exc: BaseException) -> bool:
    """Errors the application knows how to explain (no traceback needed in the log)."""
    return isinstance(exc, (AppError, DeviceError))


def error_text(exc: BaseException) -> str:
    """One Vietnamese sentence (through the translator) that tells the officer what went wrong."""
    if isinstance(exc, StaleVersionError):
        return QCoreApplication.translate("errors", "The dossier was just changed by someone else. Please reload and try again.")
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("errors", "Not found: the dossier or item asked for does not exist.")
    if isinstance(exc, ValidationError):
        message = str(exc)
        for piece, text in RULE_PATTERNS:
            if piece in message:
                return QCoreApplication.translate(CONTEXT, text)
        if isinstance(exc, RuleError):
            return QCoreApplication.translate("errors", "This cannot be done under the rules.")
        return QCoreApplication.translate("errors", "The data entered is not valid.")
    if isinstance(exc, SchemaMismatchError):
        return QCoreApplication.translate("errors", "The database belongs to another version of the software; call the technician.")
    if isinstance(exc, StoreError):
        return QCoreApplication.translate("errors", "The database cannot be used; call the technician.")
    if isinstance(exc, DeviceError):
        return QCoreApplication.translate(CONTEXT, DEVICE_KINDS.get(exc.kind, DEVICE_KINDS["io"]))
    if isinstance(exc, AppError):
        return QCoreApplication.translate("errors", "The operation could not be completed.")
    if _is_database_error(exc):
        return QCoreApplication.translate("errors", "Cannot reach the database. Check the network connection and try again.")
    return QCoreApplication.translate("errors", "An unexpected error occurred. The details were written to the log.")


def error_detail(exc: BaseException) -> str:
    """The core's own message (English, for the technician); empty for unexpected errors."""
    if isinstance(exc, DeviceError):
        return f"{exc.device}: {exc.kind}: {exc.message}"
    if is_expected(exc):
        return str(exc)
    return ""


def show_error(exc: BaseException, *, parent: QWidget | None) -> QMessageBox:
    """Show ``exc`` in a non-blocking message box (GUI thread) and return the box.

    Unknown errors are logged with their traceback first; known ones only by class, since their messages
    may hold personal data.
    """
    if is_expected(exc):
        log.info("shown to the user: %s", type(exc).__name__)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorBox")
    box.setWindowTitle(QCoreApplication.translate("errors", "Error"))
    box.setIcon(QMessageBox.Icon.Warning if is_expected(exc) else QMessageBox.Icon.Critical)
    box.setText(error_text(exc))
    if not is_expected(exc) and not _is_database_error(exc):
        box.setInformativeText(QCoreApplication.translate("errors", "If it happens again, tell the technician the time it happened."))
    detail = error_detail(exc)
    if detail:
        box.setDetailedText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
