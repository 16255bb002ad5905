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

from devices.base import DeviceError

log = logging.getLogger(__name__)


class DocumentPrinter(abc.ABC):
    name: str = "document-printer"

    @abc.abstractmethod
    def print_pdf(self, data: bytes, *, title: str = "motcua", copies: int = 1, timeout: float = 60.0) -> None:
        """Send a PDF; blocks until the system accepted the job."""

    def close(self) -> None:  # pragma: no cover - nothing to release by default
        pass


class SimulatedDocumentPrinter(DocumentPrinter):
    def __init__(self, name: str = "sim-a4", *, spool_dir: str | os.PathLike[str] | None = None,
                 seconds_per_job: float = 0.0, fault: str | None = None) -> None:
        self.name = name
        self.spool_dir = Path(spool_dir) if spool_dir else None
        self.seconds_per_job = seconds_per_job
        self._fault = fault
        self._jobs: list[tuple[str, int, bytes]] = []
        self._lock = threading.Lock()

    @property
    def jobs(self) -> list[tuple[str, int, bytes]]:
        with self._lock:
            return list(self._jobs)

    def set_fault(self, kind: str | None) -> None:
        self._fault = kind

    def print_pdf(self, data: bytes, *, title: str = "motcua", copies: int = 1, timeout: float = 60.0) -> None:
        if not data.startswith(b"%PDF"):
            raise DeviceError(self.name, "config", "not a PDF document")
        if self._fault:
            raise DeviceError(self.name, self._fault, f"simulated {self._fault}")
        if self.seconds_per_job:
            if self.seconds_per_job > timeout:
                raise DeviceError(self.name, "timeout", "the printer did not take the job in time")
            time.sleep(self.seconds_per_job)
        with self._lock:
            self._jobs.append((title, copies, data))
            number = len(self._jobs)
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
                                        fault=options.get("fault"))
    if parts.scheme == "cups":
        return CupsPrinter(unquote(parts.netloc + parts.path).strip("/") or None)
    if parts.scheme == "os":
        return WindowsShellPrinter()
    raise DeviceError("a4", "config", f"unknown document printer {url!r} (use sim://, cups://QUEUE or os://)")
