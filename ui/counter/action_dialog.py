"""The small dialog each dossier action opens: it asks what the action needs (reason, items, new
appointment, collector, department, corrections) and hands back an ``ActionInput``. GUI thread only."""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import dossiers
from app.workcal import VN_TZ
from ui.common import (
    as_datetime,
    error_label,
    format_date,
    local_now,
    parse_date,
    set_error,
    with_shortcut,
)
from ui.i18n import (
    action_name,
    arg,
)
from ui.models import CounterContext, working_days_from

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
        self.doc_spins: dict[str, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
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
        # The catalog's paper names are long: they wrap, never behind a horizontal scrollbar.
        self.items_list.setWordWrap(True)
        self.items_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.items_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items_list.setResizeMode(QListWidget.ResizeMode.Adjust)
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
        # Most often the applicant collects in person: their name and ID number are filled in (and saved
        # as shown); the officer overwrites them when someone else comes.
        applicant = self.dossier.get("applicant") or {}
        self.collector_name_edit.setText(applicant.get("full_name") or "")
        self.collector_id_edit.setText(applicant.get("id_number") or "")
        self.collector_name_edit.setToolTip(self.tr("Filled in from the dossier: change it if someone else collects"))
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
        documents = self.dossier.get("documents") or []
        self.docs_table = QTableWidget(len(documents), 4, self)
        self.docs_table.setObjectName("correctDocuments")
        self.docs_table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Originals"), self.tr("Certified copies"), self.tr("Photocopies")]
        )
        self.docs_table.verticalHeader().hide()
        self.doc_spins: dict[str, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        for row, doc in enumerate(documents):
            name = QTableWidgetItem(f"{doc['item']} — {doc['name']}")
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.docs_table.setItem(row, 0, name)
            spins = []
            for column, key in enumerate(("originals", "certified_copies", "photocopies"), start=1):
                spin = QSpinBox(self)
                spin.setRange(0, 99)
                spin.setValue(int(doc.get(key) or 0))
                self.docs_table.setCellWidget(row, column, spin)
                spins.append(spin)
            self.doc_spins[doc["item"]] = tuple(spins)
        self.docs_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.docs_table.setMinimumHeight(min(260, 34 * (len(documents) + 1)))
        self.form.addRow(self.tr("Documents received"), self.docs_table)

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
        documents = []
        for doc in self.dossier.get("documents") or []:
            counts = [spin.value() for spin in self.doc_spins.get(doc["item"], ())]
            old = [int(doc.get(k) or 0) for k in ("originals", "certified_copies", "photocopies")]
            if counts and counts != old:
                documents.append({"item": doc["item"], "originals": counts[0], "certified_copies": counts[1], "photocopies": counts[2]})
        if documents:
            out["documents"] = documents
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
