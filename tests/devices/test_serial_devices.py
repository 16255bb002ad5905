"""Serial devices on pseudo-terminals: key frames in, numbers out, unplug in the middle of a job, re-plug,
binding by USB identity. The test holds the far end of each cable (the hardware)."""

from __future__ import annotations

import logging
import pytest
from serial.tools.list_ports_common import ListPortInfo

from devices.base import DeviceError, WrongThreadError
from devices.button_box import open_button_box
from devices.id_reader import SAMPLE_CCCD, open_id_reader
from devices.led_display import ACK, open_led_display
from devices.rating_keypad import open_rating_keypad
from devices.runtime import DeviceWorker
from devices.serial_frames import PRESETS, Frame
from tests.devices.pty_helpers import Events, FarEnd, PtyPort

FAST = {"min_backoff": 0.02, "max_backoff": 0.1, "poll_timeout": 0.02}


@pytest.fixture
def workers():
    started = []

    def start(device):
        events = Events()
        worker = DeviceWorker(device, **FAST)
        worker.subscribe(events)
        started.append(worker)
        worker.start()
        return worker, events

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def cable(tmp_path):
    ports = []

    def plug(name="ttyDEV"):
        port = PtyPort(tmp_path / name)
        ports.append(port)
        return port

    yield plug
    for port in ports:
        port.unplug()


def test_button_box_key_frames_become_button_events(cable, workers, caplog):
    port = cable()
    fmt = PRESETS["stx-xor"]
    box = open_button_box(f"serial:{port.link}?protocol=stx-xor&keys=1:A,2:B", name="box")
    worker, events = workers(box)
    events.status("ok")
    port.write(b"\x00\xffnoise" + fmt.encode("2", 1)[:3])  # noise, then half a frame
    port.write(fmt.encode("2", 1)[3:] + fmt.encode("9", 1) + b"\x02\x01zz\x03" + fmt.encode("1", 1))
    with caplog.at_level(logging.WARNING):
        assert events.wait_for("button").data == {"key": "2", "service": "B", "address": 1}
        assert events.wait_for("button").data == {"key": "1", "service": "A", "address": 1}
    assert box.status == "ok"
    assert worker.call(lambda d: d.ignored) >= 2  # unknown key 9 and the broken frame, logged
    assert "ignored" in caplog.text


def test_button_box_unplugged_and_plugged_again(cable, workers):
    fmt = PRESETS["ascii-sum"]
    port = cable()
    box = open_button_box(f"serial:{port.link}?protocol=ascii-sum&addr=4", name="box")
    _worker, events = workers(box)
    events.status("ok")
    port.write(fmt.encode("1", 4) + fmt.encode("1", 5))  # the second is for another box on the line
    assert events.wait_for("button").data["key"] == "1"
    port.unplug()
    assert events.status("offline").data["detail"]
    port2 = cable()  # the same adapter, back in (a new pty behind the same stable name)
    events.status("ok")
    port2.write(fmt.encode("3", 4))
    assert events.wait_for("button").data == {"key": "3", "service": None, "address": 4}


def test_led_display_unplugged_in_the_middle_of_a_job_then_replugged(cable, workers):
    fmt = PRESETS["stx-xor"]
    port = cable()
    display = open_led_display(f"serial:{port.link}?addr=3&ack=1&ack_timeout=10", name="led")
    worker, events = workers(display)
    events.status("ok")

    far = FarEnd(port, fmt, ack=ACK)
    assert worker.call(lambda d: d.show("A012")) == "A012"
    assert far.frames.get(timeout=5) == Frame(3, b"A012")

    far.ack = None  # the display takes the frame, then is unplugged before it answers
    job = worker.submit(lambda d: d.show("A013"))
    assert far.frames.get(timeout=5) == Frame(3, b"A013")
    port.unplug()
    with pytest.raises(DeviceError) as failed:
        job.result(timeout=10)
    assert failed.value.kind == "offline"
    events.status("offline")

    port2 = cable()
    far2 = FarEnd(port2, fmt, ack=ACK)
    events.status("ok")
    # on reconnecting, the display is given the last number it showed for sure
    assert far2.frames.get(timeout=5) == Frame(3, b"A012")
    assert worker.call(lambda d: d.show("A014")) == "A014"
    assert far2.frames.get(timeout=5) == Frame(3, b"A014")


def test_led_display_without_ack_times_out_when_acks_are_required(cable, workers):
    port = cable()
    display = open_led_display(f"serial:{port.link}?addr=1&ack=1&ack_timeout=0.2", name="led")
    worker, events = workers(display)
    events.status("ok")
    FarEnd(port, PRESETS["stx-xor"])  # reads, never answers
    with pytest.raises(DeviceError) as failed:
        worker.call(lambda d: d.show("B001"))
    assert failed.value.kind == "timeout"
    assert display.status == "ok"  # a display that does not answer is not unplugged


def test_rating_keypad_three_keys(cable, workers):
    fmt = PRESETS["modbus-crc"]
    port = cable()
    pad = open_rating_keypad(f"serial:{port.link}?protocol=modbus-crc&scale=3", name="pad")
    _worker, events = workers(pad)
    events.status("ok")
    port.write(fmt.encode(b"4", 1) + b"\x01\x05junk" + fmt.encode(b"3", 1) + fmt.encode(b"\x01", 2))
    assert events.wait_for("rating").data == {"score": 3, "scale": 3, "address": 1}
    assert events.wait_for("rating").data == {"score": 1, "scale": 3, "address": 2}


def test_serial_id_reader_lines(cable, workers):
    port = cable()
    reader = open_id_reader(f"serial:{port.link}?baud=115200", name="idr")
    _worker, events = workers(reader)
    events.status("ok")
    raw = SAMPLE_CCCD.encode("utf-8")
    port.write(b"\xff\xfe\xfd\r\n" + raw[:20])
    port.write(raw[20:] + b"\r\n")
    assert events.wait_for("id_text").data == {"text": SAMPLE_CCCD}


def test_usb_identity_follows_the_adapter_to_another_port(cable, workers):
    """``usb=VID:PID:SERIAL`` finds the adapter wherever the OS put it, before and after a re-plug."""
    plugged: list[ListPortInfo] = []

    def lister():
        return list(plugged)

    def attach(port):
        info = ListPortInfo(port.slave_path, skip_link_detection=True)
        info.vid, info.pid, info.serial_number = 0x1A86, 0x7523, "BOX42"
        other = ListPortInfo("/dev/does-not-exist", skip_link_detection=True)
        other.vid, other.pid, other.serial_number = 0x1A86, 0x7523, "OTHER"
        plugged[:] = [other, info]

    fmt = PRESETS["stx-xor"]
    box = open_button_box("serial:usb=1a86:7523:BOX42?keys=1:A", name="box", lister=lister)
    _worker, events = workers(box)
    assert "not plugged in" in events.status("offline").data["detail"]
    port = cable("a")
    attach(port)
    events.status("ok")
    assert box.link.port == port.slave_path
    port2 = cable("b")  # made now so that the OS cannot give it the same pts number
    port.unplug()
    plugged.clear()
    events.status("offline")
    attach(port2)
    events.status("ok")
    assert box.link.port == port2.slave_path != port.slave_path
    port2.write(fmt.encode("1", 1))
    assert events.wait_for("button").data["service"] == "A"


def test_a_device_is_touched_by_its_worker_only(cable, workers):
    port = cable()
    display = open_led_display(f"serial:{port.link}?addr=1", name="led")
    worker, events = workers(display)
    events.status("ok")
    with pytest.raises(WrongThreadError):
        display.show("A001")
    FarEnd(port, PRESETS["stx-xor"])
    assert worker.call(lambda d: d.show("A001")) == "A001"


def test_bad_addresses_are_config_errors():
    for url in ("serial:", "serial:usb=xyz", "bogus:/dev/x", "serial:/dev/x?colour=red", "sim:?protocol=none"):
        with pytest.raises(DeviceError) as failed:
            open_button_box(url)
        assert failed.value.kind == "config"
    with pytest.raises(DeviceError):
        open_rating_keypad("sim:?scale=4")


def test_a_port_that_does_not_exist_is_offline_and_retried(tmp_path, workers):
    box = open_button_box(f"serial:{tmp_path / 'nothing'}", name="box")
    worker, events = workers(box)
    first = events.status("offline")
    job = worker.submit(lambda d: "ran")
    with pytest.raises(DeviceError) as failed:
        job.result(timeout=5)
    assert failed.value.kind == "offline"
    assert first.data["detail"].startswith("cannot open")


def test_a_late_ack_does_not_confirm_the_next_frame(cable, workers):
    port = cable()
    display = open_led_display(f"serial:{port.link}?addr=1&ack=1&ack_timeout=0.3", name="led")
    worker, events = workers(display)
    events.status("ok")
    far = FarEnd(port, PRESETS["stx-xor"])  # never answers a frame
    port.write(ACK)  # an answer that came too late for some earlier frame
    assert worker.call(lambda d: d.current) is None
    with pytest.raises(DeviceError) as failed:
        worker.call(lambda d: d.show("C001"))
    assert failed.value.kind == "timeout"
    assert far.frames.get(timeout=5) == Frame(1, b"C001")
