"""A stored item's PDF, page by page (QtPdf), from this station or any other.

The bytes are read on the store thread (``files.read_item``: the station's folder or the center's
PostgreSQL store), then shown one page at a time: PgDown / PgUp (or the buttons) turn the page,
Ctrl++ / Ctrl+- zoom, Esc closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.tasks import QueryOp, TaskManager


class ItemViewer(QDialog):
    """Shows ``data`` (an item's PDF) page by page."""

    def __init__(self, data: bytes, title: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemViewer")
        self.setWindowTitle(title)
        self._data = QByteArray(data)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocument(self.document)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.previous_button = previous = QPushButton(self.tr("◀ Previous page"), self)
        previous.setToolTip("PgUp")
        previous.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button = following = QPushButton(self.tr("Next page ▶"), self)
        following.setToolTip("PgDown")
        following.clicked.connect(lambda: self.go(self.page + 1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), self, lambda: self.go(self.page - 1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage), self, lambda: self.go(self.page + 1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self._zoom(1.25))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self._zoom(0.8))
        row = QHBoxLayout()
        row.addWidget(previous)
        row.addStretch(1)
        row.addWidget(self.page_label)
        row.addStretch(1)
        row.addWidget(following)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(760, 900)
        self.view.pageNavigator().currentPageChanged.connect(lambda _: self._label())
        self._label()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go(self, page: int) -> None:
        if 0 <= page < self.page_count:
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
            self._label()

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(self.view.zoomFactor() * factor)

    def _label(self) -> None:
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self.page + 1)).replace("%2", str(self.page_count)))


def open_item(tasks: TaskManager, code: str, item: str, data_dir: str, *, parent: QWidget | None) -> None:
    """Read the item's stored PDF on the store thread and show it (GUI thread)."""

    def read(session):
        from app.filestore import content_store
        from app.services import files

        return files.read_item(session, content_store(session.get_bind().dialect.name, Path(data_dir)), code, item)

    def show(data: bytes) -> None:
        from PySide6.QtCore import Qt

        viewer = ItemViewer(data, f"{code} — {item}", parent=parent)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    QueryOp(parent=parent, op=read, tasks=tasks).success(show).run_in_background()
