"""Receipt printers over real links: a TCP server on 127.0.0.1 that goes away and comes back, pseudo-
terminal pairs for serial printers (unplugged mid-job), status read-back, profiles, the spooler's flags."""

from __future__ import annotations

import os
import threading

import pytest

from devices.base import DeviceError
from devices.printer import SerialPrinter, SimulatedPrinter, TcpPrinter, open_printer, parse_status
from devices.printer_profiles import DEFAULT, load_profile, profile_names
from devices.printer_win32 import SpoolerPrinter, status_from_spooler
from tests.devices.netprinter import RecordingPrinterServer

OK = 0x12


# --------------------------------------------------------------------------- status read-back


@pytest.mark.parametrize(
    ("paper", "offline", "expected"),
    [
        (OK, OK, ("ok", "closed", False, True)),
        (OK | 0x0C, OK, ("low", "closed", False, True)),
        (OK, OK | 0x04, ("ok", "open", False, False)),
        (OK, OK | 0x20, ("out", "closed", False, False)),
        (OK, OK | 0x40, ("ok", "closed", True, False)),
        (OK | 0x60, 0xFF, ("out", "unknown", False, False)),  # second answer not a status byte
    ],
)
def test_parse_status(paper, offline, expected):
    status = parse_status(bytes([paper]), bytes([offline]))
    assert (status.paper, status.cover, status.error, status.ready) == expected


def test_tcp_status_reads_cover_and_paper():
    server = RecordingPrinterServer()
    try:
        printer = TcpPrinter("127.0.0.1", server.port, status_timeout=1)
        assert printer.status().cover == "closed"
        server.offline_byte = OK | 0x04
        status = printer.status()
        assert status.online and status.cover == "open" and not status.ready
        server.offline_byte, server.paper_byte = OK | 0x20, OK | 0x60
        assert printer.status().paper == "out"
        assert server.jobs == []  # status queries are not printed
    finally:
        server.stop()


# --------------------------------------------------------------------------- simulator behaves like the drivers


def test_simulator_second_job_waits_for_the_link_like_tcp():
    sim = SimulatedPrinter(baud=9600)  # 480 bytes: half a second on the wire
    errors: list[BaseException] = []
    started = threading.Event()

    def first():
        started.set()
        sim.send(b"a" * 480)

    t = threading.Thread(target=first)
    t.start()
    started.wait()
    try:
        sim.send(b"second", timeout=5)  # waits instead of "busy"
    except DeviceError as exc:  # pragma: no cover - the failure being tested against
        errors.append(exc)
    t.join()
    assert errors == [] and sim.jobs[-1] == b"second" and len(sim.jobs) == 2


def test_simulator_and_tcp_both_time_out_when_the_link_stays_busy():
    sim = SimulatedPrinter(baud=1200)
    outcome: list[str] = []

    def long_job():
        try:
            sim.send(b"x" * 600)  # five seconds on the wire
        except DeviceError as exc:
            outcome.append(exc.kind)

    t = threading.Thread(target=long_job)
    t.start()
    try:
        threading.Event().wait(0.05)
        with pytest.raises(DeviceError) as info:
            sim.send(b"late", timeout=0.1)
        assert info.value.kind == "timeout"
    finally:
        sim.set_fault("offline")  # end the long transfer: unplugged
        t.join()
    assert outcome == ["offline"]


# --------------------------------------------------------------------------- network printer away and back


def test_network_printer_goes_away_and_comes_back():
    server = RecordingPrinterServer()
    printer = TcpPrinter("127.0.0.1", server.port, timeout=1)
    try:
        printer.send(b"before")
        server.stop()
        with pytest.raises(DeviceError) as info:
            printer.send(b"while away")
        assert info.value.kind == "offline"
        assert printer.status().online is False
        server.start()
        assert printer.status().online is True
        printer.send(b"after")
        assert server.wait_for_jobs(2)
        assert server.jobs == [b"before", b"after"]
    finally:
        server.stop()


# --------------------------------------------------------------------------- serial printers on pseudo-terminals


class PtyPrinter:
    """The far end of a pseudo-terminal pair: reads what the driver writes, answers status queries;
    ``unplug_after`` closes it after that many bytes (the cable is pulled mid-job)."""

    def __init__(self, *, unplug_after: int | None = None) -> None:
        import tty

        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # a printer port passes bytes untouched (no echo, no CR/LF translation)
        self.port = os.ttyname(self.slave)
        self.received = bytearray()
        self.unplug_after = unplug_after
        self.unplugged = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                return
            if not chunk:
                return
            self.received += chunk
            for query, answer in ((b"\x10\x04\x04", OK), (b"\x10\x04\x02", OK | 0x04)):
                if self.received.endswith(query):
                    del self.received[-len(query):]
                    os.write(self.master, bytes([answer]))
            if self.unplug_after is not None and len(self.received) >= self.unplug_after:
                os.close(self.slave)
                os.close(self.master)
                self.unplugged.set()
                return

    def close(self) -> None:
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass
        self._thread.join(2)


def test_serial_printer_on_a_pty_job_and_status():
    far = PtyPrinter()
    printer = SerialPrinter(far.port, baud=115200, status_timeout=1)
    try:
        status = printer.status()
        assert (status.online, status.paper, status.cover) == (True, "ok", "open")
        job = b"\x1b@" + bytes(range(32, 127)) * 50 + b"\x1dV\x00"
        printer.send(job)
        threading.Event().wait(0)  # let the reader run
        for _ in range(200):
            if len(far.received) >= len(job):
                break
            threading.Event().wait(0.01)
        assert bytes(far.received) == job
    finally:
        printer.close()
        far.close()


def test_serial_printer_unplugged_mid_job_then_back():
    far = PtyPrinter(unplug_after=10_000)
    printer = SerialPrinter(far.port, baud=115200)
    try:
        with pytest.raises(DeviceError) as info:
            for _ in range(50):  # the first writes fill the pty; the pull happens during one of them
                printer.send(b"x" * 4096, timeout=2)
        assert info.value.kind in ("offline", "timeout")
        assert far.unplugged.is_set()
        assert 0 < len(far.received) < 50 * 4096
        assert printer.status().online is False  # the port is gone
    finally:
        printer.close()
        far.close()
    back = PtyPrinter()  # plugged back (a new port, as a USB-serial adapter gets)
    printer = SerialPrinter(back.port)
    try:
        printer.send(b"again")
        for _ in range(200):
            if bytes(back.received) == b"again":
                break
            threading.Event().wait(0.01)
        assert bytes(back.received) == b"again"
    finally:
        printer.close()
        back.close()


# --------------------------------------------------------------------------- profiles


def test_profiles_from_python_escpos():
    names = profile_names()
    assert {"TM-T20II", "TM-T88V", "POS-5890", "default"} <= set(names)
    t88 = load_profile("TM-T88V")
    assert (t88.vendor, t88.width_mm, t88.width_dots, t88.dpi, t88.cutter) == ("Epson", 80, 512, 180, "partial")
    assert t88.code_page("CP1258") == 52 and t88.code_page("TCVN-3-1") == 30 and t88.paper_mm == 80
    small = load_profile("pos-5890")  # case does not matter
    assert small.paper_mm == 58
    generic = load_profile("default")
    assert generic.width_mm is None and generic.paper_mm == 80
    assert DEFAULT.width_dots == 576
    with pytest.raises(DeviceError) as info:
        load_profile("TM-NOPE")
    assert info.value.kind == "config"


@pytest.mark.parametrize(
    ("url", "paper_mm"),
    [("sim://?profile=POS-5890", 58), ("tcp://10.0.0.9?profile=TM-T20II", 80), ("usb://04b8:0e15?profile=TM-T88V", 80),
     ("serial:///dev/ttyUSB0?profile=POS-5890", 58), ("file:///dev/usb/lp0?profile=TM-T88V", 80), ("tcp://10.0.0.9", 80)],
)
def test_profile_on_any_printer_address(url, paper_mm):
    printer = open_printer(url)
    assert printer.paper_mm == paper_mm
    assert (printer.profile is None) == ("profile" not in url)


def test_unknown_profile_in_an_address():
    with pytest.raises(DeviceError) as info:
        open_printer("tcp://10.0.0.9?profile=Nope", name="ticket_printer")
    assert info.value.kind == "config" and info.value.device == "ticket_printer"


# --------------------------------------------------------------------------- Windows spooler


def test_spooler_flags():
    assert status_from_spooler(0).ready
    assert status_from_spooler(0x10).paper == "out"
    assert status_from_spooler(0x00400000).cover == "open"
    assert status_from_spooler(0x80).online is False
    assert status_from_spooler(0, attributes=0x400).online is False
    assert status_from_spooler(0x02).error is True


@pytest.mark.skipif(os.name == "nt", reason="on Windows the spooler is real")
def test_spooler_elsewhere_is_a_config_error():
    printer = open_printer("winspool://EPSON TM-T20II Receipt")
    assert isinstance(printer, SpoolerPrinter) and printer.printer == "EPSON TM-T20II Receipt"
    with pytest.raises(DeviceError) as info:
        printer.send(b"x")
    assert info.value.kind == "config"
    assert printer.status().online is False
