"""Sign-in at the stations (issue 12): the sign-in dialog, the first-run "create the administrator" dialog,
the password change, the administrator's users window and the automatic screen lock after idle time.

Texts are in their own catalog, ``resources/i18n/motcua_security_vi.ts`` (built to
``motcua_security_vi.qm``), installed by :func:`install_security_translator` (the station does it at start).
Every check of a password is ``app.services.users``'s, on the store thread (``ui.tasks``); the dialogs only
show its answers.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from ui.i18n import ensure_catalog

log = logging.getLogger(__name__)

SECURITY_CATALOG = "motcua_security"


def install_security_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the catalog (``motcua_security_<language>.qm``) on ``app`` unless it is in
    place already (:func:`ui.i18n.ensure_catalog`); returns it. English installs nothing."""
    return ensure_catalog(app, SECURITY_CATALOG, language)


def sign_in_at_start(tasks, settings, *, parent=None, permission: str | None = None):
    """The station's start: the first-run administrator dialog when the database has no users, then the
    sign-in dialog (modal). Returns the signed-in actor, or None when the user cancelled (GUI thread)."""
    from app.services import users
    from ui.security.dialogs import FirstAdminDialog, SignInDialog

    install_security_translator(QCoreApplication.instance(), str(settings.get("ui.language") or "vi"))
    with tasks.store.read() as session:
        empty = not users.has_users(session)
    name = ""
    if empty:
        first = FirstAdminDialog(tasks, parent=parent)
        if not first.exec():
            return None
        name = first.username
    dialog = SignInDialog(tasks, station=settings.get("station.counter"), permission=permission, username=name,
                          parent=parent)
    return dialog.actor if dialog.exec() else None
