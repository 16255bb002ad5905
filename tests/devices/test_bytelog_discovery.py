"""The live byte log (hex + text, bounded, an ID reader's bytes never shown), discovery's sources, and
the diagnostics' secret blanking (a property test over passwords and tokens)."""

from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings, strategies as st
from serial.tools.list_ports_common import ListPortInfo

from app.services.device_setup import redact
from devices.bytelog import ByteLog, attach, hex_text
from devices.discovery import MAX_HOSTS, discover, probe_tcp, serial_candidates
from devices.registry import open_device
from devices.runtime import DeviceWorker


def test_hex_and_text_side_by_side():
    assert hex_text(b"\x02A01\x03") == "02 41 30 31 03 | .A01."


def test_the_log_is_bounded_and_tells_each_listener():
    log = ByteLog(capacity=3)
    seen = []
    log.subscribe(seen.append)
    for n in range(5):
        log.record("tx", bytes([n]))
    log.record("rx", b"")  # nothing to record
    assert [e.data for e in log.entries()] == [b"\x02", b"\x03", b"\x04"]
    assert len(seen) == 5 and seen[0].direction == "tx"
    with pytest.raises(ValueError):
        log.record("sideways", b"x")


def test_a_simulated_display_records_what_it_sent_and_the_acks():
    display = open_device("led_display", "sim:?addr=3&ack=1")
    worker = DeviceWorker(display).start()
    try:
        log = worker.call(lambda d: attach(d))
        worker.call(lambda d: d.show("A012"))
    finally:
        worker.stop()
    directions = [e.direction for e in log.entries()]
    assert "tx" in directions and "rx" in directions
    sent = [e for e in log.entries() if e.direction == "tx"][-1]
    assert "A012" in sent.line() and "→" in sent.line()


def test_an_id_reader_log_keeps_only_the_byte_count():
    reader = open_device("id_reader", "sim:")
    worker = DeviceWorker(reader).start()
    try:
        log = worker.call(lambda d: attach(d))
        events = []
        worker.subscribe(events.append)
        reader.sim.scan()
        deadline = __import__("time").monotonic() + 5
        while not log.entries() and __import__("time").monotonic() < deadline:
            __import__("time").sleep(0.02)
    finally:
        worker.stop()
    line = log.lines()[0]
    assert "personal data" in line and "Nguy" not in line and "001090012345" not in line


def test_serial_ports_are_suggested_by_their_usb_identity():
    usb = ListPortInfo("/dev/ttyUSB3", skip_link_detection=True)
    usb.vid, usb.pid, usb.serial_number, usb.manufacturer, usb.product = 0x1A86, 0x7523, "B0X1", "QinHeng", "CH340"
    plain = ListPortInfo("/dev/ttyS0", skip_link_detection=True)
    found = serial_candidates(lambda: [usb, plain])
    assert found[0].url == "serial:usb=1a86:7523:B0X1" and "now at /dev/ttyUSB3" in found[0].detail
    assert found[1].url == "serial:/dev/ttyS0" and "led_display" in found[1].kinds


def test_a_source_that_fails_does_not_hide_the_others():
    def broken():
        raise RuntimeError("no libusb backend available for pyusb")

    found = discover(("serial", "usb"), functions={"usb": broken, "serial": lambda: serial_candidates(lambda: [])})
    assert found.candidates == [] and found.errors == {"usb": "no libusb backend available for pyusb"}


def test_tcp_probe_is_bounded_and_finds_a_listener():
    with pytest.raises(ValueError):
        probe_tcp("10.0.0.0/23")
    assert MAX_HOSTS == 256
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    try:
        found = probe_tcp("127.0.0.1/32", port=server.getsockname()[1])
    finally:
        server.close()
    assert len(found) == 1
    assert found[0].url.startswith("tcp://127.0.0.1:")


SECRET = st.text(alphabet="abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!$%*+", min_size=6, max_size=24)


@settings(max_examples=200, deadline=None)
@given(secret=SECRET)
def test_redact_blanks_passwords_and_tokens_wherever_they_show(secret):
    texts = [
        f"postgresql://motcua:{secret}@10.0.0.2:5432/motcua",  # secrets: allow (test fixture)
        f"https://dvc.example/api?x=1&access_token={secret}",
        f"sync failed: password={secret} for user a",
        f"header Authorization: Bearer {secret}x",
        f'token: "{secret}"',
    ]
    for text in texts:
        # (a secret that is also a piece of the text around it, "postgr" say, cannot tell)
        assert redact(text).count(secret) == text.replace(secret, "", 1).count(secret), text
    assert redact("serial:usb=1a86:7523?protocol=stx-xor&keys=1:A,2:B") == "serial:usb=1a86:7523?protocol=stx-xor&keys=1:A,2:B"
