"""The complaints and feedback register (sổ phản ánh, kiến nghị) at the counter.

``ComplaintsDialog`` lists the register (open, answered, closed or overdue; overdue rows in red) with the
selected entry's details under it, enters a new entry (channel, kind, the sender's contact, content, routed
department), routes an open entry to a department or back to the center, records an answer and that the
citizen was told. Every code (channel, kind, state, how the citizen was told) is shown in Vietnamese through
:func:`label`. Every read and write goes through ``app.services.complaints`` on the store thread;
GUI thread otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import error_label, format_dt, record_table, set_error, with_shortcut
from ui.errors import error_text
from ui.i18n import arg
from ui.models import Column, DictTableModel
from ui.tasks import QueryOp, StoreOp, TaskManager

CHANNELS = (
    ("counter", QT_TRANSLATE_NOOP("ComplaintsDialog", "At the counter")),
    ("phone", QT_TRANSLATE_NOOP("ComplaintsDialog", "By phone")),
    ("hotline", QT_TRANSLATE_NOOP("ComplaintsDialog", "Hotline")),
    ("kiosk", QT_TRANSLATE_NOOP("ComplaintsDialog", "Kiosk")),
)
STATES = (
    ("open", QT_TRANSLATE_NOOP("ComplaintsDialog", "Open")),
    ("answered", QT_TRANSLATE_NOOP("ComplaintsDialog", "Answered")),
    ("closed", QT_TRANSLATE_NOOP("ComplaintsDialog", "Citizen informed")),
)
INFORMED_VIA = (
    ("phone", QT_TRANSLATE_NOOP("ComplaintsDialog", "By phone")),
    ("sms", QT_TRANSLATE_NOOP("ComplaintsDialog", "By text message")),
    ("email", QT_TRANSLATE_NOOP("ComplaintsDialog", "By email")),
    ("letter", QT_TRANSLATE_NOOP("ComplaintsDialog", "By letter")),
    ("counter", QT_TRANSLATE_NOOP("ComplaintsDialog", "At the counter")),
)
KINDS = (
    ("feedback", QT_TRANSLATE_NOOP("ComplaintsDialog", "Feedback")),
    ("proposal", QT_TRANSLATE_NOOP("ComplaintsDialog", "Proposal")),
)
CONTEXT = "ComplaintsDialog"


def label(table, key: str | None) -> str:
    """The Vietnamese name of a code of ``table`` (CHANNELS, STATES, INFORMED_VIA, KINDS); the code itself
    when unknown. Every table is translated in the ComplaintsDialog context, whichever dialog shows it."""
    text = dict(table).get(key)
    return QCoreApplication.translate(CONTEXT, text) if text else (key or "")


class _Model(DictTableModel):
    def text(self, row: int, column: int) -> str:
        if self.columns[column].key == "department" and not self.rows[row].get("department"):
            return QCoreApplication.translate(CONTEXT, "The center")  # no department: the center handles it
        return super().text(row, column)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self.rows[index.row()].get("overdue"):
            return QColor("#c62828")
        return super().data(index, role)


class NewComplaintDialog(QDialog):
    """One new entry; ``values()`` is the dict ``complaints.add`` takes."""

    def __init__(self, departments: list[str], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newComplaintDialog")
        self.setWindowTitle(self.tr("New complaint or feedback"))
        self.channel = QComboBox(self)
        for key, _text in CHANNELS:
            self.channel.addItem(label(CHANNELS, key), key)
        self.kind = QComboBox(self)
        for key, _text in KINDS:
            self.kind.addItem(label(KINDS, key), key)
        self.name = QLineEdit(self)
        self.name.setObjectName("contactName")
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(20)
        self.email = QLineEdit(self)
        self.dossier = QLineEdit(self)
        self.content = QPlainTextEdit(self)
        self.content.setObjectName("contentEdit")
        self.department = QComboBox(self)
        self.department.addItem(self.tr("The center"), None)
        for name in departments:
            self.department.addItem(name, name)
        self.error = error_label(parent=self)
        form = QFormLayout()
        form.addRow(self.tr("Received:"), self.channel)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Sender's name:"), self.name)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Dossier code (if any):"), self.dossier)
        form.addRow(self.tr("Content:"), self.content)
        form.addRow(self.tr("Handled by:"), self.department)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict:
        out = {"channel": self.channel.currentData(), "kind": self.kind.currentData(), "contact_name": self.name.text(),
               "contact_phone": self.phone.text(), "contact_email": self.email.text(), "dossier_code": self.dossier.text(),
               "content": self.content.toPlainText()}
        if self.department.currentData():
            out["department"] = self.department.currentData()
        return out


_ASK = object()  # route_selected(): ask the officer where to send the entry


class ComplaintsDialog(QDialog):
    """The register window: filter, list, new entry (Ctrl+N), route to the center or a department (Ctrl+R),
    answer (Ctrl+Enter), citizen informed (Ctrl+I); the selected entry's details under the list. A button
    is enabled only for an entry in the state its action needs and for a user who may take it (the services
    check again)."""

    def __init__(self, *, tasks: TaskManager, actor, departments: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintsDialog")
        self.setWindowTitle(self.tr("Complaints and feedback register"))
        self.tasks, self.actor, self.departments = tasks, actor, list(departments or [])
        self.filter = QComboBox(self)
        self.filter.setObjectName("complaintFilter")
        self.filter.addItem(self.tr("All"), None)
        for key, _text in STATES:
            self.filter.addItem(label(STATES, key), key)
        self.filter.addItem(self.tr("Overdue"), "overdue")
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = _Model([
            Column("number", self.tr("No.")), Column("received_at", self.tr("Received"), format_dt),
            Column("channel", self.tr("Channel"), lambda v: label(CHANNELS, v)),
            Column("contact_name", self.tr("Sender")), Column("content", self.tr("Content")),
            Column("department", self.tr("Handled by")),
            Column("due_at", self.tr("Deadline"), format_dt), Column("state", self.tr("State"), lambda v: label(STATES, v)),
        ], parent=self)
        self.view = record_table(self.model, "complaintTable", stretch=4, parent=self)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.details = QLabel(self)
        self.details.setObjectName("complaintDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label(parent=self)
        self.new_button = self._button(self.tr("New entry"), "Ctrl+N", self.new_entry)
        self.route_button = self._button(self.tr("Route"), "Ctrl+R", self.route_selected)
        self.answer_button = self._button(self.tr("Record the answer"), "Ctrl+Return", self.answer_selected)
        self.inform_button = self._button(self.tr("Citizen informed"), "Ctrl+I", self.inform_selected)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.filter)
        row.addStretch(1)
        for b in (self.new_button, self.route_button, self.answer_button, self.inform_button, close):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.error)
        self.resize(1100, 600)
        self._show_selected()
        self.refresh()

    def _button(self, text: str, keys: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setShortcut(QKeySequence(keys))
        b.setToolTip(with_shortcut(text, keys))
        b.clicked.connect(lambda _checked=False: slot())
        return b

    def refresh(self) -> None:
        from app.services import complaints

        choice = self.filter.currentData()
        keep = (self.selected() or {}).get("id")

        def read(session):
            if choice == "overdue":
                return complaints.overdue(session)
            return complaints.listing(session, state=choice)

        QueryOp(parent=self, op=read, tasks=self.tasks).success(lambda rows: self._show_rows(rows, keep)) \
            .failure(lambda exc: set_error(self.error, error_text(exc))).run_in_background()

    def _show_rows(self, rows: list[dict], keep: int | None) -> None:
        self.model.set_rows(rows)
        index = next((i for i, r in enumerate(rows) if r["id"] == keep), None)
        if index is not None:
            self.view.selectRow(index)
        self._show_selected()

    def selected(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _show_selected(self) -> None:
        """The selected entry's details; the buttons its state and the user's permissions allow."""
        row, actor = self.selected(), self.actor()
        state = row["state"] if row else None
        self.route_button.setEnabled(state == "open" and actor.may("complaint.route"))
        self.answer_button.setEnabled(state == "open" and actor.may("complaint.answer"))
        self.inform_button.setEnabled(state == "answered" and actor.may("complaint.inform"))
        if row is None:
            self.details.setText(self.tr("Choose an entry to see its details."))
            return
        lines = [arg(self.tr("%1 · %2 · received %3 by %4"), row["number"], label(KINDS, row["kind"]),
                     label(CHANNELS, row["channel"]), row["received_by"] or "")]
        contact = ", ".join(v for v in (row["contact_name"], row["contact_phone"], row["contact_email"]) if v)
        lines.append(arg(self.tr("Sender: %1"), contact))
        if row.get("dossier_code"):
            lines.append(arg(self.tr("Dossier: %1"), row["dossier_code"]))
        lines.append(arg(self.tr("Handled by: %1"), row["department"] or self.tr("The center")))
        if row.get("answer"):
            lines.append(arg(self.tr("Answer (%1, %2): %3"), format_dt(row["answered_at"]), row["answered_by"] or "",
                             row["answer"]))
        if row.get("informed_at"):
            lines.append(arg(self.tr("Citizen informed %1 on %2"), label(INFORMED_VIA, row["informed_via"]).lower(),
                             format_dt(row["informed_at"])))
        self.details.setText("\n".join(lines))

    def _write(self, op, done_text: str) -> None:
        StoreOp(parent=self, op=op, changes={"complaints": True}, tasks=self.tasks).success(
            lambda row: (set_error(self.error, None), self.setWindowTitle(arg(done_text, row["number"])), self.refresh())
        ).failure(lambda exc: set_error(self.error, error_text(exc))).run_in_background()

    def _chosen(self) -> dict | None:
        row = self.selected()
        if row is None:
            set_error(self.error, self.tr("Choose an entry first."))
        return row

    def new_entry(self) -> NewComplaintDialog:
        from app.services import complaints

        dialog = NewComplaintDialog(self.departments, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            values, actor = dialog.values(), self.actor()
            self._write(lambda session: complaints.add(session, actor, values), self.tr("Entered %1"))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def route_selected(self, department=_ASK) -> None:
        """Send the selected open entry to ``department`` (a name; None: the center), asked when not given."""
        from app.services import complaints

        row = self._chosen()
        if row is None:
            return
        if department is _ASK:
            labels = [self.tr("The center"), *self.departments]
            current = labels.index(row["department"]) if row["department"] in labels else 0
            choice, ok = QInputDialog.getItem(self, self.tr("Route"), arg(self.tr("Who handles %1?"), row["number"]),
                                              labels, current, False)
            if not ok:
                return
            department = None if labels.index(choice) == 0 else choice
        actor, ident = self.actor(), row["id"]
        self._write(lambda session: complaints.route(session, actor, ident, department=department), self.tr("Routed %1"))

    def answer_selected(self, text: str | None = None) -> None:
        from app.services import complaints

        row = self._chosen()
        if row is None:
            return
        if not isinstance(text, str):
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Answer"), arg(self.tr("The answer to %1:"), row["number"]))
            if not ok:
                return
        actor, ident = self.actor(), row["id"]
        self._write(lambda session: complaints.answer(session, actor, ident, text=text), self.tr("Answered %1"))

    def inform_selected(self, via: str | None = None) -> None:
        from app.services import complaints

        row = self._chosen()
        if row is None:
            return
        if not isinstance(via, str):
            labels = [label(INFORMED_VIA, k) for k, _ in INFORMED_VIA]
            choice, ok = QInputDialog.getItem(self, self.tr("Citizen informed"), self.tr("How was the citizen told?"), labels, 0, False)
            if not ok:
                return
            via = INFORMED_VIA[labels.index(choice)][0]
        actor, ident = self.actor(), row["id"]
        self._write(lambda session: complaints.inform(session, actor, ident, via=via), self.tr("Closed %1"))
