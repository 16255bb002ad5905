"""The station's scanner on its own thread (conventions: one worker thread per device).

:func:`scanner_worker` gives the one :class:`ScannerWorker` of an address; the worker opens the scanner on
its thread the first time it scans, keeps it open between scans, and reopens it after the device went away.
Pages come back through ``page_ready`` while the feeder still runs; ``finished`` carries the
:class:`devices.scan_job.ScanOutcome` (the pages, and the device error that ended the job, if any).

Threads: ``scan``/``cancel``/``shutdown`` are called on the GUI thread; ``_run`` runs on the worker's
thread; signals reach GUI objects queued.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot

from devices.base import DeviceError
from devices.pages import PageOptions
from devices.scan_job import ScanOutcome, run_scan
from devices.scanner import ScanRequest

log = logging.getLogger(__name__)

_workers: dict[str, ScannerWorker] = {}


class ScannerWorker(QObject):
    page_ready = Signal(object)  # ProcessedPage
    finished = Signal(object)  # ScanOutcome
    _start = Signal(object, object)
    _close = Signal()

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address
        self.scanner = None  # owned by the worker thread
        self.busy = False
        self.cancel_event = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName(f"motcua-scanner {address}")
        self.moveToThread(self._thread)
        self._start.connect(self._run)
        self._close.connect(self._close_scanner)
        self._thread.start()

    def scan(self, request: ScanRequest, options: PageOptions) -> None:
        """Start a scan (GUI thread); ignored while one runs."""
        if self.busy:
            return
        self.busy = True
        self.cancel_event.clear()
        self._start.emit(request, options)

    def cancel(self) -> None:
        self.cancel_event.set()

    @Slot(object, object)
    def _run(self, request: ScanRequest, options: PageOptions) -> None:
        from devices.scanners import open_scanner

        try:
            if self.scanner is None:
                self.scanner = open_scanner(self.address)
            caps = self.scanner.capabilities()
            if request.source not in caps.sources:
                request = ScanRequest(source=caps.sources[0], dpi=request.dpi, color_mode=request.color_mode,
                                      page_size=request.page_size, max_pages=request.max_pages)
            outcome = run_scan(self.scanner, request, options=options, cancel=self.cancel_event,
                               on_page=self.page_ready.emit)
        except DeviceError as exc:
            outcome = ScanOutcome(error=exc)
        except Exception as exc:  # a driver bug must not kill the thread: the officer gets a message
            log.exception("scan failed")
            outcome = ScanOutcome(error=DeviceError(self.address, "io", str(exc)))
        if outcome.error is not None and outcome.error.kind in ("offline", "io"):
            self._close_scanner()  # reopen next time: the device may be back
        self.busy = False
        self.finished.emit(outcome)

    @Slot()
    def _close_scanner(self) -> None:
        if self.scanner is not None:
            try:
                self.scanner.close()
            except DeviceError:
                log.warning("closing scanner %s failed", self.address)
            self.scanner = None

    def shutdown(self) -> None:
        """Stop the thread (GUI thread): cancel, close the scanner on its thread, wait."""
        self.cancel()
        self._close.emit()
        self._thread.quit()
        if not self._thread.wait(STOP_WAIT_MS):
            # A driver call that does not return (a USB scanner pulled mid-page): the station still closes;
            # the thread is kept referenced so that Qt never destroys it while it runs.
            log.warning("scanner %s did not stop within %d ms; leaving its thread", self.address, STOP_WAIT_MS)
            _stuck.append(self)


def scanner_worker(address: str) -> ScannerWorker:
    worker = _workers.get(address)
    if worker is None:
        worker = _workers[address] = ScannerWorker(address)
    return worker


#: How long closing waits for a scanner's thread to finish its driver call.
STOP_WAIT_MS = 15_000
_stuck: list[ScannerWorker] = []


def shutdown_all() -> None:
    while _workers:
        _workers.popitem()[1].shutdown()
