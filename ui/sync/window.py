"""The sync window: outbox items by state with the reason in Vietnamese, retry, export. GUI thread; the
listing, the retry and the export's reading run on the task manager's workers."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ui.i18n import arg, event_name
from ui.sync.texts import reason_text
from ui.tasks import DeviceOp, TaskManager

log = logging.getLogger(__name__)

STATES = (
    ("attention", QT_TRANSLATE_NOOP("SyncWindow", "Needs attention")),
    ("pending", QT_TRANSLATE_NOOP("SyncWindow", "Waiting")),
    ("sending", QT_TRANSLATE_NOOP("SyncWindow", "Sending")),
    ("sent", QT_TRANSLATE_NOOP("SyncWindow", "Sent")),
)


class SyncWindow(QDialog):
    def __init__(self, store, tasks: TaskManager, controller=None, *, parent=None, actor=None) -> None:
        super().__init__(parent)
        self.store, self.tasks, self.controller, self.actor = store, tasks, controller, actor
        self.conflicts_dialog = None
        self.items: list[dict] = []
        self.setWindowTitle(self.tr("Sync with the province"))
        self.resize(980, 560)
        self.state = QComboBox()
        self.state.addItem(self.tr("Not sent yet (all)"), ("pending", "sending", "attention"))
        for key, label in STATES:
            self.state.addItem(self.tr(label), (key,))
        self.state.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Dossier code"), self.tr("Change"),
                                              self.tr("State"), self.tr("Tries"), self.tr("Reason")])
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.retry_button = QPushButton(self.tr("Send again (Ctrl+R)"), clicked=self.retry_selected)
        self.retry_all_button = QPushButton(self.tr("Send all again"), clicked=lambda: self._retry(None))
        self.run_button = QPushButton(self.tr("Sync now (F9)"), clicked=self._run_now)
        self.export_button = QPushButton(self.tr("Export…"), clicked=self.export)
        self.conflicts_button = QPushButton(self.tr("Conflicts…"), clicked=self.open_conflicts)
        self.conflicts_button.setEnabled(actor is not None)
        QShortcut(QKeySequence("Ctrl+R"), self, self.retry_selected)
        QShortcut(QKeySequence("F9"), self, self._run_now)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.state)
        top.addStretch(1)
        top.addWidget(self.summary)
        buttons = QHBoxLayout()
        for b in (self.run_button, self.retry_button, self.retry_all_button, self.export_button, self.conflicts_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        if controller is not None:
            controller.state_changed.connect(self._show_status)
            self._show_status({**controller.last_status, "online": controller.online, "running": controller.running})
        self.refresh()

    def open_conflicts(self):
        """The conflicts a pull found (needs the acting officer: resolving is a change of the dossier)."""
        from ui.sync.conflicts import ConflictsDialog

        if self.actor is None:
            return None
        if self.conflicts_dialog is None:
            self.conflicts_dialog = ConflictsDialog(self.tasks, self.actor, parent=self)
        self.conflicts_dialog.refresh()
        self.conflicts_dialog.show()
        return self.conflicts_dialog

    def state_names(self) -> dict[str, str]:
        return {key: self.tr(label) for key, label in STATES}

    def refresh(self) -> None:
        from sync.worker import list_items

        states = self.state.currentData()
        DeviceOp(parent=self, op=lambda: list_items(self.store, states=states), tasks=self.tasks).success(self._show).run_in_background()

    def _show(self, items: list[dict]) -> None:
        self.items = items
        names = self.state_names()
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            change = event_name(item["event"]) if item["event"] else item["kind"]  # the event's name, not its code
            values = [str(item["id"]), item["code"] or "", change, names.get(item["status"], item["status"]),
                      str(item["attempts"]), reason_text(item["reason"]) if item["reason"] else ""]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if col == 5 and item["detail"]:
                    cell.setToolTip(item["detail"])
                self.table.setItem(row, col, cell)
        for column in range(5):  # the dossier code is read whole, never cut to "000.31.12.H…"
            self.table.resizeColumnToContents(column)
        self.retry_button.setEnabled(bool(items))

    def _show_status(self, status: dict) -> None:
        self.summary.setText(arg(self.tr("Waiting %1 · needs attention %2 · sent %3"), status.get("pending", 0),
                                 status.get("needs_attention", 0), status.get("sent", 0)))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.items[r]["id"] for r in rows if r < len(self.items)]

    def retry_selected(self) -> None:
        for item_id in self.selected_ids():
            self._retry(item_id)

    def _retry(self, item_id: int | None) -> None:
        from sync.push import retry

        DeviceOp(parent=self, op=lambda: retry(self.store, item_id), tasks=self.tasks).success(self._retried).run_in_background()

    def _retried(self, _count: int) -> None:
        self.refresh()
        if self.controller is not None:
            self.controller.run_now(by_user=True)

    def _run_now(self) -> None:
        if self.controller is not None:
            self.controller.run_now(by_user=True)

    def export(self, path: str | None = None) -> None:
        """The listed items to CSV (no personal data: codes, states and reasons only)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export sync items"), "dong-bo.csv", "CSV (*.csv)")
            if not path:
                return
        names = self.state_names()
        with Path(path).open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow([self.tr("No."), self.tr("Dossier code"), self.tr("Change"), self.tr("State"),
                             self.tr("Tries"), self.tr("Reason"), self.tr("Created")])
            for item in self.items:
                writer.writerow([item["id"], item["code"], item["event"] or item["kind"], names.get(item["status"], item["status"]),
                                 item["attempts"], reason_text(item["reason"]) if item["reason"] else "", item["created_at"]])

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_F5:
            self.refresh()
            return
        super().keyPressEvent(event)
