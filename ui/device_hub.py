"""The device hub: the station's devices (each on its own worker thread, ``devices.runtime``) as Qt signals.

One hub per station window family, created on the GUI thread. Device workers report events on their own
threads; the hub hands each one to the GUI thread through one queued signal and there turns it into a
signal that reads like a sentence (conventions §3):

- ``device_status_changed(name, status, detail)``, ``device_did_connect(name)``,
  ``device_did_disconnect(name, detail)`` — status is a code of ``devices.base.DEVICE_STATUSES``;
- ``ticket_requested(service, key)`` — a button box key (service "" when the key is not mapped);
- ``rating_given(score, scale, device)`` — a rating keypad key (1 = least satisfied);
- ``id_card_read(CccdData, source)`` / ``id_card_rejected(reason, source)`` — a serial reader's line or a
  keyboard-wedge burst, parsed by ``app.cccd.parse_cccd`` here; ``reason`` is the parser's message
  (it names the faulty field, never its value); ``source`` is the device name or "wedge";
- ``device_event(event)`` — every ``DeviceEvent``, for the technician's view.

Work for a device goes to that device's worker: ``hub.submit("led_display", lambda d: d.show("A012"))``,
or ``DeviceOp(parent=..., op=lambda d: d.send(data), device=hub.worker("ticket_printer"))`` when the
result must come back to the GUI thread. :meth:`show_number` is the LED display's one-liner.

How a window adopts it (kiosk, counter, board):

    hub = DeviceHub.from_settings(settings, kinds=("button_box", "ticket_printer"), parent=self)
    hub.ticket_requested.connect(self.issue_for_service)
    hub.start()
    ...
    hub.close()  # in the window's close/shutdown, stops the workers

and for the counter: ``hub.install_wedge()`` (when ``devices.id_reader`` is ``wedge:``, done by
``start``), ``hub.id_card_read.connect(self.fill_from_card)``, ``hub.show_number(ticket_number)`` when a
ticket is called, and :func:`record_ratings` to store the keypad's ratings with the ticket, dossier,
officer and counter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import date
from queue import SimpleQueue
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from devices.base import DEVICE_KINDS, Device, DeviceError, DeviceEvent
from devices.runtime import DeviceRuntime, DeviceWorker
from ui import qtfix
from ui.wedge import WedgeFilter, wedge_options

log = logging.getLogger(__name__)


class DeviceHub(QObject):
    """See the module docstring. Signals are emitted on the GUI thread; methods are for the GUI thread."""

    device_status_changed = Signal(str, str, str)
    device_did_connect = Signal(str)
    device_did_disconnect = Signal(str, str)
    ticket_requested = Signal(str, str)
    rating_given = Signal(int, int, str)
    id_card_read = Signal(object, str)
    id_card_rejected = Signal(str, str)
    device_event = Signal(object)

    # Wakes the GUI thread after a worker put an event in ``_inbox``. The events themselves do not travel
    # in the queued signal: a Python object left in an undelivered queued event at exit is released
    # without the GIL by PySide (a refcount crash at interpreter shutdown).
    _wake = Signal()

    def __init__(
        self,
        runtime: DeviceRuntime,
        *,
        wedge_url: str | None = None,
        today: Callable[[], date] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        qtfix.apply()  # device events run all day: PySide6 6.12.0 on CPython 3.11 (see ui/qtfix.py)
        self.runtime = runtime
        self.wedge_url = wedge_url
        self.wedge: WedgeFilter | None = None
        self._today = today
        self._started = False
        self._closed = False
        self._inbox: SimpleQueue[DeviceEvent] = SimpleQueue()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        runtime.subscribe(self._from_worker)

    @classmethod
    def from_settings(
        cls, settings, *, kinds: Iterable[str] = DEVICE_KINDS, parent: QObject | None = None, **options: Any
    ) -> DeviceHub:
        """A hub over the station's configured devices among ``kinds`` (``settings.get("devices.<kind>")``).

        A device whose address is wrong is listed with status "error" and the reason, so the technician
        sees it; the others run.
        """
        from devices.registry import open_device
        from devices.wrapped import ConfiguredDevice

        devices: list[Device] = []
        wedge_url = None
        for kind in kinds:
            if kind == "voice":
                continue
            url = str(settings.get(f"devices.{kind}") or "")
            if kind == "id_reader" and url.lower().startswith("wedge:"):
                wedge_url = url
            try:
                device = open_device(kind, url, **options)
            except DeviceError as exc:
                device = ConfiguredDevice(kind=kind, name=kind, url=url, driver=url.split(":", 1)[0])
                device.status, device.detail = "error", exc.message
                log.warning("%s: %s", kind, exc.message)
            if device is not None:
                devices.append(device)
        return cls(DeviceRuntime(devices), wedge_url=wedge_url, parent=parent)

    # -- life cycle -------------------------------------------------------------------------------

    def start(self) -> DeviceHub:
        if not self._started:
            self._started = True
            for worker in self.runtime.workers():
                if worker.device.status != "error":
                    worker.start()
            if self.wedge_url is not None:
                self.install_wedge(**wedge_options(self.wedge_url))
        return self

    def close(self) -> None:
        """Stop every worker (each finishes the job it is doing) and the wedge filter. Idempotent."""
        self._closed = True
        if self.wedge is not None:
            self.wedge.uninstall()
            self.wedge = None
        self.runtime.unsubscribe(self._from_worker)
        self.runtime.stop()
        while not self._inbox.empty():  # what came in while closing is not announced any more
            self._inbox.get_nowait()

    # -- work for devices ---------------------------------------------------------------------------

    def worker(self, name: str) -> DeviceWorker | None:
        return self.runtime.get(name)

    def submit(self, name: str, fn: Callable[[Device], Any]) -> Future:
        """Run ``fn(device)`` on the device's worker; a future that failed with "offline" if there is none."""
        worker = self.runtime.get(name)
        if worker is None:
            future: Future = Future()
            future.set_exception(DeviceError(name, "offline", "no such device configured"))
            return future
        return worker.submit(fn)

    def show_number(self, text: str, *, display: str = "led_display") -> Future:
        """Show a ticket number on the LED display (e.g. when the counter calls it). A failure is logged
        and shows in the display's status; the officer's work never waits for it."""
        future = self.submit(display, lambda d: d.show(text))
        future.add_done_callback(_log_failure(display))
        return future

    def self_test(self, name: str) -> Future:
        return self.submit(name, lambda d: d.self_test())

    def statuses(self) -> list[dict[str, str]]:
        """The ``devices list --json`` rows of this station's devices."""
        return self.runtime.describe()

    def install_wedge(self, target: QObject | None = None, **options: Any) -> WedgeFilter:
        """Recognise keyboard-wedge bursts (GUI thread); each is parsed as a CCCD like a serial reader's."""
        from app.cccd import looks_like_cccd

        if self.wedge is None:
            self.wedge = WedgeFilter(accept=looks_like_cccd, parent=self, **options).install(target)
            self.wedge.scanned.connect(lambda text: self._id_text(text, "wedge"))
        return self.wedge

    # -- events ------------------------------------------------------------------------------------

    def _from_worker(self, event: DeviceEvent) -> None:  # a worker thread
        if self._closed:
            return
        self._inbox.put(event)
        try:
            self._wake.emit()
        except RuntimeError:  # the hub was deleted with its window; the workers are stopping
            pass

    @Slot()
    def _drain(self) -> None:  # GUI thread
        while not self._closed and not self._inbox.empty():
            self._dispatch(self._inbox.get_nowait())

    def _dispatch(self, event: DeviceEvent) -> None:  # GUI thread
        self.device_event.emit(event)
        data = event.data
        if event.type == "status":
            self.device_status_changed.emit(event.device, data["status"], data.get("detail", ""))
            if data["status"] == "ok":
                self.device_did_connect.emit(event.device)
            elif data["status"] == "offline":
                self.device_did_disconnect.emit(event.device, data.get("detail", ""))
        elif event.type == "button":
            self.ticket_requested.emit(data.get("service") or "", str(data.get("key", "")))
        elif event.type == "rating":
            self.rating_given.emit(int(data["score"]), int(data["scale"]), event.device)
        elif event.type == "id_text":
            self._id_text(data.get("text", ""), event.device)

    def _id_text(self, text: str, source: str) -> None:
        from app.cccd import parse_cccd
        from app.errors import ValidationError

        try:
            card = parse_cccd(text, today=self._today() if self._today else None)
        except ValidationError as exc:
            log.info("%s: a scan that is not a valid ID card (%s)", source, exc)
            self.id_card_rejected.emit(str(exc), source)
            return
        self.id_card_read.emit(card, source)


def _log_failure(name: str) -> Callable[[Future], None]:
    def done(future: Future) -> None:
        exc = future.exception()
        if exc is not None:
            log.warning("%s: %s", name, exc)

    return done


def record_ratings(hub: DeviceHub, tasks, *, counter: int, parent=None) -> Callable[[int, int, str], None]:
    """Store every rating the keypad gives (``app.services.ratings.record``) with the counter's current or
    just-finished ticket, its dossier and officer; returns the connected slot (to disconnect it)."""
    from app.actors import Actor
    from app.services import ratings
    from ui.tasks import StoreOp

    def on_rating(score: int, scale: int, device: str) -> None:
        actor = Actor("keypad", "system", "Bàn phím đánh giá", counter=counter)
        StoreOp(
            parent=parent,
            tasks=tasks,
            op=lambda session: ratings.record(session, actor, counter=counter, score=score, scale=scale, source=device),
            changes={"ratings": [counter]},
        ).failure(lambda exc: log.warning("rating not stored: %s", exc)).run_in_background()

    hub.rating_given.connect(on_rating)
    return on_rating
