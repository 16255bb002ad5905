"""Receipt printer drivers: simulated, TCP 9100 (against a real local server), serial (pyserial URLs), file."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from devices.base import DeviceError
from devices.printer import (
    DLE_EOT_OFFLINE,
    DLE_EOT_PAPER,
    FilePrinter,
    PrinterStatus,
    SerialPrinter,
    SimulatedPrinter,
    TcpPrinter,
    open_printer,
    parse_paper_status,
)

PAPER_OK = 0x12  # fixed bits 1 and 4 set, no sensor bits
PAPER_LOW = 0x12 | 0x0C
PAPER_OUT = 0x12 | 0x60


# --------------------------------------------------------------------------- fake network printer


class FakeNetworkPrinter:
    """A TCP server on 127.0.0.1 that records jobs and answers DLE EOT 4 like a printer."""

    def __init__(self, paper_byte: int = PAPER_OK, answer_status: bool = True) -> None:
        self.paper_byte = paper_byte
        self.offline_byte = 0x12  # DLE EOT 2: cover closed, no error
        self.answer_status = answer_status
        self.jobs: list[bytes] = []
        self.received = threading.Event()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-printer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2.0)
                data = bytearray()
                try:
                    while chunk := conn.recv(65536):
                        data += chunk
                        for query, answer in ((DLE_EOT_PAPER, self.paper_byte), (DLE_EOT_OFFLINE, self.offline_byte)):
                            if data.endswith(query) and self.answer_status:
                                conn.sendall(bytes([answer]))
                                del data[-len(query) :]
                except (TimeoutError, OSError):
                    pass
            if data:
                self.jobs.append(bytes(data))
                self.received.set()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._server.close()


@pytest.fixture
def net_printer():
    server = FakeNetworkPrinter()
    yield server
    server.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------- status parsing


@pytest.mark.parametrize(
    ("reply", "paper"),
    [(bytes([PAPER_OK]), "ok"), (bytes([PAPER_LOW]), "low"), (bytes([PAPER_OUT]), "out"),
     (bytes([0x12 | 0x20]), "out"), (b"", "unknown"), (b"\x10", "unknown"), (b"\xff", "unknown")],
)
def test_parse_paper_status(reply, paper):
    assert parse_paper_status(reply).paper == paper


# --------------------------------------------------------------------------- simulated


def test_simulated_keeps_jobs_in_order():
    printer = SimulatedPrinter()
    printer.send(b"one")
    printer.send(bytearray(b"two"))
    assert printer.jobs == [b"one", b"two"]
    assert printer.status() == PrinterStatus(online=True, paper="ok", detail="simulated", cover="closed")


def test_simulated_jobs_from_many_threads():
    printer = SimulatedPrinter()
    done = []

    def worker(n):
        for i in range(20):
            while True:
                try:
                    printer.send(f"{n}-{i}".encode())
                    break
                except DeviceError as exc:
                    assert exc.kind == "busy"
        done.append(n)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert len(printer.jobs) == 80
    assert sorted(done) == [0, 1, 2, 3]


@pytest.mark.parametrize("kind", ["paper_out", "offline", "cover_open"])
def test_simulated_fault_raises_and_keeps_nothing(kind):
    printer = SimulatedPrinter(name="ticket")
    printer.set_fault(kind)
    with pytest.raises(DeviceError) as info:
        printer.send(b"lost")
    assert info.value.kind == kind
    assert info.value.device == "ticket"
    assert printer.jobs == []
    status = printer.status()
    assert status.online is (kind != "offline")
    if kind == "paper_out":
        assert status.paper == "out"
    printer.set_fault(None)
    printer.send(b"after")
    assert printer.jobs == [b"after"]


def test_simulated_fail_argument_and_bad_fault():
    printer = SimulatedPrinter(fail="offline")
    assert printer.status().online is False
    with pytest.raises(ValueError):
        printer.set_fault("on_fire")


def test_simulated_baud_delay():
    printer = SimulatedPrinter(baud=115200)
    started = time.monotonic()
    printer.send(b"x" * 600)  # 600 * 10 / 115200 = 52 ms
    elapsed = time.monotonic() - started
    assert 0.05 <= elapsed < 0.5
    assert printer.jobs == [b"x" * 600]


def test_simulated_unplugged_during_transfer():
    printer = SimulatedPrinter(baud=9600)
    threading.Timer(0.05, printer.set_fault, args=("offline",)).start()
    with pytest.raises(DeviceError) as info:
        printer.send(b"x" * 960)  # one second on the wire
    assert info.value.kind == "offline"
    assert printer.jobs == []


def test_simulated_transfer_timeout():
    printer = SimulatedPrinter(baud=9600)
    with pytest.raises(DeviceError) as info:
        printer.send(b"x" * 9600, timeout=0.05)
    assert info.value.kind == "timeout"
    assert printer.jobs == []


def test_simulated_spool_dir(tmp_path):
    (tmp_path / "job-0007.bin").write_bytes(b"old")
    printer = SimulatedPrinter(spool_dir=tmp_path)
    printer.send(b"\x1b@hello")
    assert (tmp_path / "job-0008.bin").read_bytes() == b"\x1b@hello"


# --------------------------------------------------------------------------- TCP


def test_tcp_delivers_job(net_printer):
    printer = TcpPrinter("127.0.0.1", net_printer.port, timeout=2)
    payload = b"\x1b@" + bytes(range(256)) * 40 + b"\x1dV\x00"
    printer.send(payload, timeout=5)
    assert net_printer.received.wait(2)
    assert net_printer.jobs == [payload]


def test_tcp_status_paper(net_printer):
    printer = TcpPrinter("127.0.0.1", net_printer.port, status_timeout=1)
    assert printer.status().paper == "ok"
    net_printer.paper_byte = PAPER_OUT
    status = printer.status()
    assert status.online is True and status.paper == "out"
    net_printer.paper_byte = PAPER_LOW
    assert printer.status().paper == "low"


def test_tcp_status_without_answer():
    server = FakeNetworkPrinter(answer_status=False)
    try:
        printer = TcpPrinter("127.0.0.1", server.port, status_timeout=0.2)
        status = printer.status()
        assert status.online is True and status.paper == "unknown"
    finally:
        server.close()


def test_tcp_connection_refused():
    printer = TcpPrinter("127.0.0.1", free_port(), timeout=1)
    with pytest.raises(DeviceError) as info:
        printer.send(b"x")
    assert info.value.kind == "offline"
    assert info.value.device == printer.name
    status = printer.status()
    assert status.online is False and status.paper == "unknown"


def test_tcp_send_timeout_when_printer_does_not_read():
    # A server that accepts but never reads: the kernel buffers fill and sendall must give up.
    server = socket.create_server(("127.0.0.1", 0))
    server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    accepted = []
    t = threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True)
    t.start()
    try:
        printer = TcpPrinter("127.0.0.1", server.getsockname()[1], timeout=1)
        with pytest.raises(DeviceError) as info:
            printer.send(b"x" * 50_000_000, timeout=0.3)
        assert info.value.kind == "timeout"
    finally:
        t.join(1)
        for conn in accepted:
            conn.close()
        server.close()


# --------------------------------------------------------------------------- serial


def test_serial_loop_url_receives_bytes():
    printer = SerialPrinter("loop://", baud=115200, timeout=1)
    printer.send(b"\x1b@ticket")
    link = printer._serial
    assert link is not None
    assert link.read(8) == b"\x1b@ticket"
    assert link.in_waiting == 0
    printer.close()
    assert printer._serial is None


def test_serial_loop_status_echo_is_not_an_answer():
    # loop:// echoes the query back; an echo is not a valid status byte.
    printer = SerialPrinter("loop://", status_timeout=0.1)
    status = printer.status()
    assert status.paper == "unknown"
    printer.close()


def test_serial_write_timeout():
    printer = SerialPrinter("loop://", baud=9600)
    with pytest.raises(DeviceError) as info:
        printer.send(b"x" * 2000, timeout=0.05)  # two seconds of wire time at 9600 baud
    assert info.value.kind == "timeout"
    printer.close()


def test_serial_socket_url_status_and_job(net_printer):
    printer = SerialPrinter(f"socket://127.0.0.1:{net_printer.port}", status_timeout=1)
    net_printer.paper_byte = PAPER_OUT
    assert printer.status().paper == "out"
    printer.send(b"job")
    printer.close()
    assert net_printer.received.wait(2)
    assert net_printer.jobs == [b"job"]


def test_serial_missing_port_is_offline(tmp_path):
    printer = SerialPrinter(str(tmp_path / "ttyUSB9"))
    with pytest.raises(DeviceError) as info:
        printer.send(b"x")
    assert info.value.kind == "offline"
    assert printer.status().online is False


# --------------------------------------------------------------------------- file


def test_file_printer_appends(tmp_path):
    path = tmp_path / "out.bin"
    printer = FilePrinter(path)
    assert printer.status().online is True
    printer.send(b"one")
    printer.send(b"two")
    assert path.read_bytes() == b"onetwo"


def test_file_printer_missing_dir_is_offline(tmp_path):
    printer = FilePrinter(tmp_path / "nope" / "lp0")
    with pytest.raises(DeviceError) as info:
        printer.send(b"x")
    assert info.value.kind == "offline"
    assert printer.status().online is False


# --------------------------------------------------------------------------- open_printer


@pytest.mark.parametrize(
    ("url", "cls", "attrs"),
    [
        ("sim://", SimulatedPrinter, {"name": "sim", "baud": None}),
        ("sim://?baud=9600", SimulatedPrinter, {"baud": 9600}),
        ("sim://kiosk?fault=paper_out", SimulatedPrinter, {"name": "kiosk", "fault": "paper_out"}),
        ("sim://?paper=low", SimulatedPrinter, {"paper_low": True}),
        ("tcp://192.168.1.50:9100", TcpPrinter, {"host": "192.168.1.50", "port": 9100}),
        ("tcp://printer.local", TcpPrinter, {"host": "printer.local", "port": 9100}),
        ("tcp://[fe80::1]:9101?timeout=2.5", TcpPrinter, {"host": "fe80::1", "port": 9101, "connect_timeout": 2.5}),
        ("serial:///dev/ttyUSB0?baud=38400", SerialPrinter, {"port": "/dev/ttyUSB0", "baud": 38400}),
        ("serial:///dev/ttyS0", SerialPrinter, {"port": "/dev/ttyS0", "baud": 38400}),
        ("serial://COM3?baud=9600", SerialPrinter, {"port": "COM3", "baud": 9600}),
        ("serial://COM3?baud=19200&rtscts=1", SerialPrinter, {"rtscts": True}),
        ("serial://loop://", SerialPrinter, {"port": "loop://"}),
        ("file:///tmp/out.bin", FilePrinter, {"path": Path("/tmp/out.bin")}),
        ("file:///dev/usb/lp0", FilePrinter, {"path": Path("/dev/usb/lp0")}),
        ("FILE:///C:/out.bin", FilePrinter, {"path": Path("C:/out.bin")}),
    ],
)
def test_open_printer(url, cls, attrs):
    printer = open_printer(url)
    assert type(printer) is cls
    for key, value in attrs.items():
        assert getattr(printer, key) == value, key


@pytest.mark.parametrize(
    "url",
    [
        "",
        "printer",
        "lpt://1",
        "tcp://",
        "tcp://host:99999",
        "tcp://host:abc",
        "sim://?baud=fast",
        "sim://?baud=0",
        "sim://?fault=on_fire",
        "sim://?colour=red",
        "serial://",
        "serial://COM3?baud=",
        "serial://COM3?rtscts=maybe",
        "file://",
    ],
)
def test_open_printer_rejects(url):
    with pytest.raises(DeviceError) as info:
        open_printer(url)
    assert info.value.kind == "config"


def test_open_printer_name_override():
    assert open_printer("tcp://10.0.0.5", name="ticket").name == "ticket"


def test_device_error_kind_checked():
    with pytest.raises(ValueError):
        DeviceError("x", "exploded")
    err = DeviceError("ticket", "paper_out", "no paper")
    assert (err.device, err.kind, err.message) == ("ticket", "paper_out", "no paper")
