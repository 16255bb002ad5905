"""What the intake form does: pick a procedure, read the ID card, compute the appointment live, check the
documents, and save through ``dossiers.receive`` in a StoreOp (journey 4).

GUI thread only; the save runs on the store thread through ``ui.tasks``. The appointment shown is computed
on the GUI thread from the calendar loaded once at start (microseconds); the core computes it again when
saving, so what is stored never depends on this display.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.actors import Actor
from app.cccd import looks_like_cccd, parse_cccd
from app.errors import ValidationError
from app.services import dossiers
from app.workcal import VN_TZ
from ui.common import ReasonDialog, format_date, format_money, local_now, parse_date, set_error
from ui.counter.intake import IntakeForm
from ui.errors import error_text
from ui.i18n import FEE_KIND_NAMES, arg, code_name
from ui.models import CounterContext, DocItem, ProcedureInfo, working_days_from
from ui.tasks import StoreOp, TaskManager

log = logging.getLogger(__name__)

DUE_REFRESH_MS = 30_000

class IntakeController(QObject):
    """Drives one :class:`IntakeForm`."""

    #: (form key, dossier code) after a save: "receipt", "supplement" or "refusal".
    print_requested = Signal(str, str)
    #: the saved dossier's summary (``dossiers.summary_json``).
    dossier_saved = Signal(dict)

    def __init__(self, form: IntakeForm, tasks: TaskManager, actor: Callable[[], Actor], *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.tasks = tasks
        self.actor = actor
        self.context: CounterContext | None = None
        self.procedure: ProcedureInfo | None = None
        self.ticket: str | None = None
        self.pending_dialog: ReasonDialog | None = None
        self._saving = False
        form.picker.chosen.connect(self.choose_procedure)
        form.scan_edit.returnPressed.connect(self.scan)
        for edit in (form.name_edit, form.id_edit):
            # A keyboard-wedge reader types wherever the cursor is: treat a card burst as a scan anywhere.
            edit.returnPressed.connect(lambda e=edit: self._maybe_scan_from(e))
        form.save_requested.connect(self.save)
        form.clear_requested.connect(self.new_intake)
        form.checklist.dataChanged.connect(self._show_missing)
        form.checklist.modelReset.connect(self._show_missing)
        validators = {
            "full_name": form.name_edit, "id_number": form.id_edit, "date_of_birth": form.dob_edit,
            "phone": form.phone_edit, "email": form.email_edit,
        }
        for key, edit in validators.items():
            edit.editingFinished.connect(lambda k=key: self._validate_field(k))
        self._due_timer = QTimer(self)
        self._due_timer.setInterval(DUE_REFRESH_MS)
        self._due_timer.timeout.connect(self.update_due)
        self._due_timer.start()
        self.update_due()

    # -- context and procedure -----------------------------------------------------------------------

    def set_context(self, context: CounterContext) -> None:
        self.context = context
        self.form.picker.set_procedures(context.procedures)

    def set_ticket(self, ticket: str | None) -> None:
        self.ticket = ticket
        self.form.ticket_label.setText(arg(self.tr("Ticket %1"), ticket) if ticket else "")
        self.form.ticket_label.setVisible(bool(ticket))

    def new_intake(self) -> None:
        self.form.reset()
        self.choose_procedure(None)
        self.set_ticket(None)

    def choose_procedure(self, procedure: ProcedureInfo | None) -> None:
        self.procedure = procedure
        form = self.form
        form.checklist.set_procedure(procedure)
        form.checklist_view.resizeRowsToContents()
        if procedure is None:
            form.picker.info.clear()
            form.fees_label.clear()
            form.time_label.clear()
            form.manual_due_row.hide()
        else:
            dept = procedure.department or self.tr("no department")
            form.picker.info.setText(f"{html.escape(procedure.field)} · {html.escape(dept)}")
            form.time_label.setText(self._time_text(procedure))
            form.fees_label.setText(self._fees_text(procedure))
            if procedure.has_time:
                form.manual_due_row.hide()
            else:
                form.manual_due_row.show()
                if self.context is not None:
                    default = working_days_from(self.context.calendar, local_now(), 1)
                    form.manual_due.setDateTime(default.replace(tzinfo=None))
            if form.picker.edit.hasFocus():
                form.scan_edit.setFocus()
        self.update_due()

    def _time_text(self, p: ProcedureInfo) -> str:
        amount = p.time_amount
        shown = "" if amount is None else (str(int(amount)) if amount == int(amount) else str(amount).replace(".", ","))
        texts = {
            "working_days": self.tr("%1 working day(s)"),
            "working_hours": self.tr("%1 working hour(s)"),
            "days": self.tr("%1 day(s)"),
        }
        if p.time_unit == "same_day":
            text = self.tr("within the day")
        elif amount is None:
            text = self.tr("not in the catalog")
        else:
            text = arg(texts.get(p.time_unit, "%1 " + p.time_unit), shown)
        line = arg(self.tr("Processing time: %1"), text)
        if p.after_15h_next_day:
            line += " " + self.tr("(received after 15:00: counted from the next working day)")
        return line

    def _fees_text(self, p: ProcedureInfo) -> str:
        if not p.fees:
            return self.tr("Fees: none")
        lines = []
        for fee in p.fees:
            if fee.amount is None:
                amount = self.tr("As set by the provincial People's Council")
            elif fee.amount == 0:
                amount = self.tr("free")
            else:
                amount = format_money(fee.amount)
            lines.append(f"• {html.escape(fee_label(code_name(FEE_KIND_NAMES, fee.kind), fee.name))} — <b>{html.escape(amount)}</b>")
        return self.tr("Fees:") + "<br>" + "<br>".join(lines)

    def computed_due(self, now: datetime | None = None) -> datetime | None:
        """The appointment for a dossier received now (None when the catalog has no processing time)."""
        if self.procedure is None or self.context is None or not self.procedure.has_time:
            return None
        return dossiers.compute_due(self.context.calendar, self.procedure, now or local_now())

    def update_due(self) -> None:
        label = self.form.due_label
        if self.procedure is None:
            label.setText(self.tr("Appointment: choose a procedure"))
            return
        due = self.computed_due()
        if due is None:
            label.setText(self.tr("Appointment: enter it below"))
        else:
            label.setText(due_text(due))

    # -- the ID card -----------------------------------------------------------------------------------

    def _maybe_scan_from(self, edit) -> None:
        if looks_like_cccd(edit.text()):
            self.form.scan_edit.setText(edit.text())
            edit.clear()
            self.scan()

    def scan(self) -> None:
        form = self.form
        text = form.scan_edit.text()
        if not text.strip():
            return
        try:
            card = parse_cccd(text)
        except ValidationError as exc:
            set_error(form.scan_error, error_text(exc))
            form.scan_edit.selectAll()
            return
        set_error(form.scan_error, None)
        form.scan_edit.clear()
        form.name_edit.setText(card.full_name)
        form.id_edit.setText(card.id_number)
        form.dob_edit.setText(format_date(card.date_of_birth))
        form.sex_combo.setCurrentText(card.sex)
        form.address_edit.setText(card.address or "")
        for key in ("full_name", "id_number", "date_of_birth"):
            set_error(form.errors[key], None)
        form.phone_edit.setFocus()

    # -- validation -------------------------------------------------------------------------------------

    def _field_error(self, key: str) -> str | None:
        form = self.form
        party, field = ("submitter", key[4:]) if key.startswith("sub_") else ("applicant", key)
        edit = {
            "full_name": form.name_edit, "id_number": form.id_edit, "date_of_birth": form.dob_edit,
            "phone": form.phone_edit, "email": form.email_edit, "sub_full_name": form.sub_name_edit,
            "sub_id_number": form.sub_id_edit, "sub_phone": form.sub_phone_edit,
        }.get(key)
        if edit is None:
            return None
        value = edit.text().strip()
        if field == "date_of_birth" and value:
            dob = parse_date(value)
            if dob is None:  # the form's own dd/mm/yyyy; whether the date is plausible is the core's rule
                return self.tr("Not a valid date of birth (dd/mm/yyyy).")
            value = dob.isoformat()
        return self._core_error(party, field, value)

    @staticmethod
    def _core_error(party: str, field: str, value: str) -> str | None:
        """The core's check of one field (``parse_party`` is the only validator of a party's data): a stand-in
        name lets the other fields pass, so only ``field`` is judged."""
        data = {"full_name": "A", field: value}
        try:
            dossiers.parse_party(data, party)
        except ValidationError as exc:
            return error_text(exc)
        return None

    def _validate_field(self, key: str) -> bool:
        error = self._field_error(key)
        set_error(self.form.errors[key], error)
        return error is None

    def validate(self) -> bool:
        """Check every field, show what is wrong next to it, and focus the first bad one."""
        keys = ["full_name", "id_number", "date_of_birth", "phone", "email"]
        if self.form.submitter_toggle.isChecked():
            keys += ["sub_full_name", "sub_id_number", "sub_phone"]
        bad = [key for key in keys if not self._validate_field(key)]
        if bad:
            widget = {
                "full_name": self.form.name_edit, "id_number": self.form.id_edit, "date_of_birth": self.form.dob_edit,
                "phone": self.form.phone_edit, "email": self.form.email_edit, "sub_full_name": self.form.sub_name_edit,
                "sub_id_number": self.form.sub_id_edit, "sub_phone": self.form.sub_phone_edit,
            }[bad[0]]
            widget.setFocus()
        return not bad

    def build_request(self) -> dossiers.IntakeRequest:
        """The same IntakeRequest ``motcua dossier receive --file`` builds (through ``parse_intake``)."""
        form = self.form
        dob = parse_date(form.dob_edit.text())
        data = {
            "procedure_code": self.procedure.code if self.procedure else "",
            "applicant": {
                "full_name": form.name_edit.text(),
                "id_number": form.id_edit.text(),
                "date_of_birth": dob.isoformat() if dob else None,
                "phone": form.phone_edit.text(),
                "email": form.email_edit.text(),
                "address": form.address_edit.text(),
            },
            "applicant_type": form.type_combo.currentData(),
            "channel": form.channel_combo.currentData(),
            "delivery": form.delivery_combo.currentData(),
            "sets": form.sets_spin.value(),
            "documents": [doc.__dict__ for doc in form.checklist.documents()],
            "note": form.note_edit.toPlainText(),
        }
        if form.submitter_toggle.isChecked():
            data["submitter"] = {
                "full_name": form.sub_name_edit.text(),
                "id_number": form.sub_id_edit.text(),
                "phone": form.sub_phone_edit.text(),
                "address": form.sub_address_edit.text(),
            }
        request = dossiers.parse_intake(data)
        if self.procedure is not None and not self.procedure.has_time:
            request.due_at = form.manual_due.dateTime().toPython().replace(tzinfo=VN_TZ, second=0, microsecond=0)
        return request

    # -- the missing documents -------------------------------------------------------------------------

    def missing(self) -> list[DocItem]:
        return self.form.checklist.missing()

    def missing_lines(self, missing: list[DocItem], *, rich: bool = False) -> list[str]:
        """One line per missing requirement; the members of a "one of" group share a line."""
        def item(d: DocItem) -> str:
            return f"<b>{html.escape(d.code)}</b> {html.escape(d.name)}" if rich else f"{d.code} {d.name}"

        order: list[tuple[str, object]] = []
        groups: dict[str, list[DocItem]] = {}
        for d in missing:
            if not d.alternative_group:
                order.append(("item", d))
            elif d.alternative_group not in groups:
                groups[d.alternative_group] = [d]
                order.append(("group", d.alternative_group))
            else:
                groups[d.alternative_group].append(d)
        joiner = " " + self.tr("or") + " "
        return [
            item(key) if kind == "item" else arg(self.tr("one of: %1"), joiner.join(item(d) for d in groups[key]))
            for kind, key in order
        ]

    def _show_missing(self, *_args, strong: bool = False) -> None:
        label = self.form.missing_label
        missing = self.missing() if self.procedure is not None else []
        if not missing:
            label.hide()
            return
        items = "".join(f"<li>{line}</li>" for line in self.missing_lines(missing, rich=True))
        if strong:
            head = self.tr("Not saved: required documents are missing. Request a supplement (Ctrl+B) or refuse (Ctrl+T).")
            style = "color:#8a0000; background:#fde2e2; border:1px solid #c62828; padding:6px;"
        else:
            head = self.tr("Still missing:")
            style = "color:#6b4600; background:#fff3d6; border:1px solid #e0b040; padding:6px;"
        label.setStyleSheet(style)
        label.setText(f"<b>{html.escape(head)}</b><ul style='margin:2px 0 0 -20px'>{items}</ul>")
        label.show()

    # -- saving ------------------------------------------------------------------------------------------

    def save(self, mode: str = "receive") -> None:
        """Ctrl+Enter ("receive"), Ctrl+B ("supplement") or Ctrl+T ("refuse")."""
        if self._saving:
            return
        form = self.form
        if self.procedure is None:
            form.banner.show_message(self.tr("Choose the procedure first."), "warning", timeout_ms=6000)
            form.picker.edit.setFocus()
            return
        if not self.validate():
            form.banner.show_message(self.tr("Some fields are not valid; see the messages in red."), "warning", timeout_ms=6000)
            return
        missing = self.missing()
        if mode == "receive" and missing:
            self._show_missing(strong=True)
            form.banner.show_message(self.tr("Not saved: required documents are missing."), "error")
            form.checklist_view.setFocus()
            return
        if mode == "supplement" and not missing:
            form.banner.show_message(
                self.tr("Every required document is ticked: there is nothing to request. Untick what is missing."),
                "warning", timeout_ms=8000,
            )
            return
        try:
            request = self.build_request()
        except ValidationError as exc:
            from ui.errors import show_error

            show_error(exc, parent=form)
            return
        if mode == "receive":
            self._run(request, "reject", None)
            return
        items = self.missing_lines(missing)
        if mode == "supplement":
            dialog = ReasonDialog(
                parent=form,
                title=self.tr("Request a supplement"),
                message=self.tr("The applicant must bring these documents:"),
                items=items,
                reason=self.tr("The dossier lacks the required documents listed."),
                ok_text=self.tr("Save and print the request"),
            )
        else:
            dialog = ReasonDialog(
                parent=form,
                title=self.tr("Refuse the dossier"),
                message=self.tr("The refusal and its reason are printed for the applicant."),
                items=items or None,
                ok_text=self.tr("Refuse and print"),
            )
        dialog.accepted_with.connect(lambda reason: self._run(request, "request-supplement" if mode == "supplement" else "refuse", reason))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.pending_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog) -> None:
        if self.pending_dialog is dialog:
            self.pending_dialog = None

    def _run(self, request: dossiers.IntakeRequest, on_missing: str, reason: str | None) -> None:
        actor = self.actor()
        refuse = on_missing == "refuse"

        def op(session):
            dossier = dossiers.receive(session, actor, request, on_missing=on_missing, reason=reason, refuse=refuse)
            return dossiers.summary_json(dossier)

        self._set_saving(True)
        (
            StoreOp(parent=self.form, op=op, changes=lambda r: {"dossiers": [r["code"]]}, tasks=self.tasks)
            .success(self._saved)
            .failure(self._failed)
            .with_progress(self.tr("Saving the dossier..."))
            .run_in_background()
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in (self.form.save_button, self.form.supplement_button, self.form.refuse_button):
            button.setEnabled(not saving)

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self._set_saving(False)
        show_error(exc, parent=self.form)

    def _saved(self, summary: dict) -> None:
        self._set_saving(False)
        code, status = summary["code"], summary["status"]
        self.form.last_saved_code = code  # the scan panel's entry point (ui.scan.entry_button)
        if status == "supplement_requested":
            text, form_key = arg(self.tr("Dossier %1: supplement requested. Print the list for the applicant."), f"<b>{code}</b>"), "supplement"
        elif status == "refused":
            text, form_key = arg(self.tr("Dossier %1 refused. Print the refusal for the applicant."), f"<b>{code}</b>"), "refusal"
        else:
            due = summary.get("due_at")
            due_part = due_text(datetime.fromisoformat(due)) if due else ""
            text, form_key = arg(self.tr("Dossier %1 received. %2"), f"<b>{code}</b>", html.escape(due_part)), "receipt"
        self.form.reset()
        self.choose_procedure(None)
        self.set_ticket(None)
        self.form.banner.show_message(text, "success")
        self.dossier_saved.emit(summary)
        self.print_requested.emit(form_key, code)


def fee_label(kind: str, name: str) -> str:
    """"Lệ phí: đăng ký hộ tịch" from the kind and the catalog's name, without saying the kind twice when
    the name starts with it ("Lệ phí đăng ký hộ tịch", not "Lệ phí: Lệ phí đăng ký hộ tịch")."""
    from app.text import fold

    if not kind or fold(name).startswith(fold(kind)):
        return name
    return f"{kind}: {name}"


def due_text(due: datetime) -> str:
    """"Appointment: 16:30 on 07/05/2026" in the officer's language."""
    local = due.astimezone(VN_TZ)
    text = QCoreApplication.translate("IntakeController", "Appointment: %1 on %2")
    return arg(text, local.strftime("%H:%M"), local.strftime("%d/%m/%Y"))
