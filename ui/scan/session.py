"""The scan session dialog: scan the dossier's document items, arrange the pages, save one PDF per item.

Pages arrive as thumbnails while the feeder runs (the station's scanner on its own thread,
:mod:`ui.scan.worker`), with a count and a Stop button. The officer reorders, rotates, deletes, rescans a
page and moves a page to another item, by keyboard or mouse:

=================  =======================================
F5                 scan into the current item
Esc                stop the scan (closes the dialog when none runs)
Ctrl+Up / Down     move the page earlier / later
R                  rotate the page a quarter turn clockwise
Delete             delete the page
Ctrl+R             rescan the page (one sheet replaces it)
Ctrl+M             move the page to another item
B                  bring a dropped blank page back (or drop it again)
Ctrl+S             save
=================  =======================================

Blank pages are dropped (greyed, not saved) and can be brought back before saving; a page far too dark or
too light is marked with a warning. A scanner failing mid-job keeps the pages already scanned and says
what happened. Saving builds each item's PDF and attaches it on the store thread (StoreOp) — all items in
one transaction, so nothing is half-written; OCR, when the center turns it on, runs afterwards in the
background and replaces the file with the searchable one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from devices.pages import PageOptions, ProcessedPage
from devices.scan_job import ScanOutcome
from devices.scanner import ScanRequest
from ui.scan.model import ScanBatch, item_pdf
from ui.scan.worker import scanner_worker
from ui.tasks import DeviceOp, StoreOp, TaskManager

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ScanSettings:
    """What a session needs from the station and the center."""

    scanner: str = "sim://"
    dpi: int = 200
    color_mode: str = "gray"
    blank_threshold: float = 0.0002
    ocr: bool = False
    data_dir: str = "."
    station: str = ""


class ScanSessionDialog(QDialog):
    """Scan the items of dossier ``code``; ``items`` is [(item_code, name)] in checklist order."""

    scan_finished = Signal(object)  # ScanOutcome, after the pages are in the list
    saved = Signal(list)  # [{"item", "sha256", "pages", "bytes"}]

    def __init__(self, tasks: TaskManager, actor: Callable[[], Actor], code: str, items: list[tuple[str, str]],
                 settings: ScanSettings, *, current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanSession")
        self.setWindowTitle(self.tr("Scan documents — %1").replace("%1", code))
        self.tasks = tasks
        self.actor = actor
        self.code = code
        self.settings = settings
        self.names = dict(items)
        self.batch = ScanBatch([c for c, _ in items])
        self.worker = scanner_worker(settings.scanner)
        self.scanning = False
        self._rescan_index: int | None = None
        self._target_item = ""

        self.item_combo = QComboBox(self)
        self.item_combo.setObjectName("itemCombo")
        for item_code, name in items:
            self.item_combo.addItem(f"{item_code} — {name}", item_code)
        if current in self.names:
            self.item_combo.setCurrentIndex(self.batch.items.index(current))
        self.item_combo.currentIndexChanged.connect(self._show_item)
        self.source_combo = QComboBox(self)
        for source, label in (("feeder", self.tr("Feeder")), ("duplex", self.tr("Feeder, both sides")),
                              ("flatbed", self.tr("Flatbed"))):
            self.source_combo.addItem(label, source)
        self.color_box = QCheckBox(self.tr("Colour"), self)
        self.color_box.setChecked(settings.color_mode == "color")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document:"), self))
        top.addWidget(self.item_combo, 1)
        top.addWidget(self.source_combo)
        top.addWidget(self.color_box)

        self.page_list = QListWidget(self)
        self.page_list.setObjectName("pageList")
        self.page_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.page_list.setIconSize(QSize(150, 200))
        self.page_list.setMovement(QListWidget.Movement.Static)
        self.page_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.page_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.page_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.page_list.customContextMenuRequested.connect(self._page_menu)
        self.page_list.setMinimumSize(700, 440)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("scanStatus")
        self.status_label.setWordWrap(True)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("scanWarning")
        self.warning_label.setStyleSheet("color: #a15c00; font-weight: bold;")
        self.warning_label.setWordWrap(True)

        self._keys: dict[str, Callable[[], None]] = {}
        buttons = QHBoxLayout()
        self.scan_button = self._button(buttons, self.tr("Scan"), "F5", self.start_scan)
        self.stop_button = self._button(buttons, self.tr("Stop"), "Esc", self.cancel_scan)
        self.stop_button.setEnabled(False)
        self._button(buttons, self.tr("Earlier"), "Ctrl+Up", lambda: self.move_page(-1))
        self._button(buttons, self.tr("Later"), "Ctrl+Down", lambda: self.move_page(1))
        self._button(buttons, self.tr("Rotate"), "R", self.rotate_page)
        self._button(buttons, self.tr("Delete"), "Delete", self.delete_page)
        self._button(buttons, self.tr("Rescan page"), "Ctrl+R", self.rescan_page)
        self._button(buttons, self.tr("Move to item…"), "Ctrl+M", self._move_menu)
        self.restore_button = self._button(buttons, self.tr("Keep blank page"), "B", self.toggle_blank)
        buttons.addStretch(1)
        self.save_button = self._button(buttons, self.tr("Save"), "Ctrl+S", self.save)
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.page_list, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self.worker.page_ready.connect(self._page_arrived)
        self.worker.finished.connect(self._scan_done)
        self.page_list.installEventFilter(self)
        self._show_item()

    # The session's keys are handled here rather than by QShortcut: the page list would otherwise take
    # Ctrl+Up/Down and Delete for itself, and the keys must work wherever the focus is in the dialog.
    def _key(self, event) -> bool:
        slot = self._keys.get(QKeySequence(event.keyCombination()).toString())
        if slot is None:
            return False
        slot()
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: D102
        if event.type() == QEvent.Type.KeyPress and self._key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: D102
        if not self._key(event):
            super().keyPressEvent(event)

    def _button(self, row: QHBoxLayout, label: str, keys: str, slot) -> QPushButton:
        button = QPushButton(label, self)
        button.setToolTip(f"{label} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self._keys[QKeySequence(keys).toString()] = slot
        row.addWidget(button)
        return button

    # -- state ---------------------------------------------------------------------------------

    @property
    def item(self) -> str:
        return self.item_combo.currentData()

    def select_item(self, item: str) -> None:
        self.item_combo.setCurrentIndex(self.batch.items.index(item))

    @property
    def current(self) -> int:
        return self.page_list.currentRow()

    def _show_item(self, *_: Any, select: int | None = None) -> None:
        previous = self.current if select is None else select
        self.page_list.clear()
        for number, entry in enumerate(self.batch.of(self.item), start=1):
            self.page_list.addItem(self._list_item(number, entry))
        if self.page_list.count():
            self.page_list.setCurrentRow(max(0, min(previous, self.page_list.count() - 1)))
        self._update_labels()

    def _list_item(self, number: int, entry) -> QListWidgetItem:
        image = QImage.fromData(entry.page.thumbnail)
        if entry.quarter_turns:
            image = image.transformed(QTransform().rotate(90 * entry.quarter_turns))
        pixmap = QPixmap.fromImage(image)
        if entry.dropped:
            faded = QPixmap(pixmap.size())
            faded.fill(Qt.GlobalColor.transparent)
            from PySide6.QtGui import QPainter

            painter = QPainter(faded)
            painter.setOpacity(0.3)
            painter.drawPixmap(0, 0, pixmap)
            painter.end()
            pixmap = faded
        text = self.tr("Page %1").replace("%1", str(number))
        if entry.dropped:
            text += "\n" + self.tr("(blank, left out)")
        elif entry.page.exposure == "too_dark":
            text += "\n⚠ " + self.tr("too dark")
        elif entry.page.exposure == "too_light":
            text += "\n⚠ " + self.tr("too light")
        widget_item = QListWidgetItem(QIcon(pixmap), text)
        widget_item.setToolTip(text)
        return widget_item

    def _update_labels(self) -> None:
        kept = len(self.batch.kept(self.item))
        dropped = self.batch.dropped_count(self.item)
        text = self.tr("%n page(s) to save", "", kept)
        if dropped:
            text += " · " + self.tr("%n blank page(s) left out (B brings one back)", "", dropped)
        self.status_label.setText(text if not self.scanning else self.tr("Scanning… %n page(s)", "", len(self.batch.of(self.item))))
        warned = [i + 1 for i, e in enumerate(self.batch.of(self.item)) if e.exposure_warning and not e.dropped]
        self.warning_label.setText(
            self.tr("Check page(s) %1: far too dark or too light — scan again if unreadable.").replace(
                "%1", ", ".join(map(str, warned))) if warned else "")
        entry = self._entry()
        self.restore_button.setEnabled(entry is not None and entry.page.blank)
        self.restore_button.setText(self.tr("Leave blank page out") if entry is not None and entry.restored
                                    else self.tr("Keep blank page"))

    def _entry(self):
        pages = self.batch.of(self.item)
        return pages[self.current] if 0 <= self.current < len(pages) else None

    # -- scanning ------------------------------------------------------------------------------

    @property
    def color_mode(self) -> str:
        """Colour when ticked; else the center's default, gray when that default is colour."""
        if self.color_box.isChecked():
            return "color"
        return self.settings.color_mode if self.settings.color_mode != "color" else "gray"

    def _request(self, max_pages: int | None = None) -> ScanRequest:
        source = self.source_combo.currentData()
        return ScanRequest(source=source, dpi=self.settings.dpi, color_mode=self.color_mode,
                           max_pages=max_pages if max_pages is not None else (1 if source == "flatbed" else None))

    def start_scan(self) -> None:
        if self.scanning or self.worker.busy:
            return
        self._begin(self._request(), rescan=None)

    def rescan_page(self) -> None:
        if self.scanning or self._entry() is None:
            return
        self._begin(self._request(max_pages=1), rescan=self.current)

    def _begin(self, request: ScanRequest, *, rescan: int | None) -> None:
        self.scanning = True
        self._rescan_index = rescan
        self._target_item = self.item
        self.progress.setVisible(True)
        self.stop_button.setEnabled(True)
        self.scan_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._update_labels()
        self.worker.scan(request, PageOptions(blank_threshold=self.settings.blank_threshold))

    def cancel_scan(self) -> None:
        if self.scanning:
            self.worker.cancel()
        else:
            self.reject()

    def _page_arrived(self, page: ProcessedPage) -> None:
        if not self.scanning:
            return
        item = self._target_item
        if self._rescan_index is not None:
            if self._rescan_index < len(self.batch.of(item)):
                self.batch.replace(item, self._rescan_index, page)
            index = self._rescan_index
        else:
            index = self.batch.add(item, page)
        if item == self.item:
            self._show_item(select=index)

    def _scan_done(self, outcome: ScanOutcome) -> None:
        if not self.scanning:
            return
        self.scanning = False
        self.progress.setVisible(False)
        self.stop_button.setEnabled(False)
        self.scan_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self._show_item()
        if outcome.error is not None:
            self.status_label.setText(self.device_message(outcome.error.kind, len(outcome.pages)))
            self.status_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.status_label.setStyleSheet("")
            if outcome.cancelled:
                self.status_label.setText(self.status_label.text() + " · " + self.tr("scan stopped"))
        self.scan_finished.emit(outcome)

    def device_message(self, kind: str, pages: int) -> str:
        """The officer's sentence for a scanner failure (``DeviceError.kind``) after ``pages`` pages."""
        reasons = {
            "offline": self.tr("The scanner is not connected or was switched off."),
            "feeder_empty": self.tr("There is no paper in the feeder."),
            "jammed": self.tr("The paper is jammed in the scanner."),
            "cover_open": self.tr("The scanner's cover is open."),
            "busy": self.tr("The scanner is busy with another job."),
            "config": self.tr("The scanner cannot scan with these settings."),
        }
        reason = reasons.get(kind, self.tr("The scanner reported an error."))
        if pages:
            return self.tr("%1 The %n page(s) already scanned are kept.", "", pages).replace("%1", reason)
        return reason

    # -- arranging -----------------------------------------------------------------------------

    def move_page(self, delta: int) -> None:
        if self._entry() is not None and not self.scanning:
            self._show_item(select=self.batch.move(self.item, self.current, delta))

    def rotate_page(self) -> None:
        if self._entry() is not None and not self.scanning:
            self.batch.rotate(self.item, self.current)
            self._show_item()

    def delete_page(self) -> None:
        if self._entry() is not None and not self.scanning:
            self.batch.delete(self.item, self.current)
            self._show_item()

    def toggle_blank(self) -> None:
        entry = self._entry()
        if entry is not None and entry.page.blank:
            self.batch.toggle_restored(self.item, self.current)
            self._show_item()

    def move_page_to(self, other: str) -> None:
        if self._entry() is None or self.scanning or other == self.item or other not in self.names:
            return
        self.batch.move_to_item(self.item, self.current, other)
        self._show_item()

    def _move_targets(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("moveMenu")
        for item_code in self.batch.items:
            if item_code != self.item:
                action = menu.addAction(f"{item_code} — {self.names[item_code]}")
                action.triggered.connect(lambda _=False, c=item_code: self.move_page_to(c))
        return menu

    def _move_menu(self) -> None:
        if self._entry() is None:
            return
        rect = self.page_list.visualItemRect(self.page_list.currentItem())
        self._move_targets().exec(self.page_list.viewport().mapToGlobal(rect.center()))

    def _page_menu(self, pos) -> None:
        if self.page_list.itemAt(pos) is None:
            return
        self.page_list.setCurrentItem(self.page_list.itemAt(pos))
        menu = QMenu(self)
        menu.addAction(self.tr("Rotate"), self.rotate_page)
        menu.addAction(self.tr("Delete"), self.delete_page)
        menu.addAction(self.tr("Rescan page"), self.rescan_page)
        if self._entry().page.blank:
            menu.addAction(self.restore_button.text(), self.toggle_blank)
        move = self._move_targets()
        move.setTitle(self.tr("Move to item…"))
        menu.addMenu(move)
        menu.exec(self.page_list.viewport().mapToGlobal(pos))

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        if self.scanning:
            return
        chosen = self.batch.to_save()
        if not chosen:
            self.status_label.setText(self.tr("Nothing to save: scan at least one page."))
            return
        color_mode = self.color_mode
        actor, code, settings = self.actor(), self.code, self.settings

        def op(session):
            from app.filestore import content_store
            from app.services import files

            store = content_store(session.get_bind().dialect.name, Path(settings.data_dir))
            saved = []
            for item, entries in chosen.items():
                document = item_pdf(entries)
                row = files.attach(session, store, actor, code, item, document.data, pages=document.page_count,
                                   dpi=settings.dpi, color_mode=color_mode, source="scan", station=settings.station)
                saved.append({"item": row.item_code, "sha256": row.sha256, "pages": row.pages, "bytes": row.size})
            return saved

        StoreOp(parent=self, op=op, tasks=self.tasks, changes={"dossiers": [code], "files": [code]}) \
            .success(self._saved).with_progress(self.tr("Saving the scanned documents…")).run_in_background()

    def _saved(self, saved: list[dict]) -> None:
        if self.settings.ocr:
            start_ocr(self.tasks, self.actor, self.code, self.settings, saved, parent=self.parentWidget())
        self.saved.emit(saved)
        self.accept()

    def done(self, result: int) -> None:  # noqa: D102 - closing stops a running scan
        if self.scanning:
            self.worker.cancel()
        try:
            self.worker.page_ready.disconnect(self._page_arrived)
            self.worker.finished.disconnect(self._scan_done)
        except (RuntimeError, TypeError):  # already closed once
            pass
        super().done(result)


def _ocr_failed(exc: BaseException) -> None:
    """OCR is a bonus: the scanned PDF is already stored, so a failure is logged, not shown."""
    log.warning("OCR of a saved item failed: %s", exc)


def start_ocr(tasks: TaskManager, actor: Callable[[], Actor], code: str, settings: ScanSettings,
              saved: list[dict], *, parent: QWidget | None) -> None:
    """Make each saved item searchable in the background (Tesseract ``vie``), then store it in its place.
    Silent when Tesseract is missing; never blocks the counter."""
    from devices.pages import ocr_available

    for entry in saved:
        def read(session, item=entry["item"]):
            from app.filestore import content_store
            from app.services import files

            return files.read_item(session, content_store(session.get_bind().dialect.name, Path(settings.data_dir)), code, item)

        def ocr(data: bytes, item=entry["item"], pages=entry["pages"]):
            import hashlib

            from devices.pages import PdfDocument, ocr_pdf, pdf_images, process_page

            if not ocr_available():
                return None
            import io

            from PIL import Image

            processed = [process_page(Image.open(io.BytesIO(j)), settings.dpi, source_jpeg=j,
                                      options=PageOptions(deskew=False)) for j in pdf_images(data)]
            document = PdfDocument(data=data, sha256=hashlib.sha256(data).hexdigest(), page_count=pages)
            return ocr_pdf(document, processed).data

        def store_back(data: bytes | None, item=entry["item"], pages=entry["pages"]):
            if data is None:
                return

            def op(session):
                from app.filestore import content_store
                from app.services import files

                files.attach(session, content_store(session.get_bind().dialect.name, Path(settings.data_dir)), actor(),
                             code, item, data, pages=pages, dpi=settings.dpi, source="scan", station=settings.station)

            StoreOp(parent=None, op=op, tasks=tasks, changes={"dossiers": [code], "files": [code]}) \
                .failure(_ocr_failed).run_in_background()

        from ui.tasks import QueryOp

        QueryOp(parent=None, op=read, tasks=tasks).success(
            lambda data, ocr=ocr, back=store_back: DeviceOp(parent=None, op=lambda: ocr(data), tasks=tasks)
            .success(back).failure(_ocr_failed).run_in_background()
        ).failure(_ocr_failed).run_in_background()
