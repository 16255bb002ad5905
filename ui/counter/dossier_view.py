"""One dossier: header, timeline, documents and fees, and a button for each action its status allows.

Each action opens a small non-blocking dialog that asks what the action needs; the action runs through
``dossiers.act`` in a StoreOp with ``expected_version`` = the version on screen, so a dossier changed by
another station meanwhile is refused ("changed by someone else") and reloaded. GUI thread only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.errors import StaleVersionError
from app.lifecycle import CLOCK_RUNNING
from app.services import dossiers
from app.workcal import VN_TZ
from ui.common import (
    OVERDUE,
    SOON,
    as_datetime,
    due_state,
    error_label,
    format_date,
    format_dt,
    format_money,
    local_now,
    parse_date,
    set_error,
    titled,
    with_shortcut,
)
from ui.errors import show_error
from ui.i18n import ACTION_NAMES, FEE_KIND_NAMES, FEE_STATUS_NAMES, action_name, arg, code_name, event_name, status_name
from ui.models import Column, CounterContext, DictTableModel, working_days_from
from ui.tasks import QueryOp, StoreOp, TaskManager

ACTION_KEYS = {
    "transfer": "Ctrl+Shift+C", "request_supplement": "Ctrl+Shift+B", "supplement_complete": "Ctrl+Shift+D",
    "finish": "Ctrl+Shift+H", "refuse": "Ctrl+Shift+T", "request_payment": "Ctrl+Shift+N",
    "stop": "Ctrl+Shift+G", "apologize": "Ctrl+Shift+X", "withdraw": "Ctrl+Shift+W",
    "return": "Ctrl+Shift+K", "correct": "Ctrl+Shift+S", "cancel": "Ctrl+Shift+Y",
}
# Actions after which a form is printed for the applicant (printing/ form keys).
PRINT_AFTER = {"request_supplement": "supplement", "refuse": "refusal", "apologize": "apology", "stop": "stop", "correct": "receipt"}
REASON_REQUIRED = {"request_supplement", "refuse", "request_payment", "stop", "apologize", "correct", "cancel"}


def _plain(text: str) -> str:
    return text.replace("&&", "&")


class ActionDialog(QDialog):
    """Asks what one lifecycle action needs; ``accepted_with(ActionInput)`` when confirmed and valid."""

    accepted_with = Signal(object)

    def __init__(self, action: str, dossier: dict[str, Any], context: CounterContext | None, *, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.action = action
        self.dossier = dossier
        self.context = context
        self.setObjectName("actionDialog")
        self.setWindowTitle(arg(self.tr("%1 — dossier %2"), _plain(action_name(action)), dossier["code"]))
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.department_combo: QComboBox | None = None
        self.items_list: QListWidget | None = None
        self.other_item_edit: QLineEdit | None = None
        self.new_due_edit: QDateTimeEdit | None = None
        self.counter_radio: QRadioButton | None = None
        self.post_radio: QRadioButton | None = None
        self.collector_id_edit = self.collector_name_edit = self.tracking_edit = None
        self.fields: dict[str, QLineEdit] = {}
        self.sets_spin: QSpinBox | None = None
        getattr(self, f"_build_{action}", lambda: None)()
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(72)
        label = self.tr("Reason *") if action in REASON_REQUIRED else self.tr("Note")
        self.form.addRow(label, self.reason_edit)
        self.error = error_label(parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_plain(action_name(action)))
        ok.setToolTip(with_shortcut(_plain(action_name(action)), "Ctrl+Return"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        head = QLabel(f"<b>{html.escape(dossier['code'])}</b> — {html.escape(dossier['procedure']['name'])}", self)
        head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # -- per-action fields -------------------------------------------------------------------------------

    def _build_transfer(self) -> None:
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("departmentCombo")
        names = list(self.context.departments) if self.context else []
        current = self.dossier.get("department")
        if current and current not in names:
            names.insert(0, current)
        self.department_combo.addItems(names)
        if current:
            self.department_combo.setCurrentText(current)
        self.form.addRow(self.tr("Department"), self.department_combo)

    def _build_request_supplement(self) -> None:
        self.items_list = QListWidget(self)
        self.items_list.setObjectName("itemsList")
        for doc in self.dossier["documents"]:
            item = QListWidgetItem(f"{doc['item']} {doc['name']}", self.items_list)
            item.setData(Qt.ItemDataRole.UserRole, doc["item"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.items_list.setMinimumHeight(140)
        self.other_item_edit = QLineEdit(self)
        self.other_item_edit.setPlaceholderText(self.tr("Another paper not in the checklist (optional)"))
        self.form.addRow(self.tr("Missing documents *"), self.items_list)
        self.form.addRow("", self.other_item_edit)

    def _build_supplement_complete(self) -> None:
        proc = self.context.procedure(self.dossier["procedure"]["code"]) if self.context else None
        if proc is not None and not proc.has_time:
            self._add_due_edit(self.tr("Appointment *"), local_now() + timedelta(days=1))

    def _build_apologize(self) -> None:
        due = as_datetime(self.dossier.get("due_at")) or local_now()
        default = working_days_from(self.context.calendar, due, 1) if self.context else due + timedelta(days=1)
        self._add_due_edit(self.tr("New appointment *"), default)

    def _add_due_edit(self, label: str, value: datetime) -> None:
        self.new_due_edit = QDateTimeEdit(self)
        self.new_due_edit.setObjectName("newDueEdit")
        self.new_due_edit.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.new_due_edit.setCalendarPopup(True)
        self.new_due_edit.setDateTime(QDateTime(value.astimezone(VN_TZ).replace(tzinfo=None, second=0, microsecond=0)))
        self.form.addRow(label, self.new_due_edit)

    def _build_return(self) -> None:
        self.counter_radio = QRadioButton(self.tr("At the counter"), self)
        self.post_radio = QRadioButton(self.tr("By post"), self)
        (self.post_radio if self.dossier.get("delivery") == "post" else self.counter_radio).setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.counter_radio)
        row.addWidget(self.post_radio)
        row.addStretch(1)
        self.form.addRow(self.tr("Handed over"), row)
        self.collector_id_edit = QLineEdit(self)
        self.collector_id_edit.setObjectName("collectorIdEdit")
        self.collector_id_edit.setPlaceholderText(self.tr("9 or 12 digits"))
        self.collector_name_edit = QLineEdit(self)
        self.collector_name_edit.setObjectName("collectorNameEdit")
        applicant = self.dossier.get("applicant") or {}
        self.collector_name_edit.setPlaceholderText(applicant.get("full_name") or "")
        self.tracking_edit = QLineEdit(self)
        self.tracking_edit.setObjectName("trackingEdit")
        self.form.addRow(self.tr("Collector's ID number *"), self.collector_id_edit)
        self.form.addRow(self.tr("Collector's name"), self.collector_name_edit)
        self.form.addRow(self.tr("Postal tracking number *"), self.tracking_edit)
        self.counter_radio.toggled.connect(self._update_return_fields)
        self._update_return_fields()

    def _update_return_fields(self) -> None:
        by_counter = self.counter_radio.isChecked()
        for widget, visible in ((self.collector_id_edit, by_counter), (self.collector_name_edit, by_counter), (self.tracking_edit, not by_counter)):
            widget.setVisible(visible)
            self.form.labelForField(widget).setVisible(visible)

    def _build_correct(self) -> None:
        applicant = self.dossier.get("applicant") or {}
        for key, label in (
            ("full_name", self.tr("Full name *")), ("id_number", self.tr("ID number")),
            ("date_of_birth", self.tr("Date of birth")), ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")), ("address", self.tr("Address")),
        ):
            edit = QLineEdit(self)
            value = applicant.get(key) or ""
            edit.setText(format_date(value) if key == "date_of_birth" and value else value)
            self.fields[key] = edit
            self.form.addRow(label, edit)
        self.sets_spin = QSpinBox(self)
        self.sets_spin.setRange(1, 99)
        self.sets_spin.setValue(int(self.dossier.get("sets") or 1))
        self.form.addRow(self.tr("Number of sets"), self.sets_spin)

    # -- result ----------------------------------------------------------------------------------------

    def reason(self) -> str:
        return " ".join(self.reason_edit.toPlainText().split())

    def _problem(self) -> str | None:
        if self.action in REASON_REQUIRED and not self.reason():
            return self.tr("Please enter the reason.")
        if self.items_list is not None and not self._items():
            return self.tr("Tick every missing document (or type the other paper).")
        if self.action == "return":
            if self.counter_radio.isChecked():
                digits = self.collector_id_edit.text().strip()
                if not digits.isdigit() or len(digits) not in (9, 12):
                    return self.tr("Enter the ID number (9 or 12 digits) of the person collecting the result.")
            elif not self.tracking_edit.text().strip():
                return self.tr("Enter the postal tracking number.")
        if self.action == "correct":
            if not self.fields["full_name"].text().strip():
                return self.tr("Enter the applicant's full name.")
            dob = self.fields["date_of_birth"].text().strip()
            if dob and parse_date(dob) is None:
                return self.tr("Not a valid date of birth (dd/mm/yyyy).")
            if not self._changes():
                return self.tr("Nothing was changed.")
        return None

    def _items(self) -> list[str]:
        items = [
            self.items_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.items_list.count())
            if self.items_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        other = self.other_item_edit.text().strip() if self.other_item_edit else ""
        return items + ([other] if other else [])

    def check_items(self, codes: list[str]) -> None:
        """Tick the listed document codes (tests and pre-filling)."""
        for i in range(self.items_list.count()):
            item = self.items_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in codes:
                item.setCheckState(Qt.CheckState.Checked)

    def _changes(self) -> dict[str, Any]:
        applicant = self.dossier.get("applicant") or {}
        changed: dict[str, Any] = {}
        for key, edit in self.fields.items():
            value = edit.text().strip()
            if key == "date_of_birth":
                parsed = parse_date(value) if value else None
                value = parsed.isoformat() if parsed else None
            old = applicant.get(key) or None
            if (value or None) != old:
                changed[key] = value or None
        out: dict[str, Any] = {"applicant": changed} if changed else {}
        if self.sets_spin is not None and self.sets_spin.value() != int(self.dossier.get("sets") or 1):
            out["sets"] = self.sets_spin.value()
        return out

    def action_input(self) -> dossiers.ActionInput:
        args = dossiers.ActionInput(reason=self.reason() or None, expected_version=self.dossier["version"])
        if self.department_combo is not None:
            args.department = self.department_combo.currentText() or None
        if self.items_list is not None:
            args.items = self._items()
        if self.new_due_edit is not None:
            args.new_due = self.new_due_edit.dateTime().toPython().replace(tzinfo=VN_TZ, second=0, microsecond=0)
        if self.action == "return":
            if self.counter_radio.isChecked():
                args.collector_id = self.collector_id_edit.text().strip()
                args.to = self.collector_name_edit.text().strip() or None
            else:
                args.tracking = self.tracking_edit.text().strip()
        if self.action == "correct":
            args.changes = self._changes()
        return args

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            set_error(self.error, problem)
            return
        super().accept()
        self.accepted_with.emit(self.action_input())


class DossierView(QWidget):
    """The dossier page. ``load(code)`` reads it on the store thread; actions run as StoreOps."""

    back_requested = Signal()
    print_requested = Signal(str, str)
    status_message = Signal(str)

    def __init__(self, tasks: TaskManager, actor: Callable[[], Actor], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierView")
        self.tasks = tasks
        self.actor = actor
        self.context: CounterContext | None = None
        self.data: dict[str, Any] | None = None
        self.pending_dialog: ActionDialog | None = None
        self.action_buttons: dict[str, QPushButton] = {}

        self.back_button = QPushButton(self.tr("← Back to the list"), self)
        self.back_button.setToolTip(with_shortcut(self.tr("Back to the list"), "Alt+Left"))
        self.back_button.clicked.connect(self.back_requested)
        QShortcut(QKeySequence("Alt+Left"), self, self.back_requested.emit, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(with_shortcut(self.tr("Read the dossier again"), "Ctrl+R"))
        self.reload_button.clicked.connect(self.reload)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reload, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.code_label = QLabel(self)
        self.code_label.setObjectName("codeLabel")
        self.code_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.procedure_label = QLabel(self)
        self.procedure_label.setWordWrap(True)
        self.applicant_label = QLabel(self)
        self.applicant_label.setWordWrap(True)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("viewDueLabel")
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #444;")

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.code_label)
        top.addWidget(self.status_label)
        top.addStretch(1)
        self.print_button = QPushButton(self.tr("Print / reprint…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(with_shortcut(self.tr("Preview and print a form of this dossier"), "Ctrl+P"))
        self.print_menu = QMenu(self)
        self.print_button.setMenu(self.print_menu)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_button.showMenu, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top.addWidget(self.print_button)
        top.addWidget(self.reload_button)
        grid = QGridLayout()
        grid.addWidget(self.procedure_label, 0, 0, 1, 2)
        grid.addWidget(self.applicant_label, 1, 0)
        grid.addWidget(self.due_label, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.info_label, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(6)
        actions_widget = QWidget(self)
        actions_widget.setLayout(self.actions_bar)

        self.events = DictTableModel([
            Column("time", self.tr("Time")), Column("event", self.tr("Event")), Column("status", self.tr("Status")),
            Column("actor", self.tr("By")), Column("department", self.tr("Department")), Column("note", self.tr("Note")),
        ], parent=self)
        self.documents = DictTableModel([
            Column("item", self.tr("Code")), Column("name", self.tr("Document")),
            Column("originals", self.tr("Originals"), align=Qt.AlignmentFlag.AlignCenter),
            Column("certified_copies", self.tr("Certified copies"), align=Qt.AlignmentFlag.AlignCenter),
            Column("photocopies", self.tr("Photocopies"), align=Qt.AlignmentFlag.AlignCenter),
        ], parent=self)
        self.fees = DictTableModel([
            Column("kind", self.tr("Kind")), Column("name", self.tr("Fee")),
            Column("amount", self.tr("Amount"), align=Qt.AlignmentFlag.AlignRight), Column("status", self.tr("Status")),
        ], parent=self)
        self.events_view = self._table(self.events, stretch=5, name="eventsView")
        self.documents_view = self._table(self.documents, stretch=1, name="documentsView")
        self.fees_view = self._table(self.fees, stretch=1, name="feesView")
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(titled(self.tr("Documents"), self.documents_view, parent=self))
        bottom.addWidget(titled(self.tr("Fees and charges"), self.fees_view, parent=self))
        bottom.setSizes([600, 400])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(titled(self.tr("History"), self.events_view, parent=self))
        split.addWidget(bottom)
        split.setSizes([380, 220])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(actions_widget)
        layout.addWidget(split, 1)
        for action, key in ACTION_KEYS.items():
            QShortcut(QKeySequence(key), self, lambda a=action: self._shortcut(a), context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _table(self, model, *, stretch: int, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(True)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def set_context(self, context: CounterContext) -> None:
        self.context = context

    # -- loading --------------------------------------------------------------------------------------

    @property
    def code(self) -> str | None:
        return self.data["code"] if self.data else None

    def load(self, code: str) -> None:
        if code != self.code:
            # Another dossier is coming: nothing on screen may be acted on until it has arrived.
            self.data = None
            for button in self.action_buttons.values():
                button.setEnabled(False)
        QueryOp(parent=self, op=lambda session: dossiers.dossier_json(dossiers.get_dossier(session, code)), tasks=self.tasks) \
            .success(self.show_dossier).run_in_background()

    def reload(self) -> None:
        if self.code:
            self.load(self.code)

    def on_changes(self, changes: dict, initiator: object) -> None:
        if initiator is self or not self.code:
            return
        if self.code in (changes.get("dossiers") or []) or "handover" in changes or "store" in changes:
            self.reload()

    def user_name(self, username: str | None) -> str:
        if not username:
            return ""
        return (self.context.users.get(username) if self.context else None) or username

    def show_dossier(self, data: dict[str, Any]) -> None:
        self.data = data
        applicant = data.get("applicant") or {}
        self.code_label.setText(data["code"])
        self.status_label.setText(status_name(data["status"]))
        self.status_label.setStyleSheet("background:#e4effb; color:#123a6a; border-radius:4px; padding:3px 10px; font-weight:bold;")
        self.procedure_label.setText(f"<b>{html.escape(data['procedure']['code'])}</b> — {html.escape(data['procedure']['name'])}")
        parts = [f"<b>{html.escape(applicant.get('full_name') or '')}</b>"]
        for key, label in (("id_number", self.tr("ID")), ("phone", self.tr("Phone")), ("address", self.tr("Address"))):
            if applicant.get(key):
                parts.append(f"{label}: {html.escape(applicant[key])}")
        if data.get("submitter"):
            parts.append(arg(self.tr("submitted by %1"), html.escape(data["submitter"]["full_name"])))
        self.applicant_label.setText(" · ".join(parts))
        self._show_due(data)
        info = [
            arg(self.tr("Received %1 by %2"), format_dt(data["received_at"]), html.escape(self.user_name(data.get("officer")))),
            arg(self.tr("Department: %1"), html.escape(data.get("department") or "—")),
        ]
        if data.get("original_due_at"):
            info.append(arg(self.tr("First appointment %1"), format_dt(data["original_due_at"])))
        self.info_label.setText(" · ".join(info))
        self.events.set_rows([self._event_row(e) for e in data["events"]])
        self.events_view.resizeColumnsToContents()
        self.events_view.resizeRowsToContents()
        self.documents.set_rows(data["documents"])
        self.documents_view.resizeColumnsToContents()
        self.documents_view.horizontalHeader().resizeSection(1, 420)
        self.documents_view.resizeRowsToContents()
        self.fees.set_rows([
            {"kind": code_name(FEE_KIND_NAMES, f["kind"]), "name": f["name"],
             "amount": format_money(f["amount"]) if f["amount"] is not None else self.tr("As set by the province"),
             "status": code_name(FEE_STATUS_NAMES, f["status"])}
            for f in data["fees"]
        ])
        self.fees_view.resizeColumnsToContents()
        self.fees_view.horizontalHeader().resizeSection(1, 300)
        self.fees_view.resizeRowsToContents()
        self._build_actions(data["allowed_actions"])
        self._build_print_menu(data)

    def _build_print_menu(self, data: dict[str, Any]) -> None:
        from app.services.print_data import printable_forms

        names = {
            "receipt": self.tr("Receipt and appointment (form 01)"), "supplement": self.tr("Supplement request (form 02)"),
            "refusal": self.tr("Refusal (form 03)"), "apology": self.tr("Apology and new appointment (form 04)"),
            "stop": self.tr("Stop-processing notice (form 05)"), "control": self.tr("Control sheet (form 06)"),
        }
        self.print_menu.clear()
        forms = printable_forms(data)
        for form in forms:
            action = self.print_menu.addAction(names[form])
            action.setObjectName(f"print_{form}")
            action.triggered.connect(lambda _=False, f=form: self.print_requested.emit(f, data["code"]))
        self.print_button.setEnabled(bool(forms))

    def _show_due(self, data: dict[str, Any]) -> None:
        due = data.get("due_at")
        if not due:
            self.due_label.setText(self.tr("No appointment (clock stopped)") if data["status"] == "supplement_requested" else "")
            self.due_label.setStyleSheet("")
            return
        state = due_state(due, local_now(), self.context.calendar if self.context else None) if data["status"] in CLOCK_RUNNING else ""
        colour = {OVERDUE: "background:#f8d0d0; color:#a00000;", SOON: "background:#fde7b0; color:#8a5a00;"}.get(state, "")
        self.due_label.setText(arg(self.tr("Appointment: %1"), format_dt(due)) + (" — " + self.tr("OVERDUE") if state == OVERDUE else ""))
        self.due_label.setStyleSheet(f"font-size: 12pt; font-weight: bold; padding: 3px 8px; border-radius: 4px; {colour}")

    def _event_row(self, e: dict[str, Any]) -> dict[str, str]:
        data = e.get("data") or {}
        notes = [e["note"]] if e.get("note") else []
        if data.get("to"):
            notes.append(arg(self.tr("to %1"), data["to"]))
        if data.get("items"):
            notes.append(self.tr("missing: ") + "; ".join(f"{i.get('code') or ''} {i['name']}".strip() for i in data["items"]))
        if data.get("new_due"):
            notes.append(arg(self.tr("new appointment %1"), format_dt(data["new_due"])))
        if data.get("due_at"):
            notes.append(arg(self.tr("appointment %1"), format_dt(data["due_at"])))
        if data.get("collector_id"):
            notes.append(arg(self.tr("collected by %1 (ID %2)"), data.get("collector_name") or "", data["collector_id"]))
        if data.get("tracking"):
            notes.append(arg(self.tr("sent by post, tracking %1"), data["tracking"]))
        if data.get("round"):
            notes.append(arg(self.tr("hand-over round %1"), data["round"]))
        if data.get("late"):
            notes.append(self.tr("late"))
        return {
            "time": format_dt(e["occurred_at"]), "event": event_name(e["kind"]), "status": status_name(e["status"]),
            "actor": self.user_name(e["actor"]), "department": e.get("department") or "", "note": " · ".join(notes),
        }

    def _build_actions(self, allowed: list[str]) -> None:
        while self.actions_bar.count():
            item = self.actions_bar.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.action_buttons = {}
        for action in ACTION_NAMES:
            if action not in allowed:
                continue
            button = QPushButton(action_name(action), self)
            button.setObjectName(f"action_{action}")
            button.setAutoDefault(False)
            button.setToolTip(with_shortcut(_plain(action_name(action)), ACTION_KEYS[action]))
            if action == "cancel":
                button.setStyleSheet("color: #a00000;")
            button.clicked.connect(lambda _=False, a=action: self.open_action(a))
            self.actions_bar.addWidget(button)
            self.action_buttons[action] = button
        self.actions_bar.addStretch(1)

    # -- actions ---------------------------------------------------------------------------------------

    def _shortcut(self, action: str) -> None:
        if action in self.action_buttons:
            self.open_action(action)

    def open_action(self, action: str) -> ActionDialog | None:
        """Open the action's dialog (non-blocking); confirming it runs the action."""
        if self.data is None or action not in self.data["allowed_actions"]:
            return None
        dialog = ActionDialog(action, self.data, self.context, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted_with.connect(lambda args: self.run_action(action, args))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.pending_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog) -> None:
        if self.pending_dialog is dialog:
            self.pending_dialog = None

    def run_action(self, action: str, args: dossiers.ActionInput) -> None:
        code = self.data["code"]
        actor = self.actor()

        def op(session):
            return dossiers.dossier_json(dossiers.act(session, actor, code, action, args))

        (
            StoreOp(parent=self, op=op, changes={"dossiers": [code]}, tasks=self.tasks)
            .success(lambda data: self._acted(action, data))
            .failure(self._action_failed)
            .with_progress(self.tr("Saving..."))
            .run_in_background()
        )

    def _acted(self, action: str, data: dict[str, Any]) -> None:
        self.show_dossier(data)
        self.status_message.emit(arg(self.tr("%1: %2 — done"), data["code"], _plain(action_name(action))))
        if action in PRINT_AFTER:
            self.print_requested.emit(PRINT_AFTER[action], data["code"])

    def _action_failed(self, exc: BaseException) -> None:
        show_error(exc, parent=self)
        if isinstance(exc, StaleVersionError):
            self.reload()
