"""The counter's daily retention job: ``app.services.privacy.run_scheduled`` (the ``system`` actor) on the
task manager's network pool — its own short transactions, never the GUI thread nor the store thread.

It first runs :data:`FIRST_DELAY_MS` after the window opens (the first minutes of a morning belong to the
queue) and then every :data:`EVERY_MS`; a counter left on for days still runs it daily. Several counters of a
center may run it: the service lets one at a time work (the others answer ``busy``). Nothing is shown unless
it fails: a failure is logged and tried again at the next run (GUI thread only).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

FIRST_DELAY_MS = 10 * 60 * 1000
EVERY_MS = 24 * 60 * 60 * 1000


class RetentionJob(QObject):
    """Signals (GUI thread): ``finished(result)`` with the service's ``{"dossiers", "files_deleted", "busy"}``,
    ``failed(exc)``."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, tasks, store, files, *, parent: QObject | None = None, first_delay_ms: int = FIRST_DELAY_MS,
                 every_ms: int = EVERY_MS, clock=None) -> None:
        super().__init__(parent)
        self.tasks, self.store, self.files = tasks, store, files
        self.clock = clock  # tests: the moment the job takes as now (default: the real time)
        self.running = False
        self.every_ms = every_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(first_delay_ms)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        if self.running or self.tasks.closed:
            return
        from app.services import privacy

        self.running = True
        store, files, clock = self.store, self.files, self.clock
        self.tasks.run_device(lambda: privacy.run_scheduled(store, files, now=clock() if clock else None), self._done)

    def _done(self, ok: bool, value) -> None:
        self.running = False
        if not self.tasks.closed:
            self.timer.start(self.every_ms)
        if ok:
            if value["dossiers"]:
                log.info("retention: %d dossier(s) anonymized, %d file(s) deleted", value["dossiers"],
                         value["files_deleted"])
            self.finished.emit(value)
            return
        log.error("the retention job failed", exc_info=value if isinstance(value, BaseException) else None)
        self.failed.emit(value)
