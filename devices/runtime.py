"""The device runtime: one worker thread per device, the same for simulators and real drivers.

A :class:`DeviceWorker` owns one :class:`devices.base.Device` and is the only thread that touches it
(the device is bound to the worker's thread, so a call from elsewhere raises ``WrongThreadError``). The
worker:

- opens the device, and after a failure closes it and reopens it with capped exponential backoff with
  jitter (conventions §6), so an unplugged device comes back by itself when plugged in again; a job that
  arrives while the device is offline triggers one immediate attempt and fails with the ``DeviceError``
  if the device is still not there (a kiosk must say "remember your number" now, not in a minute);
- runs submitted jobs ``fn(device)`` one at a time in order, each result or exception in a ``Future``;
  jobs never run concurrently, so a second job simply waits its turn (no "busy" errors);
- polls input devices between jobs and runs ``idle_check`` on devices that have one;
- reports every status change (``"status"`` events) and every input event to its listeners, **on the
  worker thread**. ``ui.device_hub`` turns them into Qt signals on the GUI thread.

A :class:`DeviceRuntime` is the set of workers of one station, by device name.

A malformed input never stops a worker: an exception raised by ``poll`` other than ``DeviceError`` is
logged and the device reconnected, like a link error.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import Any

from devices.base import Device, DeviceError, DeviceEvent

log = logging.getLogger(__name__)

Listener = Callable[[DeviceEvent], None]

MIN_BACKOFF = 0.2
MAX_BACKOFF = 5.0
POLL_TIMEOUT = 0.05
THREAD_PREFIX = "device-"


class DeviceWorker:
    """The one thread that drives ``device``. Public methods may be called from any thread."""

    def __init__(
        self,
        device: Device,
        *,
        min_backoff: float = MIN_BACKOFF,
        max_backoff: float = MAX_BACKOFF,
        poll_timeout: float = POLL_TIMEOUT,
        max_pending: int = 100,
        thread_name: str | None = None,
    ) -> None:
        self.device = device
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.poll_timeout = poll_timeout
        self.max_pending = max_pending
        self._cond = threading.Condition()
        self._jobs: deque[tuple[Callable[[Device], Any], Future]] = deque()
        self._listeners: list[Listener] = []
        self._stopping = False
        self._is_open = False
        self._running_job = False
        self._thread = threading.Thread(target=self._run, name=thread_name or THREAD_PREFIX + device.name, daemon=True)

    @property
    def name(self) -> str:
        return self.device.name

    @property
    def thread_name(self) -> str:
        return self._thread.name

    def on_this_thread(self) -> bool:
        return threading.current_thread() is self._thread

    # -- any thread ---------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """``listener(event)`` is called on the worker thread for every event; it must not block."""
        with self._cond:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._cond:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def start(self) -> DeviceWorker:
        if not self._thread.is_alive() and not self._stopping:
            self._thread.start()
        return self

    def submit(self, fn: Callable[[Device], Any]) -> Future:
        """Run ``fn(device)`` on the worker; its result or exception arrives in the returned future."""
        future: Future = Future()
        with self._cond:
            if self._stopping:
                future.set_exception(DeviceError(self.name, "offline", "device worker stopped"))
                return future
            if len(self._jobs) >= self.max_pending:
                future.set_exception(DeviceError(self.name, "busy", f"{len(self._jobs)} jobs already waiting"))
                return future
            self._jobs.append((fn, future))
            self._cond.notify_all()
        return future

    def call(self, fn: Callable[[Device], Any], timeout: float | None = 30.0) -> Any:
        """Submit and wait (never from the worker itself, nor from the GUI thread)."""
        if self.on_this_thread():
            return fn(self.device)
        return self.submit(fn).result(timeout)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no job waits or runs; False on timeout (not from the worker itself)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._jobs and not self._running_job, timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float | None = 5.0) -> None:
        """Stop after the job running now; fail the queued ones; close the device. Idempotent."""
        with self._cond:
            self._stopping = True
            dropped = list(self._jobs)
            self._jobs.clear()
            self._cond.notify_all()
        for _fn, future in dropped:
            future.set_exception(DeviceError(self.name, "offline", "device worker stopped"))
        if self._thread.is_alive() and not self.on_this_thread():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("%s: worker did not stop within %s s", self.name, timeout)

    # -- worker thread --------------------------------------------------------------------------------

    def _emit(self, event: DeviceEvent) -> None:
        with self._cond:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a broken listener must not take the device down
                log.exception("%s: event listener failed", self.name)

    def _set_status(self, status: str, detail: str = "") -> None:
        device = self.device
        if device.status == status and device.detail == detail:
            return
        device.status, device.detail = status, detail
        log.info("%s: %s %s", self.name, status, detail)
        self._emit(device.event("status", status=status, detail=detail))

    def _try_open(self) -> bool:
        try:
            self.device.open()
        except DeviceError as exc:
            self.device.close()
            self._set_status("error" if exc.kind == "config" else "offline", exc.message)
            return False
        self._is_open = True
        self._set_status("ok", self.device.condition)
        return True

    def _lost(self, exc: BaseException) -> None:
        self._is_open = False
        self.device.close()
        detail = exc.message if isinstance(exc, DeviceError) else f"unexpected {type(exc).__name__}"
        self._set_status("offline", detail)

    def _take_job(self, timeout: float) -> tuple[Callable[[Device], Any], Future] | None:
        with self._cond:
            if not self._jobs and not self._stopping and timeout > 0:
                self._cond.wait(timeout)
            if self._jobs and not self._stopping:
                self._running_job = True
                return self._jobs.popleft()
            return None

    def _run_job(self, fn: Callable[[Device], Any], future: Future) -> None:
        try:
            self._run_job_now(fn, future)
        finally:
            with self._cond:
                self._running_job = False
                self._cond.notify_all()

    def _run_job_now(self, fn: Callable[[Device], Any], future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return
        if not self._is_open and not self._try_open():
            future.set_exception(DeviceError(self.name, "offline", self.device.detail or "not connected"))
            return
        try:
            result = fn(self.device)
        except DeviceError as exc:
            if exc.kind in ("offline", "io"):
                self._lost(exc)
            future.set_exception(exc)
        except BaseException as exc:  # the job's own bug travels to whoever asked for it
            future.set_exception(exc)
        else:
            future.set_result(result)

    def _run(self) -> None:
        device = self.device
        device.bind_thread(threading.get_ident())
        backoff = self.min_backoff
        next_attempt = 0.0
        next_check = 0.0
        self._set_status("connecting", "")
        try:
            while not self._stopping:
                now = time.monotonic()
                if not self._is_open:
                    if device.status == "error":
                        job = self._take_job(1.0)  # bad configuration: only a job makes us try again
                        if job is not None:
                            self._run_job(*job)
                        continue
                    if now >= next_attempt:
                        if self._try_open():
                            backoff = self.min_backoff
                            continue
                        next_attempt = now + backoff * random.uniform(0.8, 1.2)
                        backoff = min(backoff * 2, self.max_backoff)
                    job = self._take_job(max(0.0, next_attempt - time.monotonic()))
                    if job is not None:
                        self._run_job(*job)
                    continue
                # An output device sleeps until a job comes (submit wakes it) or its next health check.
                if device.reads_input:
                    idle = 0.0
                elif device.check_interval is not None:
                    idle = max(0.0, min(1.0, next_check - time.monotonic()))
                else:
                    idle = 1.0
                job = self._take_job(idle)
                if job is not None:
                    self._run_job(*job)
                    continue
                if device.reads_input:
                    try:
                        events = device.poll(self.poll_timeout)
                    except Exception as exc:  # DeviceError or a driver bug: reconnect either way
                        if not isinstance(exc, DeviceError):
                            log.exception("%s: poll failed", self.name)
                        self._lost(exc)
                        next_attempt = time.monotonic() + backoff
                        continue
                    for event in events:
                        self._emit(event)
                if device.check_interval is not None and time.monotonic() >= next_check:
                    next_check = time.monotonic() + device.check_interval
                    try:
                        device.idle_check()
                    except DeviceError as exc:
                        self._lost(exc)
                        next_attempt = time.monotonic() + backoff
                    else:
                        self._set_status("ok", device.condition)  # e.g. "paper out" came or went
        finally:
            device.close()
            self._is_open = False
            self._set_status("stopped", "")
            device.bind_thread(None)


class DeviceRuntime:
    """The workers of one station, by device name. Public methods may be called from any thread."""

    def __init__(self, devices: Iterable[Device] = (), **worker_options: Any) -> None:
        self._options = worker_options
        self._workers: dict[str, DeviceWorker] = {}
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        for device in devices:
            self.add(device)

    def add(self, device: Device) -> DeviceWorker:
        with self._lock:
            if device.name in self._workers:
                raise ValueError(f"two devices named {device.name!r}")
            worker = DeviceWorker(device, **self._options)
            self._workers[device.name] = worker
            for listener in self._listeners:
                worker.subscribe(listener)
        return worker

    def replace(self, device: Device, *, start: bool = True, timeout: float = 5.0) -> DeviceWorker:
        """Put ``device`` in place of the device of the same name (the technician configured it anew):
        the old worker stops (finishing its job, closing its device), a new one takes over."""
        with self._lock:
            old = self._workers.pop(device.name, None)
        if old is not None:
            old.stop(timeout)
        worker = self.add(device)
        if start:
            worker.start()
        return worker

    def subscribe(self, listener: Listener) -> None:
        """``listener(event)`` for every device's events, on that device's worker thread."""
        with self._lock:
            self._listeners.append(listener)
            workers = list(self._workers.values())
        for worker in workers:
            worker.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)
            workers = list(self._workers.values())
        for worker in workers:
            worker.unsubscribe(listener)

    def worker(self, name: str) -> DeviceWorker:
        return self._workers[name]

    def get(self, name: str) -> DeviceWorker | None:
        return self._workers.get(name)

    def by_kind(self, kind: str) -> list[DeviceWorker]:
        return [w for w in self._workers.values() if w.device.kind == kind]

    def workers(self) -> list[DeviceWorker]:
        return list(self._workers.values())

    def start(self) -> DeviceRuntime:
        for worker in self.workers():
            worker.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        for worker in self.workers():
            worker.stop(timeout)

    def describe(self) -> list[dict[str, str]]:
        return [w.device.describe() for w in self.workers()]

    def __enter__(self) -> DeviceRuntime:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
