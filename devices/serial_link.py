"""Serial links bound by stable identity, and the simulated cable the simulators use.

Addresses (the station settings' ``devices.*`` strings), in the style of ``devices.printer.open_printer``:

- ``serial:usb=VID:PID[:SERIAL]?baud=9600&...``: the USB-serial adapter with that vendor/product id (hex)
  and, if given, that serial number, wherever the OS put it (``COM7`` today, ``COM9`` after a re-plug);
- ``serial:/dev/serial/by-id/...``, ``serial:/dev/ttyUSB0``, ``serial:COM3``, ``serial://COM3``
  (the printer style), or a pyserial URL ``serial:socket://host:port``;
- ``sim:`` or ``sim://``, with options: a simulated device on a :class:`SimLink`.

The port of a ``usb=`` address is looked up again at every (re)connect, so an unplug and re-plug on
another port is found by polling with backoff (the runtime's reconnect loop). All link methods block and
belong on the device's worker thread; failures are ``DeviceError("offline")``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote

from devices.base import DeviceError
from devices.options import bool_option, float_option, int_option  # noqa: F401  (re-exported)

log = logging.getLogger(__name__)

_USB = re.compile(r"(?i)usb=([0-9a-f]{4}):([0-9a-f]{4})(?::(.+))?")


@dataclass(frozen=True)
class LinkAddress:
    """A parsed device address: ``driver`` "serial" or "sim"; for serial either ``port`` or ``usb``."""

    driver: str
    port: str = ""
    usb: tuple[int, int, str | None] | None = None
    options: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        if self.usb is not None:
            vid, pid, serial_number = self.usb
            return f"usb {vid:04x}:{pid:04x}" + (f" serial {serial_number}" if serial_number else "")
        return self.port or self.driver


def parse_address(url: str, *, device: str, allowed: Iterable[str]) -> LinkAddress:
    """Parse ``url``; options outside ``allowed`` (plus ``baud``) are a ``DeviceError("config")``."""
    if not isinstance(url, str) or ":" not in url:
        raise DeviceError(device, "config", f"not a device address: {url!r}")
    scheme, rest = url.split(":", 1)
    scheme = scheme.lower()
    if rest.startswith("//") and not rest.startswith("///"):
        rest = rest[2:]  # serial://COM3, sim://
    elif rest.startswith("///"):
        rest = rest[2:]  # serial:///dev/ttyUSB0
    target, _, query = rest.partition("?")
    try:
        options = dict(parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query)))
    except ValueError:
        raise DeviceError(device, "config", f"bad options {query!r}") from None
    unknown = set(options) - set(allowed) - {"baud"}
    if unknown:
        raise DeviceError(device, "config", f"unknown option(s): {', '.join(sorted(unknown))}")
    if scheme == "sim":
        return LinkAddress("sim", port=unquote(target), options=options)
    if scheme != "serial":
        raise DeviceError(device, "config", f"unknown device type {scheme!r} in {url!r}")
    target = unquote(target)
    if not target:
        raise DeviceError(device, "config", f"no serial port in {url!r}")
    match = _USB.fullmatch(target)
    if match:
        return LinkAddress("serial", usb=(int(match[1], 16), int(match[2], 16), match[3]), options=options)
    if target.lower().startswith("usb="):
        raise DeviceError(device, "config", f"usb= needs VID:PID[:SERIAL] in hex, not {target!r}")
    return LinkAddress("serial", port=target, options=options)


def list_serial_ports() -> list[Any]:
    """The OS's serial ports (pyserial ``ListPortInfo``: device, vid, pid, serial_number)."""
    from serial.tools import list_ports

    return list(list_ports.comports())


def resolve_port(address: LinkAddress, *, device: str, lister: Callable[[], list[Any]] | None = None) -> str:
    """The port to open now: the configured one, or the one the USB identity is plugged into."""
    if address.usb is None:
        return address.port
    vid, pid, serial_number = address.usb
    for info in (lister or list_serial_ports)():
        if info.vid == vid and info.pid == pid and (serial_number is None or info.serial_number == serial_number):
            return info.device
    raise DeviceError(device, "offline", f"{address.describe()} is not plugged in")


class Link:
    """A byte link: open, read with a timeout, write, close. Worker thread only."""

    name: str
    port: str = ""
    #: A ``devices.bytelog.ByteLog`` recording what is sent and received (the technician's live log).
    tap = None

    def _record(self, direction: str, data: bytes) -> None:
        tap = self.tap
        if tap is not None and data:
            tap.record(direction, data)

    def open(self) -> None:
        raise NotImplementedError

    def read(self, timeout: float) -> bytes:
        raise NotImplementedError

    def write(self, data: bytes, timeout: float = 2.0) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


def _link_errors() -> tuple[type[BaseException], ...]:
    """What pyserial may raise when the port vanishes: its own errors, OSError, and on POSIX the
    ``termios.error`` of reconfiguring a port whose far end is gone (not an OSError)."""
    import serial

    errors: list[type[BaseException]] = [serial.SerialException, OSError]
    try:
        import termios

        errors.append(termios.error)
    except ImportError:  # Windows
        pass
    return tuple(errors)


class SerialLink(Link):
    """A pyserial port (RS-232, USB-serial, a pseudo-terminal in tests)."""

    def __init__(
        self, name: str, address: LinkAddress, baud: int = 9600, *, lister: Callable[[], list[Any]] | None = None
    ) -> None:
        self.name = name
        self.address = address
        self.baud = baud
        self.lister = lister
        self.port = ""
        self._serial = None

    def open(self) -> None:
        import serial  # imported here so devices/ loads without pyserial

        self.close()
        port = resolve_port(self.address, device=self.name, lister=self.lister)
        try:
            self._serial = serial.serial_for_url(port, baudrate=self.baud, timeout=0, write_timeout=2.0)
        except ValueError as exc:
            raise DeviceError(self.name, "config", f"bad serial settings: {exc}") from exc
        except _link_errors() as exc:
            raise DeviceError(self.name, "offline", f"cannot open {port}: {exc}") from exc
        self.port = port
        log.info("%s: opened %s at %d baud", self.name, port, self.baud)

    def _link(self):
        if self._serial is None:
            raise DeviceError(self.name, "offline", "not open")
        return self._serial

    def read(self, timeout: float) -> bytes:
        link = self._link()
        try:
            link.timeout = timeout
            first = link.read(1)
            if not first:
                return b""
            link.timeout = 0
            data = first + link.read(4096)
        except _link_errors() as exc:
            raise DeviceError(self.name, "offline", f"read failed: {exc}") from exc
        self._record("rx", data)
        return data

    def write(self, data: bytes, timeout: float = 2.0) -> None:
        import serial

        link = self._link()
        try:
            link.write_timeout = timeout
            link.write(data)  # no flush(): tcdrain() may hang for good on a port whose far end is gone
            self._record("tx", data)
        except serial.SerialTimeoutException as exc:
            raise DeviceError(self.name, "timeout", f"{len(data)} bytes not taken within {timeout:g} s") from exc
        except _link_errors() as exc:
            raise DeviceError(self.name, "offline", f"write failed: {exc}") from exc

    def close(self) -> None:
        link, self._serial = self._serial, None
        if link is not None:
            try:
                link.close()
            except Exception:  # a port that just vanished may fail to close any way it likes
                log.debug("%s: error while closing", self.name, exc_info=True)


class SimLink(Link):
    """Both ends of a simulated cable, with the transfer time of ``baud`` and an unplug switch.

    The device side (``open/read/write/close``) is used by the driver on its worker thread; the far side
    (``far_write``, the ``on_receive`` callback, ``unplug``/``plug``) by the simulated hardware, from any
    thread. ``on_receive(data)`` runs on the writer's thread; it may answer with ``far_write``.
    """

    def __init__(self, name: str, *, baud: int = 9600, on_receive: Callable[[bytes], None] | None = None) -> None:
        self.name = name
        self.port = "sim"
        self.baud = baud
        self.on_receive = on_receive
        self._cond = threading.Condition()
        self._incoming = bytearray()
        self._plugged = True
        self._open = False
        self.generation = 0  # bumped by every unplug, so a transfer in flight notices

    # device side
    def open(self) -> None:
        with self._cond:
            if not self._plugged:
                raise DeviceError(self.name, "offline", "simulated: unplugged")
            self._open = True
            self._incoming.clear()  # like a real port: what came before opening is lost

    def _check(self) -> None:
        if not self._plugged:
            self._open = False
            raise DeviceError(self.name, "offline", "simulated: unplugged")
        if not self._open:
            raise DeviceError(self.name, "offline", "not open")

    def read(self, timeout: float) -> bytes:
        with self._cond:
            self._check()
            if not self._incoming:
                self._cond.wait(timeout)
                self._check()
            data = bytes(self._incoming)
            self._incoming.clear()
        self._record("rx", data)
        return data

    def write(self, data: bytes, timeout: float = 2.0) -> None:
        with self._cond:
            self._check()
            generation = self.generation
            end = time.monotonic() + len(data) * 10 / self.baud  # 8N1: ten bits per byte
            if end - time.monotonic() > timeout:
                raise DeviceError(self.name, "timeout", f"{len(data)} bytes not taken within {timeout:g} s")
            while (left := end - time.monotonic()) > 0 and self.generation == generation:
                self._cond.wait(left)
            self._check()
        self._record("tx", data)
        if self.on_receive is not None:
            self.on_receive(bytes(data))

    def close(self) -> None:
        with self._cond:
            self._open = False

    # far side
    def far_write(self, data: bytes) -> None:
        """The simulated hardware sends bytes; dropped while unplugged or not open, as on a real cable."""
        with self._cond:
            if self._plugged and self._open:
                self._incoming += data
                self._cond.notify_all()

    def unplug(self) -> None:
        with self._cond:
            self._plugged = False
            self.generation += 1
            self._cond.notify_all()

    def plug(self) -> None:
        with self._cond:
            self._plugged = True
            self._cond.notify_all()

    @property
    def plugged(self) -> bool:
        return self._plugged

    @property
    def is_open(self) -> bool:
        return self._open and self._plugged
