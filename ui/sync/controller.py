"""The station's sync worker: runs at start, on a timer, and as soon as the authenticated probe of the province
answers again; reports its state by signal. Conventions §6: offline is a state, not an error — a background
run that fails updates the indicator and logs; only a run the user started reports a failure to them.

Threads: the controller lives on the GUI thread; each run (probe, push, pull) goes to the task manager's
network pool (``DeviceOp``), one at a time. Nothing here touches the network or the database on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.tasks import DeviceOp, TaskManager

log = logging.getLogger(__name__)

RUN_INTERVAL_MS = 60_000
PROBE_INTERVAL_MS = 15_000


class SyncController(QObject):
    #: the status dict of ``sync.worker.status`` plus ``online`` (True / False / None unknown) and ``running``
    state_changed = Signal(dict)
    #: a run the user asked for failed: the exception, for ``ui.errors.show_error``
    run_failed = Signal(object)

    def __init__(self, store, tasks: TaskManager, adapter_factory: Callable[[], Any] | None, *,
                 parent: QObject | None = None, run_interval_ms: int = RUN_INTERVAL_MS,
                 probe_interval_ms: int = PROBE_INTERVAL_MS, files=None) -> None:
        """``files``: the content store the dossiers' files are uploaded from (default: beside ``store``)."""
        super().__init__(parent)
        self.store = store
        self.files = files
        self.tasks = tasks
        self.adapter_factory = adapter_factory
        self.online: bool | None = None
        self.running = False
        self.last_status: dict[str, Any] = {}
        self._adapter = None
        self.run_timer = QTimer(self, interval=run_interval_ms, timeout=self.run_now)
        self.probe_timer = QTimer(self, interval=probe_interval_ms, timeout=self._probe)

    def start(self) -> None:
        """At start: show the status, then run once; the timer keeps it going."""
        self.refresh_status()
        if self.adapter_factory is None:
            return
        self.run_timer.start()
        self.run_now()

    def stop(self) -> None:
        self.run_timer.stop()
        self.probe_timer.stop()

    def adapter(self):
        if self._adapter is None and self.adapter_factory is not None:
            self._adapter = self.adapter_factory()
        return self._adapter

    def refresh_status(self) -> None:
        from sync.worker import status

        DeviceOp(parent=None, op=lambda: status(self.store), tasks=self.tasks).success(self._got_status) \
            .failure(lambda exc: log.warning("sync status failed: %s", exc.__class__.__name__)).run_in_background()

    def run_now(self, *, by_user: bool = False) -> None:
        if self.running or self.adapter_factory is None:
            return
        from sync.worker import SyncBusy, run_once, status

        self.running = True
        self._emit()

        def job():
            adapter = self.adapter()
            if adapter is None:
                return {"unconfigured": True}, {**status(self.store), "unconfigured": True}
            try:
                result = run_once(self.store, adapter, files=self.files)
            except SyncBusy:
                result = {"busy": True}
            return result, status(self.store)

        DeviceOp(parent=None, op=job, tasks=self.tasks).success(self._ran).failure(
            lambda exc: self._run_failed(exc, by_user)).run_in_background()

    def _ran(self, value) -> None:
        result, current = value
        self.running = False
        if result.get("unconfigured"):
            self._got_status(current)
            return
        pushed = result.get("pushed") or {}
        failed_to_reach = pushed.get("batches") and not pushed.get("sent") and pushed.get("retry")
        self._set_online(not failed_to_reach)
        self._got_status(current)

    def _run_failed(self, exc: BaseException, by_user: bool) -> None:
        self.running = False
        log.warning("sync run failed: %s", exc.__class__.__name__)
        self._set_online(False)
        self.refresh_status()
        if by_user:
            self.run_failed.emit(exc)

    def _set_online(self, online: bool) -> None:
        self.online = online
        if online:
            self.probe_timer.stop()
        elif not self.probe_timer.isActive():
            self.probe_timer.start()  # offline: probe often, and run as soon as the province answers

    def _probe(self) -> None:
        from sync.adapter import SendFailure

        def job():
            adapter = self.adapter()
            if adapter is None:
                return False
            try:
                adapter.probe()
                return True
            except SendFailure:
                return False

        DeviceOp(parent=None, op=job, tasks=self.tasks).success(self._probed).failure(lambda exc: None).run_in_background()

    def _probed(self, answered: bool) -> None:
        if answered:
            self._set_online(True)
            self.run_now()

    def _got_status(self, current: dict) -> None:
        self.last_status = current
        self._emit()

    def _emit(self) -> None:
        self.state_changed.emit({**self.last_status, "online": self.online, "running": self.running})


def center_adapter_factory(store) -> Callable[[], Any]:
    """An adapter for the center's provincial URL (the setting ``sync.url``), made on a worker thread at the
    first run; None while no URL is set (the indicator says the link is not set up)."""

    def make():
        from app.services import center
        from sync.worker import make_adapter

        with store.read() as session:
            url = center.get(session, "sync.url")
        return make_adapter(url) if url else None

    return make
