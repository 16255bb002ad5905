"""The station's daily backup: a timer that runs ``app.services.backups.tick`` on a worker thread (the backup
takes its own database connection for seconds: never the GUI thread, never the store thread) and the
status bar's indicator of the last success ("Sao lưu: 02/12 17:30"), amber when it is older than two days,
the folder is missing (the USB disk unplugged) or the last attempt failed.

Texts are in their own catalog, ``resources/i18n/motcua_backup_vi.ts`` (built to ``motcua_backup_vi.qm``),
installed by :func:`install_backup_translator` when the monitor is made. GUI thread only.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QTranslator

from app.services import backups
from app.workcal import VN_TZ
from ui.common import StatusIndicator
from ui.i18n import arg, ensure_catalog

log = logging.getLogger(__name__)

BACKUP_CATALOG = "motcua_backup"
CHECK_MS = 60_000


def install_backup_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the catalog (``motcua_backup_<language>.qm``) on ``app`` unless it is in
    place already (:func:`ui.i18n.ensure_catalog`); returns it. English installs nothing."""
    return ensure_catalog(app, BACKUP_CATALOG, language)


def when_text(moment: datetime) -> str:
    """``02/12 17:30``: day/month and time in Vietnam."""
    return moment.astimezone(VN_TZ).strftime("%d/%m %H:%M")


def status_text(status: backups.BackupStatus) -> tuple[str, str]:
    """(indicator state, text) for the status bar."""
    last = when_text(status.last_success) if status.last_success else None
    if status.problem is None:
        return "ok", arg(QCoreApplication.translate("Backup", "Backup: %1"), last)
    if status.problem == "not_set":
        return "warn", QCoreApplication.translate("Backup", "Backup: no folder set")
    if status.problem == "folder_missing":
        return "warn", QCoreApplication.translate("Backup", "Backup: folder not found (USB disk unplugged?)")
    if status.problem == "never":
        return "warn", QCoreApplication.translate("Backup", "Backup: none yet")
    if status.problem == "stale":
        return "warn", arg(QCoreApplication.translate("Backup", "Backup: %1 (more than two days ago)"), last)
    if last:
        return "warn", arg(QCoreApplication.translate("Backup", "Backup: %1 (the last attempt failed)"), last)
    return "warn", QCoreApplication.translate("Backup", "Backup: the last attempt failed")


class BackupMonitor(QObject):
    """Checks every minute whether the daily backup is due, runs it on a worker, shows the status."""

    def __init__(self, tasks, settings, indicator: StatusIndicator, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        install_backup_translator(QCoreApplication.instance(), str(settings.get("ui.language") or "vi"))
        self.tasks = tasks
        self.settings = settings
        self.indicator = indicator
        self.running = False
        self.last_status: backups.BackupStatus | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        if self.running or self.tasks.closed:
            return
        self.running = True
        db_url, data_dir, settings = self.settings.db_url(), self.settings.data_dir, self.settings
        self.tasks.run_device(lambda: backups.tick(db_url, data_dir, settings), self._done)

    def _done(self, ok: bool, value) -> None:
        self.running = False
        if not ok:  # tick never raises what it expects; anything else is logged and shown as failed
            log.error("the backup check failed", exc_info=value if isinstance(value, BaseException) else None)
            value = (backups.BackupStatus("warn", None, "failed"), None)
        self.show(value[0])

    def show(self, status: backups.BackupStatus) -> None:
        self.last_status = status
        state, text = status_text(status)
        folder = str(self.settings.get("backup.folder") or "")
        tip = arg(QCoreApplication.translate("Backup", "Daily backup to %1 at %2, keeping the %3 newest"), folder or "—",
                  self.settings.get("backup.time"), self.settings.get("backup.keep"))
        self.indicator.set_state(state, text, tip)
