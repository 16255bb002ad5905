"""One dossier: header, timeline, documents and fees, and a button for each action its status allows.

Each action opens a small non-blocking dialog that asks what the action needs; the action runs through
``dossiers.act`` in a StoreOp with ``expected_version`` = the version on screen, so a dossier changed by
another station meanwhile is refused ("changed by someone else") and reloaded. GUI thread only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.errors import StaleVersionError
from app.lifecycle import CLOCK_RUNNING
from app.services import dossiers, privacy
from ui.common import (
    OVERDUE,
    SOON,
    due_state,
    format_dt,
    format_money,
    local_now,
    titled,
    with_shortcut,
)
from ui.counter.action_dialog import ActionDialog, _plain
from ui.errors import show_error
from ui.i18n import (
    ACTION_NAMES,
    FEE_KIND_NAMES,
    FEE_STATUS_NAMES,
    action_name,
    arg,
    code_name,
    event_name,
    status_name,
)
from ui.models import Column, CounterContext, DictTableModel
from ui.tasks import StoreOp, TaskManager

ACTION_KEYS = {
    "transfer": "Ctrl+Shift+C", "request_supplement": "Ctrl+Shift+B", "supplement_complete": "Ctrl+Shift+D",
    "finish": "Ctrl+Shift+H", "refuse": "Ctrl+Shift+T", "request_payment": "Ctrl+Shift+N",
    "stop": "Ctrl+Shift+G", "apologize": "Ctrl+Shift+X", "withdraw": "Ctrl+Shift+W",
    "return": "Ctrl+Shift+K", "correct": "Ctrl+Shift+S", "cancel": "Ctrl+Shift+Y",
}
ACTION_COLUMNS = 6
# Actions after which a form is printed for the applicant (printing/ form keys).
PRINT_AFTER = {"request_supplement": "supplement", "refuse": "refusal", "apologize": "apology", "stop": "stop", "correct": "receipt"}


class DossierView(QWidget):
    """The dossier page. ``load(code)`` reads it on the store thread; actions run as StoreOps."""

    back_requested = Signal()
    print_requested = Signal(str, str)
    status_message = Signal(str)
    dossier_shown = Signal(dict)  # the dossier's JSON each time it is shown (the window offers its fees)

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
        QShortcut(QKeySequence("Alt+Left"), self, self.back_requested.emit, context=Qt.ShortcutContext.WidgetWithChildrenShortcut) \
            .setWhatsThis(self.tr("Back to the list"))
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(with_shortcut(self.tr("Read the dossier again"), "Ctrl+R"))
        self.reload_button.clicked.connect(self.reload)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reload, context=Qt.ShortcutContext.WidgetWithChildrenShortcut) \
            .setWhatsThis(self.tr("Read the dossier again"))

        self.code_label = QLabel(self)
        self.code_label.setObjectName("codeLabel")
        self.code_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.sync_label = QLabel(self)  # the dossier's own sync state (read on the store thread)
        self.sync_label.setObjectName("dossierSyncLabel")
        self.sync_label.setStyleSheet("color: #555;")
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
        top.addWidget(self.sync_label)
        top.addStretch(1)
        self.print_button = QPushButton(self.tr("Print / reprint…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(with_shortcut(self.tr("Preview and print a form of this dossier"), "Ctrl+P"))
        self.print_menu = QMenu(self)
        self.print_button.setMenu(self.print_menu)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_button.showMenu, context=Qt.ShortcutContext.WidgetWithChildrenShortcut) \
            .setWhatsThis(self.tr("Print / reprint a form of the dossier"))
        top.addWidget(self.print_button)
        from ui.scan import entry_button  # digitization (issue 10): Số hóa…, Ctrl+Shift+D
        top.addWidget(entry_button(self, lambda: self.code))
        top.addWidget(self.reload_button)
        grid = QGridLayout()
        grid.addWidget(self.procedure_label, 0, 0, 1, 2)
        grid.addWidget(self.applicant_label, 1, 0)
        grid.addWidget(self.due_label, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.info_label, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        # One button per action, each in its own cell for good: a state change shows and hides buttons but
        # never moves one, so the officer's hand finds "Trả kết quả" where it was.
        self.actions_bar = QGridLayout()
        self.actions_bar.setSpacing(6)
        actions_widget = QWidget(self)
        actions_widget.setObjectName("actionsBar")
        actions_widget.setLayout(self.actions_bar)
        self.all_action_buttons: dict[str, QPushButton] = {}
        for position, action in enumerate(ACTION_NAMES):
            button = QPushButton(action_name(action), actions_widget)
            button.setObjectName(f"action_{action}")
            button.setAutoDefault(False)
            button.setToolTip(with_shortcut(_plain(action_name(action)), ACTION_KEYS[action]))
            if action == "cancel":
                button.setStyleSheet("color: #a00000;")
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
            button.clicked.connect(lambda _=False, a=action: self.open_action(a))
            button.hide()
            self.actions_bar.addWidget(button, position // ACTION_COLUMNS, position % ACTION_COLUMNS)
            self.all_action_buttons[action] = button

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
        for view in (self.documents_view, self.fees_view):  # long names wrap once the column has its width
            # The scroll bar always there: were it to come and go with the rows' height, the name column
            # would narrow and widen with it, each time wrapping the rows again, for ever (a frozen window
            # at some widths: tests/ui/test_dossier_view_layout.py).
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            view.horizontalHeader().sectionResized.connect(lambda *_a, v=view: v.resizeRowsToContents())
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(titled(self.tr("Documents"), self.documents_view, parent=self))
        bottom.addWidget(titled(self.tr("Fees and charges"), self.fees_view, parent=self))
        bottom.setSizes([600, 400])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(titled(self.tr("History"), self.events_view, parent=self))
        split.addWidget(bottom)
        split.setSizes([240, 360])  # the papers and fees need the room more than the (short) history

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(actions_widget)
        layout.addWidget(split, 1)
        for action, key in ACTION_KEYS.items():
            QShortcut(QKeySequence(key), self, lambda a=action: self._shortcut(a), context=Qt.ShortcutContext.WidgetWithChildrenShortcut) \
                .setWhatsThis(arg(self.tr("Dossier: %1"), _plain(action_name(action))))

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

    @staticmethod
    def _stretch_name_column(view: QTableView) -> None:
        """The name column takes what the other columns (sized to their contents) leave, and wraps: the
        counts, amounts and headers are never cut, and no sideways scrolling at 1366×768."""
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.resizeRowsToContents()

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
        actor = self.actor()
        # Showing the applicant in full is a permission and an audit entry (app.services.privacy.view_personal).
        StoreOp(parent=self, op=lambda session: dossiers.dossier_json(privacy.view_personal(session, actor, code, purpose="counter")),
                changes={"audit": True}, tasks=self.tasks).success(self.show_dossier).run_in_background()

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

    def _show_sync_state(self, dossier_id: str):
        def show(text: str) -> None:
            if self.data and self.data.get("id") == dossier_id:  # still the dossier on screen
                self.sync_label.setText(text)
        return show

    def show_dossier(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dossier_shown.emit(data)
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
        self.sync_label.setText("")
        if data.get("id"):
            from ui.sync.counter import load_dossier_sync_state

            load_dossier_sync_state(self.tasks, data["id"], self._show_sync_state(data["id"]), parent=self)
        self.events.set_rows([self._event_row(e) for e in data["events"]])
        self.events_view.resizeColumnsToContents()
        self.events_view.resizeRowsToContents()
        self.documents.set_rows(data["documents"])
        self.documents_view.resizeColumnsToContents()
        self._stretch_name_column(self.documents_view)
        self.documents_view.resizeRowsToContents()
        self.fees.set_rows([
            {"kind": code_name(FEE_KIND_NAMES, f["kind"]), "name": f["name"],
             "amount": format_money(f["amount"]) if f["amount"] is not None
             else format_money(f["entered_amount"]) if f.get("entered_amount") is not None
             else self.tr("As set by the province"),
             "status": code_name(FEE_STATUS_NAMES, f["status"])}
            for f in data["fees"]
        ])
        self.fees_view.resizeColumnsToContents()
        amount = self.fees_view.horizontalHeader()
        amount.resizeSection(2, min(amount.sectionSize(2), 150))  # "Theo quy định của HĐND tỉnh" wraps instead
        self._stretch_name_column(self.fees_view)
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
        """Show the buttons of the allowed actions, enabled; hide the others (their cells stay)."""
        self.action_buttons = {}
        for action, button in self.all_action_buttons.items():
            button.setVisible(action in allowed)
            button.setEnabled(action in allowed)
            if action in allowed:
                self.action_buttons[action] = button

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
