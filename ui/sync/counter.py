"""The sync parts of the counter window: the status-bar indicator fed by the SyncController (click: the sync
window), the clock warning, a dossier's own sync state, and the list of online dossiers pulled from the
province ("Hồ sơ trực tuyến") with a way to receive one at the counter.

GUI thread; every read and change goes through the task manager (``ui.tasks``), never a query here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import StatusIndicator, format_dt
from ui.i18n import arg
from ui.sync.texts import dossier_state_text, skew_text, status_line
from ui.tasks import QueryOp, StoreOp, TaskManager

log = logging.getLogger(__name__)


class SyncStatusBar(QObject):
    """Shows a SyncController's state on ``indicator`` and the clock warning on ``skew_label``; a click on
    the indicator opens the sync window."""

    def __init__(self, controller, indicator: StatusIndicator, skew_label: QLabel, *, store, tasks: TaskManager,
                 parent: QWidget, actor: Callable | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.controller, self.indicator, self.skew_label = controller, indicator, skew_label
        self.store, self.tasks, self.window = store, tasks, None
        self.skew_label.hide()
        controller.state_changed.connect(self.show_state)
        indicator.clicked.connect(self.open_window)
        indicator.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_state(self, state: dict) -> None:
        kind, text = status_line(state, online=state.get("online"), running=bool(state.get("running")))
        tip = ""
        if state.get("last_success_at"):
            tip = arg(self.tr("Last success (the province's clock): %1"), str(state["last_success_at"])[:19])
        self.indicator.set_state(kind, text, tip)
        warning = skew_text(state.get("clock_skew_s"))
        self.skew_label.setText(warning)
        self.skew_label.setVisible(bool(warning))

    def open_window(self):
        from ui.sync.window import SyncWindow

        if self.window is None:
            self.window = SyncWindow(self.store, self.tasks, self.controller, parent=self.parent(), actor=self.actor)
        self.window.refresh()
        self.window.show()
        self.window.raise_()
        return self.window


def load_dossier_sync_state(tasks: TaskManager, dossier_id: str, done: Callable[[str], None], *, parent: QWidget) -> None:
    """Read one dossier's own sync state on the store thread; ``done(text)`` on the GUI thread."""
    from sync.worker import dossier_sync_detail

    QueryOp(parent=parent, op=lambda session: dossier_sync_detail(session, dossier_id), tasks=tasks) \
        .success(lambda detail: done(dossier_state_text(detail))) \
        .failure(lambda exc: log.warning("dossier sync state failed: %s", exc.__class__.__name__)).run_in_background()


class OnlineDossiersPanel(QWidget):
    """The online dossiers the province sent, waiting for an officer to check their papers and receive them.
    ``received(code)``: one became a dossier of this center (its code and appointment by the usual rules)."""

    received = Signal(str)

    def __init__(self, tasks: TaskManager, actor: Callable, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onlineDossiers")
        self.tasks, self.actor = tasks, actor
        self.rows: list[dict] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Province code"), self.tr("Procedure"), self.tr("Applicant"),
                                              self.tr("Arrived")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.receive_selected())
        self.empty_label = QLabel(self.tr("No online dossier is waiting."), self)
        self.receive_button = QPushButton(self.tr("&Receive at the counter"), self)
        self.receive_button.clicked.connect(self.receive_selected)
        self.supplement_button = QPushButton(self.tr("Ask for a &supplement…"), self)
        self.supplement_button.clicked.connect(lambda: self.ask_supplement())
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.supplement_button)
        buttons.addWidget(self.receive_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        from app.services import province

        QueryOp(parent=self, op=province.waiting_online, tasks=self.tasks).success(self._show).run_in_background()

    def _show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            intake = (row.get("data") or {}).get("intake") or {}
            applicant = intake.get("applicant") or {}
            cells = (row["province_code"], intake.get("procedure_code", ""), applicant.get("full_name", ""),
                     format_dt(row["arrived_at"]))
            for j, value in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(str(value)))
        self.empty_label.setVisible(not rows)
        self.receive_button.setEnabled(bool(rows))
        self.supplement_button.setEnabled(bool(rows))
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)

    def selected_code(self) -> str | None:
        index = self.table.currentRow()
        return self.rows[index]["province_code"] if 0 <= index < len(self.rows) else None

    def receive_selected(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        from app.services import province

        def op(session):
            return province.receive_online(session, self.actor(), code).code

        StoreOp(parent=self, op=op, changes=lambda new: {"dossiers": [new], "online": [code]}, tasks=self.tasks) \
            .success(self._received).with_progress(self.tr("Receiving the online dossier...")).run_in_background()

    def ask_supplement(self, reason: str | None = None) -> None:
        """The papers are incomplete: the applicant is asked for a supplement (the reason goes to the province)."""
        code = self.selected_code()
        if code is None:
            return
        if reason is None:
            from PySide6.QtWidgets import QInputDialog

            reason, ok = QInputDialog.getMultiLineText(self, self.tr("Ask for a supplement"),
                                                       self.tr("What is missing (sent to the applicant through the province):"))
            if not ok:
                return
        from app.services import province

        StoreOp(parent=self, op=lambda session: province.request_online_supplement(session, self.actor(), code, reason=reason),
                changes={"online": [code]}, tasks=self.tasks).success(lambda _r: self.refresh()).run_in_background()

    def _received(self, new_code: str) -> None:
        self.refresh()
        self.received.emit(new_code)
