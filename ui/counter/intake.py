"""The intake form (journey 4): the widgets only; ``intake_controller`` gives them their behaviour.

Keyboard first: Ctrl+L procedure, Ctrl+I ID-card scan, Alt+N submitter, Ctrl+D documents, Ctrl+Enter save,
Ctrl+B request a supplement, Ctrl+T refuse; Esc clears the field it is pressed in. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common import Banner, error_label, local_now, with_shortcut
from ui.i18n import APPLICANT_TYPE_NAMES, CHANNEL_NAMES, DELIVERY_NAMES, code_name
from ui.models import ChecklistModel, ProcedureInfo, ProcedureListModel

PICKER_ROWS = 7


class EscClears(QObject):
    """Esc in a line edit clears it (and is consumed); in an empty one it goes on to the parent."""

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            if isinstance(obj, QLineEdit) and obj.text():
                obj.clear()
                return True
            if isinstance(obj, QPlainTextEdit) and obj.toPlainText():
                obj.clear()
                return True
        return False


class ProcedurePicker(QWidget):
    """A search line over the catalog with the matching procedures listed below it while typing."""

    chosen = Signal(object)  # ProcedureInfo or None

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProcedureListModel(parent=self)
        self.current: ProcedureInfo | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("procedureSearch")
        self.edit.setPlaceholderText(self.tr("Type a procedure name or code, e.g. \"khai sinh\" or 2.000815"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setObjectName("procedureList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The catalog's names run to two lines and more: they wrap inside the form's width, never behind a
        # horizontal scrollbar.
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setStyleSheet(
            "QListView#procedureList::item { padding: 3px 2px; border-bottom: 1px solid #eee; color: #111; }"
            " QListView#procedureList::item:selected { background: #cfe3fa; color: #111; }"
        )
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the edit keeps the keyboard; arrows move the list
        self.list.hide()
        self.info = QLabel(self)
        self.info.setObjectName("procedureInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #333;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.info)
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.returnPressed.connect(self.choose_current)
        self.edit.installEventFilter(self)
        self.list.clicked.connect(lambda index: self._choose_row(index.row()))

    def set_procedures(self, procedures) -> None:
        self.model.set_procedures(procedures)

    def _on_text_edited(self, text: str) -> None:
        if self.current is not None:
            self.current = None
            self.info.clear()
            self.chosen.emit(None)
        self.model.set_filter(text)
        visible = bool(text.strip()) and self.model.rowCount() > 0
        self.list.setVisible(visible)
        if visible:
            self.list.setCurrentIndex(self.model.index(0, 0))
            self._fit_list()

    def _fit_list(self) -> None:
        """As tall as its first rows, wrapped at the list's width (up to PICKER_ROWS rows)."""
        self.list.doItemsLayout()
        rows = min(PICKER_ROWS, self.model.rowCount())
        height = sum(max(self.list.sizeHintForRow(r), self.list.visualRect(self.model.index(r, 0)).height(), 18) for r in range(rows))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 4)

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.list.isVisible():
            self._fit_list()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and self.list.isVisible():
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: PICKER_ROWS, Qt.Key.Key_PageUp: -PICKER_ROWS}
            if event.key() in step:
                row = max(0, min(self.model.rowCount() - 1, self.list.currentIndex().row() + step[event.key()]))
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            if self.list.isVisible():
                self.list.hide()
                return True
            if self.edit.text():
                self.reset()
                self.chosen.emit(None)
                return True
        return False

    def choose_current(self) -> None:
        if self.list.isVisible() and self.model.rowCount():
            row = self.list.currentIndex().row()
            self._choose_row(row if row >= 0 else 0)

    def _choose_row(self, row: int) -> None:
        self.choose(self.model.visible[row])

    def choose(self, procedure: ProcedureInfo | None) -> None:
        self.current = procedure
        self.list.hide()
        self.edit.setText(f"{procedure.code} — {procedure.name}" if procedure else "")
        self.edit.setCursorPosition(0)
        self.chosen.emit(procedure)

    def reset(self) -> None:
        self.current = None
        self.edit.clear()
        self.info.clear()
        self.list.hide()
        self.model.set_filter("")


class ChecklistView(QTableView):
    """The checklist table: Space ticks or unticks the current row from any column."""

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        model = self.model()
        index = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and isinstance(model, ChecklistModel) and index.isValid() and self.state() != QAbstractItemView.State.EditingState:
            model.toggle(index.row())
            return
        super().keyPressEvent(event)


class IntakeForm(QWidget):
    """The widgets of the intake tab. Emits what the officer asks for; the controller does the work."""

    save_requested = Signal(str)  # "receive" | "supplement" | "refuse"
    clear_requested = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeForm")
        self._esc = EscClears(self)
        self.banner = Banner(parent=self)
        self.ticket_label = QLabel(self)
        self.ticket_label.setObjectName("ticketLabel")
        self.ticket_label.setStyleSheet("font-weight: bold; color: #1e63b5;")
        self.ticket_label.hide()

        # -- left: procedure, applicant, submitter, options
        self.picker = ProcedurePicker(parent=self)
        proc_box = QGroupBox(self.tr("Procedure"), self)
        QVBoxLayout(proc_box).addWidget(self.picker)

        self.scan_edit = self._line("scanEdit", self.tr("Scan the QR code of the ID card here (or paste its text)"))
        self.scan_error = error_label(parent=self)
        self.name_edit = self._line("nameEdit")
        self.id_edit = self._line("idEdit", self.tr("12 digits (or 9 for an old ID)"))
        self.dob_edit = self._line("dobEdit", self.tr("dd/mm/yyyy"))
        self.sex_combo = QComboBox(self)
        self.sex_combo.addItems(["", "Nam", "Nữ"])
        self.sex_combo.setToolTip(self.tr("Only used to check the ID number; not stored"))
        self.phone_edit = self._line("phoneEdit")
        self.email_edit = self._line("emailEdit")
        self.address_edit = self._line("addressEdit")
        self.errors: dict[str, QLabel] = {}
        applicant_box = QGroupBox(self.tr("Applicant"), self)
        form = QFormLayout(applicant_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Scan ID card"), self._with_error(self.scan_edit, self.scan_error))
        for key, label, widget in (
            ("full_name", self.tr("Full name *"), self.name_edit),
            ("id_number", self.tr("ID number"), self.id_edit),
            ("date_of_birth", self.tr("Date of birth"), self.dob_edit),
            ("sex", self.tr("Sex"), self.sex_combo),
            ("phone", self.tr("Phone"), self.phone_edit),
            ("email", self.tr("E-mail"), self.email_edit),
            ("address", self.tr("Address"), self.address_edit),
        ):
            self.errors[key] = error_label(parent=self)
            form.addRow(label, self._with_error(widget, self.errors[key]))

        self.submitter_toggle = QCheckBox(self.tr("Submitted on behalf by someone else"), self)
        self.submitter_toggle.setObjectName("submitterToggle")
        self.submitter_toggle.setToolTip(with_shortcut(self.tr("Show the submitter's fields"), "Alt+N"))
        self.submitter_toggle.setShortcut(QKeySequence("Alt+N"))
        self.submitter_box = QGroupBox(self.tr("Submitter"), self)
        self.sub_name_edit = self._line("subNameEdit")
        self.sub_id_edit = self._line("subIdEdit")
        self.sub_phone_edit = self._line("subPhoneEdit")
        self.sub_address_edit = self._line("subAddressEdit")
        sub_form = QFormLayout(self.submitter_box)
        for key, label, widget in (
            ("sub_full_name", self.tr("Full name *"), self.sub_name_edit),
            ("sub_id_number", self.tr("ID number"), self.sub_id_edit),
            ("sub_phone", self.tr("Phone"), self.sub_phone_edit),
            ("sub_address", self.tr("Address"), self.sub_address_edit),
        ):
            self.errors[key] = error_label(parent=self)
            sub_form.addRow(label, self._with_error(widget, self.errors[key]))
        self.submitter_box.setVisible(False)
        self.submitter_toggle.toggled.connect(self._toggle_submitter)

        self.type_combo = self._combo(APPLICANT_TYPE_NAMES)
        self.channel_combo = self._combo(CHANNEL_NAMES)
        self.delivery_combo = self._combo(DELIVERY_NAMES)
        self.sets_spin = QSpinBox(self)
        self.sets_spin.setRange(1, 99)
        options_box = QGroupBox(self.tr("Dossier"), self)
        options = QFormLayout(options_box)
        options.addRow(self.tr("Applicant type"), self.type_combo)
        options.addRow(self.tr("Channel"), self.channel_combo)
        options.addRow(self.tr("Result delivery"), self.delivery_combo)
        options.addRow(self.tr("Number of sets"), self.sets_spin)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        for box in (proc_box, applicant_box, self.submitter_toggle, self.submitter_box, options_box):
            left_layout.addWidget(box)
        left_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(460)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # -- right: appointment, checklist, fees, note, buttons
        self.due_label = QLabel(self)
        self.due_label.setObjectName("dueLabel")
        self.due_label.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1b4d1e; padding: 4px 0;")
        self.time_label = QLabel(self)
        self.time_label.setObjectName("timeLabel")
        self.time_label.setStyleSheet("color: #555;")
        self.manual_due = QDateTimeEdit(self)
        self.manual_due.setObjectName("manualDue")
        self.manual_due.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.manual_due.setCalendarPopup(True)
        self.manual_due.setDateTime(local_now().replace(tzinfo=None, second=0, microsecond=0))  # Vietnam time
        self.manual_due_row = QWidget(self)
        row = QHBoxLayout(self.manual_due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("No processing time in the catalog; appointment:"), self))
        row.addWidget(self.manual_due)
        row.addStretch(1)
        self.manual_due_row.hide()

        self.checklist = ChecklistModel(parent=self)
        self.checklist_view = ChecklistView(self)
        self.checklist_view.setObjectName("checklistView")
        self.checklist_view.setModel(self.checklist)
        self.checklist_view.setWordWrap(True)
        self.checklist_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.checklist_view.verticalHeader().hide()
        header = self.checklist_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChecklistModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.checklist_view.setToolTip(
            with_shortcut(self.tr("Space ticks a document; type a number to change a count"), "Ctrl+D")
        )
        self.checklist.modelReset.connect(self.checklist_view.resizeRowsToContents)

        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missingLabel")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.hide()
        self.fees_label = QLabel(self)
        self.fees_label.setObjectName("feesLabel")
        self.fees_label.setWordWrap(True)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("Note"))
        self.note_edit.setFixedHeight(54)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.installEventFilter(self._esc)

        self.save_button = self._button(self.tr("Receive"), self.tr("Save the dossier and print the slip"), "Ctrl+Return", "receive")
        self.save_button.setDefault(False)
        self.save_button.setStyleSheet("font-weight: bold;")
        self.supplement_button = self._button(self.tr("Request supplement"), self.tr("Record the dossier as incomplete and print the list of what to bring"), "Ctrl+B", "supplement")
        self.refuse_button = self._button(self.tr("Refuse"), self.tr("Refuse the dossier and print the reason"), "Ctrl+T", "refuse")
        self.clear_button = QPushButton(self.tr("Clear form"), self)
        self.clear_button.setToolTip(with_shortcut(self.tr("Empty the form for the next citizen"), "Ctrl+N"))
        self.clear_button.clicked.connect(self.clear_requested)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save_button.click, context=Qt.ShortcutContext.WidgetWithChildrenShortcut) \
            .setWhatsThis(self.tr("Save the dossier and print the slip"))
        for key, target, what in (
            ("Ctrl+L", self.picker.edit, self.tr("Procedure")), ("Ctrl+I", self.scan_edit, self.tr("Scan the ID card")),
            ("Ctrl+D", self.checklist_view, self.tr("Documents checklist (Space ticks)")),
        ):
            QShortcut(QKeySequence(key), self, target.setFocus, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).setWhatsThis(what)
        self.picker.edit.setToolTip(with_shortcut(self.tr("Procedure"), "Ctrl+L"))
        self.scan_edit.setToolTip(with_shortcut(self.tr("Scan the ID card's QR code"), "Ctrl+I"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refuse_button)
        buttons.addWidget(self.supplement_button)
        buttons.addWidget(self.save_button)
        from ui.scan import entry_button  # digitization (issue 10) of the dossier last received here
        buttons.addWidget(entry_button(self, lambda: getattr(self, "last_saved_code", None)))

        right = QVBoxLayout()
        right.addWidget(self.due_label)
        right.addWidget(self.time_label)
        right.addWidget(self.manual_due_row)
        documents_title = QLabel(self.tr("Documents received (* required)"), self)
        documents_title.setStyleSheet("font-weight: bold;")
        right.addWidget(documents_title)
        right.addWidget(self.checklist_view, 1)
        right.addWidget(self.missing_label)
        right.addWidget(self.fees_label)
        right.addWidget(self.note_edit)
        right.addLayout(buttons)

        body = QHBoxLayout()
        body.addWidget(scroll, 4)
        body.addLayout(right, 6)
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addWidget(self.ticket_label)
        outer.addLayout(body, 1)

        # The last save's success banner stays until the next dossier is begun, then goes: an old
        # "received" over a form being typed reads as if the new dossier were saved already.
        for edit in [self.picker.edit, *self.line_edits()]:
            edit.textEdited.connect(self._next_dossier_begun)
        self.checklist.dataChanged.connect(self._next_dossier_begun)

        QWidget.setTabOrder(self.picker.edit, self.scan_edit)
        chain = [self.scan_edit, self.name_edit, self.id_edit, self.dob_edit, self.sex_combo, self.phone_edit,
                 self.email_edit, self.address_edit, self.submitter_toggle, self.sub_name_edit, self.sub_id_edit,
                 self.sub_phone_edit, self.sub_address_edit, self.type_combo, self.channel_combo,
                 self.delivery_combo, self.sets_spin, self.checklist_view, self.note_edit, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # -- construction helpers -------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.installEventFilter(self._esc)
        return edit

    def _with_error(self, widget: QWidget, error: QLabel) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        layout.addWidget(error)
        return box

    def _combo(self, table: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        for code in table:
            combo.addItem(code_name(table, code), code)
        return combo

    def _button(self, text: str, tip: str, key: str, mode: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(with_shortcut(tip, key))
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.save_requested.emit(mode))
        QShortcut(QKeySequence(key), self, button.click, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).setWhatsThis(tip)
        return button

    def _next_dossier_begun(self, *_args) -> None:
        if self.banner.isVisible() and self.banner.kind == "success":
            self.banner.dismiss()

    def _toggle_submitter(self, on: bool) -> None:
        self.submitter_box.setVisible(on)
        if on:
            self.sub_name_edit.setFocus()

    # -- reading and resetting -------------------------------------------------------------------------

    def line_edits(self) -> list[QLineEdit]:
        return [self.name_edit, self.id_edit, self.dob_edit, self.phone_edit, self.email_edit, self.address_edit,
                self.sub_name_edit, self.sub_id_edit, self.sub_phone_edit, self.sub_address_edit, self.scan_edit]

    def is_dirty(self) -> bool:
        return (
            self.picker.current is not None
            or any(e.text().strip() for e in self.line_edits())
            or bool(self.note_edit.toPlainText().strip())
        )

    def reset(self) -> None:
        """Empty every field for the next citizen (keeps the banner)."""
        self.picker.reset()
        for edit in self.line_edits():
            edit.clear()
        for label in [self.scan_error, *self.errors.values()]:
            label.clear()
            label.hide()
        self.sex_combo.setCurrentIndex(0)
        self.submitter_toggle.setChecked(False)
        for combo in (self.type_combo, self.channel_combo, self.delivery_combo):
            combo.setCurrentIndex(0)
        self.sets_spin.setValue(1)
        self.note_edit.clear()
        self.missing_label.hide()
        self.ticket_label.hide()
        self.picker.edit.setFocus()
