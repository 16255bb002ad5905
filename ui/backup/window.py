"""The technician's Backups window (the counter's Tools › Backups…): the daily backup's folder, time and how
many to keep (written to ``station.toml``, so nothing needs a text editor), the archives in that folder, a
"Back up now" that runs on a worker, and how to restore (``motcua restore``: the stations must be closed,
so it is not a button here). Texts in the ``motcua_backup`` catalog. GUI thread only."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import backups
from ui.backup import status_text, when_text
from ui.common import StatusIndicator, format_dt

log = logging.getLogger(__name__)


def menu_text() -> str:
    """The Tools menu's entry (in this catalog, not the counter's)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("BackupsWindow", "&Backups...")


def size_text(size: int) -> str:
    """``850 KB``, ``12,4 MB`` (a Vietnamese decimal comma)."""
    if size < 1_048_576:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1_048_576:.1f} MB".replace(".", ",")


class BackupsWindow(QDialog):
    """``settings``: the station settings (``backup.folder``, ``backup.time``, ``backup.keep``, the database)."""

    def __init__(self, tasks, settings, *, actor=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsWindow")
        self.setWindowTitle(self.tr("Backups"))
        self.tasks, self.settings = tasks, settings
        self.actor = actor  # who changes the settings (audited); None: a window with no store (the gallery)
        self.running = False
        self.status_line = StatusIndicator(parent=self)
        self.folder = QLineEdit(str(settings.get("backup.folder") or ""), self)
        self.folder.setPlaceholderText(self.tr("a USB disk, e.g. E:\\motcua-backup"))
        self.folder.setMinimumWidth(360)
        self.browse_button = QPushButton(self.tr("Choose..."), self)
        self.browse_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        self.time = QLineEdit(str(settings.get("backup.time") or ""), self)
        self.time.setInputMask("99:99")
        self.time.setMaximumWidth(80)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, backups.MAX_KEEP)
        self.keep.setValue(int(settings.get("backup.keep")))
        self.keep.setMaximumWidth(80)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Every day at:"), self.time)
        form.addRow(self.tr("Keep the newest:"), self.keep)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Backup"), self.tr("Made at"), self.tr("Size")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.restore_help = QLabel(self.tr(
            "To restore: close the program on this computer, check the backup with "
            "<code>motcua restore FILE --check</code>, then <code>motcua restore FILE --data-dir NEW-FOLDER</code> "
            "(nothing is overwritten without <code>--replace</code>)."), self)
        self.restore_help.setTextFormat(Qt.TextFormat.RichText)
        self.restore_help.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.clicked.connect(self.save)
        self.now_button = QPushButton(self.tr("Back up &now"), self)
        self.now_button.clicked.connect(self.back_up_now)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.now_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_line)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.restore_help)
        layout.addLayout(buttons)
        self.resize(760, 480)
        self.refresh()

    # -- reading --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The status and the archives in the folder (a worker: the folder may be a slow USB disk)."""
        settings, data_dir = self.settings, Path(self.settings.data_dir)
        folder = Path(str(settings.get("backup.folder") or "")).expanduser()

        def read():
            found = backups.archives(folder) if str(settings.get("backup.folder") or "").strip() and folder.is_dir() else []
            rows = [(p.name, datetime.fromtimestamp(p.stat().st_mtime, timezone.utc), p.stat().st_size) for p in found]
            return backups.status(settings, data_dir), rows

        self.tasks.run_device(read, self._read)

    def _read(self, ok: bool, value) -> None:
        if not ok:
            self.message.setText(str(value))
            return
        status, rows = value
        state, text = status_text(status)
        self.status_line.set_state(state, text, "")
        rows = sorted(rows, key=lambda r: r[1], reverse=True)
        self.table.setRowCount(len(rows))
        for i, (name, made, size) in enumerate(rows):
            for j, text in enumerate((name, format_dt(made), size_text(size))):
                self.table.setItem(i, j, QTableWidgetItem(text))

    # -- changing ---------------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if path:
            self.folder.setText(path)

    def save(self) -> bool:
        """Check and write the three settings to ``station.toml``; False (and the reason shown) when refused."""
        from app.errors import AppError
        from ui.errors import error_text

        from app.services import station_settings

        previous = {k: self.settings.get(k) for k in ("backup.folder", "backup.time", "backup.keep")}
        self.settings.set("backup.folder", self.folder.text().strip())
        self.settings.set("backup.time", self.time.text().strip())
        self.settings.set("backup.keep", self.keep.value())
        try:
            if self.actor is not None:
                station_settings.check(self.actor)
            backups.schedule(self.settings)
        except AppError as exc:
            for key, value in previous.items():
                self.settings.set(key, value)
            self.message.setText(error_text(exc))
            return False
        self.settings.save()
        changes = {k: self.settings.get(k) for k in previous if self.settings.get(k) != previous[k]}
        if changes and self.actor is not None and self.tasks.store is not None:
            actor = self.actor
            self.tasks.run_store(lambda s: station_settings.record_change(s, actor, changes), self._audited, write=True)
        self.message.setText(self.tr("Saved."))
        log.info("backup settings changed")
        self.refresh()
        return True

    def _audited(self, ok: bool, value) -> None:
        if not ok:  # the file is written; an entry that could not be appended is logged, not shown
            log.error("backup settings change not audited", exc_info=value if isinstance(value, BaseException) else None)

    def back_up_now(self) -> None:
        """One backup into the folder now (a worker), exactly as the daily one: checked, rotated, recorded."""
        if self.running or not self.save():
            return
        if not str(self.settings.get("backup.folder") or "").strip():
            self.message.setText(self.tr("Choose the backup folder first."))
            return
        db_url, data_dir, settings = self.settings.db_url(), Path(self.settings.data_dir), self.settings

        def run():  # the daily run's own checks (the folder is never created), rotation and record
            now = datetime.now(timezone.utc)
            backups.run_scheduled(db_url, data_dir, settings, now=now)
            return now

        self.running = True
        self.now_button.setEnabled(False)
        self.message.setText(self.tr("Backing up…"))
        self.tasks.run_device(run, self._backed_up)

    def _backed_up(self, ok: bool, value) -> None:
        from ui.errors import error_text

        self.running = False
        self.now_button.setEnabled(True)
        self.message.setText(self.tr("Backup made at %1.").replace("%1", when_text(value)) if ok else error_text(value))
        self.refresh()
