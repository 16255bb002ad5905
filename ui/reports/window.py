"""The director's window: pick a period, see the figures (tables and charts), export them.

The report runs on the store thread (a QueryOp); its progress comes back to the GUI thread through the task
manager and the "Cancel" button sets a flag the report checks between its steps (the worker raises
:class:`ReportCancelled`, nothing is shown). Export renders on the network/device pool, never the GUI thread.
GUI thread only (except the functions given to the workers).
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from app.services.reports_periods import KINDS, period
from ui.reports.charts import build_charts, chart_view
from ui.reports.texts import GROUPS, INDICATORS, PERIODS, word
from ui.tasks import QueryOp

log = logging.getLogger(__name__)


def _roll_up(store) -> None:
    """Build up to a month of the closed days not rolled up yet, in a unit of work of its own before the report
    reads (the store thread). Only an optimisation: a day not rolled up is read from the raw rows, so a
    failure (a read-only database, a busy writer) is logged and the report goes on."""
    from app.services import report_rollups

    if getattr(store, "readonly", False):
        return
    try:
        with store.write() as session:
            report_rollups.refresh(session, limit=report_rollups.REFRESH_CHUNK)
    except Exception:  # noqa: BLE001 - see above
        log.warning("report roll-ups not refreshed", exc_info=True)


class ReportCancelled(Exception):
    """The director pressed Cancel: the report stops at its next step."""


def _num(value: Any, kind: str = "int") -> str:
    if value is None:
        return "–"
    if kind == "int":
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def render_file(doc: dict[str, Any], path: str, template: dict[str, Any]) -> int:
    """Write the report to ``path`` (.xlsx or .pdf); returns its size. Runs on a worker thread."""
    from app.errors import ValidationError
    from printing.from_data import template as make_template

    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        from printing.xlsx_report import render_report_xlsx

        data = render_report_xlsx(doc)
    elif suffix == ".pdf":
        from printing.pdf_report import render_report_pdf

        data = render_report_pdf(doc, make_template(template))
    else:
        raise ValidationError("report_out_kind", path=path)
    tmp = Path(path).with_name(f".{Path(path).name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return len(data)


class ReportsWindow(QWidget):
    """The window (``parent`` keyword-only). ``report_did_load(doc)`` after each report shown."""

    report_did_load = Signal(dict)
    export_did_finish = Signal(str)

    def __init__(self, tasks, actor, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.actor = actor
        self.doc: dict[str, Any] | None = None
        self.template: dict[str, Any] = {}
        self._cancel: threading.Event | None = None
        self.setWindowTitle(self.tr("Reports"))
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(word(PERIODS, k), k)
        self.kind.setCurrentIndex(KINDS.index("month"))
        today = QDate.currentDate()
        self.first = QDateEdit(today)
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.show_button = QPushButton(self.tr("Show"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.status = QLabel()
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("Period")), self.kind, QLabel(self.tr("From")), self.first, QLabel(self.tr("To")),
                  self.last, self.show_button, self.cancel_button, self.progress, self.xlsx_button, self.pdf_button):
            bar.addWidget(w)
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        for key, title in (("indicators", self.tr("Indicators (Decision 766)")), ("officers", self.tr("Officers")),
                           ("departments", self.tr("Departments")), ("procedures", self.tr("Procedures")),
                           ("services", self.tr("Queue services"))):
            table = QTableWidget()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.tables[key] = table
            self.tabs.addTab(table, title)
        self.chart_page = QWidget()
        self.chart_grid = QGridLayout(self.chart_page)
        self.tabs.addTab(self.chart_page, self.tr("Charts"))
        self.chart_views: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.first.dateChanged.connect(self._kind_changed)
        self.show_button.clicked.connect(self.load)
        self.cancel_button.clicked.connect(self.cancel)
        self.xlsx_button.clicked.connect(lambda: self.export_to(self._ask_path("xlsx")))
        self.pdf_button.clicked.connect(lambda: self.export_to(self._ask_path("pdf")))
        self._kind_changed()
        self._set_export_enabled(False)

    # -- period ---------------------------------------------------------------------------------------

    def set_period(self, kind: str, first: date, last: date | None = None) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.first.setDate(QDate(first.year, first.month, first.day))
        if kind == "custom" and last is not None:
            self.last.setDate(QDate(last.year, last.month, last.day))

    def period(self):
        kind = self.kind.currentData()
        return period(kind, self.first.date().toPython(), self.last.date().toPython())

    def _kind_changed(self, *_):
        kind = self.kind.currentData()
        self.last.setEnabled(kind == "custom")
        if kind != "custom":
            p = period(kind, self.first.date().toPython())
            self.last.blockSignals(True)
            self.last.setDate(QDate(p.last.year, p.last.month, p.last.day))
            self.last.blockSignals(False)

    # -- loading --------------------------------------------------------------------------------------

    def load(self) -> None:
        """Run the report of the chosen period on the store thread."""
        from app.services import reports
        from app.services.print_data import load_template

        p = self.period()
        cancel = self._cancel = threading.Event()
        tasks, actor = self.tasks, self.actor

        def progress(done: int, total: int) -> None:  # the store thread
            if cancel.is_set():
                raise ReportCancelled()
            tasks.run_on_gui(lambda: self._progress(done, total))

        def op(session):
            _roll_up(tasks.store)
            doc = reports.summary(session, actor, p.first, p.last, kind=p.kind, progress=progress)
            return doc, load_template(session)

        self.show_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Counting…"))
        QueryOp(parent=self, op=op, tasks=self.tasks).success(self._loaded).failure(self._load_failed).run_in_background()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _idle(self) -> None:
        self._cancel = None
        self.show_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    def _load_failed(self, exc: BaseException) -> None:
        self._idle()
        if isinstance(exc, ReportCancelled):
            self.status.setText(self.tr("Cancelled."))
            return
        self.status.setText("")
        from ui.errors import show_error

        show_error(exc, parent=self)

    def _loaded(self, result) -> None:
        self._idle()
        self.doc, self.template = result
        self._fill(self.doc)
        self._set_export_enabled(True)
        self.status.setText(self.tr("Shown."))
        self.report_did_load.emit(self.doc)

    # -- showing --------------------------------------------------------------------------------------

    def _set_export_enabled(self, on: bool) -> None:
        self.xlsx_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    def _table(self, key: str, heads: list[str], rows: list[list[str]]) -> None:
        table = self.tables[key]
        table.clear()
        table.setColumnCount(len(heads))
        table.setHorizontalHeaderLabels(heads)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _person_heads(self) -> list[str]:
        return [self.tr("Received"), self.tr("Returned"), self.tr("Early"), self.tr("On time"), self.tr("Late"),
                self.tr("Supplement requests"), self.tr("Apologies"), self.tr("Satisfaction (%)"), self.tr("Complaints")]

    @staticmethod
    def _person(r: dict[str, Any]) -> list[str]:
        return [_num(r[k]) for k in ("received", "returned", "early", "on_time", "late", "supplement_requests",
                                     "apologies")] + [_num(r["satisfaction_rate"], "num"), _num(r["complaints"])]

    def _fill(self, doc: dict[str, Any]) -> None:
        ind = doc.get("indicators") or {}
        self._table("indicators", [self.tr("Group"), self.tr("Indicator"), self.tr("This period"), self.tr("Previous"),
                                   self.tr("Change"), self.tr("Formula")],
                    [[word(GROUPS, v["group"]), word(INDICATORS, k), _num(v["value"], "num"), _num(v.get("previous"), "num"),
                      _num(v.get("change"), "num"), v["formula_vi"]] for k, v in ind.items()])
        self._table("officers", [self.tr("Officer"), self.tr("Name")] + self._person_heads(),
                    [[r["officer"], r["name"]] + self._person(r) for r in doc.get("officers", [])])
        self._table("departments", [self.tr("Department")] + self._person_heads(),
                    [[r["department"]] + self._person(r) for r in doc.get("departments", [])])
        self._table("procedures", [self.tr("Code"), self.tr("Procedure"), self.tr("Received"), self.tr("Decided"),
                                   self.tr("On time (%)"), self.tr("Average days")],
                    [[r["code"], r["name"], _num(r["received"]), _num(r["decided"]), _num(r["on_time_rate"], "num"),
                      _num(r["avg_days"], "num")] for r in doc.get("procedures", [])])
        self._table("services", [self.tr("Service"), self.tr("Tickets"), self.tr("Served"), self.tr("No-shows"),
                                 self.tr("Average wait (min)"), self.tr("Average service (min)")],
                    [[f"{r['code']} {r['name']}", _num(r["tickets"]), _num(r["served"]), _num(r["no_shows"]),
                      _num((r["avg_wait_s"] or 0) / 60, "num"), _num((r["avg_service_s"] or 0) / 60, "num")]
                     for r in doc.get("services", [])])
        for view in self.chart_views.values():
            self.chart_grid.removeWidget(view)
            view.deleteLater()
        self.chart_views = {}
        if "indicators" in doc:
            for i, (name, chart) in enumerate(build_charts(doc).items()):
                view = chart_view(chart)
                self.chart_views[name] = view
                self.chart_grid.addWidget(view, i // 2, i % 2)

    # -- export ---------------------------------------------------------------------------------------

    def _ask_path(self, suffix: str) -> str:
        p = self.period()
        name = f"bao-cao-{p.first:%Y%m%d}-{p.last:%Y%m%d}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), name, f"*.{suffix}")
        return path

    def export_to(self, path: str) -> None:
        """Write the shown report to ``path`` on a worker thread; ``export_did_finish(path)`` when done."""
        if not path or self.doc is None:
            return
        self.actor.require("report.export")
        doc, template = self.doc, self.template
        self._set_export_enabled(False)
        self.status.setText(self.tr("Saving…"))

        def done(ok: bool, value) -> None:  # the GUI thread
            self._set_export_enabled(True)
            if ok:
                self.status.setText(self.tr("Saved %1").replace("%1", path))
                self.export_did_finish.emit(path)
            else:
                self.status.setText("")
                from ui.errors import show_error

                show_error(value, parent=self)

        self.tasks.run_device(lambda: render_file(doc, path, template), done)

    def shutdown(self) -> None:
        self.cancel()
