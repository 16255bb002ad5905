"""The dossier's checklist for digitization: each document item with "Quét" (scan), "Chọn tệp" (import a
file), "Xem" (view the stored PDF), and whether it is digitized and with how many pages.

Reads on the store thread (QueryOp), writes with StoreOp; the scanner runs on its own thread (the session
dialog). Keys: Up/Down choose an item, Enter or F5 scans it, Ctrl+O imports a file, Space views it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.errors import ValidationError
from ui.scan.session import ScanSessionDialog, ScanSettings
from ui.tasks import DeviceOp, QueryOp, StoreOp, TaskManager

IMPORT_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")


def checklist(session, code: str) -> list[dict[str, Any]]:
    """The dossier's document items with their current file (store thread)."""
    from app.services import files
    from app.services.dossier_events import get_dossier

    dossier = get_dossier(session, code)
    stored = {f["item"]: f for f in files.dossier_files(session, code)}
    return [{"item": d.item_code, "name": d.name, "required": bool(d.required),
             "pages": stored.get(d.item_code, {}).get("pages", 0), "sha256": stored.get(d.item_code, {}).get("sha256")}
            for d in sorted(dossier.documents, key=lambda d: d.position)]


def scan_settings(session, station_settings) -> ScanSettings:
    """The center's scan defaults and the station's scanner (store thread)."""
    from app.services import center

    return ScanSettings(
        scanner=str(station_settings.get("devices.scanner") or "sim://"),
        dpi=int(center.get(session, "scan.dpi")),
        color_mode=str(center.get(session, "scan.color_mode")),
        blank_threshold=float(center.get(session, "scan.blank_threshold")),
        ocr=bool(center.get(session, "scan.ocr")),
        data_dir=str(station_settings.data_dir),
        station=str(station_settings.get("station.counter") or ""),
    )


def import_pdf(paths: list[Path], dpi: int) -> tuple[bytes, int]:
    """One PDF from the chosen files (device pool): a PDF as it is; images as pages, a JPEG's own stream kept."""
    import pikepdf
    from PIL import Image

    from devices.pages import build_pdf, process_page

    if len(paths) == 1 and paths[0].suffix.lower() == ".pdf":
        data = paths[0].read_bytes()
        try:
            with pikepdf.open(io.BytesIO(data)) as pdf:
                return data, len(pdf.pages)
        except pikepdf.PdfError:
            raise ValidationError("pdf_unreadable", path=paths[0].name) from None
    pages = []
    for path in paths:
        if path.suffix.lower() not in IMPORT_SUFFIXES[1:]:
            raise ValidationError("attach_file_kind", path=path.name)
        raw = path.read_bytes()
        try:
            image = Image.open(io.BytesIO(raw))
            image.load()
        except OSError:
            raise ValidationError("images_unreadable", exc=path.name) from None
        own = raw if image.format == "JPEG" else None
        file_dpi = round(image.info.get("dpi", (dpi, dpi))[0]) or dpi
        pages.append(process_page(image, file_dpi, source_jpeg=own))
    document = build_pdf(pages)
    return document.data, document.page_count


class ScanPanel(QDialog):
    """The checklist of dossier ``code``; emits ``changed`` after an item was saved."""

    changed = Signal()

    def __init__(self, tasks: TaskManager, actor: Callable[[], Actor], code: str, station_settings, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPanel")
        self.setWindowTitle(self.tr("Digitize the documents — %1").replace("%1", code))
        self.tasks = tasks
        self.actor = actor
        self.code = code
        self.station_settings = station_settings
        self.settings: ScanSettings | None = None
        self.rows: list[dict[str, Any]] = []
        self.session_dialog: ScanSessionDialog | None = None

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("checklist")
        self.table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Digitized"), self.tr("Pages")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _: self.scan_item())
        self.summary = QLabel(self)
        self.summary.setObjectName("checklistSummary")

        row = QHBoxLayout()
        for label, keys, slot in ((self.tr("Scan"), "F5", self.scan_item),
                                  (self.tr("Choose file"), "Ctrl+O", self.choose_file),
                                  (self.tr("View"), "Space", self.view_item)):
            button = QPushButton(label, self)
            button.setToolTip(f"{label} ({keys})")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self, slot)
            row.addWidget(button)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.scan_item,
                  context=Qt.ShortcutContext.WidgetShortcut)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        self.resize(720, 420)
        self.reload()

    # -- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        code, station = self.code, self.station_settings
        QueryOp(parent=self, op=lambda s: (checklist(s, code), scan_settings(s, station)), tasks=self.tasks) \
            .success(self._show).run_in_background()

    def _show(self, result) -> None:
        current = max(0, self.table.currentRow())
        self.rows, self.settings = result
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            name = f"{r['item']} — {r['name']}" + (" *" if r["required"] else "")
            cells = (name, self.tr("✔ digitized") if r["pages"] else self.tr("not yet"), str(r["pages"] or ""))
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))
        done = sum(1 for r in self.rows if r["pages"])
        self.summary.setText(self.tr("%1 of %2 items digitized").replace("%1", str(done)).replace("%2", str(len(self.rows))))
        if self.rows:
            self.table.selectRow(min(current, len(self.rows) - 1))

    def row_of(self, item: str) -> dict[str, Any]:
        return next(r for r in self.rows if r["item"] == item)

    def select(self, item: str) -> None:
        self.table.selectRow([r["item"] for r in self.rows].index(item))

    @property
    def item(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row]["item"] if 0 <= row < len(self.rows) else None

    # -- actions -------------------------------------------------------------------------------

    def scan_item(self) -> ScanSessionDialog | None:
        if self.item is None or self.settings is None:
            return None
        dialog = ScanSessionDialog(self.tasks, self.actor, self.code, [(r["item"], r["name"]) for r in self.rows],
                                   self.settings, current=self.item, parent=self)
        dialog.saved.connect(lambda _: (self.reload(), self.changed.emit()))
        dialog.finished.connect(lambda _: setattr(self, "session_dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session_dialog = dialog
        dialog.open()
        return dialog

    def choose_file(self) -> None:
        if self.item is None:
            return
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose the file of the document"), "",
                                                self.tr("PDF or images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if names:
            self.import_files(self.item, [Path(n) for n in names])

    def import_files(self, item: str, paths: list[Path]) -> None:
        """Turn the files into the item's PDF on the device pool, then attach it on the store thread."""
        settings, code, actor = self.settings, self.code, self.actor

        def attach(result: tuple[bytes, int]) -> None:
            data, pages = result

            def op(session):
                from app.filestore import content_store
                from app.services import files

                row = files.attach(session, content_store(session.get_bind().dialect.name, Path(settings.data_dir)), actor(),
                                   code, item, data, pages=pages, source="import", station=settings.station)
                return {"item": row.item_code, "pages": row.pages}

            StoreOp(parent=self, op=op, tasks=self.tasks, changes={"dossiers": [code], "files": [code]}) \
                .success(lambda _: (self.reload(), self.changed.emit())).run_in_background()

        DeviceOp(parent=self, op=lambda: import_pdf(paths, settings.dpi), tasks=self.tasks) \
            .success(attach).with_progress(self.tr("Reading the file…")).run_in_background()

    def view_item(self) -> None:
        from ui.scan.viewer import open_item

        item = self.item
        if item is None or self.settings is None:
            return
        if not self.row_of(item)["pages"]:
            self.summary.setText(self.tr("This item is not digitized yet."))
            return
        open_item(self.tasks, self.code, item, self.settings.data_dir, parent=self)
