"""The one composition root of a station process (counter, kiosk, display board).

:func:`open_station` builds, once and in this order, what every station needs: the QApplication, the
translators (the main catalog, Qt's own and the queue room's), the logging tail, the exception hook, the
task manager and the station's own devices (the counter's A4 printer, the kiosk's ticket printer, the
board's voice announcer). The window builders take their devices from here and open none themselves.

:meth:`Station.run` runs the event loop and then takes everything down in a fixed order, before the
interpreter starts its own teardown: the window's timers and workers stop (a running store transaction
finishes), the devices close, the exception hook is put back, the window and the task manager are deleted
while the QApplication still exists. Nothing Qt-owned may outlive that point: a window kept alive by a
closure (the old exception hook held the counter window) was destroyed during interpreter shutdown, after
Python had begun to dismantle its modules, which is where a crash such as ``bool_dealloc`` comes from.

GUI thread only.
"""

from __future__ import annotations

import logging
import gc
import sys
from collections.abc import Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from ui.tasks import TaskManager

log = logging.getLogger(__name__)

KINDS = ("counter", "kiosk", "display", "reports", "devices")
TICKET_PRINTER_THREAD = "ticket-printer"
@dataclass
class StationDevices:
    """The devices a station drives; the station opens and closes them (device threads are the task
    manager's). Each is None where the station has no such device."""

    a4_printer: Any = None  # devices.document_printer.DocumentPrinter (counter)
    ticket_printer: Any = None  # devices.printer.ReceiptPrinter (kiosk)
    announcer: Any = None  # devices.voice.Announcer (display board)
    owned: list[Any] = field(default_factory=list)  # Qt helpers (the board's sound sink) to delete with them

    def close(self) -> None:
        """Close every device; idempotent, and one device failing to close never stops the others."""
        for name in ("a4_printer", "ticket_printer", "announcer"):
            device = getattr(self, name)
            close = getattr(device, "close", None)
            if close is None:
                continue
            try:
                close()
            except Exception:  # a device that does not close cleanly must not stop the station's exit
                log.warning("%s did not close cleanly", name, exc_info=True)
        for obj in self.owned:
            if isinstance(obj, QObject) and shiboken6.isValid(obj):
                shiboken6.delete(obj)
        self.owned.clear()


def open_devices(kind: str, settings, *, parent: QObject | None = None) -> StationDevices:
    """The devices of a ``kind`` station as its settings name them (GUI thread; opening does no I/O that
    blocks: real printers connect on their worker thread at the first job)."""
    if kind not in KINDS:
        raise ValueError(f"unknown station kind {kind!r}")
    devices = StationDevices()
    if kind == "counter":
        from devices.document_printer import open_document_printer

        devices.a4_printer = open_document_printer(
            settings.get("devices.a4_printer") or "sim://", spool_dir=Path(settings.data_dir) / "spool"
        )
    elif kind == "kiosk":
        from devices.printer import open_printer

        devices.ticket_printer = open_printer(settings.get("devices.ticket_printer") or "sim://", name="ticket_printer")
    elif kind == "display":
        from ui.queue.voice import make_announcer

        devices.announcer, sink = make_announcer(settings, parent=parent)
        devices.owned.append(sink)
    return devices


#: the cyclic garbage collector's thresholds in a station (the interpreter's default: 700, 10, 10): young
#: collections rarely, and a middle collection every second young one, so it never holds more than two young
#: generations of a big unit of work's live objects (a first hand-over round: 52-75 ms pauses with 5, 24-27 with 2)
GC_THRESHOLDS = (20_000, 2, 200)
#: the interpreter's thread switch interval in a station (default 5 ms)
GUI_SWITCH_INTERVAL_S = 0.001


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The process's QApplication (the existing one if any). ``argv`` None: the program name only, so Qt
    never reads the station's command-line options.

    No application display name is set: Qt would append it to every window title ("Một cửa — Quầy 1 —
    Một cửa"), and in a small dialog's title bar it cuts the dialog's own words.
    """
    from app import __version__
    from app.fsmode import private_files

    private_files()  # files the station creates (database, stored scans, logs) are this user's only
    # The GUI thread shares the GIL with the workers (store, devices, network). Each Qt callback into Python
    # (a paint's data(), a timer, a slot) must take the GIL back from a busy worker, which by default gives it
    # up only every 5 ms: a table painting 200 cells during a hand-over round waited a second. 1 ms bounds
    # that wait five times tighter; the workers lose <1 % to the extra switches (docs/NOTES.md, Start-up).
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    # The cyclic collector stops every thread while it runs, and a full pass walks the whole heap: a
    # hand-over round of 10,000 dossiers ran eleven of them on the store thread, 120-580 ms each, each a
    # frozen window. Young passes every 20,000 allocations instead of 700 and a full pass a tenth as often
    # keep the cycles of a job collected while it runs; the heap built at start-up is frozen in
    # Station.run (gc.freeze), so a full pass walks only what came after.
    gc.set_threshold(*GC_THRESHOLDS)
    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("motcua")
    app.setApplicationVersion(__version__)
    from ui import startup_probe

    startup_probe.start(app)  # only with MOTCUA_STARTUP_PROBE (the start-up benchmark)
    return app


class Station:
    """One station process: application, translators, logging tail, exception hook, tasks, devices."""

    def __init__(
        self,
        kind: str,
        store,
        settings,
        *,
        argv: Sequence[str] | None = None,
        executor: Executor | None = None,
        device_executor: Executor | None = None,
        devices: StationDevices | None = None,
    ) -> None:
        from app.logs import TAIL
        from ui.queue import install_all_translators

        if kind not in KINDS:
            raise ValueError(f"unknown station kind {kind!r}")
        self.app = application(argv)
        from ui import qtfix

        self.singletons_reserved = qtfix.apply()  # PySide6 6.12.0 on CPython 3.11 (see ui/qtfix.py)
        self.kind = kind
        self.store = store
        self.settings = settings
        self.translators: list[QTranslator] = install_all_translators(self.app, settings.get("ui.language"))
        # (every catalog, the sign-in's and the Devices window's included: ui.catalogs.CATALOGS)
        from ui.fonts import install_text_room

        install_text_room(self.app)  # stacked Vietnamese diacritics (Ẫ, Ở …) are never cut at a label's top
        from ui.warmup import EnumWarmup

        self.warmup = EnumWarmup(parent=self.app)  # Qt's enums made while the sign-in waits (ui/warmup.py)
        self.warmup.start()
        self.log_tail = TAIL  # the bounded in-memory tail of the log, for the technician's view
        if TAIL not in logging.getLogger().handlers:
            logging.getLogger().addHandler(TAIL)
        if device_executor is None and kind == "kiosk" and not getattr(executor, "inline", False):
            # The ticket printer has one thread of its own (conventions §4).
            device_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=TICKET_PRINTER_THREAD)
        self._executor = executor
        self._device_executor = device_executor
        self._tasks: TaskManager | None = None
        self.devices = devices if devices is not None else open_devices(kind, settings)
        self.window: QWidget | None = None
        self._previous_hook = None
        self._closed = False
        self.install_excepthook()

    @property
    def tasks(self) -> TaskManager:
        """The station's task manager (store thread, device pool), made at first use (GUI thread)."""
        if self._tasks is None:
            self._tasks = TaskManager(self.store, executor=self._executor, device_executor=self._device_executor)
        return self._tasks

    # -- errors --------------------------------------------------------------------------------------

    def install_excepthook(self) -> None:
        """An exception escaping a slot is logged; at the counter it is also shown like any other error
        (never as a traceback). The kiosk and the board face citizens: they log it and carry on."""
        self._previous_hook = sys.excepthook
        sys.excepthook = self._hook

    def _hook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            (self._previous_hook or sys.__excepthook__)(exc_type, exc, tb)
            return
        try:
            window = self.window if self.window is not None and shiboken6.isValid(self.window) else None
            if self.kind == "counter":
                from ui.errors import show_error

                show_error(exc.with_traceback(tb), parent=window)
            else:
                log.error("unexpected error in the %s station", self.kind, exc_info=(exc_type, exc, tb))
        except Exception:  # the hook itself must never raise
            log.exception("could not show an error")

    # -- running -------------------------------------------------------------------------------------

    def run(self, window: QWidget) -> int:
        """Run the event loop with ``window`` as the station's window, then :meth:`shutdown`."""
        self.window = window
        from ui import startup_probe

        startup_probe.install(window)  # only with MOTCUA_STARTUP_PROBE (the start-up benchmark)
        gc.freeze()  # what start-up built (modules, Qt wrappers, caches) lives as long as the process
        stalls = startup_probe.watch_stalls(self.app)  # only with MOTCUA_STALL_PROBE (gui_max_stall_ms)
        try:
            return self.app.exec()
        finally:
            if stalls is not None:
                stalls.write()
            self.shutdown()

    def shutdown(self) -> None:
        """Take the station down in order (idempotent): the window's work, the tasks (waiting for a
        running job), the devices, the exception hook, then the window and the task manager themselves
        while the QApplication still exists."""
        if self._closed:
            return
        self._closed = True
        self.warmup.stop()
        self.warmup.deleteLater()
        window = self.window if self.window is not None and shiboken6.isValid(self.window) else None
        stop = getattr(window, "shutdown", None)
        if stop is not None:
            try:
                stop()
            except Exception:
                log.exception("the %s window did not shut down cleanly", self.kind)
        if self._tasks is not None:
            self._tasks.shutdown(wait=True)
        elif self._device_executor is not None:
            self._device_executor.shutdown(wait=True, cancel_futures=True)
        self.devices.close()
        if "ui.scan.worker" in sys.modules:  # the scanners' threads (one per scanner, opened by the scan panel)
            sys.modules["ui.scan.worker"].shutdown_all()
        if sys.excepthook == self._hook:
            sys.excepthook = self._previous_hook or sys.__excepthook__
        if window is not None:
            window.hide()
            shiboken6.delete(window)
        self.window = None
        if self._tasks is not None and shiboken6.isValid(self._tasks):
            shiboken6.delete(self._tasks)
        self._tasks = None
        # Deferred deletions (dialogs closed with deleteLater, progress dialogs) happen now, not at exit.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()
        from ui.i18n import remove_catalogs

        remove_catalogs(self.app, self.translators)
        for translator in self.translators:
            if shiboken6.isValid(translator):
                shiboken6.delete(translator)
        self.translators = []
        log.info("%s station closed", self.kind)


def open_station(kind: str, store, settings, **kwargs) -> Station:
    """Build the station of ``kind`` ("counter", "kiosk", "display"); see :class:`Station` (GUI thread)."""
    return Station(kind, store, settings, **kwargs)
