"""Receipt (thermal, ESC/POS) printers: the interface and its implementations.

The printing room renders tickets and slips to ESC/POS bytes; a ``ReceiptPrinter``
only delivers those bytes and reports the paper state. Every call may block on
the link, so it runs on the printer's device thread (conventions §4), never on the
GUI thread. Failures are raised as :class:`devices.base.DeviceError`; ``status()``
never raises, because a printer that is offline is a state, not an error.

Implementations:

- :class:`SimulatedPrinter` (``sim://``): keeps jobs in memory, fault injection.
- :class:`TcpPrinter` (``tcp://host:9100``): raw socket ("JetDirect") delivery.
- :class:`SerialPrinter` (``serial:///dev/ttyUSB0?baud=38400``): pyserial.
- :class:`FilePrinter` (``file:///dev/usb/lp0``): writes to a file or device node.
- ``devices.printer_usb.UsbPrinter`` (``usb://04b8:0e15?serial=…``): pyusb, bound by VID:PID and serial.
- ``devices.printer_win32.SpoolerPrinter`` (``winspool://NAME``): the Windows spooler in raw mode.

Status read-back (DLE EOT 4 then DLE EOT 2: paper near end / out, cover open, error) where the link
is two-way: TCP, serial, bidirectional USB; the spooler reports its own view. A second job for a busy
printer waits for the link (at most its timeout), in the simulator as in the drivers.

:func:`open_printer` builds one from the URL-like string kept in station settings.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from devices.base import DEVICE_ERROR_KINDS, DeviceError
from devices.options import bool_option, float_option, int_option
from devices.printer_core import (  # noqa: F401  (re-exported: the interface lives in printer_core)
    DEFAULT_STATUS_TIMEOUT,
    DLE_EOT_OFFLINE,
    DLE_EOT_PAPER,
    CoverState,
    PaperState,
    PrinterStatus,
    ReceiptPrinter,
    _ask,
    _locked,
    _valid_status_byte,
    parse_paper_status,
    parse_status,
)

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------- simulated


class SimulatedPrinter(ReceiptPrinter):
    """An in-memory printer for tests, demos and training.

    Every job received is kept in :attr:`jobs`; with ``baud`` the transfer time of a
    serial link is simulated; :meth:`set_fault` makes it fail like a real one (a job
    sent during a fault raises and is not kept). With ``spool_dir`` each job is also
    written to ``job-0001.bin``, ... for a human to inspect or replay.
    """

    _SLICE = 0.01  # seconds; how often a simulated transfer looks at the fault flag

    def __init__(
        self,
        name: str = "sim",
        *,
        baud: int | None = None,
        fail: str | None = None,
        spool_dir: str | os.PathLike[str] | None = None,
        paper_low: bool = False,
    ) -> None:
        if baud is not None and baud <= 0:
            raise DeviceError(name, "config", f"baud must be positive, not {baud}")
        self.name = name
        self.baud = baud
        self.paper_low = paper_low
        self.spool_dir = Path(spool_dir) if spool_dir is not None else None
        self._lock = threading.Lock()  # guards _jobs, _fault, _spool_seq
        self._sending = threading.Lock()  # held for the whole of one send()
        self._jobs: list[bytes] = []
        self._fault: str | None = None
        self._spool_seq = self._last_spooled_number()
        self.set_fault(fail)

    @property
    def jobs(self) -> list[bytes]:
        """A copy of the jobs received so far, oldest first."""
        with self._lock:
            return list(self._jobs)

    @property
    def fault(self) -> str | None:
        with self._lock:
            return self._fault

    def set_fault(self, kind: str | None) -> None:
        """Make the printer fail with ``kind`` (e.g. "paper_out", "offline" for unplugged), or heal it."""
        if kind is not None and (kind not in DEVICE_ERROR_KINDS or kind == "config"):
            raise ValueError(f"cannot simulate fault {kind!r}")
        with self._lock:
            self._fault = kind
        log.debug("%s: fault set to %s", self.name, kind)

    def clear(self) -> None:
        """Forget the jobs received so far."""
        with self._lock:
            self._jobs.clear()

    def send(self, data: bytes, *, timeout: float = 10.0) -> None:
        data = bytes(data)
        # Like the drivers, a second job waits for the link (bounded by its timeout) instead of failing.
        if not self._sending.acquire(timeout=max(0.0, timeout)):
            raise DeviceError(self.name, "timeout", f"the printer was busy for {timeout:g} s")
        try:
            self._raise_fault()
            if self.baud:
                self._transfer(len(data), timeout)
            with self._lock:
                if self._fault is not None:  # failed right at the end of the transfer
                    kind = self._fault
                else:
                    kind = None
                    self._jobs.append(data)
                    number = len(self._jobs)
            if kind is not None:
                raise DeviceError(self.name, kind, f"simulated {kind}")
            self._spool(data)
            log.debug("%s: job %d received, %d bytes", self.name, number, len(data))
        finally:
            self._sending.release()

    def _transfer(self, size: int, timeout: float) -> None:
        assert self.baud
        duration = size * 10 / self.baud  # 8N1: ten bits on the wire per byte
        started = time.monotonic()
        end = started + duration
        give_up = started + timeout
        while True:
            now = time.monotonic()
            if now >= end:
                return
            if now >= give_up:
                raise DeviceError(self.name, "timeout", f"transfer of {size} bytes did not finish in {timeout:g} s")
            self._raise_fault()
            time.sleep(min(self._SLICE, end - now, give_up - now))

    def _raise_fault(self) -> None:
        kind = self.fault
        if kind is not None:
            raise DeviceError(self.name, kind, f"simulated {kind}")

    def _last_spooled_number(self) -> int:
        if self.spool_dir is None or not self.spool_dir.is_dir():
            return 0
        numbers = [int(m.group(1)) for p in self.spool_dir.iterdir() if (m := re.fullmatch(r"job-(\d+)\.bin", p.name))]
        return max(numbers, default=0)

    def _spool(self, data: bytes) -> None:
        if self.spool_dir is None:
            return
        with self._lock:
            self._spool_seq += 1
            number = self._spool_seq
        try:
            self.spool_dir.mkdir(parents=True, exist_ok=True)
            (self.spool_dir / f"job-{number:04d}.bin").write_bytes(data)
        except OSError as exc:
            raise DeviceError(self.name, "io", f"cannot write spool file: {exc}") from exc

    def status(self) -> PrinterStatus:
        kind = self.fault
        if kind is None:
            paper: PaperState = "low" if self.paper_low else "ok"
            return PrinterStatus(online=True, paper=paper, detail="simulated", cover="closed")
        if kind == "offline":
            return PrinterStatus(online=False, paper="unknown", detail="simulated: offline")
        if kind == "paper_out":
            return PrinterStatus(online=True, paper="out", detail="simulated: paper out", cover="closed")
        if kind == "cover_open":
            return PrinterStatus(online=True, paper="unknown", detail="simulated: cover open", cover="open")
        return PrinterStatus(online=True, paper="unknown", detail=f"simulated: {kind}")


# --------------------------------------------------------------------------- TCP 9100


class TcpPrinter(ReceiptPrinter):
    """A network printer taking raw jobs on a TCP port (9100, "JetDirect").

    One connection per job: connect, send, half-close, wait briefly for the printer
    to close its side, close. Status opens its own short connection.
    """

    def __init__(
        self,
        host: str,
        port: int = 9100,
        timeout: float = 3.0,
        *,
        status_timeout: float = DEFAULT_STATUS_TIMEOUT,
        linger: float = 1.0,
        name: str | None = None,
    ) -> None:
        if not host:
            raise DeviceError(name or "tcp", "config", "no host given")
        if not 0 < port < 65536:
            raise DeviceError(name or host, "config", f"port out of range: {port}")
        self.host = host
        self.port = port
        self.connect_timeout = timeout
        self.status_timeout = status_timeout
        self.linger = linger
        self.name = name or f"tcp://{_host_for_url(host)}:{port}"
        self._lock = threading.Lock()  # printers on 9100 usually take one connection at a time

    def _connect(self, timeout: float) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=timeout)
        except ConnectionRefusedError as exc:
            raise DeviceError(self.name, "offline", f"connection refused by {self.host}:{self.port}") from exc
        except TimeoutError as exc:
            raise DeviceError(self.name, "offline", f"no answer from {self.host}:{self.port}") from exc
        except socket.gaierror as exc:
            raise DeviceError(self.name, "config", f"cannot resolve host {self.host!r}: {exc}") from exc
        except OSError as exc:
            raise DeviceError(self.name, _kind_of_os_error(exc), f"cannot connect: {exc}") from exc

    def send(self, data: bytes, *, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        with _locked(self._lock, self.name, timeout):
            sock = self._connect(min(self.connect_timeout, timeout))
            try:
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                sock.sendall(data)  # the timeout bounds the whole sendall (Python >= 3.5)
                sock.shutdown(socket.SHUT_WR)
                self._drain_until_closed(sock, deadline)
            except TimeoutError as exc:
                raise DeviceError(self.name, "timeout", f"job not accepted within {timeout:g} s") from exc
            except OSError as exc:
                raise DeviceError(self.name, _kind_of_os_error(exc), f"send failed: {exc}") from exc
            finally:
                sock.close()
        log.debug("%s: sent %d bytes", self.name, len(data))

    def _drain_until_closed(self, sock: socket.socket, deadline: float) -> None:
        # Closing a socket that still has unread input makes the kernel send RST, which may
        # throw away the tail of our job (printers push status bytes unasked). So read until
        # the printer closes, but not for long (``linger``): the data is already on its way, and
        # a printer that keeps the connection open must not hold up the next job.
        linger_end = min(deadline, time.monotonic() + self.linger)
        while (left := linger_end - time.monotonic()) > 0:
            sock.settimeout(left)
            try:
                if not sock.recv(4096):
                    return
            except (TimeoutError, OSError):
                return

    def status(self) -> PrinterStatus:
        with self._lock:
            try:
                sock = self._connect(self.status_timeout)
            except DeviceError as exc:
                return PrinterStatus(online=False, paper="unknown", detail=exc.message)
            try:
                sock.settimeout(self.status_timeout)
                paper = _ask(sock.sendall, sock.recv, DLE_EOT_PAPER)
                # Only a printer that answered the first query is asked the second (no second wait).
                offline = _ask(sock.sendall, sock.recv, DLE_EOT_OFFLINE) if _valid_status_byte(paper) else b""
            except OSError as exc:
                return PrinterStatus(online=False, paper="unknown", detail=f"status query failed: {exc}")
            finally:
                sock.close()
        return parse_status(paper, offline)


def _host_for_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _kind_of_os_error(exc: OSError) -> str:
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, (ConnectionError, FileNotFoundError)) or exc.errno in {
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ENETDOWN,
        errno.EHOSTDOWN,
        errno.ENODEV,
        errno.ENXIO,
    }:
        return "offline"
    if isinstance(exc, PermissionError):
        return "config"
    if exc.errno == errno.EBUSY:
        return "busy"
    return "io"


# --------------------------------------------------------------------------- serial


class SerialPrinter(ReceiptPrinter):
    """A printer on a serial port (RS-232, USB-serial, or any pyserial URL such as
    ``loop://`` or ``socket://host:port``).

    The port is opened on first use and kept open; after a link error it is closed and
    reopened on the next call, so unplugging and plugging back in recovers by itself.
    """

    def __init__(
        self,
        port: str,
        baud: int = 38400,
        timeout: float = 10.0,
        *,
        rtscts: bool = False,
        status_timeout: float = DEFAULT_STATUS_TIMEOUT,
        name: str | None = None,
    ) -> None:
        if not port:
            raise DeviceError(name or "serial", "config", "no serial port given")
        if baud <= 0:
            raise DeviceError(name or port, "config", f"baud must be positive, not {baud}")
        self.port = port
        self.baud = baud
        self.timeout = timeout
        self.rtscts = rtscts
        self.status_timeout = status_timeout
        self.name = name or port
        self._lock = threading.Lock()
        self._serial = None  # serial.SerialBase once open

    def _open(self):
        if self._serial is not None:
            return self._serial
        import serial  # imported here so the rest of devices/ loads without pyserial

        try:
            self._serial = serial.serial_for_url(
                self.port,
                baudrate=self.baud,
                timeout=self.status_timeout,
                write_timeout=self.timeout,
                rtscts=self.rtscts,
            )
        except ValueError as exc:
            raise DeviceError(self.name, "config", f"bad serial settings: {exc}") from exc
        except _port_errors(serial) as exc:
            raise DeviceError(self.name, "offline", f"cannot open {self.port}: {exc}") from exc
        log.info("%s: opened at %d baud", self.name, self.baud)
        return self._serial

    def _drop(self) -> None:
        if self._serial is not None:
            try:
                self._serial.close()
            except Exception:  # closing a port that just vanished may fail any way it likes
                log.debug("%s: error while closing", self.name, exc_info=True)
            self._serial = None

    def send(self, data: bytes, *, timeout: float = 10.0) -> None:
        import serial

        with _locked(self._lock, self.name, timeout):
            link = self._open()
            try:
                link.write_timeout = timeout
                link.write(data)
                link.flush()
            except serial.SerialTimeoutException as exc:
                # Usually the printer holds CTS/XOFF because it is out of paper or its cover is open.
                self._reset_output(link)
                raise DeviceError(self.name, "timeout", f"job not accepted within {timeout:g} s") from exc
            except _port_errors(serial) as exc:
                self._drop()
                raise DeviceError(self.name, "offline", f"write failed: {exc}") from exc
        log.debug("%s: sent %d bytes", self.name, len(data))

    def _reset_output(self, link) -> None:
        try:
            link.reset_output_buffer()
        except Exception:
            self._drop()

    def status(self) -> PrinterStatus:
        import serial

        with self._lock:
            try:
                link = self._open()
            except DeviceError as exc:
                return PrinterStatus(online=False, paper="unknown", detail=exc.message)
            try:
                link.reset_input_buffer()  # drop stale bytes so we read the answer to our query
                link.timeout = self.status_timeout
                link.write_timeout = self.status_timeout
                paper = _ask(_flushed(link), link.read, DLE_EOT_PAPER)
                offline = _ask(_flushed(link), link.read, DLE_EOT_OFFLINE) if _valid_status_byte(paper) else b""
            except serial.SerialTimeoutException:
                return PrinterStatus(online=True, paper="unknown", detail="printer does not take data (flow control)")
            except _port_errors(serial) as exc:
                self._drop()
                return PrinterStatus(online=False, paper="unknown", detail=f"status query failed: {exc}")
        # A serial link cannot tell "no printer" from "printer that does not answer".
        return parse_status(paper, offline)

    def close(self) -> None:
        with self._lock:
            self._drop()


def _port_errors(serial) -> tuple[type[BaseException], ...]:
    """What a vanished serial port raises: pyserial's and the OS's errors, and on POSIX ``termios.error``
    (setting a timeout reconfigures the port, and tcsetattr on an unplugged adapter or a closed pty fails
    with EIO as ``termios.error``, which is not an OSError)."""
    try:
        import termios
    except ImportError:  # Windows
        return (serial.SerialException, OSError)
    return (serial.SerialException, OSError, termios.error)


def _flushed(link):
    def write(data: bytes) -> None:
        link.write(data)
        link.flush()

    return write


# --------------------------------------------------------------------------- file / device node


class FilePrinter(ReceiptPrinter):
    """Appends each job to a file or a printer device node (``/dev/usb/lp0``, ``LPT1``).

    The file is opened per job so an unplugged USB printer recovers when plugged back.
    ``timeout`` is not enforced here: the kernel's printer driver has its own.
    """

    def __init__(self, path: str | os.PathLike[str], *, name: str | None = None) -> None:
        self.path = Path(path)
        if not str(path):
            raise DeviceError(name or "file", "config", "no file path given")
        self.name = name or str(self.path)
        self._lock = threading.Lock()

    def send(self, data: bytes, *, timeout: float = 10.0) -> None:
        with self._lock:
            try:
                with open(self.path, "ab", buffering=0) as handle:
                    view = memoryview(data)
                    while view:
                        written = handle.write(view)
                        if not written:
                            raise DeviceError(self.name, "io", "device accepted no data")
                        view = view[written:]
            except OSError as exc:
                raise DeviceError(self.name, _kind_of_os_error(exc), f"cannot write {self.path}: {exc}") from exc
        log.debug("%s: wrote %d bytes", self.name, len(data))

    def status(self) -> PrinterStatus:
        if self.path.exists():
            online = os.access(self.path, os.W_OK)
            detail = "" if online else "not writable"
        else:
            # A plain file is created on the first job; a device node that is gone means unplugged.
            online = not _is_device_path(self.path) and os.access(self.path.parent, os.W_OK)
            detail = "" if online else "path not available"
        return PrinterStatus(online=online, paper="unknown", detail=detail)


def _is_device_path(path: Path) -> bool:
    text = str(path)
    return text.startswith("/dev/") or bool(re.fullmatch(r"(?i)(\\\\\.\\)?(LPT\d+|COM\d+|PRN)", text))


# --------------------------------------------------------------------------- configuration


def open_printer(url: str, *, name: str | None = None) -> ReceiptPrinter:
    """Build a printer from its settings string.

    ``sim://[?baud=9600&fault=paper_out&spool=/dir]``, ``tcp://host[:9100][?timeout=3]``,
    ``serial:///dev/ttyUSB0?baud=38400[&rtscts=1]``, ``serial://COM3?baud=9600``,
    ``file:///tmp/out.bin``, ``usb://04b8:0e15[?serial=SN]`` (pyusb), ``winspool://PRINTER NAME`` (Windows
    spooler, raw). Every kind takes ``?profile=TM-T20II`` (python-escpos's printer profiles: paper width,
    code pages, cutter). Raises ``DeviceError(kind="config")`` for anything else.
    Nothing is opened here; the first ``send``/``status`` does that.
    """
    device = name or "printer"
    if not isinstance(url, str) or "://" not in url:
        raise DeviceError(device, "config", f"not a printer address: {url!r}")
    scheme, rest = url.split("://", 1)
    scheme = scheme.lower()
    if scheme == "serial":
        # Not urlsplit: a port name is case-sensitive and may itself be a pyserial URL.
        target, _, query = rest.partition("?")
        options = _options(device, query, {"baud", "timeout", "rtscts", "name", "profile"})
        port = unquote(target)
        if not port:
            raise DeviceError(device, "config", f"no serial port in {url!r}")
        return _with_profile(SerialPrinter(
            port,
            baud=int_option(device, options, "baud", 38400),
            timeout=float_option(device, options, "timeout", 10.0),
            rtscts=bool_option(device, options, "rtscts", False),
            name=name or options.get("name"),
        ), device, options)
    if scheme == "usb":
        from devices.printer_usb import parse_usb_target

        target, _, query = rest.partition("?")
        options = _options(device, query, {"serial", "name", "profile"})
        printer = parse_usb_target(device, unquote(target), {**options, "name": name or options.get("name")})
        return _with_profile(printer, device, options)
    if scheme == "winspool":
        from devices.printer_win32 import SpoolerPrinter

        target, _, query = rest.partition("?")
        options = _options(device, query, {"name", "profile"})
        return _with_profile(SpoolerPrinter(unquote(target), name=name or options.get("name")), device, options)
    if scheme == "file":
        target, _, query = rest.partition("?")
        options = _options(device, query, {"name", "profile"})
        path = unquote(target)
        if re.match(r"^/[A-Za-z]:[/\\]", path):  # file:///C:/out.bin
            path = path[1:]
        if not path:
            raise DeviceError(device, "config", f"no path in {url!r}")
        return _with_profile(FilePrinter(path, name=name or options.get("name")), device, options)

    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise DeviceError(device, "config", f"bad printer address {url!r}: {exc}") from exc
    if scheme == "sim":
        options = _options(device, parts.query, {"baud", "fault", "spool", "name", "paper", "profile"})
        fault = options.get("fault") or None
        if fault is not None and (fault not in DEVICE_ERROR_KINDS or fault == "config"):
            raise DeviceError(device, "config", f"unknown simulated fault {fault!r}")
        paper = options.get("paper", "ok")
        if paper not in ("ok", "low"):
            raise DeviceError(device, "config", f"paper must be ok or low, not {paper!r}")
        return _with_profile(SimulatedPrinter(
            name or options.get("name") or unquote(parts.hostname or "") or "sim",
            baud=int_option(device, options, "baud", None),
            fail=fault,
            spool_dir=options.get("spool"),
            paper_low=paper == "low",
        ), device, options)
    if scheme == "tcp":
        if not parts.hostname:
            raise DeviceError(device, "config", f"no host in {url!r}")
        options = _options(device, parts.query, {"timeout", "name", "profile"})
        return _with_profile(TcpPrinter(
            parts.hostname,
            port or 9100,
            timeout=float_option(device, options, "timeout", 3.0),
            name=name or options.get("name"),
        ), device, options)
    raise DeviceError(device, "config", f"unknown printer type {scheme!r} in {url!r}")


def _with_profile(printer: ReceiptPrinter, device: str, options: dict[str, str]) -> ReceiptPrinter:
    if options.get("profile"):
        from devices.printer_profiles import load_profile

        printer.profile = load_profile(options["profile"], device=device)
    return printer


def _options(device: str, query: str, allowed: set[str]) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError as exc:
        raise DeviceError(device, "config", f"bad options {query!r}") from exc
    options = dict(pairs)
    unknown = set(options) - allowed
    if unknown:
        raise DeviceError(device, "config", f"unknown option(s): {', '.join(sorted(unknown))}")
    return options
