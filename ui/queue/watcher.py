"""CallWatcher: notices every change of the queue made at any station and tells the GUI thread within a second.

Every 250 ms a worker thread named "call-watcher" asks ``queue_events.events_since(cursor)`` (an indexed range
on the change feed's primary key, cheap on SQLite and PostgreSQL alike) in a short read session of its own.
The feed has one row for every change a screen shows: a call or recall, but also a ticket finished, skipped,
transferred or brought back, a counter paused or resumed, a new ticket at the kiosk. On news the same read
session takes ``queue.status()``, so what the GUI thread gets is the state ``motcua queue status`` would
print, never a guess from the event kinds. Calls and recalls come out one by one as
``ticket_was_called(call)``, oldest first, then the fresh state as ``queue_changed(status)``. The status is
also re-read every few seconds without news (counter names, a clock-driven closing). The watcher does not use
the window's store thread: its polls must not queue behind an officer's save, nor delay it; and because every
state it emits is read on this one thread, in order, a screen never goes back to an older state.

Latency is measured on the way: ``poll_ms`` (the query) and ``delivery_ms`` (found on the worker → emitted
on the GUI thread); :meth:`CallWatcher.stats` gives their median and worst. A database that cannot be
reached is a state (``connection_changed(False)``), logged once; the worker keeps trying every second.
"""

from __future__ import annotations

import logging
import statistics
import threading
import time
from collections import deque
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.services import queue
from app.services import queue_events

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 250
RETRY_INTERVAL_MS = 1000
STATUS_EVERY_MS = 3000  # the status is read again this often even without news
# How far behind the cursor each poll looks for events that committed late (ids are not commit-ordered on
# PostgreSQL), and how many told ids are remembered to skip them.
LOOKBACK = 200
SEEN_KEPT = 2000
THREAD_NAME = "call-watcher"


def _call(event: dict[str, Any]) -> dict[str, Any]:
    """A call or recall event in the shape of ``queue.calls_since`` items."""
    return {k: event[k] for k in ("id", "at", "number", "service", "counter", "kind")}


class CallWatcher(QObject):
    """Polls the queue's change feed on its own thread; emits on the thread it was created on (the GUI thread).

    ``history`` calls before the start are delivered once as ``history_loaded(list)`` (newest first,
    ``recent_calls`` shape) and are not emitted as new calls; pass ``after_id`` (an event id) to start from a
    known cursor instead. ``with_status``: read and emit ``queue_changed(status)`` (the board); without it
    only ``events_seen(list)`` tells that something changed (a counter's panel reads its own state). Call
    :meth:`stop` before the watcher is deleted (a window's ``closeEvent``).
    """

    ticket_was_called = Signal(dict)  # one calls_since() item: id, at, number, service, counter, kind
    history_loaded = Signal(list)
    queue_changed = Signal(dict)  # queue.status()
    events_seen = Signal(list)  # queue_events.events_since() items, oldest first
    connection_changed = Signal(bool)

    _found = Signal(list, object, float)
    _history = Signal(list, object)
    _connection = Signal(bool)

    def __init__(self, store, *, interval_ms: int = POLL_INTERVAL_MS, history: int = 10, with_status: bool = True,
                 status_every_ms: int = STATUS_EVERY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.interval_ms = interval_ms
        self.history = history
        self.with_status = with_status
        self.status_every_ms = status_every_ms
        self._cursor = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connected = True
        self._status_at = 0.0  # worker thread: when the status was read last (monotonic)
        self.primed = False  # GUI thread: the history was delivered, new calls are told from now on
        self.last_status: dict[str, Any] | None = None  # GUI thread: the newest status emitted
        self._seen: set[int] = set()  # worker thread: ids of events already told (or before the start)
        self._seen_order: deque[int] = deque()
        self._poll_ms: deque[float] = deque(maxlen=500)
        self._delivery_ms: deque[float] = deque(maxlen=500)
        self._found.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._history.connect(self._deliver_history, Qt.ConnectionType.QueuedConnection)
        self._connection.connect(self._set_connected, Qt.ConnectionType.QueuedConnection)

    # -- control (GUI thread) --------------------------------------------------------------------

    @property
    def cursor(self) -> int:
        """Id of the newest event seen so far."""
        return self._cursor

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, after_id: int | None = None) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(after_id,), name=THREAD_NAME, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop polling and wait for the worker (at most one poll long)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("call watcher did not stop within %s s", timeout)

    def stats(self) -> dict[str, float]:
        """Median and worst of the recent poll and delivery times, in ms."""
        out: dict[str, float] = {}
        for name, samples in (("poll_ms", list(self._poll_ms)), ("delivery_ms", list(self._delivery_ms))):
            if samples:
                out[f"{name}_median"] = round(statistics.median(samples), 3)
                out[f"{name}_max"] = round(max(samples), 3)
        return out

    # -- worker thread ---------------------------------------------------------------------------

    def _run(self, after_id: int | None) -> None:
        assert threading.current_thread().name == THREAD_NAME
        primed = after_id is not None
        if primed:
            self._cursor = after_id
            try:
                with self.store.read() as session:
                    told = queue_events.events_since(session, max(0, after_id - LOOKBACK), limit=LOOKBACK + 50)
                    status = self._read_status(session)
                self._remember([e for e in told if e["id"] <= after_id])
            except Exception as exc:  # the first poll reports the state of the link
                log.warning("call watcher cannot read the queue: %s", type(exc).__name__)
                status = None
            self._history.emit([], status)
        while not self._stop.is_set():
            if not shiboken6.isValid(self):  # deleted without stop(): nobody to tell any more
                return
            started = time.perf_counter()
            try:
                if not primed:
                    self._prime()
                    primed = True
                else:
                    self._poll_once()
                ok = True
            except Exception as exc:  # the database went away: a state, retried, not a crash
                ok = False
                if self._connected:
                    log.warning("call watcher cannot read the queue: %s", type(exc).__name__)
            if ok != self._connected:
                self._connected = ok
                self._connection.emit(ok)
                if ok:
                    log.info("call watcher reads the queue again")
            interval = self.interval_ms if ok else RETRY_INTERVAL_MS
            self._stop.wait(max(0.0, interval / 1000 - (time.perf_counter() - started)))

    def _read_status(self, session) -> dict[str, Any] | None:
        if not self.with_status:
            return None
        self._status_at = time.monotonic()
        return queue.status(session)

    def _prime(self) -> None:
        with self.store.read() as session:
            recent = queue.recent_calls(session, limit=self.history) if self.history else []
            self._cursor = queue_events.latest_id(session)
            self._remember(queue_events.events_since(session, max(0, self._cursor - LOOKBACK), limit=LOOKBACK + 50))
            status = self._read_status(session)
        self._history.emit(recent, status)

    def _remember(self, found: list[dict[str, Any]]) -> None:
        for event in found:
            if event["id"] not in self._seen:
                self._seen.add(event["id"])
                self._seen_order.append(event["id"])
        while len(self._seen_order) > SEEN_KEPT:
            self._seen.discard(self._seen_order.popleft())

    def _poll_once(self) -> None:
        # On PostgreSQL an event's id is given when it is inserted, not when it commits: an event committed a
        # moment after a newer one has a smaller id than the cursor. Read a window behind the cursor and
        # skip the events already told, so that no change is ever missed.
        started = time.perf_counter()
        with self.store.read() as session:
            found = queue_events.events_since(session, max(0, self._cursor - LOOKBACK), limit=LOOKBACK + 50)
            new = [e for e in found if e["id"] not in self._seen]
            due = self.with_status and (time.monotonic() - self._status_at) * 1000 >= self.status_every_ms
            # Read in the same session as the events: on SQLite the same snapshot, so the state holds them.
            status = self._read_status(session) if (new or due) else None
        found_at = time.perf_counter()
        self._poll_ms.append((found_at - started) * 1000)
        if new:
            self._remember(new)
            self._cursor = max(self._cursor, max(e["id"] for e in new))
        if new or status is not None:
            self._found.emit(new, status, found_at)

    # -- GUI thread ------------------------------------------------------------------------------

    @Slot(list, object, float)
    def _deliver(self, found: list[dict[str, Any]], status: dict[str, Any] | None, found_at: float) -> None:
        if found:
            self._delivery_ms.append((time.perf_counter() - found_at) * 1000)
        for event in found:
            if event["kind"] in queue_events.ANNOUNCED:
                self.ticket_was_called.emit(_call(event))
        if found:
            self.events_seen.emit(found)
        if status is not None:
            self.last_status = status
            self.queue_changed.emit(status)

    @Slot(list, object)
    def _deliver_history(self, recent: list[dict[str, Any]], status: dict[str, Any] | None) -> None:
        self.primed = True
        self.history_loaded.emit(recent)
        if status is not None:
            self.last_status = status
            self.queue_changed.emit(status)

    @Slot(bool)
    def _set_connected(self, ok: bool) -> None:
        self.connection_changed.emit(ok)


def wait_for_calls(store, count: int, *, on_ready=None, timeout_ms: int = 60_000) -> dict[str, float]:
    """Watch exactly as the board does until ``count`` calls were seen (or the timeout); returns
    ``{number: wall-clock time seen}``. ``on_ready()`` runs once the cursor is set. For the technician's
    diagnostics and the display-latency benchmark; runs its own event loop (not inside a window)."""
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - the watcher's signals need one
    watcher = CallWatcher(store, with_status=False)
    seen: dict[str, float] = {}
    loop = QEventLoop()

    def called(call: dict) -> None:
        seen[call["number"]] = time.time()
        if len(seen) >= count:
            loop.quit()

    watcher.ticket_was_called.connect(called)
    if on_ready is not None:
        watcher.history_loaded.connect(lambda _recent: on_ready())
    watcher.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    watcher.stop()
    return seen
