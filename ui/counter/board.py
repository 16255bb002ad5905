"""The deadline board (journey 5): the center's counts as big tiles, per department and per officer.

Clicking a tile lists its dossiers; double-click (or Enter) opens one. Refreshes when a change is announced
and every 60 s; the query runs on the store thread. A background refresh that fails only says so in the
status bar; a refresh the officer asked for shows the error. GUI thread otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.board import board
from ui.common import format_dt, record_table, titled, with_shortcut
from ui.errors import error_text, show_error
from ui.i18n import arg, status_name
from ui.models import Column, DictTableModel
from ui.tasks import QueryOp, TaskManager

REFRESH_MS = 60_000

# (category, title, colour): the order of the tiles on screen.
TILES = (
    ("overdue", QT_TRANSLATE_NOOP("BoardPanel", "Overdue"), "#c62828"),
    ("due_today", QT_TRANSLATE_NOOP("BoardPanel", "Due today"), "#d08a00"),
    ("due_soon", QT_TRANSLATE_NOOP("BoardPanel", "Due soon"), "#1e63b5"),
    ("apology_needed", QT_TRANSLATE_NOOP("BoardPanel", "Apology needed"), "#7b1fa2"),
    ("handover_late", QT_TRANSLATE_NOOP("BoardPanel", "Late hand-over"), "#6d4c41"),
    ("supplement_late", QT_TRANSLATE_NOOP("BoardPanel", "Late supplement request"), "#00796b"),
    ("complaints_overdue", QT_TRANSLATE_NOOP("BoardPanel", "Overdue complaints"), "#ad1457"),
)


class BoardTile(QPushButton):
    """A big count with its title; checkable, one of a group."""

    def __init__(self, category: str, title: str, colour: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.setObjectName(f"tile_{category}")
        self.setCheckable(True)
        self.setMinimumSize(130, 124)  # seven tiles beside the queue panel at 1366 px; a title may take two lines
        self.number = QLabel("–", self)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet(f"font-size: 30pt; font-weight: bold; color: {colour}; background: transparent;")
        self.title = QLabel(title, self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 11pt; color: #222; background: transparent;")
        for label in (self.number, self.title):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.title)
        self.setStyleSheet(
            f"QPushButton#{self.objectName()} {{ background: #fafafa; border: 1px solid #ccc;"
            f" border-top: 6px solid {colour}; border-radius: 6px; }}"
            f" QPushButton#{self.objectName()}:checked {{ background: #eef3fb; border: 2px solid {colour};"
            f" border-top: 6px solid {colour}; }}"
            f" QPushButton#{self.objectName()}:focus {{ border: 2px solid #333; border-top: 6px solid {colour}; }}"
        )
        self.count = 0

    def set_count(self, count: int) -> None:
        self.count = count
        self.number.setText(str(count))


class BoardPanel(QWidget):
    """Tiles, two tables and the list of the chosen tile. Emits ``open_requested(code)``."""

    open_requested = Signal(str)
    status_message = Signal(str)

    def __init__(self, tasks: TaskManager, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardPanel")
        self.tasks = tasks
        self.users: dict[str, str] = {}
        self.data: dict | None = None
        self.category = "overdue"
        self._loading = False
        self._again = False

        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.tiles: dict[str, BoardTile] = {}
        for i, (category, title, colour) in enumerate(TILES):
            tile = BoardTile(category, self.tr(title), colour, parent=self)
            tile.setToolTip(with_shortcut(arg(self.tr("Show the dossiers: %1"), self.tr(title)), f"Alt+{i + 1}"))
            tile.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            tile.clicked.connect(lambda _=False, c=category: self.select_category(c))
            tiles.addWidget(tile, 0, i)
            self.tiles[category] = tile

        self.generated_label = QLabel(self)
        self.generated_label.setStyleSheet("color: #555;")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(with_shortcut(self.tr("Refresh the board"), "Ctrl+R"))
        self.refresh_button.setShortcut(QKeySequence("Ctrl+R"))
        self.refresh_button.clicked.connect(lambda: self.refresh(user=True))

        counts = [
            Column("overdue", self.tr("Overdue"), align=Qt.AlignmentFlag.AlignCenter),
            Column("due_today", self.tr("Due today"), align=Qt.AlignmentFlag.AlignCenter),
            Column("due_soon", self.tr("Due soon"), align=Qt.AlignmentFlag.AlignCenter),
            Column("apology_needed", self.tr("Apology needed"), align=Qt.AlignmentFlag.AlignCenter),
            Column("handover_late", self.tr("Late hand-over"), align=Qt.AlignmentFlag.AlignCenter),
            Column("supplement_late", self.tr("Late supplement request"), align=Qt.AlignmentFlag.AlignCenter),
            Column("open", self.tr("Open"), align=Qt.AlignmentFlag.AlignCenter),
        ]
        self.department_model = DictTableModel([Column("department", self.tr("Department")), *counts], parent=self)
        self.officer_model = DictTableModel([Column("officer", self.tr("Officer")), *counts], parent=self)
        self.list_model = DictTableModel([
            Column("code", self.tr("Dossier code")), Column("applicant", self.tr("Applicant")),
            Column("procedure", self.tr("Procedure")), Column("status", self.tr("Status"), status_name),
            Column("due_at", self.tr("Appointment"), format_dt), Column("officer", self.tr("Officer")),
            Column("department", self.tr("Department")),
        ], parent=self)
        self.department_view = self._table(self.department_model, "departmentTable")
        self.officer_view = self._table(self.officer_model, "officerTable")
        self.list_view = self._table(self.list_model, "boardList")
        self.list_view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.list_view.installEventFilter(self)
        self.list_title = QLabel(self)
        self.list_title.setStyleSheet("font-weight: bold; font-size: 11pt;")

        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 4, 0, 0)
        list_layout.addWidget(self.list_title)
        list_layout.addWidget(self.list_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(list_box)
        split.addWidget(titled(self.tr("By department"), self.department_view, parent=self))
        split.addWidget(titled(self.tr("By officer"), self.officer_view, parent=self))
        split.setSizes([340, 170, 170])

        head = QHBoxLayout()
        head.addWidget(self.generated_label)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tiles)
        layout.addLayout(head)
        layout.addWidget(split, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.tiles[self.category].setChecked(True)

    def _table(self, model, name: str) -> QTableView:
        listing = model is self.list_model
        # the list: the procedure's long name takes the room and wraps; the counts: the name column does
        view = record_table(model, name, stretch=2 if listing else 0, parent=self)
        view.horizontalHeader().setResizeContentsPrecision(40)  # widths from the first rows, not all of 100
        if listing:
            view.setWordWrap(True)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)  # a third line ends in "…"; the tooltip has it all
            # Rows two lines tall, fixed: measuring every row's wrapped text at each refresh (resizeRowsToContents)
            # took 25 ms of the GUI thread per 100 rows.
            rows = view.verticalHeader()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(2 * view.fontMetrics().lineSpacing() + 10)
        return view

    def set_users(self, users: dict[str, str]) -> None:
        self.users = dict(users)

    # -- loading --------------------------------------------------------------------------------------

    def refresh(self, *, user: bool = False) -> None:
        """Query the board on the store thread (one query at a time; a request meanwhile runs after it)."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        failure = (lambda exc: self._failed(exc, user=True)) if user else (lambda exc: self._failed(exc, user=False))
        QueryOp(parent=self, op=lambda session: board(session), tasks=self.tasks).success(self.show_board) \
            .failure(failure).run_in_background()

    def _done(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException, *, user: bool) -> None:
        if user:
            show_error(exc, parent=self)
        else:
            self.status_message.emit(arg(self.tr("The deadline board could not be refreshed: %1"), error_text(exc)))
        self._done()

    def on_changes(self, changes: dict, initiator: object) -> None:
        if "dossiers" in changes or "handover" in changes or "store" in changes:
            self.refresh()

    def show_board(self, data: dict) -> None:
        self.data = data
        for category, tile in self.tiles.items():
            tile.set_count(int(data["center"].get(category, 0)))
        self.generated_label.setText(arg(self.tr("Updated %1 · \"due soon\" = within %2 working days"), format_dt(data["generated_at"]), data["within_working_days"]))
        self.department_model.set_rows([{**r, "department": r["department"] or self.tr("(no department)")} for r in data["by_department"]])
        self.officer_model.set_rows([{**r, "officer": self.users.get(r["officer"], r["officer"] or "")} for r in data["by_officer"]])
        self._show_list()
        self._done()

    def select_category(self, category: str) -> None:
        self.category = category
        for name, tile in self.tiles.items():
            tile.setChecked(name == category)
        self._show_list()

    def _show_list(self) -> None:
        title = next(self.tr(t) for c, t, _ in TILES if c == self.category)
        rows = (self.data or {}).get("lists", {}).get(self.category, [])
        self.list_title.setText(f"{title} ({len(rows)})")
        self.list_model.set_rows([{**r, "officer": self.users.get(r["officer"], r["officer"] or "")} for r in rows])

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.list_model.rows) and not self.list_model.rows[row].get("complaint"):
            self.open_requested.emit(self.list_model.rows[row]["code"])

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if obj is self.list_view and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_row(self.list_view.currentIndex().row())
            return True
        return False
