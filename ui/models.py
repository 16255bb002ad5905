"""Qt item models over service results (GUI thread).

The plain data they show is read by services (``app.services.counter``: the context loaded once, the
dossier lists), run on the store thread through ``ui.tasks``; the names are re-exported here for the
counter's modules. No query lives in ``ui/``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from app.lifecycle import CLOCK_RUNNING
from app.services import dossiers as dossier_service
from app.services.counter import (  # noqa: F401 - the plain values the counter's modules take from here
    LIST_LIMIT,
    CounterContext,
    DocItem,
    ListFilter,
    ProcedureInfo,
    latest_dossiers,
    load_context,
    matches_filter,
    search_dossiers,
)
from app.text import fold
from app.workcal import VN_TZ, WorkCalendar
from ui.common import MISSING_BG, NORMAL, due_state, format_dt, state_background, state_foreground
from ui.i18n import arg, status_name


# --- Qt models -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # already translated
    format: Callable[[Any], str] | None = None
    align: Qt.AlignmentFlag | None = None


class DictTableModel(QAbstractTableModel):
    """Rows of dicts shown through a list of columns; UserRole gives the whole row."""

    def __init__(self, columns: Sequence[Column], *, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def text(self, row: int, column: int) -> str:
        col = self.columns[column]
        value = self.rows[row].get(col.key)
        if col.format is not None:
            return col.format(value) if value is not None else ""
        return "" if value is None else str(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].align is not None:
            return int(self.columns[index.column()].align | Qt.AlignmentFlag.AlignVCenter)
        return None


class DossierListModel(DictTableModel):
    """Dossier summaries; overdue rows red, due today / within one working day amber."""

    def __init__(self, *, parent=None) -> None:
        super().__init__([], parent=parent)
        self.columns = [
            Column("code", self.tr("Dossier code")),
            Column("applicant", self.tr("Applicant")),
            Column("procedure", self.tr("Procedure"), lambda p: p["name"]),
            Column("status", self.tr("Status"), status_name),
            Column("received_at", self.tr("Received"), format_dt),
            Column("due_at", self.tr("Appointment"), format_dt),
        ]
        self.now = datetime.now(VN_TZ)
        self.calendar: WorkCalendar | None = None
        self._states: list[str] = []

    def set_dossiers(self, rows: Sequence[dict[str, Any]], *, now: datetime, calendar: WorkCalendar | None) -> None:
        self.now, self.calendar = now, calendar
        self._states = [
            due_state(r.get("due_at"), now, calendar) if r["status"] in CLOCK_RUNNING else NORMAL for r in rows
        ]
        self.set_rows(rows)

    def state(self, row: int) -> str:
        return self._states[row]

    def code(self, row: int) -> str:
        return self.rows[row]["code"]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return state_background(self._states[index.row()])
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            return state_foreground(self._states[index.row()])
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return self.rows[index.row()]["procedure"]["name"]
        return super().data(index, role)


class ProcedureListModel(QAbstractListModel):
    """The catalog filtered as the officer types: code prefix, or every folded word in the name."""

    def __init__(self, *, parent=None) -> None:
        super().__init__(parent)
        self.procedures: list[ProcedureInfo] = []
        self.visible: list[ProcedureInfo] = []

    def set_procedures(self, procedures: Sequence[ProcedureInfo]) -> None:
        self.procedures = list(procedures)
        self.set_filter("")

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self.visible = filter_procedures(self.procedures, text)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.visible)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        proc = self.visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{proc.code} — {proc.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{proc.field}: {proc.name}"
        if role == Qt.ItemDataRole.UserRole:
            return proc
        return None


def filter_procedures(procedures: Sequence[ProcedureInfo], text: str) -> list[ProcedureInfo]:
    """Procedures matching ``text``, best first: code matches, then names holding the phrase, shorter first."""
    raw = text.strip()
    phrase = fold(raw)
    words = phrase.split()
    if not words:
        return list(procedures)
    hits = []
    for proc in procedures:
        code_hit = proc.code.startswith(raw) or bool(proc.local_code and proc.local_code.startswith(raw))
        if code_hit or all(w in proc.search_key for w in words):
            hits.append(((not code_hit, phrase not in proc.search_key, len(proc.name)), proc))
    hits.sort(key=lambda pair: pair[0])
    return [proc for _, proc in hits]


# --- the document checklist --------------------------------------------------------------------------------


COUNT_KEYS = ("originals", "certified_copies", "photocopies")


@dataclass
class ChecklistEntry:
    item: DocItem
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])

    @property
    def ticked(self) -> bool:
        return any(self.counts)


class ChecklistModel(QAbstractTableModel):
    """The procedure's document items: tick, name (required marked, "one of" groups named) and counts."""

    TICK, NAME, ORIGINALS, CERTIFIED, PHOTOCOPIES = range(5)

    def __init__(self, *, parent=None) -> None:
        super().__init__(parent)
        self.procedure: ProcedureInfo | None = None
        self.entries: list[ChecklistEntry] = []
        self._missing: set[str] = set()
        self._headers = [
            self.tr("Handed in"), self.tr("Document"), self.tr("Originals"), self.tr("Certified copies"),
            self.tr("Photocopies"),
        ]

    def set_procedure(self, procedure: ProcedureInfo | None) -> None:
        self.beginResetModel()
        self.procedure = procedure
        self.entries = [ChecklistEntry(item) for item in (procedure.documents if procedure else ())]
        self.endResetModel()
        self._recompute()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TICK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() >= self.ORIGINALS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def item_label(self, item: DocItem) -> str:
        text = item.name
        if item.alternative_group:
            text = self.tr("[pick one] ") + text
        return text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        item, col = entry.item, index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.TICK:
            return Qt.CheckState.Checked if entry.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TICK:
                return item.code + (" *" if item.required else "")
            if col == self.NAME:
                return self.item_label(item)
            return entry.counts[col - self.ORIGINALS]
        if role == Qt.ItemDataRole.EditRole and col >= self.ORIGINALS:
            return entry.counts[col - self.ORIGINALS]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = item.name
            if item.required:
                tip += "\n" + self.tr("Required")
            if item.alternative_group:
                tip += "\n" + self.tr("One of the items of this group is enough")
            need = [item.originals, item.certified_copies, item.photocopies]
            return tip + "\n" + arg(self.tr("Catalog: %1 original(s), %2 certified cop(ies), %3 photocop(ies)"), *need)
        if role == Qt.ItemDataRole.BackgroundRole and item.code in self._missing:
            return MISSING_BG
        if role == Qt.ItemDataRole.FontRole and item.required and col in (self.TICK, self.NAME):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.ORIGINALS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802 - Qt API
        if not index.isValid():
            return False
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.TICK:
            self.set_ticked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() >= self.ORIGINALS:
            try:
                number = max(0, min(99, int(value)))
            except (TypeError, ValueError):
                return False
            entry.counts[index.column() - self.ORIGINALS] = number
            self._row_changed(index.row())
            return True
        return False

    def set_ticked(self, row: int, ticked: bool) -> None:
        """Ticking takes the counts the catalog asks for (at least one original); unticking clears them."""
        entry = self.entries[row]
        if ticked and not entry.ticked:
            item = entry.item
            entry.counts = [item.originals, item.certified_copies, item.photocopies]
            if not any(entry.counts):
                entry.counts[0] = 1
        elif not ticked:
            entry.counts = [0, 0, 0]
        self._row_changed(row)

    def toggle(self, row: int) -> None:
        self.set_ticked(row, not self.entries[row].ticked)

    def set_counts(self, code: str, originals: int = 0, certified_copies: int = 0, photocopies: int = 0) -> None:
        row = next(i for i, e in enumerate(self.entries) if e.item.code == code)
        self.entries[row].counts = [originals, certified_copies, photocopies]
        self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self._recompute()

    def documents(self) -> list[dossier_service.DocumentInput]:
        return [dossier_service.DocumentInput(e.item.code, *e.counts) for e in self.entries if e.ticked]

    def missing(self) -> list[DocItem]:
        """Required items still missing, by the core's own rule (a better kind stands in for a lesser one)."""
        if self.procedure is None:
            return []
        _, missing = dossier_service.checklist(self.procedure.documents, self.documents(), self.procedure.code)
        return list(missing)

    def _recompute(self) -> None:
        before = self._missing
        self._missing = {d.code for d in self.missing()}
        if before != self._missing and self.entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.entries) - 1, self.columnCount() - 1))


def working_days_from(calendar: WorkCalendar, start: datetime, days: int) -> datetime:
    """``days`` working days of working time after ``start`` (a default for new-appointment fields)."""
    return calendar.add_working_time(calendar.effective_start(start), timedelta(hours=calendar.hours.hours_per_day * days))
