"""Finding devices a technician may configure: suggestions, never configuration (the technician confirms).

:func:`discover` asks every source it can on this machine and returns one :class:`Candidate` per device
found, with the address (``url``) to keep in the station settings and the kinds it may serve as:

- serial ports (pyserial ``list_ports``), with their USB identity when they have one: the address binds
  the adapter (``serial:usb=VID:PID:SERIAL``), not ``COM3``;
- USB printers (pyusb; interface class 7): ``usb://VID:PID?serial=…``;
- SANE scanners (python-sane): ``sane://NAME?vendor=…&model=…``;
- OS printers (CUPS ``lpstat -e`` on Linux/macOS): ``cups://QUEUE``;
- ESC/POS printers answering on TCP 9100 in a subnet the technician types (:func:`probe_tcp`): bounded
  to :data:`MAX_HOSTS` hosts and never run by default.

Each source is asked on its own and may fail (no libusb, no SANE, no CUPS): its error is returned in
``errors`` and the others still answer. Blocking (SANE may take seconds): never on the GUI thread.

:class:`HotplugWatcher` reports USB serial and printer plug-in/unplug events on Linux through pyudev
(netlink: no polling); elsewhere there is none and the window's "Discover" button lists again.
"""

from __future__ import annotations

import ipaddress
import logging
import shutil
import socket
import subprocess
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import quote

log = logging.getLogger(__name__)

SERIAL_KINDS = ("button_box", "led_display", "rating_keypad", "id_reader")
RECEIPT_KINDS = ("receipt_printer", "ticket_printer")
MAX_HOSTS = 256
ESCPOS_PORT = 9100
SOURCES = ("serial", "usb", "sane", "cups")


@dataclass(frozen=True)
class Candidate:
    """One device found: ``source`` (serial, usb, sane, cups, tcp), a human ``name``, the ``url`` to
    configure it with, the ``kinds`` it may serve as, and a ``detail`` for the technician."""

    source: str
    name: str
    url: str
    kinds: tuple[str, ...]
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["kinds"] = list(self.kinds)
        return row


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # source -> why it could not be asked

    def as_dict(self) -> dict[str, Any]:
        return {"candidates": [c.as_dict() for c in self.candidates], "errors": dict(self.errors)}


# --------------------------------------------------------------------------- sources


def serial_candidates(lister: Callable[[], list[Any]] | None = None) -> list[Candidate]:
    from devices.serial_link import list_serial_ports

    found = []
    for info in (lister or list_serial_ports)():
        vid, pid = getattr(info, "vid", None), getattr(info, "pid", None)
        serial_number = getattr(info, "serial_number", None)
        label = " ".join(x for x in (getattr(info, "manufacturer", None), getattr(info, "product", None)) if x)
        if vid is not None and pid is not None:
            url = f"serial:usb={vid:04x}:{pid:04x}" + (f":{serial_number}" if serial_number else "")
            detail = f"USB {vid:04x}:{pid:04x}" + (f" serial {serial_number}" if serial_number else "") + f" now at {info.device}"
        else:
            url = f"serial:{info.device}"
            detail = getattr(info, "description", "") or ""
        found.append(Candidate("serial", label or info.device, url, SERIAL_KINDS, detail))
    return found


def usb_printer_candidates(backend=None) -> list[Candidate]:
    from devices.printer_usb import PRINTER_CLASS, _serial_of, _usb

    usb = _usb()
    found = []
    try:
        devices = list(usb.core.find(find_all=True, backend=backend))
    except usb.core.NoBackendError as exc:
        raise RuntimeError("no libusb backend available for pyusb") from exc
    for dev in devices:
        try:
            classes = {intf.bInterfaceClass for cfg in dev for intf in cfg}
        except Exception:  # a device that will not describe itself (permissions, gone): skip it
            continue
        if PRINTER_CLASS not in classes and dev.bDeviceClass != PRINTER_CLASS:
            continue
        serial_number = _serial_of(dev)
        url = f"usb://{dev.idVendor:04x}:{dev.idProduct:04x}" + (f"?serial={quote(serial_number)}" if serial_number else "")
        found.append(Candidate("usb", f"USB printer {dev.idVendor:04x}:{dev.idProduct:04x}", url, RECEIPT_KINDS,
                               f"bus {dev.bus} address {dev.address}"))
    return found


def sane_candidates() -> list[Candidate]:
    from devices.scanner_sane import address_of, list_devices

    return [Candidate("sane", f"{d.vendor} {d.model}".strip() or d.name, address_of(d), ("scanner",), f"{d.name} ({d.kind})")
            for d in list_devices()]


def cups_candidates(run: Callable[..., Any] = subprocess.run) -> list[Candidate]:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        raise RuntimeError("CUPS is not installed (no lpstat)")
    done = run([lpstat, "-e"], capture_output=True, text=True, timeout=10)
    if done.returncode != 0:
        raise RuntimeError((done.stderr or "").strip() or f"lpstat exit {done.returncode}")
    return [Candidate("cups", queue, f"cups://{quote(queue)}", ("a4_printer",), "CUPS queue")
            for queue in (line.strip() for line in done.stdout.splitlines()) if queue]


def probe_tcp(subnet: str, *, port: int = ESCPOS_PORT, timeout: float = 0.3, workers: int = 32) -> list[Candidate]:
    """Hosts of ``subnet`` (e.g. ``192.168.1.0/24``) accepting a connection on ``port``; at most
    :data:`MAX_HOSTS` addresses, else ``ValueError``. Nothing is sent: a connect is all."""
    network = ipaddress.ip_network(subnet, strict=False)
    if network.num_addresses > MAX_HOSTS:
        raise ValueError(f"{subnet} has {network.num_addresses} addresses; at most {MAX_HOSTS} are probed")
    hosts = list(network.hosts()) or [network.network_address]

    def answers(host) -> bool:
        try:
            with socket.create_connection((str(host), port), timeout=timeout):
                return True
        except OSError:
            return False

    with ThreadPoolExecutor(max_workers=min(workers, len(hosts))) as pool:
        replies = list(pool.map(answers, hosts))
    suffix = "" if port == ESCPOS_PORT else f":{port}"
    return [Candidate("tcp", f"ESC/POS printer {host}", f"tcp://{host}{suffix}", RECEIPT_KINDS, f"answers on TCP {port}")
            for host, ok in zip(hosts, replies) if ok]


SOURCE_FUNCTIONS: dict[str, Callable[[], list[Candidate]]] = {
    "serial": serial_candidates,
    "usb": usb_printer_candidates,
    "sane": sane_candidates,
    "cups": cups_candidates,
}


def discover(sources: Iterable[str] = SOURCES, *, subnet: str | None = None, tcp_port: int = ESCPOS_PORT,
             functions: dict[str, Callable[[], list[Candidate]]] | None = None) -> Discovery:
    """Ask every source; see the module docstring. ``subnet``: also probe TCP 9100 there."""
    functions = {**SOURCE_FUNCTIONS, **(functions or {})}
    result = Discovery()
    for source in sources:
        try:
            result.candidates += functions[source]()
        except Exception as exc:  # one source failing (no backend, no permission) never hides the others
            log.info("discovery: %s not available: %s", source, exc)
            result.errors[source] = f"{type(exc).__name__}: {exc}" if not isinstance(exc, RuntimeError) else str(exc)
    if subnet:
        try:
            result.candidates += probe_tcp(subnet, port=tcp_port)
        except ValueError as exc:
            result.errors["tcp"] = str(exc)
    return result


# --------------------------------------------------------------------------- hot-plug


class HotplugWatcher:
    """USB serial adapters and printers plugged in or pulled out, from udev (Linux, pyudev).

    ``callback(action, info)`` runs on the watcher's own thread ("hotplug") with ``action`` "add" or
    "remove" and ``info`` a dict (subsystem, device node, vendor/product id, serial). ``start`` returns
    False where pyudev or udev is not available (then the caller lists again on demand).
    """

    SUBSYSTEMS = ("tty", "usbmisc", "usb")

    def __init__(self, callback: Callable[[str, dict[str, str]], None]) -> None:
        self.callback = callback
        self._observer = None

    def start(self) -> bool:
        try:
            import pyudev
        except ImportError:
            return False
        try:
            context = pyudev.Context()
            monitor = pyudev.Monitor.from_netlink(context)
            for subsystem in self.SUBSYSTEMS:
                monitor.filter_by(subsystem)
        except Exception as exc:  # no netlink (containers), no libudev
            log.info("hot-plug events not available: %s", exc)
            return False

        def event(device) -> None:
            action = device.action or ""
            if action not in ("add", "remove"):
                return
            info = {
                "subsystem": device.subsystem or "",
                "node": device.device_node or "",
                "vendor": device.get("ID_VENDOR_ID", ""),
                "product": device.get("ID_MODEL_ID", ""),
                "serial": device.get("ID_SERIAL_SHORT", ""),
            }
            self.callback(action, info)

        self._observer = pyudev.MonitorObserver(monitor, callback=event, name="hotplug")
        self._observer.daemon = True
        self._observer.start()
        return True

    def stop(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None and observer is not threading.current_thread():
            observer.send_stop()
            observer.join(2.0)
