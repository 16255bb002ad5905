"""The dossier list: search (code, name, ID number, phone), filters, deadline colours; and the hand-over round.

Enter in the search box searches; an empty search lists the newest 50. Double-click or Enter on a row asks
to open the dossier. All reads run on the store thread (QueryOp); GUI thread otherwise.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.lifecycle import STATUSES
from ui.common import format_dt, local_now, with_shortcut
from ui.i18n import HANDOVER_RESULT_NAMES, arg, code_name, status_name
from ui.models import DossierListModel, ListFilter, latest_dossiers, search_dossiers
from ui.tasks import QueryOp, TaskManager


class DossierListPanel(QWidget):
    """Search box, filters and the list. Emits ``open_requested(code)``."""

    open_requested = Signal(str)

    def __init__(self, tasks: TaskManager, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.calendar = None
        self._generation = 0
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("dossierSearch")
        self.search_edit.setPlaceholderText(self.tr("Dossier code, applicant name, ID number or phone — Enter to search"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(with_shortcut(self.tr("Search dossiers"), "Ctrl+F"))
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_name(status), status)
        self.due_combo = QComboBox(self)
        self.due_combo.setObjectName("dueFilter")
        self.due_combo.addItem(self.tr("Any deadline"), None)
        self.due_combo.addItem(self.tr("Overdue"), "overdue")
        self.due_combo.addItem(self.tr("Due today"), "due_today")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(with_shortcut(self.tr("Load the list again"), "Ctrl+R"))
        self.refresh_button.setShortcut(QKeySequence("Ctrl+R"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setStyleSheet("color: #555;")

        self.model = DossierListModel(parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("dossierTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(60)  # column widths from the first rows: measuring 200 took 11 ms a refresh
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        self.table.installEventFilter(self)
        self.search_edit.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(self.model.code(index.row())))

        legend = QLabel(
            self.tr("<span style='background:#f8d0d0'>&nbsp;red&nbsp;</span> overdue · "
                    "<span style='background:#fde7b0'>&nbsp;amber&nbsp;</span> due today or within one working day"),
            self,
        )
        legend.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.due_combo)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        foot.addWidget(legend)
        layout.addLayout(foot)

        self.search_edit.returnPressed.connect(self.refresh)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.due_combo.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)

    def _size_columns(self) -> None:
        """Widths from what the columns hold (a dossier code, a name, the longest status, a date and time),
        measured once: sizing to the rows on every refresh made Qt ask the model for each cell's text and
        size (Python calls), 100 ms of the counter's first paint on a loaded machine. The officer can still
        drag a column wider; the procedure's column takes the rest."""
        from ui.i18n import STATUS_NAMES, status_name

        metrics = self.table.fontMetrics()
        pad = 3 * metrics.averageCharWidth()
        samples = {0: ["000.00.00.H00-260504-0000"], 1: ["Nguyễn Thị Phương Thảo"],
                   3: [status_name(code) for code in STATUS_NAMES], 4: ["00/00/0000 00:00"], 5: ["00/00/0000 00:00"]}
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(t) for t in [*texts, title]) + pad
            if column == 3:  # a rare long status elides (its tooltip has it whole): the procedure needs the room
                width = min(width, 20 * metrics.averageCharWidth())
            self.table.setColumnWidth(column, width)

    def set_calendar(self, calendar) -> None:
        self.calendar = calendar

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def current_filter(self) -> ListFilter:
        return ListFilter(status=self.status_combo.currentData(), due=self.due_combo.currentData())

    def refresh(self) -> None:
        """Run the current search (or list the newest) on the store thread."""
        self._generation += 1
        generation = self._generation
        text = self.search_edit.text().strip()
        flt = self.current_filter()
        now = local_now()
        if text:
            op = lambda session: search_dossiers(session, text, flt, now)  # noqa: E731
        else:
            op = lambda session: latest_dossiers(session, flt, now)  # noqa: E731
        QueryOp(parent=self, op=op, tasks=self.tasks).success(
            lambda rows: self._show(rows, generation, now, searched=bool(text))
        ).run_in_background()

    def _show(self, rows, generation: int, now, *, searched: bool) -> None:
        if generation != self._generation:
            return  # an older query finished after a newer one started
        self.model.set_dossiers(rows, now=now, calendar=self.calendar)
        if searched:
            text = self.tr("%n dossier(s) found", "", len(rows))
        else:
            text = self.tr("Newest %n dossier(s)", "", len(rows))
        self.count_label.setText(text)
        if rows:
            self.table.selectRow(0)

    def on_changes(self, changes: dict, initiator: object) -> None:
        if "dossiers" in changes or "store" in changes:
            self.refresh()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        if obj is self.table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.table.currentIndex()
            if index.isValid():
                self.open_requested.emit(self.model.code(index.row()))
                return True
        if obj is self.search_edit and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(max(0, self.table.currentIndex().row()))
            return True
        return False


class HandoverDialog(QDialog):
    """The result of a hand-over round: how many dossiers went to which department (on time / late),
    the dossiers themselves, and the lists to print at once. ``print_requested(round_id)``."""

    print_requested = Signal(int)

    def __init__(self, result: dict, users: dict[str, str] | None = None, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Hand-over round"))
        self.resize(1150, 560)
        self.round_id = result["round_id"]
        title = QLabel(
            arg(self.tr("Round %1 at %2: %n dossier(s) handed over", "", result["count"]), result["round_id"], format_dt(result["at"])),
            self,
        )
        title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        lines = []
        for dept in result["departments"]:
            late = sum(1 for d in dept["dossiers"] if d["result"] == "late")
            line = arg(self.tr("%1: %n dossier(s)", "", len(dept["dossiers"])), html.escape(dept["department"] or self.tr("(no department)")))
            if late:
                line += " — " + self.tr("%n late", "", late)
            lines.append(f"<li>{line}</li>")
        self.summary = QLabel("<ul style='margin-left:-20px'>" + "".join(lines) + "</ul>" if lines else self.tr("No dossier was waiting to be handed over."), self)
        self.summary.setObjectName("handoverSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("handoverTree")
        # one line per row: the view need not measure every row again as thousands are added in chunks
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([
            self.tr("Department / dossier code"), self.tr("Applicant"), self.tr("Procedure"),
            self.tr("Received"), self.tr("Appointment"), self.tr("Hand-over"),
        ])
        self._pending: list[tuple[QTreeWidgetItem, list[dict]]] = []
        for dept in result["departments"]:
            parent_item = QTreeWidgetItem(self.tree, [f"{dept['department']} ({len(dept['dossiers'])})"])
            font = parent_item.font(0)
            font.setBold(True)
            parent_item.setFont(0, font)
            self._pending.append((parent_item, list(dept["dossiers"])))
            parent_item.setExpanded(True)
        # A first round on a new center hands thousands of dossiers over at once: the rows go in FILL_ROWS at
        # a time from the event loop, so the dialog shows at once and the window never stops answering.
        self._fill = QTimer(self, interval=0)
        self._fill.timeout.connect(self._fill_some)
        self._fill_some(self.FIRST_ROWS)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(2, min(self.tree.columnWidth(2), 360))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = buttons.addButton(self.tr("Print the lists"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printHandover")
        self.print_button.setToolTip(with_shortcut(self.tr("Print one list per department, to go with the papers"), "Ctrl+P"))
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setEnabled(bool(result["departments"]))
        self.print_button.clicked.connect(self._print)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        if result["departments"]:
            self.print_button.setDefault(True)
            self.print_button.setFocus()

    FIRST_ROWS = 100  # before the dialog shows: enough to fill it and size its columns
    FILL_ROWS = 300

    def _fill_some(self, budget: int | None = None) -> None:
        budget = budget or self.FILL_ROWS
        while self._pending and budget > 0:
            parent_item, rows = self._pending[0]
            chunk, rest = rows[:budget], rows[budget:]
            parent_item.addChildren([QTreeWidgetItem([
                d["code"], d["applicant"] or "", d["procedure"], format_dt(d["received_at"]),
                format_dt(d["due_at"]), code_name(HANDOVER_RESULT_NAMES, d["result"]),
            ]) for d in chunk])
            budget -= len(chunk)
            if rest:
                self._pending[0] = (parent_item, rest)
            else:
                self._pending.pop(0)
        if self._pending:
            self._fill.start()
        else:
            self._fill.stop()

    @property
    def filling(self) -> bool:
        """Rows are still being added (a round of more than FILL_ROWS dossiers)."""
        return bool(self._pending)

    def _print(self) -> None:
        self.print_button.setEnabled(False)  # one print per click: the lists are long
        self.print_requested.emit(int(self.round_id))
