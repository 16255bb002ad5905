"""One way to run work off the GUI thread (conventions §2).

Store work goes to a one-worker executor, so the store is touched serially from the UI and a window never
holds a session across threads; device and network work goes to its own small pool. Each job's outcome comes
back to the GUI thread through one queued signal, and the caller's callbacks run there.

Concrete operations are one-liners built with :class:`StoreOp` (changes), :class:`QueryOp` (reads) and
:class:`DeviceOp` (devices, each on its own worker thread; network)::

    StoreOp(parent=self, op=lambda session: dossiers.dossier_json(dossiers.act(session, ...)))
        .success(self.show_dossier)
        .with_progress(self.tr("Saving..."))
        .run_in_background()

Threads: ``op`` runs on a worker thread (the store thread for StoreOp and QueryOp, the device's own worker
for ``DeviceOp(device=...)``, the network pool for a DeviceOp without a device); ``success`` and ``failure`` run on the GUI thread. ``op`` must return plain data (dicts, lists,
dataclasses), never ORM objects, because its session is closed before the result reaches the GUI thread.
Failures go to ``failure`` (default: :func:`ui.errors.show_error`).

After a StoreOp succeeds the manager emits ``changes_applied(changes, initiator)``; each view decides
whether the change concerns it (no view polls another view). Tests pass an :class:`InlineExecutor`, which
runs every job at once on the calling thread, so an operation has finished when ``run_in_background`` returns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui import qtfix

log = logging.getLogger(__name__)

CURSOR_DELAY_MS = 300
DIALOG_DELAY_MS = 600
DEVICE_WORKERS = 4
STORE_THREAD_NAME = "motcua-store"

Changes = dict[str, Any]


class InlineExecutor(Executor):
    """Runs each job at once on the calling thread (for tests: no threads, no waiting)."""

    inline = True

    def submit(self, fn, /, *args, **kwargs) -> Future:  # noqa: D102 - Executor API
        future: Future = Future()
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # the job's failure travels in the future, as with a real executor
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future


class TaskManager(QObject):
    """Runs store, device and network work off the GUI thread and hands results back to it.

    Created and used on the GUI thread. ``store`` is an :class:`app.store.session.Store`.
    """

    #: (changes, initiator) after a StoreOp committed; changes is e.g. {"dossiers": ["CODE"]}.
    changes_applied = Signal(dict, object)
    # A zero-argument callable to run on the GUI thread; emitted from workers, delivered queued.
    _deliver_on_gui = Signal(object)

    def __init__(
        self,
        store,
        *,
        executor: Executor | None = None,
        device_executor: Executor | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        qtfix.apply()  # PySide6 6.12.0 on CPython 3.11 (see ui/qtfix.py)
        self.store = store
        self._store_pool = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix=STORE_THREAD_NAME)
        if device_executor is None:
            inline = getattr(executor, "inline", False)
            device_executor = executor if inline else ThreadPoolExecutor(
                max_workers=DEVICE_WORKERS, thread_name_prefix="motcua-device"
            )
        self._device_pool = device_executor
        self._in_flight = 0
        self._closed = False
        self._deliver_on_gui.connect(self._run_delivered, Qt.ConnectionType.QueuedConnection)

    # -- running -------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """True once ``shutdown`` ran: timers of a closing window must not start new work."""
        return self._closed

    @property
    def idle(self) -> bool:
        """True when no job is queued or running (GUI thread)."""
        return self._in_flight == 0

    def run_store(self, fn: Callable[[Any], Any], on_done: Callable[[bool, Any], None], *, write: bool) -> Future:
        """Run ``fn(session)`` on the store thread inside one unit of work (``store.write()`` when
        ``write``, else ``store.read()``); then ``on_done(ok, result_or_exception)`` on the GUI thread."""

        def job():
            with (self.store.write() if write else self.store.read()) as session:
                return fn(session)

        return self._submit(self._store_pool, job, on_done)

    def run_device(self, fn: Callable[[], Any], on_done: Callable[[bool, Any], None]) -> Future:
        """Run ``fn()`` on the network pool; then ``on_done(ok, value)`` on the GUI thread.

        Work for a device belongs on that device's own worker: :meth:`run_on_device`."""
        return self._submit(self._device_pool, fn, on_done)

    def run_on_device(self, worker, fn: Callable[[Any], Any], on_done: Callable[[bool, Any], None]) -> Future:
        """Run ``fn(device)`` on the device's worker thread (a ``devices.runtime.DeviceWorker``, one job at a
        time, in order); then ``on_done(ok, value)`` on the GUI thread. Never inline, even in tests: the
        device rule (one thread per device) holds everywhere; wait with ``qtbot.waitUntil(tasks.idle)``."""
        if self._closed:
            raise RuntimeError("the task manager is shut down")
        self._in_flight += 1

        def finished(ok: bool, value: Any) -> None:
            self._in_flight -= 1
            on_done(ok, value)

        def delivered(future: Future) -> None:  # the worker thread (or here, if refused at once)
            exc = future.exception()
            outcome = (False, exc) if exc is not None else (True, future.result())
            try:
                self.run_on_gui(lambda: finished(*outcome))
            except RuntimeError:
                log.warning("a device job finished after its window closed")

        future = worker.submit(fn)
        future.add_done_callback(delivered)
        return future

    def run_on_gui(self, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` on the GUI thread: at once when called there, else queued (any thread)."""
        if QThread.currentThread() is self.thread():
            fn()
        else:
            self._deliver_on_gui.emit(fn)

    def _submit(self, pool: Executor, job: Callable[[], Any], on_done: Callable[[bool, Any], None]) -> Future:
        if self._closed:
            raise RuntimeError("the task manager is shut down")
        self._in_flight += 1

        def finished(ok: bool, value: Any) -> None:
            self._in_flight -= 1
            on_done(ok, value)

        def wrapped():  # runs on the worker thread
            try:
                outcome = (True, job())
            except BaseException as exc:  # handed to the GUI thread, which decides how to show it
                outcome = (False, exc)
            try:
                self.run_on_gui(lambda: finished(*outcome))
            except RuntimeError:  # the manager was deleted with its window: nobody is left to tell
                log.warning("a background job finished after its window closed")
            if not outcome[0]:
                raise outcome[1]
            return outcome[1]

        return pool.submit(wrapped)

    @Slot(object)
    def _run_delivered(self, fn: Callable[[], Any]) -> None:
        fn()

    def notify_changes(self, changes: Changes, initiator: object = None) -> None:
        """Announce a change made outside a StoreOp (GUI thread)."""
        self.changes_applied.emit(dict(changes), initiator)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting work; let a running store transaction finish (``wait``), drop queued jobs."""
        if self._closed:
            return
        self._closed = True
        for pool in {id(self._store_pool): self._store_pool, id(self._device_pool): self._device_pool}.values():
            pool.shutdown(wait=wait, cancel_futures=True)


def on_store_thread() -> bool:
    """True on the store worker thread (for assertions in code that must run there)."""
    return threading.current_thread().name.startswith(STORE_THREAD_NAME)


def find_task_manager(widget: QObject | None) -> TaskManager:
    """The TaskManager of the window ``widget`` belongs to: the first ancestor with a ``tasks`` attribute."""
    obj = widget
    while obj is not None:
        tasks = getattr(obj, "tasks", None)
        if isinstance(tasks, TaskManager):
            return tasks
        obj = obj.parent()
    raise RuntimeError("no TaskManager found among the widget's ancestors; pass tasks=")


class _DelayedProgress(QObject):
    """A busy cursor after 300 ms and a progress dialog after 600 ms; nothing at all for quick jobs."""

    def __init__(self, parent: QWidget | None, label: str, owner: QObject) -> None:
        super().__init__(owner)
        self._parent = parent
        self._label = label
        self._cursor_set = False
        self._dialog: QProgressDialog | None = None
        self._cursor_timer = QTimer(self, singleShot=True, interval=CURSOR_DELAY_MS)
        self._cursor_timer.timeout.connect(self._show_cursor)
        self._dialog_timer = QTimer(self, singleShot=True, interval=DIALOG_DELAY_MS)
        self._dialog_timer.timeout.connect(self._show_dialog)
        self._cursor_timer.start()
        self._dialog_timer.start()

    def _show_cursor(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._cursor_set = True

    def _show_dialog(self) -> None:
        parent = self._parent if self._parent is not None and shiboken6.isValid(self._parent) else None
        dialog = QProgressDialog(self._label, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.show()
        self._dialog = dialog

    def finish(self) -> None:
        self._cursor_timer.stop()
        self._dialog_timer.stop()
        if self._cursor_set:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_set = False
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self.deleteLater()


class _Op:
    """Common builder: ``.success()``, ``.failure()``, ``.with_progress()``, ``.run_in_background()``."""

    def __init__(self, *, parent: QWidget | None, op: Callable, tasks: TaskManager | None = None) -> None:
        self._parent = parent
        self._op = op
        self._tasks = tasks
        self._on_success: Callable[[Any], Any] | None = None
        self._on_failure: Callable[[BaseException], Any] | None = None
        self._progress_label: str | None = None

    def success(self, fn: Callable[[Any], Any]) -> _Op:
        """``fn(result)`` on the GUI thread when ``op`` returned."""
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> _Op:
        """``fn(exc)`` on the GUI thread when ``op`` raised (default: ui.errors.show_error)."""
        self._on_failure = fn
        return self

    def with_progress(self, label: str = "") -> _Op:
        """Busy cursor after 300 ms, a progress dialog showing ``label`` after 600 ms."""
        self._progress_label = label
        return self

    def run_in_background(self) -> Future:
        """Start the work (GUI thread). With an inline executor the callbacks have run on return."""
        tasks = self._tasks or find_task_manager(self._parent)
        progress = (
            _DelayedProgress(self._parent, self._progress_label, tasks) if self._progress_label is not None else None
        )

        def done(ok: bool, value: Any) -> None:
            if progress is not None:
                progress.finish()
            if ok:
                self._succeeded(tasks, value)
            else:
                self._failed(value)

        return self._start(tasks, done)

    # -- hooks for subclasses ------------------------------------------------------------------

    def _start(self, tasks: TaskManager, done: Callable[[bool, Any], None]) -> Future:
        raise NotImplementedError

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _succeeded(self, tasks: TaskManager, result: Any) -> None:
        if self._on_success is not None and self._parent_alive():
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._parent_alive():
            log.warning("operation failed after its window closed: %s", type(exc).__name__)
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            from ui.errors import show_error

            show_error(exc, parent=self._parent)


class StoreOp(_Op):
    """A change to the store: ``op(session)`` runs in one ``store.write()`` unit of work on the store thread.

    ``changes``: what changed, as a dict or ``fn(result) -> dict`` (default ``{"store": True}``), announced
    with ``changes_applied(changes, initiator)`` after the commit; ``initiator`` defaults to ``parent``.
    """

    def __init__(
        self,
        *,
        parent: QWidget | None,
        op: Callable[[Any], Any],
        changes: Changes | Callable[[Any], Changes] | None = None,
        initiator: object = None,
        tasks: TaskManager | None = None,
    ) -> None:
        super().__init__(parent=parent, op=op, tasks=tasks)
        self._changes = changes
        self._initiator = initiator if initiator is not None else parent

    def _start(self, tasks, done):
        return tasks.run_store(self._op, done, write=True)

    def _succeeded(self, tasks, result):
        changes = self._changes(result) if callable(self._changes) else (self._changes or {"store": True})
        # Views refresh first (the store did change even if the parent is gone), then the caller's callback.
        tasks.changes_applied.emit(dict(changes), self._initiator)
        super()._succeeded(tasks, result)


class QueryOp(_Op):
    """A read: ``op(session)`` runs in one ``store.read()`` session on the store thread."""

    def _start(self, tasks, done):
        return tasks.run_store(self._op, done, write=False)


class DeviceOp(_Op):
    """Device or network work, never on the store thread.

    With ``device`` (a ``devices.runtime.DeviceWorker``, e.g. ``hub.worker("ticket_printer")``) ``op(device)``
    runs on that device's own worker thread, after the jobs already queued there; a device is touched by
    no other thread. Without it ``op()`` runs on the network pool (HTTP, probes): not for devices.
    """

    def __init__(self, *, parent: QWidget | None, op: Callable, tasks: TaskManager | None = None, device=None) -> None:
        super().__init__(parent=parent, op=op, tasks=tasks)
        self._device = device

    def _start(self, tasks, done):
        if self._device is not None:
            return tasks.run_on_device(self._device, self._op, done)
        return tasks.run_device(self._op, done)
