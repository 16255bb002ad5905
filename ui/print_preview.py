"""Print preview: the PDF a form will print, page by page, before it goes to the printer.

The dialog only shows and asks; the printing itself (a device call) is done by whoever opened it, off
the GUI thread, when ``print_requested`` fires. Which thread: GUI.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from ui.i18n import arg


class PrintPreviewDialog(QDialog):
    """Shows ``pdf`` (bytes). Emits ``print_requested(copies)``; ``save_requested`` is handled here."""

    print_requested = Signal(int)

    def __init__(self, pdf: bytes, *, title: str, copies: int = 1, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(arg(self.tr("Print preview — %1"), title))
        self.resize(760, 900)
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        self.copies = QSpinBox(minimum=1, maximum=10, value=copies)
        self.copies.setPrefix(self.tr("Copies: "))
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ActionRole)
        buttons.addButton(QDialogButtonBox.Close)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.Print, self, activated=self._print)

        bottom = QHBoxLayout()
        bottom.addWidget(self.pages)
        bottom.addWidget(self.copies)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _print(self) -> None:
        self.print_requested.emit(self.copies.value())
        self.accept()

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), "", "PDF (*.pdf)")
        if path:
            with open(path, "wb") as f:
                f.write(bytes(self._data))
