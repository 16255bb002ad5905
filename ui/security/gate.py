"""The technician's door out of an unattended station (kiosk, display board): they run without sign-in and
reach nothing else; closing them, or opening a technician's window over them, needs a user holding the
technician role (``station.leave`` / ``station.technician_window``), signed in with :class:`SignInDialog`.
The permission is checked again by ``app.services.users.leave_station`` on the store thread, and audited."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from app.services import users
from ui.security import install_security_translator
from ui.security.dialogs import SignInDialog

log = logging.getLogger(__name__)

PERMISSIONS = {"station.leave": users.leave_station, "station.technician_window": users.open_technician_window}


class TechnicianGate(QObject):
    """``ask(then, permission)``: a sign-in dialog over ``window``; ``then(actor)`` once a technician signed
    in and the service let them through."""

    def __init__(self, window: QWidget, tasks, station: str, *, language: str = "vi") -> None:
        super().__init__(window)
        self.window, self.tasks, self.station = window, tasks, station
        install_security_translator(QCoreApplication.instance(), language)
        self.dialog: SignInDialog | None = None

    def ask(self, then: Callable, permission: str = "station.leave") -> SignInDialog:
        dialog = SignInDialog(self.tasks, permission=permission, title=self.tr("Technician"), parent=self.window)
        dialog.setObjectName("technicianSignIn")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        check, station = PERMISSIONS[permission], self.station

        def signed_in(actor) -> None:
            def done(ok: bool, value) -> None:
                if ok:
                    log.info("%s: technician let through (%s)", station, permission)
                    then(actor)
                else:
                    log.warning("%s: technician refused (%s)", station, permission)

            self.tasks.run_store(lambda s: check(s, actor, station), done, write=True)

        dialog.signed_in.connect(signed_in)
        self.dialog = dialog
        dialog.open()
        return dialog
