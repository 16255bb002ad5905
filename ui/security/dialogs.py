"""The sign-in, first-administrator and password-change dialogs. Enter submits; the answers (wrong password,
"try again in N seconds", locked account) are the core's error codes in Vietnamese (``ui.errors``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.errors import ValidationError
from app.services import users
from ui.errors import error_text

log = logging.getLogger(__name__)

DEMO_STYLE = "background: #b3261e; color: white; font-weight: bold; padding: 4px 10px;"


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _Form(QDialog):
    """A small form with a message line and OK/Cancel, OK being the default button (Enter)."""

    def __init__(self, tasks, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def _show_error(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))


class SignInDialog(_Form):
    """User name and password; ``signed_in(actor)`` then ``accept``. ``permission``: the sign-in must also
    hold it (the technician leaving the kiosk), else the dialog says so and stays open."""

    signed_in = Signal(object)

    def __init__(self, tasks, *, station=None, permission: str | None = None, username: str = "",
                 title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(tasks, title or self.tr("Sign in"), parent)
        self.setObjectName("signInDialog")
        self.station = station
        self.permission = permission
        self.actor: Actor | None = None
        self.user_field = QLineEdit(username, self)
        self.user_field.setObjectName("signInUser")
        self.password_field = password_field(self)
        self.password_field.setObjectName("signInPassword")
        self.form.addRow(self.tr("User name:"), self.user_field)
        self.form.addRow(self.tr("Password:"), self.password_field)
        self.ok_button.setText(self.tr("Sign in"))
        (self.password_field if username else self.user_field).setFocus()

    def submit(self) -> None:
        name, password = self.user_field.text().strip(), self.password_field.text()
        if not name or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        self._busy(True)
        station = self.station
        self.tasks.run_store(lambda s: users.attempt(s, name, password, station=station), self._done, write=True)

    def _done(self, ok: bool, value) -> None:
        self._busy(False)
        self.password_field.clear()
        self.password_field.setFocus()
        if not ok or isinstance(value, BaseException):
            self._show_error(value)
            return
        if self.permission and not value.may(self.permission):
            self.message.setText(self.tr("This account may not do this here; sign in as a technician."))
            return
        self.actor = value
        self.message.clear()
        self.signed_in.emit(value)
        self.accept()


class FirstAdminDialog(_Form):
    """First run: the database has no users, so the administrator is created here (no default password)."""

    created = Signal(str)

    def __init__(self, tasks, *, parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("Create the administrator"), parent)
        self.setObjectName("firstAdminDialog")
        self.username = ""
        intro = QLabel(self.tr("This database has no users yet. Create the administrator account: it adds the "
                               "officers, technicians and other users."), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.user_field = QLineEdit(self)
        self.name_field = QLineEdit(self)
        self.password_field = password_field(self)
        self.repeat_field = password_field(self)
        self.form.addRow(self.tr("User name:"), self.user_field)
        self.form.addRow(self.tr("Full name:"), self.name_field)
        self.form.addRow(self.tr("Password:"), self.password_field)
        self.form.addRow(self.tr("Password again:"), self.repeat_field)

    def submit(self) -> None:
        name, full_name = self.user_field.text().strip(), self.name_field.text().strip()
        password = self.password_field.text()
        if password != self.repeat_field.text():
            self._show_error(ValidationError("password_mismatch"))
            return
        self._busy(True)
        self.tasks.run_store(lambda s: users.create_first_admin(s, name, password, full_name).username,
                             self._done, write=True)

    def _done(self, ok: bool, value) -> None:
        self._busy(False)
        if not ok:
            self._show_error(value)
            return
        self.username = value
        self.created.emit(value)
        self.accept()


class ChangePasswordDialog(_Form):
    """The signed-in user changes their own password (current one, new one twice)."""

    def __init__(self, tasks, actor: Actor, *, parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("Change password"), parent)
        self.setObjectName("changePasswordDialog")
        self.actor = actor
        self.old_field = password_field(self)
        self.new_field = password_field(self)
        self.repeat_field = password_field(self)
        self.form.addRow(self.tr("Current password:"), self.old_field)
        self.form.addRow(self.tr("New password:"), self.new_field)
        self.form.addRow(self.tr("New password again:"), self.repeat_field)

    def submit(self) -> None:
        old, new = self.old_field.text(), self.new_field.text()
        if new != self.repeat_field.text():
            self._show_error(ValidationError("password_mismatch"))
            return
        self._busy(True)
        actor = self.actor
        self.tasks.run_store(lambda s: users.change_password(s, actor, old, new), self._done, write=True)

    def _done(self, ok: bool, value) -> None:
        self._busy(False)
        if not ok:
            self._show_error(value)
            return
        self.accept()


class DemoBanner(QLabel):
    """The red "TÀI KHOẢN DEMO" label every window shows while a demo account is signed in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setText(self.tr("DEMO ACCOUNT"))
        self.setStyleSheet(DEMO_STYLE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
