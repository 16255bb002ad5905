"""The device runtime with the simulators: one worker per device, jobs in turn, status events, reconnects."""

from __future__ import annotations

import threading

import pytest

from devices.base import DEVICE_KINDS, Device, DeviceError, WrongThreadError
from devices.id_reader import SAMPLE_CCCD
from devices.registry import open_configured, open_device
from devices.runtime import DeviceRuntime, DeviceWorker
from tests.devices.pty_helpers import Events

FAST = {"min_backoff": 0.02, "max_backoff": 0.1, "poll_timeout": 0.02}


@pytest.fixture
def run():
    started = []

    def start(kind, url, **kw):
        device = open_device(kind, url, **kw)
        worker = DeviceWorker(device, **FAST)
        events = Events()
        worker.subscribe(events)
        worker.start()
        started.append(worker)
        events.status("ok")
        return device, worker, events

    yield start
    for worker in started:
        worker.stop()


def test_jobs_from_many_threads_wait_their_turn_on_a_simulated_printer(run):
    printer, worker, _ = run("ticket_printer", "sim://?baud=115200")
    errors = []

    def client(n):
        futures = [worker.submit(lambda d, i=i: d.send(f"{n}-{i}".encode())) for i in range(20)]
        for future in futures:
            try:
                future.result(10)
            except Exception as exc:
                errors.append(exc)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    jobs = printer.printer.jobs
    assert len(jobs) == 80
    for n in range(4):  # each client's jobs in the order it sent them
        mine = [j for j in jobs if j.startswith(f"{n}-".encode())]
        assert mine == [f"{n}-{i}".encode() for i in range(20)]


def test_a_printer_is_touched_by_its_worker_only(run):
    printer, worker, _ = run("receipt_printer", "sim://")
    with pytest.raises(WrongThreadError):
        printer.send(b"x")
    worker.call(lambda d: d.send(b"x"))
    assert printer.printer.jobs == [b"x"]
    assert worker.call(lambda d: d.self_test()) == {"ok": True, "detail": "simulated"}


def test_simulated_button_box_keypad_and_id_reader(run):
    box, _, box_events = run("button_box", "sim:?keys=1:A,2:B")
    pad, _, pad_events = run("rating_keypad", "sim:?scale=5")
    reader, _, reader_events = run("id_reader", "sim:")
    box.sim.send_raw(b"\x02\x01\x7f\x00\x03")
    box.sim.press("3")  # not mapped: ignored
    box.sim.press("2")
    pad.sim.press("5")
    reader.sim.scan()
    assert box_events.wait_for("button").data["service"] == "B"
    assert pad_events.wait_for("rating").data == {"score": 5, "scale": 5, "address": 1}
    assert reader_events.wait_for("id_text").data["text"] == SAMPLE_CCCD


def test_simulated_display_unplugged_and_back_shows_the_current_number(run):
    display, worker, events = run("led_display", "sim:?addr=2&ack=1")
    assert worker.call(lambda d: d.show("A007")) == "A007"
    display.sim.link.unplug()
    with pytest.raises(DeviceError) as failed:
        worker.call(lambda d: d.show("A008"))
    assert failed.value.kind == "offline"
    events.status("offline")
    display.sim.link.plug()
    events.status("ok")
    assert display.sim.shown == ["A007", "A007"]  # shown again on reconnecting
    worker.call(lambda d: d.show("A009"))
    assert display.sim.showing == "A009"
    worker.call(lambda d: d.self_test())
    assert display.sim.shown[-2:] == ["8888", "A009"]


def test_simulated_box_unplugged_reports_and_reconnects(run):
    box, _, events = run("button_box", "sim:")
    box.sim.link.unplug()
    events.status("offline")
    box.sim.press("1")  # nobody hears a box that is unplugged
    box.sim.link.plug()
    events.status("ok")
    box.sim.press("4")
    assert events.wait_for("button").data["key"] == "4"


class Flaky(Device):
    """A driver with bugs: its poll raises a plain exception once; its listener raises."""

    kind = "button_box"
    driver = "test"
    reads_input = True

    def __init__(self):
        super().__init__("flaky")
        self.polls = 0
        self.opens = 0

    def open(self):
        self.opens += 1

    def poll(self, timeout):
        self.polls += 1
        if self.polls == 1:
            raise ZeroDivisionError("driver bug")
        if self.polls == 2:
            return [self.event("button", key="1", service=None, address=None)]
        threading.Event().wait(timeout)
        return []


def test_a_driver_bug_or_a_broken_listener_does_not_stop_the_worker():
    device = Flaky()
    events = Events()
    worker = DeviceWorker(device, **FAST)
    worker.subscribe(lambda e: 1 / 0)
    worker.subscribe(events)
    worker.start()
    try:
        events.status("offline")
        events.status("ok")
        assert events.wait_for("button").data["key"] == "1"
        assert device.opens == 2
    finally:
        worker.stop()
    assert device.status == "stopped"


def test_configuration_errors_are_not_retried_and_stop_fails_what_waits(tmp_path):
    class Misconfigured(Device):
        kind = "led_display"

        def open(self):
            raise DeviceError(self.name, "config", "no such protocol")

    device = Misconfigured("led")
    events = Events()
    worker = DeviceWorker(device, **FAST)
    worker.subscribe(events)
    worker.start()
    assert events.status("error").data["detail"] == "no such protocol"
    with pytest.raises(DeviceError) as failed:
        worker.call(lambda d: None, timeout=5)
    assert failed.value.kind == "offline"
    worker.stop()
    with pytest.raises(DeviceError):
        worker.submit(lambda d: None).result(1)


def test_runtime_lists_every_configured_kind_with_its_identity():
    urls = {
        "devices.receipt_printer": "sim://",
        "devices.ticket_printer": "sim://",
        "devices.a4_printer": "sim://",
        "devices.scanner": "sim://",
        "devices.id_reader": "sim:",
        "devices.button_box": "sim:?keys=1:A",
        "devices.led_display": "sim:?addr=1",
        "devices.rating_keypad": "sim:?scale=3",
    }
    devices = open_configured(urls.get)
    runtime = DeviceRuntime(devices, **FAST)
    rows = runtime.describe()
    assert {r["kind"] for r in rows} == set(DEVICE_KINDS) - {"voice"}
    assert all(set(r) == {"name", "kind", "driver", "url", "status", "detail"} for r in rows)
    assert {r["status"] for r in rows} == {"stopped"}
    with pytest.raises(ValueError):
        runtime.add(open_device("button_box", "sim:"))
    assert open_device("button_box", "") is None


def test_the_simulated_printer_waits_for_a_job_in_progress_like_the_tcp_driver():
    from devices.printer import SimulatedPrinter

    printer = SimulatedPrinter(baud=2400)  # 100 bytes take about 0.4 s
    first = threading.Thread(target=printer.send, args=(b"x" * 100,))
    first.start()
    while not printer._sending.locked():  # the first job is on the wire
        threading.Event().wait(0.001)
    printer.send(b"second", timeout=10)  # waits its turn instead of raising "busy"
    first.join(10)
    assert printer.jobs == [b"x" * 100, b"second"]
    blocker = threading.Thread(target=printer.send, args=(b"y" * 100,))
    blocker.start()
    while not printer._sending.locked():
        threading.Event().wait(0.001)
    with pytest.raises(DeviceError) as failed:
        printer.send(b"late", timeout=0.01)
    assert failed.value.kind == "timeout"
    blocker.join(10)
