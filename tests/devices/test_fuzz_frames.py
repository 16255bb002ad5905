"""Bad input from a serial device: hypothesis flips, drops and duplicates bytes of valid frame streams for
every preset, and throws random protocol options at the template builder. The decoder never raises; each
frame it yields is a valid frame that was in the stream; bad options are a FrameFormatError only."""

from __future__ import annotations

import logging

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.serial_frames import FORMAT_OPTIONS, PRESETS, FrameDecoder, FrameFormat, FrameFormatError, format_from_options

logging.getLogger("devices.serial_frames").setLevel(logging.ERROR)  # the garbage is counted, not logged here
FUZZ = settings(max_examples=200, deadline=None)


@st.composite
def damaged_streams(draw):
    name = draw(st.sampled_from(sorted(PRESETS)))
    fmt = PRESETS[name]
    payloads = draw(st.lists(st.text(alphabet="0123456789ABC", min_size=1, max_size=6), min_size=1, max_size=5))
    address = 1 if fmt.address != "none" else None
    stream = bytearray(b"".join(fmt.encode(p, address) for p in payloads))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, max(0, len(stream) - 1)))
        op = draw(st.sampled_from(["flip", "drop", "insert", "dup"]))
        if op == "flip" and stream:
            stream[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "drop" and stream:
            del stream[at]
        elif op == "insert":
            stream[at:at] = draw(st.binary(min_size=1, max_size=4))
        else:
            stream[at:at] = stream[at:at + 8]
    cuts = sorted(draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    return fmt, bytes(stream), cuts


@FUZZ
@given(damaged_streams())
def test_damaged_streams_give_only_valid_frames(case):
    fmt, stream, cuts = case
    decoder = FrameDecoder(fmt, device="fuzz")
    frames = []
    start = 0
    for cut in [*cuts, len(stream)]:
        frames += decoder.feed(stream[start:cut])
        start = cut
    for frame in frames:
        encoded = fmt.encode(frame.payload, frame.address)
        assert encoded in stream  # nothing invented: the frame was really sent, whole
    # the same bytes in one piece give the same frames (chunking does not matter)
    assert FrameDecoder(fmt).feed(stream) == frames


@FUZZ
@given(st.dictionaries(st.sampled_from(FORMAT_OPTIONS), st.text(max_size=12)
                       | st.sampled_from(["stx-xor", "crc16", "0d0a", "02", "hex", "bin", "none", "300", "0"]),
                       max_size=5))
def test_random_protocol_options_are_a_template_or_a_format_error(options):
    try:
        fmt = format_from_options(options)
    except FrameFormatError as exc:
        assert str(exc)
    else:
        assert isinstance(fmt, FrameFormat) and 1 <= fmt.max_payload <= 255
