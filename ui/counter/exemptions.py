"""The applicant groups' fee exemptions and reductions (miễn, giảm phí, lệ phí), for whoever holds
``fees.configure`` (the director, the technician): Fees › Exemptions and reductions.

``ExemptionsDialog`` lists every group (in use or not); choosing a row puts it in the form below, where its
name, reduction (a percentage or a fixed amount in đồng), legal basis and "in use" are changed; "New group"
(Ctrl+N) empties the form for a new code; "Save" (Ctrl+S) writes it through ``app.services.fees.set_exemption``
on the store thread. The form says in Vietnamese what is missing before anything is sent; the service checks
again (and checks the permission). A payment copies the group's name and legal basis, so a change here never
rewrites an old receipt. GUI thread.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import error_label, format_money, record_table, set_error, with_shortcut
from ui.counter.fees import MoneyEdit
from ui.errors import error_text
from ui.i18n import arg
from ui.models import Column, DictTableModel
from ui.tasks import QueryOp, StoreOp, TaskManager

PERCENT, FIXED = 0, 1


class _Model(DictTableModel):
    def text(self, row: int, column: int) -> str:
        data = self.rows[row]
        if self.columns[column].key == "percent":  # the reduction: a percentage or an amount
            return f"{data['percent']} %" if data["percent"] is not None else format_money(data["fixed_amount"])
        return super().text(row, column)


class ExemptionsDialog(QDialog):
    """List, add and change the applicant groups' exemptions."""

    def __init__(self, *, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exemptionsDialog")
        self.setWindowTitle(self.tr("Fee exemptions and reductions"))
        self.tasks, self.actor = tasks, actor
        self.model = _Model([
            Column("code", self.tr("Code")), Column("name", self.tr("Applicant group")),
            Column("percent", self.tr("Reduction")), Column("legal_basis", self.tr("Legal basis")),
            Column("active", self.tr("In use"), lambda v: self.tr("Yes") if v else self.tr("No")),
        ], parent=self)
        self.view = record_table(self.model, "exemptionTable", stretch=3, parent=self)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _prev: self.edit_row(current.row()))

        self.code = QLineEdit(self)
        self.code.setObjectName("exemptionCode")
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("e.g. HN"))
        self.name = QLineEdit(self)
        self.name.setObjectName("exemptionName")
        self.name.setPlaceholderText(self.tr("e.g. Poor households"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("exemptionKind")
        self.kind.addItem(self.tr("A percentage of the fees"), PERCENT)
        self.kind.addItem(self.tr("A fixed amount off"), FIXED)
        self.percent = QSpinBox(self)
        self.percent.setObjectName("exemptionPercent")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setSpecialValueText(" ")  # 0: not filled in yet
        self.amount = MoneyEdit(self)
        self.amount.setObjectName("exemptionAmount")
        self.amount.setPlaceholderText(self.tr("đồng, e.g. 10.000"))
        self.value = QStackedWidget(self)
        self.value.addWidget(self.percent)
        self.value.addWidget(self.amount)
        self.value.setFixedHeight(max(self.percent.sizeHint().height(), self.amount.sizeHint().height()))
        self.kind.currentIndexChanged.connect(self.value.setCurrentIndex)
        self.basis = QLineEdit(self)
        self.basis.setObjectName("exemptionBasis")
        self.basis.setPlaceholderText(self.tr("e.g. Point a, clause 2, Article 3 of Circular 281/2016/TT-BTC"))
        self.active = QCheckBox(self.tr("In use (offered in the payment dialog)"), self)
        self.active.setObjectName("exemptionActive")
        self.error = error_label(parent=self)
        form = QFormLayout()
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("&Applicant group:"), self.name)
        form.addRow(self.tr("&Reduction:"), self.kind)
        form.addRow("", self.value)
        form.addRow(self.tr("&Legal basis:"), self.basis)
        form.addRow("", self.active)
        for label_widget, field in ((form.labelForField(w), w) for w in (self.code, self.name, self.kind, self.basis)):
            label_widget.setBuddy(field)

        self.new_button = self._button(self.tr("New group"), "Ctrl+N", self.new_group)
        self.save_button = self._button(self.tr("Save"), "Ctrl+S", self.save)
        self.save_button.setDefault(True)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setTabOrder(self.code, self.name)
        self.resize(900, 560)
        self.new_group()
        self.refresh()

    def _button(self, text: str, keys: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setShortcut(QKeySequence(keys))
        b.setToolTip(with_shortcut(text, keys))
        b.setAutoDefault(False)
        b.clicked.connect(lambda _checked=False: slot())
        return b

    # -- reading ---------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        from app.services import fees

        QueryOp(parent=self, op=lambda session: fees.exemptions(session, active_only=False), tasks=self.tasks) \
            .success(lambda rows: self._show(rows, select)) \
            .failure(lambda exc: set_error(self.error, error_text(exc))).run_in_background()

    def _show(self, rows: list[dict], select: str | None) -> None:
        self.model.set_rows(rows)
        index = next((i for i, r in enumerate(rows) if r["code"] == select), None)
        if index is not None:
            self.view.selectRow(index)

    def edit_row(self, index: int) -> None:
        """Put row ``index`` of the list in the form (its code stays: a group's code is its identity)."""
        if not 0 <= index < len(self.model.rows):
            return
        row = self.model.rows[index]
        self.code.setText(row["code"])
        self.code.setReadOnly(True)
        self.name.setText(row["name"])
        self.kind.setCurrentIndex(PERCENT if row["percent"] is not None else FIXED)
        self.percent.setValue(row["percent"] or 0)
        self.amount.set_value(row["fixed_amount"])
        self.basis.setText(row["legal_basis"])
        self.active.setChecked(bool(row["active"]))
        set_error(self.error, None)
        self.name.setFocus()

    def new_group(self) -> None:
        """Ctrl+N: an empty form for a new group."""
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1, -1))
        for field in (self.code, self.name, self.basis, self.amount):
            field.clear()
        self.code.setReadOnly(False)
        self.kind.setCurrentIndex(PERCENT)
        self.percent.setValue(0)
        self.active.setChecked(True)
        set_error(self.error, None)
        self.code.setFocus()

    # -- writing ---------------------------------------------------------------------------------

    def values(self) -> dict | None:
        """The form as ``set_exemption``'s arguments, or None after saying what is wrong (focus on it)."""
        code, name, basis = self.code.text().strip(), self.name.text().strip(), self.basis.text().strip()
        problem = None
        if not code:
            problem, field = self.tr("Enter the group's code (at most 20 characters)."), self.code
        elif not name:
            problem, field = self.tr("Enter the name of the applicant group."), self.name
        elif self.kind.currentData() == PERCENT and not 1 <= self.percent.value() <= 100:
            problem, field = self.tr("The reduction is a whole percentage from 1 to 100."), self.percent
        elif self.kind.currentData() == FIXED and not (self.amount.value() or 0) >= 1:
            problem, field = self.tr("The amount off is a whole number of đồng greater than 0, e.g. 10.000."), self.amount
        elif not basis:
            problem, field = self.tr("Enter the legal basis (the text that grants the exemption)."), self.basis
        if problem:
            set_error(self.error, problem)
            field.setFocus()
            return None
        percent = self.percent.value() if self.kind.currentData() == PERCENT else None
        amount = self.amount.value() if self.kind.currentData() == FIXED else None
        return {"code": code, "name": name, "legal_basis": basis, "percent": percent, "fixed_amount": amount,
                "active": self.active.isChecked()}

    def save(self) -> None:
        """Ctrl+S: add or change the group in the form (store thread)."""
        from app.services import fees

        values = self.values()
        if values is None:
            return
        actor = self.actor()
        code = values.pop("code")
        self.save_button.setEnabled(False)
        StoreOp(parent=self, op=lambda session: fees.set_exemption(session, actor, code, **values),
                changes={"fee_exemptions": [code]}, tasks=self.tasks) \
            .success(self._saved).failure(self._failed).run_in_background()

    def _saved(self, row: dict) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, None)
        self.setWindowTitle(arg(self.tr("Fee exemptions and reductions — saved %1"), row["code"]))
        self.refresh(select=row["code"])

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, error_text(exc))


