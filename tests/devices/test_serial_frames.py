"""Frame templates: encoding, decoding, presets, technician-defined protocols; any bytes never crash."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from devices.serial_frames import (
    ADDRESS_KINDS,
    CHECKSUM_ENCODINGS,
    CHECKSUM_KINDS,
    PAYLOAD_KINDS,
    PRESETS,
    Frame,
    FrameDecoder,
    FrameFormat,
    FrameFormatError,
    crc16_modbus,
    format_from_options,
)

logging.getLogger("devices.serial_frames").setLevel(logging.ERROR)  # hypothesis feeds lots of garbage


def test_crc16_modbus_check_value():
    assert crc16_modbus(b"123456789") == 0x4B37


def test_presets_known_bytes():
    assert PRESETS["stx-xor"].encode("A012", 3) == b"\x02\x03A012q\x03"
    assert PRESETS["ascii-sum"].encode("A012", 3) == b"#03A01237\r"
    frame = PRESETS["modbus-crc"].encode(b"\x01", 7)
    assert frame[:3] == b"\x07\x01\x01" and int.from_bytes(frame[3:], "little") == crc16_modbus(b"\x07\x01\x01")


def test_technician_defined_protocol_from_options():
    fmt = format_from_options({"protocol": "stx-xor", "checksum": "crc16", "suffix": "0d 0a", "addressing": "none"})
    assert (fmt.prefix, fmt.suffix, fmt.address, fmt.checksum) == (b"\x02", b"\r\n", "none", "crc16")
    assert fmt.name == "stx-xor*"
    data = fmt.encode("7")
    assert FrameDecoder(fmt).feed(b"noise" + data) == [Frame(None, b"7")]


@pytest.mark.parametrize(
    "options",
    [{"protocol": "nope"}, {"checksum": "md5"}, {"prefix": "zz"}, {"max_payload": "x"}, {"protocol": "stx-xor", "suffix": "", "checksum": "none"}],
)
def test_bad_protocol_options_are_refused(options):
    with pytest.raises(FrameFormatError):
        format_from_options(options)


def test_bad_frames_are_ignored_and_counted():
    fmt = PRESETS["stx-xor"]
    good = fmt.encode("5", 1)
    bad_checksum = good[:-2] + b"\x00\x03"
    decoder = FrameDecoder(fmt, device="box")
    assert decoder.feed(b"\xff\xfe" + bad_checksum + good + b"\x02\x01\x80\x81\x03" + good) == [Frame(1, b"5")] * 2
    assert decoder.ignored >= 3


def test_a_broken_frame_does_not_hold_up_the_next_one():
    fmt = PRESETS["stx-xor"]
    decoder = FrameDecoder(fmt)
    assert decoder.feed(b"\x02\x01zz") == []  # may still become a frame: wait
    assert decoder.feed(fmt.encode("2", 1)) == [Frame(1, b"2")]


formats = st.builds(
    FrameFormat,
    name=st.just("t"),
    prefix=st.binary(max_size=3),
    suffix=st.binary(max_size=2),
    address=st.sampled_from(ADDRESS_KINDS),
    payload=st.sampled_from(PAYLOAD_KINDS),
    checksum=st.sampled_from(CHECKSUM_KINDS),
    encoding=st.sampled_from(CHECKSUM_ENCODINGS),
    max_payload=st.integers(1, 40),
)


@st.composite
def any_format(draw):
    try:
        return draw(formats)
    except FrameFormatError:
        assume(False)


@settings(max_examples=150, suppress_health_check=[HealthCheck.filter_too_much])
@given(any_format(), st.lists(st.binary(max_size=50), max_size=8))
def test_any_bytes_in_any_format_never_raise(fmt, chunks):
    decoder = FrameDecoder(fmt)
    stream = b"".join(chunks)
    for chunk in chunks:
        for frame in decoder.feed(chunk):
            # every frame reported is really in the stream, and valid
            assert fmt.encode(frame.payload, frame.address) in stream
            assert fmt.decode(fmt.encode(frame.payload, frame.address)) == frame


def _frames_for(fmt: FrameFormat):
    address = {"none": st.none(), "u8": st.integers(0, 255), "ascii2": st.integers(0, 99)}[fmt.address]
    if fmt.payload == "u8":
        payload = st.binary(min_size=1, max_size=1)
    elif fmt.payload == "len8":
        payload = st.binary(min_size=1, max_size=fmt.max_payload)
    else:
        payload = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=fmt.max_payload).map(
            lambda t: t.encode("ascii")
        )
    return st.lists(st.builds(Frame, address, payload), max_size=6)


@pytest.mark.parametrize("preset", sorted(PRESETS))
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_presets_round_trip_in_any_chunking(preset, data):
    fmt = PRESETS[preset]
    frames = data.draw(_frames_for(fmt))
    stream = b"".join(fmt.encode(f.payload, f.address) for f in frames)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    decoder = FrameDecoder(fmt)
    got = []
    last = 0
    for cut in [*cuts, len(stream)]:
        got += decoder.feed(stream[last:cut])
        last = cut
    assert got == frames
    assert decoder.ignored == 0


@pytest.mark.parametrize("preset", ["stx-xor", "ascii-sum"])
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_presets_recover_frames_after_line_noise(preset, data):
    fmt = PRESETS[preset]
    frames = data.draw(_frames_for(fmt))
    noise = st.binary(max_size=20).map(lambda b: b.replace(fmt.prefix, b""))
    stream = b"".join(data.draw(noise) + fmt.encode(f.payload, f.address) for f in frames)
    assert FrameDecoder(fmt).feed(stream) == frames


@settings(max_examples=150)
@given(st.lists(st.binary(max_size=80), max_size=10), st.integers(16, 64))
def test_id_reader_lines_from_any_bytes(chunks, max_line):
    from devices.id_reader import LineDecoder

    decoder = LineDecoder(max_line=max_line)
    stream = b"".join(chunks)
    lines = [line for chunk in chunks for line in decoder.feed(chunk)]
    for line in lines:
        assert line and line == line.strip() and len(line.encode("utf-8")) <= max_line
        assert line.encode("utf-8") in stream
        assert "\r" not in line and "\n" not in line


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30).map(str.strip).filter(bool), max_size=5), st.sampled_from([b"\r", b"\n", b"\r\n"]))
def test_id_reader_lines_round_trip(lines, ending):
    from devices.id_reader import LineDecoder

    data = b"".join(line.encode("utf-8") + ending for line in lines)
    assert LineDecoder().feed(data) == lines
