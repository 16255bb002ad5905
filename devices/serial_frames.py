"""Frame templates for the serial protocols of queue button boxes, LED counter displays and rating keypads.

Vendors differ, so a protocol is a :class:`FrameFormat`: ``prefix`` bytes, an ``address`` field, a
``payload`` field, a ``checksum`` and ``suffix`` bytes, laid out as::

    prefix | address | payload | checksum | suffix

- ``address``: ``none``, ``u8`` (one byte 0-255) or ``ascii2`` (two decimal digits "00"-"99");
- ``payload``: ``ascii`` (printable ASCII, 1..``max_payload`` characters, ended by what follows),
  ``len8`` (a length byte, then that many bytes) or ``u8`` (exactly one byte);
- ``checksum``: ``none``, ``sum`` (sum of the bytes mod 256), ``xor`` (XOR of the bytes) or ``crc16``
  (CRC-16/MODBUS), over the address and payload fields; written as raw bytes (``bin``, CRC low byte
  first) or as upper-case hex digits (``hex``).

Three built-in presets (:data:`PRESETS`) cover common boxes; a technician defines another one with
options in the device URL (``?protocol=stx-xor&checksum=sum&suffix=0d``: the preset's fields, changed),
parsed by :func:`format_from_options` — no editor, no code. (In URLs the address field's kind is
``addressing``; ``addr`` is the device's own address.)

:class:`FrameDecoder` reads a byte stream into frames. A malformed or unknown frame is counted, logged
(bytes in hex, never more than a few) and skipped; ``feed`` never raises, whatever the bytes (a
hypothesis test feeds it anything). Pure code, safe on any thread; one decoder per link.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Final

log = logging.getLogger(__name__)

ADDRESS_KINDS: Final = ("none", "u8", "ascii2")
PAYLOAD_KINDS: Final = ("ascii", "len8", "u8")
CHECKSUM_KINDS: Final = ("none", "sum", "xor", "crc16")
CHECKSUM_ENCODINGS: Final = ("bin", "hex")
#: URL options that define or change a frame template (``addressing`` sets the address field's kind).
FORMAT_OPTIONS: Final = ("protocol", "prefix", "suffix", "addressing", "payload", "checksum", "encoding", "max_payload")

_LOG_BYTES = 16


@dataclass(frozen=True, slots=True)
class Frame:
    """One decoded frame: the device address (None without an address field) and the payload bytes."""

    address: int | None
    payload: bytes

    @property
    def text(self) -> str:
        """The payload as text: ASCII payloads as they are, a one-byte binary payload as its number."""
        if len(self.payload) == 1 and not (0x20 <= self.payload[0] < 0x7F):
            return str(self.payload[0])
        return self.payload.decode("ascii", errors="replace")


def crc16_modbus(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def _checksum_value(kind: str, data: bytes) -> int:
    if kind == "sum":
        return sum(data) & 0xFF
    if kind == "xor":
        value = 0
        for byte in data:
            value ^= byte
        return value
    if kind == "crc16":
        return crc16_modbus(data)
    return 0


class FrameFormatError(ValueError):
    """A frame template that cannot work (e.g. nothing marks where a frame ends)."""


@dataclass(frozen=True, slots=True)
class FrameFormat:
    """A frame template; see the module docstring. Build presets with :func:`preset`."""

    name: str
    prefix: bytes = b""
    suffix: bytes = b""
    address: str = "none"
    payload: str = "ascii"
    checksum: str = "none"
    encoding: str = "bin"
    max_payload: int = 32

    def __post_init__(self) -> None:
        if self.address not in ADDRESS_KINDS:
            raise FrameFormatError(f"address must be one of {', '.join(ADDRESS_KINDS)}, not {self.address!r}")
        if self.payload not in PAYLOAD_KINDS:
            raise FrameFormatError(f"payload must be one of {', '.join(PAYLOAD_KINDS)}, not {self.payload!r}")
        if self.checksum not in CHECKSUM_KINDS:
            raise FrameFormatError(f"checksum must be one of {', '.join(CHECKSUM_KINDS)}, not {self.checksum!r}")
        if self.encoding not in CHECKSUM_ENCODINGS:
            raise FrameFormatError(f"encoding must be bin or hex, not {self.encoding!r}")
        if not 1 <= self.max_payload <= 255:
            raise FrameFormatError("max_payload must be 1-255")
        if self.payload == "ascii" and not self.suffix and self.checksum == "none":
            # Nothing would tell where a text payload ends.
            raise FrameFormatError("an ascii payload needs a suffix or a checksum")
        if len(self.prefix) > 8 or len(self.suffix) > 8:
            raise FrameFormatError("prefix and suffix are at most 8 bytes")

    # -- sizes ----------------------------------------------------------------------------------

    @property
    def address_size(self) -> int:
        return {"none": 0, "u8": 1, "ascii2": 2}[self.address]

    @property
    def checksum_size(self) -> int:
        if self.checksum == "none":
            return 0
        raw = 2 if self.checksum == "crc16" else 1
        return raw * 2 if self.encoding == "hex" else raw

    @property
    def max_frame(self) -> int:
        payload = self.max_payload + (1 if self.payload == "len8" else 0)
        return len(self.prefix) + self.address_size + payload + self.checksum_size + len(self.suffix)

    # -- encoding -------------------------------------------------------------------------------

    def _checksum_bytes(self, body: bytes) -> bytes:
        if self.checksum == "none":
            return b""
        value = _checksum_value(self.checksum, body)
        if self.checksum == "crc16":
            raw = value.to_bytes(2, "little")
        else:
            raw = bytes([value])
        return raw.hex().upper().encode("ascii") if self.encoding == "hex" else raw

    def encode(self, payload: bytes | str, address: int | None = None) -> bytes:
        """The bytes of one frame; ``ValueError`` if the payload or address does not fit the template."""
        data = payload.encode("ascii") if isinstance(payload, str) else bytes(payload)
        body = self._encode_address(address) + self._encode_payload(data)
        return self.prefix + body + self._checksum_bytes(body) + self.suffix

    def _encode_address(self, address: int | None) -> bytes:
        if self.address == "none":
            return b""
        if address is None:
            raise ValueError("this protocol needs an address")
        if self.address == "u8":
            if not 0 <= address <= 255:
                raise ValueError("address must be 0-255")
            return bytes([address])
        if not 0 <= address <= 99:
            raise ValueError("address must be 0-99")
        return f"{address:02d}".encode("ascii")

    def _encode_payload(self, data: bytes) -> bytes:
        if self.payload == "u8":
            if len(data) != 1:
                raise ValueError("payload must be exactly one byte")
            return data
        if not 1 <= len(data) <= self.max_payload:
            raise ValueError(f"payload must be 1-{self.max_payload} bytes")
        if self.payload == "len8":
            return bytes([len(data)]) + data
        if not all(0x20 <= b < 0x7F for b in data):
            raise ValueError("an ascii payload must be printable ASCII")
        return data

    # -- decoding -------------------------------------------------------------------------------

    def decode(self, frame: bytes) -> Frame | None:
        """The frame in exactly these bytes, or None if they are not one valid frame."""
        if not (frame.startswith(self.prefix) and frame.endswith(self.suffix)):
            return None
        inner = frame[len(self.prefix) : len(frame) - len(self.suffix)]
        cs = self.checksum_size
        if len(inner) < self.address_size + 1 + cs:
            return None
        body, checksum = (inner[: len(inner) - cs], inner[len(inner) - cs :]) if cs else (inner, b"")
        if cs and self._checksum_bytes(body) != (checksum.upper() if self.encoding == "hex" else checksum):
            return None
        raw_address, data = body[: self.address_size], body[self.address_size :]
        if self.address == "u8":
            address: int | None = raw_address[0]
        elif self.address == "ascii2":
            if not (raw_address.isdigit() and raw_address.isascii()):
                return None
            address = int(raw_address)
        else:
            address = None
        if self.payload == "u8":
            if len(data) != 1:
                return None
        elif self.payload == "len8":
            if not data or data[0] != len(data) - 1 or not 1 <= data[0] <= self.max_payload:
                return None
            data = data[1:]
        elif not (1 <= len(data) <= self.max_payload and all(0x20 <= b < 0x7F for b in data)):
            return None
        return Frame(address, bytes(data))

    def exact_length(self, head: bytes) -> int | None:
        """For fixed or length-prefixed payloads: the whole frame's length, known from its first bytes
        (None when it depends on where a suffix is, or when ``head`` is too short to tell)."""
        fixed = len(self.prefix) + self.address_size + self.checksum_size + len(self.suffix)
        if self.payload == "u8":
            return fixed + 1
        if self.payload == "len8":
            at = len(self.prefix) + self.address_size
            if len(head) <= at:
                return None
            return fixed + 1 + head[at]
        return None


#: Built-in protocols. ``stx-xor``: STX, address byte, text, XOR of address and text, ETX (most
#: Chinese queue boxes and LED panels); ``ascii-sum``: "#", two address digits, text, sum as two hex
#: digits, CR (readable on a terminal); ``modbus-crc``: address byte, length byte, data, CRC-16/MODBUS.
PRESETS: Final[dict[str, FrameFormat]] = {
    "stx-xor": FrameFormat("stx-xor", prefix=b"\x02", suffix=b"\x03", address="u8", payload="ascii", checksum="xor"),
    "ascii-sum": FrameFormat(
        "ascii-sum", prefix=b"#", suffix=b"\r", address="ascii2", payload="ascii", checksum="sum", encoding="hex"
    ),
    "modbus-crc": FrameFormat("modbus-crc", address="u8", payload="len8", checksum="crc16"),
}
DEFAULT_PRESET: Final = "stx-xor"


def _hex_bytes(option: str, value: str) -> bytes:
    text = value.replace(" ", "").replace(":", "")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise FrameFormatError(f"{option} must be hex bytes such as 02 or 0d0a, not {value!r}") from None


def format_from_options(options: dict[str, str]) -> FrameFormat:
    """The frame template named by ``protocol`` (default :data:`DEFAULT_PRESET`), with any of
    :data:`FORMAT_OPTIONS` changed; ``FrameFormatError`` for an unknown preset or a bad value."""
    name = options.get("protocol", DEFAULT_PRESET)
    if name not in PRESETS:
        raise FrameFormatError(f"unknown protocol {name!r}; built in: {', '.join(PRESETS)}")
    fmt = PRESETS[name]
    changes: dict[str, object] = {}
    for key in ("prefix", "suffix"):
        if key in options:
            changes[key] = _hex_bytes(key, options[key])
    for key, attr in (("addressing", "address"), ("payload", "payload"), ("checksum", "checksum"), ("encoding", "encoding")):
        if key in options:
            changes[attr] = options[key]
    if "max_payload" in options:
        try:
            changes["max_payload"] = int(options["max_payload"])
        except ValueError:
            raise FrameFormatError("max_payload must be a whole number") from None
    if changes:
        fmt = replace(fmt, name=f"{name}*", **changes)
    return fmt


class FrameDecoder:
    """Turns a byte stream into frames. ``feed`` never raises; garbage is counted in ``ignored``.

    A frame starts at the prefix (or anywhere without one); among the possible ends (each occurrence of
    the suffix, or the length the frame announces) the first that makes a valid frame wins. When none
    can (the frame would be longer than the template allows), the start is dropped: one byte with a
    prefix (the next prefix may be inside), up to the next suffix without one. The result does not depend
    on how the stream was cut into chunks.
    """

    def __init__(self, fmt: FrameFormat, *, device: str = "") -> None:
        self.format = fmt
        self.device = device
        self.ignored = 0  # malformed frames and stray bytes skipped
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[Frame]:
        self._buffer += data
        frames: list[Frame] = []
        while self._buffer:
            if not self._sync():
                break
            frame, used = self._one()
            if used == 0:
                break  # wait for more bytes
            if frame is not None:
                frames.append(frame)
            if used > 0:
                del self._buffer[:used]
        return frames

    def _skip(self, count: int, why: str) -> None:
        sample = bytes(self._buffer[: min(count, _LOG_BYTES)]).hex(" ")
        log.warning("%s: ignored %d byte(s) (%s): %s%s", self.device, count, why, sample, "..." if count > _LOG_BYTES else "")
        self.ignored += 1
        del self._buffer[:count]

    def _sync(self) -> bool:
        """Drop bytes before the next prefix; False when no (whole) prefix is in the buffer yet."""
        prefix = self.format.prefix
        if not prefix:
            return True
        at = self._buffer.find(prefix)
        if at < 0:
            keep = len(prefix) - 1  # the start of a prefix may be at the very end
            stray = len(self._buffer) - keep
            # A partial prefix at the end is kept only if it really is one.
            while keep and not prefix.startswith(bytes(self._buffer[len(self._buffer) - keep :])):
                keep -= 1
                stray += 1
            if stray > 0:
                self._skip(stray, "no frame start")
            return False
        if at > 0:
            self._skip(at, "no frame start")
        return True

    def _first_frame(self, buf: bytes) -> tuple[Frame | None, int, bool]:
        """The first valid frame at the start of ``buf``: (frame, end, False); else (None, 0, done) where
        ``done`` says no more bytes could make one (the start is garbage)."""
        fmt = self.format
        limit = fmt.max_frame
        min_len = len(fmt.prefix) + fmt.address_size + 1 + fmt.checksum_size + len(fmt.suffix)
        if fmt.payload in ("len8", "u8"):
            exact = fmt.exact_length(buf)
            if exact is None:
                return None, 0, False
            if exact > limit or exact < min_len:
                return None, 0, True
            if len(buf) < exact:
                return None, 0, False
            frame = fmt.decode(buf[:exact])
            return (frame, exact, False) if frame is not None else (None, 0, True)
        # ascii: try every end the suffix allows, shortest first
        suffix = fmt.suffix
        if suffix:
            ends = []
            start = len(fmt.prefix)
            while (at := buf.find(suffix, start)) >= 0 and at + len(suffix) <= limit:
                ends.append(at + len(suffix))
                start = at + 1
        else:
            ends = list(range(min_len, min(len(buf), limit) + 1))
        for end in ends:
            if end >= min_len:
                frame = fmt.decode(buf[:end])
                if frame is not None:
                    return frame, end, False
        return None, 0, len(buf) >= limit or self._hopeless(buf)

    def _one(self) -> tuple[Frame | None, int]:
        """(frame, bytes used) at the buffer's start; (None, -1) after skipping bytes; (None, 0) to wait."""
        fmt = self.format
        buf = bytes(self._buffer)
        frame, end, done = self._first_frame(buf)
        if frame is not None:
            return frame, end
        if not done and fmt.prefix:
            # A broken frame must not hold up a good one behind it: if a whole valid frame starts at a
            # later prefix, the bytes before it are garbage.
            at = buf.find(fmt.prefix, 1)
            while at > 0:
                if self._first_frame(buf[at:])[0] is not None:
                    return self._bad(at)
                at = buf.find(fmt.prefix, at + 1)
        if not done:
            return None, 0
        if not fmt.prefix and fmt.suffix and fmt.payload == "ascii":
            at = buf.find(fmt.suffix)
            if 0 <= at:
                return self._bad(at + len(fmt.suffix))
        return self._bad(1)

    def _hopeless(self, buf: bytes) -> bool:
        """An ascii frame that cannot end well any more: a non-printable byte in the text part that is
        not part of a suffix or checksum that could still follow. Conservative: only the plain case."""
        fmt = self.format
        if fmt.checksum != "none" and fmt.encoding == "bin":
            return False  # any byte may be a binary checksum
        body = buf[len(fmt.prefix) + fmt.address_size :]
        for index, byte in enumerate(body):
            if not 0x20 <= byte < 0x7F:
                # Not hopeless while what follows may still grow into the suffix.
                rest = body[index:]
                return not (len(rest) < len(fmt.suffix) and fmt.suffix.startswith(rest))
        return False

    def _bad(self, count: int) -> tuple[None, int]:
        self._skip(count, "malformed frame")
        return None, -1
