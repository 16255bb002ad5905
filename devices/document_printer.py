"""A4/A5 document printers: PDFs to the operating system's printers, or to a simulated tray.

- ``sim://`` (:class:`SimulatedDocumentPrinter`): keeps jobs, optional spool folder, fault injection
  ("paper_out", "offline"...), optional delay per page, like a slow office printer.
- ``cups://QUEUE`` or ``cups://`` (default queue): ``lp`` on Linux/macOS (CUPS).
- ``os://`` : Windows' shell "print" verb on the default printer (the PDF viewer does the printing).

Runs on a device worker thread; ``print_pdf`` blocks and raises :class:`devices.base.DeviceError`.
"""

from __future__ import annotations

import abc
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from devices.base import DEVICE_ERROR_KINDS, DeviceError
from devices.printer_core import PrinterStatus

log = logging.getLogger(__name__)


class DocumentPrinter(abc.ABC):
    name: str = "document-printer"

    @abc.abstractmethod
    def print_pdf(self, data: bytes, *, title: str = "motcua", copies: int = 1, timeout: float = 60.0) -> None:
        """Send a PDF; blocks until the system accepted the job."""

    def status(self) -> PrinterStatus:
        """What the print system says about the printer; never raises (unknown when it cannot tell)."""
        return PrinterStatus(online=True, paper="unknown", detail="no status from this printer")

    def close(self) -> None:  # pragma: no cover - nothing to release by default
        pass


def _check_fault(device: str, kind: str | None) -> str | None:
    if kind is not None and (kind not in DEVICE_ERROR_KINDS or kind == "config"):
        raise DeviceError(device, "config", f"cannot simulate fault {kind!r}")
    return kind


class SimulatedDocumentPrinter(DocumentPrinter):
    """Keeps jobs; like a real office printer, a job takes ``seconds_per_job``, a second job waits for the
    first (at most its timeout), and a fault set during a job (paper out, unplugged) fails that job."""

    _SLICE = 0.01

    def __init__(self, name: str = "sim-a4", *, spool_dir: str | os.PathLike[str] | None = None,
                 seconds_per_job: float = 0.0, fault: str | None = None) -> None:
        self.name = name
        self.spool_dir = Path(spool_dir) if spool_dir else None
        self.seconds_per_job = seconds_per_job
        self._fault = _check_fault(name, fault)
        self._jobs: list[tuple[str, int, bytes]] = []
        self._lock = threading.Lock()
        self._sending = threading.Lock()

    @property
    def jobs(self) -> list[tuple[str, int, bytes]]:
        with self._lock:
            return list(self._jobs)

    def set_fault(self, kind: str | None) -> None:
        """Make the printer fail with ``kind`` ("paper_out", "offline"...), or heal it (None)."""
        kind = _check_fault(self.name, kind)
        with self._lock:
            self._fault = kind

    def _raise_fault(self) -> None:
        with self._lock:
            kind = self._fault
        if kind:
            raise DeviceError(self.name, kind, f"simulated {kind}")

    def status(self) -> PrinterStatus:
        with self._lock:
            kind = self._fault
        if kind == "offline":
            return PrinterStatus(online=False, detail="simulated: offline")
        if kind == "paper_out":
            return PrinterStatus(online=True, paper="out", detail="simulated: paper out")
        if kind == "cover_open":
            return PrinterStatus(online=True, cover="open", detail="simulated: cover open")
        return PrinterStatus(online=True, paper="ok" if kind is None else "unknown", detail="simulated")

    def print_pdf(self, data: bytes, *, title: str = "motcua", copies: int = 1, timeout: float = 60.0) -> None:
        if not data.startswith(b"%PDF"):
            raise DeviceError(self.name, "config", "not a PDF document")
        started = time.monotonic()
        if not self._sending.acquire(timeout=max(0.0, timeout)):
            raise DeviceError(self.name, "timeout", f"the printer was busy for {timeout:g} s")
        try:
            self._raise_fault()
            if self.seconds_per_job:
                end, give_up = started + self.seconds_per_job, started + timeout
                while (now := time.monotonic()) < end:
                    if now >= give_up:
                        raise DeviceError(self.name, "timeout", "the printer did not take the job in time")
                    self._raise_fault()
                    time.sleep(min(self._SLICE, end - now))
                self._raise_fault()
            with self._lock:
                self._jobs.append((title, copies, data))
                number = len(self._jobs)
        finally:
            self._sending.release()
        if self.spool_dir is not None:
            self.spool_dir.mkdir(parents=True, exist_ok=True)
            (self.spool_dir / f"doc-{number:04d}.pdf").write_bytes(data)


class CupsPrinter(DocumentPrinter):
    def __init__(self, queue: str | None = None) -> None:
        self.queue = queue or None
        self.name = f"cups:{queue or 'default'}"

    def print_pdf(self, data: bytes, *, title: str = "motcua", copies: int = 1, timeout: float = 60.0) -> None:
        lp = shutil.which("lp")
        if lp is None:
            raise DeviceError(self.name, "config", "the 'lp' command (CUPS) is not installed")
        cmd = [lp, "-n", str(max(1, copies)), "-t", title]
        if self.queue:
            cmd += ["-d", self.queue]
        try:
            done = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise DeviceError(self.name, "timeout", "the print system did not answer") from None
        if done.returncode != 0:
            raise DeviceError(self.name, "offline", done.stderr.decode(errors="replace").strip() or "lp failed")

    def status(self) -> PrinterStatus:
        """``lpstat -p``: a disabled queue (printer unplugged, or stopped after an error) is offline."""
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            return PrinterStatus(online=False, detail="the 'lpstat' command (CUPS) is not installed")
        cmd = [lpstat, "-p"] + ([self.queue] if self.queue else [])
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=5, env={**os.environ, "LC_ALL": "C"})
        except subprocess.TimeoutExpired:
            return PrinterStatus(online=False, detail="the print system did not answer")
        text = done.stdout.decode(errors="replace").strip()
        if done.returncode != 0 or not text:
            return PrinterStatus(online=False, detail=done.stderr.decode(errors="replace").strip() or "no such printer")
        return PrinterStatus(online="disabled" not in text, detail=text.splitlines()[0])


class WindowsShellPrinter(DocumentPrinter):  # pragma: no cover - Windows only
    name = "os:default"

    def print_pdf(self, data: bytes, *, title: str = "motcua", copies: int = 1, timeout: float = 60.0) -> None:
        if sys.platform != "win32":
            raise DeviceError(self.name, "config", "os:// printing is for Windows")
        folder = Path(tempfile.mkdtemp(prefix="motcua-print-"))
        path = folder / f"{title}.pdf"
        path.write_bytes(data)
        for _ in range(max(1, copies)):
            try:
                os.startfile(str(path), "print")  # type: ignore[attr-defined]
            except OSError as exc:
                raise DeviceError(self.name, "offline", str(exc)) from exc


def open_document_printer(url: str, *, spool_dir: str | os.PathLike[str] | None = None) -> DocumentPrinter:
    """``sim://[?fault=paper_out&delay=2]``, ``cups://[QUEUE]`` or ``os://``."""
    parts = urlsplit(url.strip())
    options = dict(parse_qsl(parts.query))
    if parts.scheme == "sim":
        try:
            delay = float(options.get("delay", 0))
        except ValueError:
            raise DeviceError("a4", "config", f"bad delay in {url!r}") from None
        return SimulatedDocumentPrinter(spool_dir=options.get("spool") or spool_dir, seconds_per_job=delay,
                                        fault=_check_fault("a4", options.get("fault") or None))
    if parts.scheme == "cups":
        return CupsPrinter(unquote(parts.netloc + parts.path).strip("/") or None)
    if parts.scheme == "os":
        return WindowsShellPrinter()
    raise DeviceError("a4", "config", f"unknown document printer {url!r} (use sim://, cups://QUEUE or os://)")
