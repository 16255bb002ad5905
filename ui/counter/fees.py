"""Taking a dossier's fees at the counter (at intake and at return) and cancelling a wrong receipt.

``FeePaymentDialog`` shows what the dossier owes now (``app.services.fees.due``), asks the amount of each
fee the catalog does not price ("theo quy định": typed in đồng, the thousands separated when the field is
left; the total is read again), lets the officer choose the applicant group's exemption (the amount due is
read again), the means and the transaction reference,
and takes the payment (``fees.pay``) on the store thread; then the receipt (biên lai, 2 or 3 copies on
pages) is rendered, archived and queued on the station's A4 printer through the counter's
``PrintController``. ``CancelReceiptDialog`` cancels a receipt with a reason. GUI thread; the store work
runs through the window's TaskManager.
"""

from __future__ import annotations

from pathlib import Path

import re

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common import error_label, format_money, set_error
from ui.errors import error_text
from ui.i18n import arg
from ui.models import Column, DictTableModel
from ui.tasks import QueryOp, StoreOp, TaskManager


MAX_AMOUNT = 10**12  # đồng: far above any fee; a longer number is a typing slip


def parse_money(text: str) -> int | None:
    """A whole number of đồng as typed: "12.000", "12 000", "12000" or "12.000 đ"; None when empty or not
    such a number (a comma or a decimal part is refused: fees are whole đồng)."""
    plain = re.sub(r"\s*(đ|đồng|d|vnd|vnđ)\s*$", "", (text or "").strip(), flags=re.IGNORECASE)
    if not plain or not re.fullmatch(r"\d{1,3}([. ]\d{3})*|\d+", plain):
        return None
    value = int(re.sub(r"[. ]", "", plain))
    return value if value <= MAX_AMOUNT else None


class MoneyEdit(QLineEdit):
    """A field for an amount in đồng: digits, with the Vietnamese thousands separator put in when the
    officer leaves the field or presses Enter (12000 -> 12.000); :meth:`value` is the integer or None.

    ``hold_enter``: the Enter that ends a change stays in the field (the dialog shows the new total), the
    next Enter goes on to the dialog's default button."""

    def __init__(self, parent: QWidget | None = None, *, hold_enter: bool = False) -> None:
        super().__init__(parent)
        self.hold_enter = hold_enter
        self._entered_text: str | None = None
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9. ]{0,19}\s*(đ)?"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._reformat)

    def value(self) -> int | None:
        return parse_money(self.text())

    def set_value(self, amount: int | None) -> None:
        self.setText("" if amount is None else format_money(amount).removesuffix(" đ"))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        changed = self.text() != self._entered_text
        super().keyPressEvent(event)
        if enter:
            self._entered_text = self.text()
            if self.hold_enter and changed:
                event.accept()

    def _reformat(self) -> None:
        amount = self.value()
        if amount is not None:
            self.set_value(amount)


def render_receipt(session, *, code: str, data_dir: Path, actor) -> dict:
    """Store thread: the dossier's receipt in force as PDF (every copy a page), archived with the dossier."""
    from app.services import archive, fees
    from app.services.dossier_events import get_dossier
    from printing.fee_receipt import render_fee_receipt_data

    values = fees.receipt_print_data(session, code)
    pdf = render_fee_receipt_data(values)
    dossier = get_dossier(session, code)
    row = archive.keep(session, data_dir, actor, pdf, kind=f"fee_receipt:{values['receipt']['number']}", dossier_id=dossier.id)
    return {"pdf": pdf, "sha256": row.sha256, "code": dossier.code, "form": "fee_receipt", "reprint": False}


class FeePaymentDialog(QDialog):
    """Thu phí, lệ phí of one dossier. Emits ``paid(payment)`` after the commit and ``receipt_ready(result)``
    with the rendered receipt for the print queue."""

    paid = Signal(dict)
    receipt_ready = Signal(dict)

    def __init__(self, *, tasks: TaskManager, actor, code: str, data_dir: Path, station: str = "",
                 stage: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feePaymentDialog")
        self.setWindowTitle(arg(self.tr("Fees of dossier %1"), code))
        self.tasks, self.actor, self.code, self.data_dir, self.station, self.stage = tasks, actor, code, data_dir, station, stage
        self.owed: dict | None = None
        self.items_model = DictTableModel([
            Column("position", self.tr("No.")), Column("name", self.tr("Fee")),
            Column("amount", self.tr("Amount"), format_money),
        ], parent=self)
        from PySide6.QtWidgets import QHeaderView, QTableView

        self.items_view = QTableView(self)
        self.items_view.setModel(self.items_model)
        self.items_view.verticalHeader().hide()
        self.items_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.exemption = QComboBox(self)
        self.exemption.setObjectName("exemptionCombo")
        self.exemption.addItem(self.tr("No exemption"), None)
        self.means = QComboBox(self)
        self.means.setObjectName("meansCombo")
        for key, text in (("cash", self.tr("Cash")), ("transfer", self.tr("Bank transfer")), ("online", self.tr("Online payment"))):
            self.means.addItem(text, key)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("referenceEdit")
        self.reference.setMaxLength(80)
        self.reference.setPlaceholderText(self.tr("Transaction code (transfer or online)"))
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)
        self.prices: dict[int, MoneyEdit] = {}  # position -> the amount typed for a fee the catalog does not price
        self.prices_form = QFormLayout()
        self.amount = QLabel("–", self)
        self.amount.setObjectName("amountDue")
        self.amount.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.error = error_label(parent=self)
        form = QFormLayout()
        form.addRow(self.tr("Exemption or reduction:"), self.exemption)
        form.addRow("", self.basis)
        form.addRow(self.tr("Payment means:"), self.means)
        form.addRow(self.tr("Reference:"), self.reference)
        form.addRow(self.tr("Amount due:"), self.amount)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._name_ok_button()
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.collect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items_view)
        layout.addLayout(self.prices_form)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(620, 460)
        self.exemption.currentIndexChanged.connect(lambda _i: self.load())
        self.means.currentIndexChanged.connect(self._means_changed)
        self._means_changed()
        self._load_exemptions()

    def _name_ok_button(self) -> None:
        self.ok_button.setText(self.tr("Collect and print the receipt"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A catalog installed after the dialog was built (the first counter window installs the sync one)
        makes the button box name its buttons again: keep ours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "ok_button"):
            QTimer.singleShot(0, self, self._name_ok_button)  # after the box's own LanguageChange

    def _means_changed(self) -> None:
        self.reference.setEnabled(self.means.currentData() != "cash")

    def _load_exemptions(self) -> None:
        from app.services import fees

        QueryOp(parent=self, op=lambda session: fees.exemptions(session), tasks=self.tasks).success(self._show_exemptions) \
            .run_in_background()

    def _show_exemptions(self, rows: list[dict]) -> None:
        self.exemption.blockSignals(True)
        for row in rows:
            off = f"{row['percent']}%" if row["percent"] is not None else format_money(row["fixed_amount"])
            self.exemption.addItem(f"{row['name']} (−{off})", row)
        self.exemption.blockSignals(False)
        self.load()

    def typed_prices(self) -> dict[int, int]:
        """The amounts typed so far that are whole đồng above 0, by position."""
        return {p: v for p, edit in self.prices.items() if (v := edit.value())}

    def load(self) -> None:
        """Read what is due with the chosen exemption and the typed amounts (store thread)."""
        from app.services import fees

        row = self.exemption.currentData()
        code, stage, exemption, amounts = self.code, self.stage, row["code"] if row else None, self.typed_prices()
        self.ok_button.setEnabled(False)
        QueryOp(parent=self, op=lambda session: fees.due(session, code, stage=stage, exemption=exemption, amounts=amounts),
                tasks=self.tasks).success(self.show_due).failure(self._failed).run_in_background()

    def _add_prices(self, items: list[dict]) -> None:
        """One amount field per fee the catalog does not price (made once, kept while the exemption changes)."""
        for item in items:
            if not item.get("open") or item["position"] in self.prices:
                continue
            edit = MoneyEdit(self, hold_enter=True)
            edit.setObjectName(f"price{item['position']}")
            edit.setPlaceholderText(self.tr("đồng, e.g. 50.000"))
            edit.setAccessibleName(arg(self.tr("Amount of %1"), item["name"]))
            edit.editingFinished.connect(self._price_typed)
            edit.textEdited.connect(lambda _t: self._price_changed())
            name = QLabel(arg(self.tr("%1 (set by the regulation):"), item["name"]), self)
            name.setWordWrap(True)
            name.setBuddy(edit)
            self.prices_form.addRow(name, edit)
            self.prices[item["position"]] = edit
        if self.prices and not any(e.hasFocus() for e in self.prices.values()):
            next(iter(self.prices.values())).setFocus()

    def _price_changed(self) -> None:
        """An amount is being typed: the total shown is no longer right until it is read again."""
        self.ok_button.setEnabled(False)
        self.amount.setText("–")

    def _price_typed(self) -> None:
        bad = next((e for e in self.prices.values() if e.text().strip() and not e.value()), None)
        if bad is not None:
            set_error(self.error, self.tr("Type the amount as a whole number of đồng above 0, e.g. 50.000."))
        if self.owed is None or self.typed_prices() != self.owed.get("_prices", {}):
            self.load()

    def show_due(self, owed: dict) -> None:
        self.owed = {**owed, "_prices": self.typed_prices()}
        self._add_prices(owed["items"])
        self.items_model.set_rows(owed["items"])
        ex = owed.get("exemption")
        if owed["unknown"]:
            self.amount.setText("–")
            self.basis.setText("")
            bad = next((e for p, e in self.prices.items() if p in owed["unknown"] and e.text().strip()), None)
            set_error(self.error, self.tr("Type the amount as a whole number of đồng above 0, e.g. 50.000.") if bad else
                      self.tr("Type the amount of each fee set by the regulation."))
            self.ok_button.setEnabled(False)
            return
        self.amount.setText(format_money(owed["amount"]))
        self.basis.setText(arg(self.tr("Legal basis: %1 (−%2)"), ex["legal_basis"], format_money(owed["reduction"])) if ex else "")
        set_error(self.error, None if owed["items"] else self.tr("Nothing is due now."))
        self.ok_button.setEnabled(bool(owed["items"]))

    def _failed(self, exc: BaseException) -> None:
        set_error(self.error, error_text(exc))
        self.ok_button.setEnabled(False)

    def _pay_failed(self, exc: BaseException) -> None:
        """Refused (no reference, the amount changed meanwhile...): say why and let the officer fix it."""
        set_error(self.error, error_text(exc))
        self.ok_button.setEnabled(True)

    def collect(self) -> None:
        """Take the payment as shown, then render the receipt for the print queue."""
        from app.services import fees

        if self.owed is None:
            return
        if self.owed["unknown"] or self.typed_prices() != self.owed["_prices"]:
            self.load()  # Enter in an amount field: show the new total first, the next Enter takes it
            return
        actor, code, owed, station = self.actor(), self.code, self.owed, self.station
        amounts = {p: v for p, v in owed["_prices"].items() if p in {i["position"] for i in owed["items"]}}
        means, reference = self.means.currentData(), self.reference.text()
        exemption = owed["exemption"]["code"] if owed.get("exemption") else None
        positions = [i["position"] for i in owed["items"]]
        self.ok_button.setEnabled(False)
        StoreOp(
            parent=self,
            op=lambda session: fees.pay(session, actor, code, amount=owed["amount"], means=means, reference=reference,
                                        exemption=exemption, stage=owed["stage"], items=positions, amounts=amounts,
                                        station=station),
            changes={"dossiers": [code], "fees": [code]},
            tasks=self.tasks,
        ).success(self._paid).failure(self._pay_failed).with_progress(self.tr("Recording the payment...")).run_in_background()

    def _paid(self, payment: dict) -> None:
        self.paid.emit(payment)
        if payment.get("receipt"):
            actor, code, data_dir = self.actor(), self.code, self.data_dir
            StoreOp(parent=self.parent(), op=lambda session: render_receipt(session, code=code, data_dir=data_dir, actor=actor),
                    changes={"archive": [code]}, tasks=self.tasks).success(self.receipt_ready.emit).run_in_background()
        self.accept()


class CancelReceiptDialog(QDialog):
    """Hủy biên lai: the receipt's number and the reason (never edited; the next payment replaces it)."""

    cancelled = Signal(dict)

    def __init__(self, *, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelReceiptDialog")
        self.setWindowTitle(self.tr("Cancel a fee receipt"))
        self.tasks, self.actor = tasks, actor
        self.receipt = QLineEdit(self)
        self.receipt.setObjectName("receiptEdit")
        self.receipt.setPlaceholderText(self.tr("Series and number, e.g. AA-26P 0000012"))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reasonEdit")
        self.error = error_label(parent=self)
        form = QFormLayout()
        form.addRow(self.tr("Receipt:"), self.receipt)
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel the receipt"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        from app.services import fees

        actor, ref, reason = self.actor(), self.receipt.text(), self.reason.toPlainText()
        StoreOp(parent=self, op=lambda session: fees.cancel(session, actor, ref, reason=reason),
                changes=lambda result: {"dossiers": [result["code"]], "fees": [result["code"]]}, tasks=self.tasks) \
            .success(self._done).failure(lambda exc: set_error(self.error, error_text(exc))).run_in_background()

    def _done(self, result: dict) -> None:
        self.cancelled.emit(result)
        self.accept()
