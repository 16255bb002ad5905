"""Conflicts: pulled province changes that met unsent local changes. The officer keeps this station's change
or takes the province's (``app.services.province.resolve_conflict``). GUI thread; reads and changes run on
the store thread (``ui.tasks``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ui.i18n import status_name
from ui.tasks import QueryOp, StoreOp, TaskManager


class ConflictsDialog(QDialog):
    def __init__(self, tasks: TaskManager, actor: Callable, *, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflicts")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(820, 420)
        self.tasks, self.actor, self.rows = tasks, actor, []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Dossier code"), self.tr("Here"), self.tr("At the province"),
                                              self.tr("Province's note")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty_label = QLabel(self.tr("No conflict waits."), self)
        self.keep_button = QPushButton(self.tr("Keep this station's change"), clicked=lambda: self.resolve("keep_local"))
        self.take_button = QPushButton(self.tr("Take the province's status"), clicked=lambda: self.resolve("take_remote"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The province changed these dossiers while this station's changes were "
                                        "still waiting to be sent. Nothing was overwritten; choose which stands."), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        from app.services import province

        QueryOp(parent=self, op=province.open_conflicts, tasks=self.tasks).success(self._show).run_in_background()

    def _show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (row["code"], status_name(row["local_status"] or ""), status_name(row["remote_status"] or ""),
                     row.get("remote_note") or "")
            for j, value in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.empty_label.setVisible(not rows)
        for button in (self.keep_button, self.take_button):
            button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)

    def resolve(self, resolution: str) -> None:
        index = self.table.currentRow()
        if not 0 <= index < len(self.rows):
            return
        from app.services import province

        conflict = self.rows[index]

        def op(session):
            return province.resolve_conflict(session, self.actor(), conflict["id"], resolution)

        StoreOp(parent=self, op=op, changes={"dossiers": [conflict["code"]]}, tasks=self.tasks) \
            .success(lambda _result: self.refresh()).run_in_background()
