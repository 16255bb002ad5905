"""The administrator's users window: the list, add a user, change roles, lock / unlock, reset a password.
Every action is ``app.services.users``'s (which checks the permission again) on the store thread."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.errors import ValidationError
from app.permissions import USER_ROLES
from app.services import users
from ui.common import format_dt
from ui.errors import error_text
from ui.security.dialogs import _Form, password_field

ROLE_NAMES = {
    "officer": QT_TRANSLATE_NOOP("UserDialog", "Reception officer"),
    "receptionist": QT_TRANSLATE_NOOP("UserDialog", "Receptionist"),
    "technician": QT_TRANSLATE_NOOP("UserDialog", "Technician"),
    "director": QT_TRANSLATE_NOOP("UserDialog", "Director"),
    "admin": QT_TRANSLATE_NOOP("UserDialog", "Administrator"),
}


class UserDialog(_Form):
    """Add a user (name, full name, roles, password twice) or, with ``username``, change roles only."""

    def __init__(self, tasks, actor: Actor, *, username: str = "", roles: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("User") if username else self.tr("Add a user"), parent)
        self.setObjectName("userDialog")
        self.actor, self.editing = actor, username
        self.user_field = QLineEdit(username, self)
        self.user_field.setReadOnly(bool(username))
        self.form.addRow(self.tr("User name:"), self.user_field)
        self.name_field = QLineEdit(self)
        self.password_field = password_field(self)
        self.repeat_field = password_field(self)
        if not username:
            self.form.addRow(self.tr("Full name:"), self.name_field)
            self.form.addRow(self.tr("Password:"), self.password_field)
            self.form.addRow(self.tr("Password again:"), self.repeat_field)
        self.role_boxes: dict[str, QCheckBox] = {}
        for role in USER_ROLES:
            box = QCheckBox(self.tr(ROLE_NAMES[role]), self)
            box.setChecked(role in (roles or []))
            self.role_boxes[role] = box
            self.form.addRow("", box)

    def roles(self) -> list[str]:
        return [r for r, box in self.role_boxes.items() if box.isChecked()]

    def submit(self) -> None:
        actor, roles, name = self.actor, self.roles(), self.user_field.text().strip()
        if self.editing:
            op = lambda s: users.set_roles(s, actor, name, roles) and None  # noqa: E731
        else:
            password, full_name = self.password_field.text(), self.name_field.text().strip()
            if password != self.repeat_field.text():
                self._show_error(ValidationError("password_mismatch"))
                return
            op = lambda s: users.create_user(s, actor, name, password, roles, full_name) and None  # noqa: E731
        self._busy(True)
        self.tasks.run_store(op, self._done, write=True)

    def _done(self, ok: bool, value) -> None:
        self._busy(False)
        if not ok:
            self._show_error(value)
            return
        self.accept()


class ResetPasswordDialog(_Form):
    def __init__(self, tasks, actor: Actor, username: str, *, parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("Reset password"), parent)
        self.setObjectName("resetPasswordDialog")
        self.actor, self.username = actor, username
        self.password_field = password_field(self)
        self.repeat_field = password_field(self)
        self.form.addRow(self.tr("User name:"), QLabel(username, self))
        self.form.addRow(self.tr("New password:"), self.password_field)
        self.form.addRow(self.tr("New password again:"), self.repeat_field)

    def submit(self) -> None:
        password = self.password_field.text()
        if password != self.repeat_field.text():
            self._show_error(ValidationError("password_mismatch"))
            return
        actor, name = self.actor, self.username
        self._busy(True)
        self.tasks.run_store(lambda s: users.reset_password(s, actor, name, password), self._done, write=True)

    def _done(self, ok: bool, value) -> None:
        self._busy(False)
        if not ok:
            self._show_error(value)
            return
        self.accept()


class UsersWindow(QDialog):
    """The list of users with the administrator's actions (``actor`` must hold ``user.list``)."""

    COLUMNS = ("username", "display_name", "roles", "state", "last_sign_in")

    def __init__(self, tasks, actor: Actor, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersWindow")
        self.setWindowTitle(self.tr("Users"))
        self.resize(960, 520)
        self.tasks, self.actor = tasks, actor
        self.rows: list[dict] = []
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"), self.tr("Roles"),
                                              self.tr("State"), self.tr("Last sign-in")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the roles: a demo account holds five
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add..."), self)
        self.roles_button = QPushButton(self.tr("Roles..."), self)
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.reset_button = QPushButton(self.tr("Reset password..."), self)
        for button in (self.add_button, self.roles_button, self.lock_button, self.unlock_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        # The audit chain's head, to be written on paper now and then: a rewritten chain no longer matches it.
        self.chain_head = QLabel(self)
        self.chain_head.setObjectName("auditChainHead")
        self.chain_head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chain_head.setWordWrap(True)
        layout.addWidget(self.chain_head)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_user)
        self.roles_button.clicked.connect(self.edit_roles)
        self.lock_button.clicked.connect(lambda: self._act("lock"))
        self.unlock_button.clicked.connect(lambda: self._act("unlock"))
        self.reset_button.clicked.connect(self.reset_password)
        self.refresh()

    def refresh(self) -> None:
        actor = self.actor
        self.tasks.run_store(lambda s: users.list_users(s, actor), self._listed, write=False)
        if actor.may("audit.view"):
            from app.services import audit_chain

            self.tasks.run_store(lambda s: audit_chain.head(s, actor), self._head, write=False)

    def _head(self, ok: bool, value) -> None:
        if ok:
            text = self.tr("Audit log: entry %1, chain head %2").replace("%1", str(value["seq"])).replace("%2", value["hash"])
            province = value.get("province")
            if province:
                when = format_dt(province["at"]) if province.get("at") else ""
                text += "\n" + self.tr("Last sent to the province: entry %1 (%2)").replace(
                    "%1", str(province["seq"])).replace("%2", when)
            self.chain_head.setText(text)

    def _listed(self, ok: bool, value) -> None:
        if not ok:
            self.message.setText(error_text(value))
            return
        self.rows = value
        self.table.setRowCount(len(value))
        for i, row in enumerate(value):
            state = self.tr("locked") if row["locked"] else (self.tr("waiting") if row["waiting_seconds"] else "")
            if row["demo"]:
                state = (state + " " + self.tr("demo")).strip()
            roles = ", ".join(QCoreApplication.translate("UserDialog", ROLE_NAMES[r]) if r in ROLE_NAMES else r
                              for r in row["roles"])
            cells = (row["username"], row["display_name"], roles, state,
                     format_dt(row["last_sign_in"]))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, j, item)

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add_user(self) -> UserDialog:
        dialog = UserDialog(self.tasks, self.actor, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def edit_roles(self) -> UserDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = UserDialog(self.tasks, self.actor, username=row["username"], roles=row["roles"], parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def reset_password(self) -> ResetPasswordDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ResetPasswordDialog(self.tasks, self.actor, row["username"], parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _act(self, name: str) -> None:
        row = self.selected()
        if row is None:
            return
        actor, username = self.actor, row["username"]

        def done(ok: bool, value) -> None:
            self.message.setText("" if ok else error_text(value))
            self.refresh()

        self.tasks.run_store(lambda s: getattr(users, name)(s, actor, username), done, write=True)
