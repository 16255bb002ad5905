"""Voice announcer: "Mời số 1 2 3 đến quầy số 4" built by joining recorded clips.

The words to say come from ``app.numbers_vi.announcement_clips`` as a list of clip
keys; this module only knows clips. A clip ``key`` is the file ``<key>.wav`` found
in the first of the library's directories that has it (a center's own recordings
first, then ``resources/sounds``). All audio is handled as 16-bit mono PCM at
22050 Hz; clips in another PCM format are converted when loaded.

Playing is done by a ``sink(wav_bytes)`` callable supplied by the caller (the UI
passes a Qt player; tests pass a recorder), on the announcer's own thread named
"voice" (a :class:`devices.runtime.DeviceWorker`, like every device's), one announcement
after another so two calls never overlap.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
import tempfile
import threading
import time
import wave
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from devices.base import Device, DeviceError, on_device_thread
from devices.runtime import DeviceWorker

log = logging.getLogger(__name__)

SAMPLE_RATE = 22050
SAMPLE_WIDTH = 2  # bytes: 16-bit signed little-endian
CHANNELS = 1
CHIME_KEY = "chime"
DEVICE_NAME = "voice"

_KEY_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

Sink = Callable[[bytes], None]


# --------------------------------------------------------------------------- PCM helpers


def silence(ms: float) -> bytes:
    """PCM frames of silence lasting ``ms`` milliseconds."""
    return bytes(SAMPLE_WIDTH * CHANNELS * frames_for_ms(ms))


def frames_for_ms(ms: float) -> int:
    return max(0, round(SAMPLE_RATE * ms / 1000))


def to_wav(pcm: bytes) -> bytes:
    """Wrap 16-bit mono 22050 Hz PCM frames in a complete WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(CHANNELS)
        out.setsampwidth(SAMPLE_WIDTH)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm)
    return buffer.getvalue()


def wav_duration(data: bytes) -> float:
    """Length in seconds of a WAV file given as bytes."""
    with wave.open(io.BytesIO(data), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def _to_int16(frames: bytes, width: int) -> array:
    """Samples of any PCM width as native-order int16 (keeping the most significant bits)."""
    if width == 1:  # 8-bit WAV is unsigned
        return array("h", ((b - 128) << 8 for b in frames))
    if width not in (2, 3, 4):
        raise ValueError(f"unsupported sample width {width}")
    if width == 2:
        little = frames
    else:
        count = len(frames) // width
        pairs = bytearray(2 * count)
        pairs[0::2] = frames[width - 2 :: width]
        pairs[1::2] = frames[width - 1 :: width]
        little = bytes(pairs)
    samples = array("h")
    samples.frombytes(little[: len(little) - len(little) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _to_mono(samples: array, channels: int) -> array:
    if channels == 1:
        return samples
    count = len(samples) // channels
    return array(
        "h", (sum(samples[i * channels : (i + 1) * channels]) // channels for i in range(count))
    )


def _resample(samples: array, src_rate: int, dst_rate: int) -> array:
    """Linear interpolation. No low-pass filter: good enough for speech clips."""
    if src_rate == dst_rate or not samples:
        return samples
    count = max(1, round(len(samples) * dst_rate / src_rate))
    step = src_rate / dst_rate
    last = len(samples) - 1
    out = array("h", bytes(2 * count))
    for i in range(count):
        pos = i * step
        j = int(pos)
        if j >= last:
            out[i] = samples[last]
        else:
            a = samples[j]
            out[i] = int(a + (samples[j + 1] - a) * (pos - j))
    return out


def _pcm_bytes(samples: array) -> bytes:
    if sys.byteorder == "big":
        samples = array("h", samples)
        samples.byteswap()
    return samples.tobytes()


def read_clip(path: Path) -> bytes:
    """PCM frames of a WAV file, converted to 16-bit mono 22050 Hz.

    Raises ``DeviceError(kind="config")`` for a file that is not readable PCM WAV.
    """
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError, OSError) as exc:
        raise DeviceError(DEVICE_NAME, "config", f"cannot read clip {path}: {exc}") from exc
    if (channels, width, rate) == (CHANNELS, SAMPLE_WIDTH, SAMPLE_RATE):
        return frames
    try:
        samples = _resample(_to_mono(_to_int16(frames, width), channels), rate, SAMPLE_RATE)
    except ValueError as exc:
        raise DeviceError(DEVICE_NAME, "config", f"cannot convert clip {path}: {exc}") from exc
    log.debug("converted %s from %d ch/%d bit/%d Hz", path.name, channels, 8 * width, rate)
    return _pcm_bytes(samples)


# --------------------------------------------------------------------------- clip library


class ClipLibrary:
    """Finds and caches clips by key, looking through ``dirs`` in order.

    Safe to use from several threads. Call :meth:`reload` after clips were replaced on disk.
    """

    def __init__(self, dirs: Iterable[str | os.PathLike[str]]) -> None:
        self.dirs = [Path(d) for d in dirs]
        self._cache: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def find(self, key: str) -> Path | None:
        """Path of the clip for ``key``, or None if no directory has it."""
        if not _KEY_RE.fullmatch(key):
            return None
        for directory in self.dirs:
            path = directory / f"{key}.wav"
            if path.is_file():
                return path
        return None

    def has(self, key: str) -> bool:
        return self.find(key) is not None

    def missing(self, keys: Iterable[str]) -> list[str]:
        """The keys among ``keys`` that have no clip, each once, in order."""
        return [k for k in dict.fromkeys(keys) if not self.has(k)]

    def load(self, key: str) -> bytes:
        """PCM frames (16-bit mono 22050 Hz) of clip ``key``.

        Raises ``KeyError`` when no directory has it and ``DeviceError(kind="config")``
        when the file cannot be read.
        """
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        path = self.find(key)
        if path is None:
            raise KeyError(key)
        frames = read_clip(path)
        with self._lock:
            self._cache[key] = frames
        return frames

    def reload(self) -> None:
        with self._lock:
            self._cache.clear()


# --------------------------------------------------------------------------- building


def build_announcement(
    keys: Sequence[str],
    library: ClipLibrary,
    *,
    chime: bool = True,
    gap_ms: int = 60,
    chime_gap_ms: int = 200,
) -> bytes:
    """A complete WAV file: the chime, a pause, then the clips with ``gap_ms`` of silence between.

    When any clip is missing or unreadable the result is the chime alone (a warning
    names the keys) so the hall still hears that a number was called; no exception.
    Runs on the caller's thread; reads files the first time a clip is used.
    """
    parts: list[bytes] = []
    if chime:
        try:
            parts.append(library.load(CHIME_KEY))
        except (KeyError, DeviceError) as exc:
            log.warning("chime clip unavailable: %s", exc)

    speech: list[bytes] = []
    missing: list[str] = []
    for key in keys:
        try:
            speech.append(library.load(key))
        except KeyError:
            missing.append(key)
        except DeviceError as exc:
            log.warning("%s", exc)
            missing.append(key)
    if missing:
        log.warning("voice clips missing, playing the chime only: %s", ", ".join(dict.fromkeys(missing)))
        speech = []

    pcm = bytearray()
    if parts and speech:
        pcm += parts[0] + silence(chime_gap_ms)
    elif parts:
        pcm += parts[0]
    gap = silence(gap_ms)
    for index, clip in enumerate(speech):
        if index:
            pcm += gap
        pcm += clip
    return to_wav(bytes(pcm))


def write_file_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- announcer


class VoiceDevice(Device):
    """The sound output as a runtime device (kind "voice"): plays WAVs through ``sink`` on its worker."""

    kind = "voice"
    driver = "clips"

    def __init__(self, sink: Sink, *, name: str = "voice") -> None:
        super().__init__(name, "clips:")
        self.sink = sink

    @on_device_thread
    def play(self, wav: bytes) -> None:
        self.sink(wav)


class Announcer:
    """Plays announcements one after another on the voice device's worker thread, named "voice".

    ``sink(wav_bytes)`` plays one WAV file. It may block until playback ends or return
    at once (a fire-and-forget player): with ``wait_for_playback`` the announcer waits
    out the rest of the announcement's length before the next, so they never overlap.
    A sink that raises is logged and the queue goes on. At most ``max_pending``
    announcements wait; further ones are dropped with a warning (a button pressed
    twenty times should not talk for a minute).

    The thread is a :class:`devices.runtime.DeviceWorker` like every other device's (``worker``), so the
    device hub and the technician's view see the voice with the same status and events.
    """

    def __init__(
        self,
        library: ClipLibrary,
        sink: Sink,
        *,
        chime: bool = True,
        gap_ms: int = 60,
        max_pending: int = 10,
        wait_for_playback: bool = True,
    ) -> None:
        self.library = library
        self.sink = sink
        self.chime = chime
        self.gap_ms = gap_ms
        self.max_pending = max_pending
        self.wait_for_playback = wait_for_playback
        self.device = VoiceDevice(sink)
        self.worker = DeviceWorker(self.device, max_pending=max_pending, thread_name="voice")
        self._closing = False
        self.worker.start()

    @property
    def _thread(self) -> threading.Thread:
        return self.worker._thread

    def announce(self, keys: Sequence[str]) -> bool:
        """Queue an announcement and return at once (any thread). False if it was dropped."""
        if self._closing:
            log.warning("announcer closed; announcement dropped")
            return False
        keys = tuple(keys)
        future = self.worker.submit(lambda device: self._play(keys))
        if future.done() and future.exception() is not None:
            log.warning("announcement dropped: %s", future.exception())
            return False
        return True

    def render(self, keys: Sequence[str]) -> bytes:
        """The WAV an announcement would play (caller's thread)."""
        return build_announcement(keys, self.library, chime=self.chime, gap_ms=self.gap_ms)

    def render_to_file(self, keys: Sequence[str], path: str | os.PathLike[str]) -> None:
        """Write the announcement's WAV to ``path`` (caller's thread), e.g. for a check from the devices window."""
        write_file_atomically(path, self.render(keys))

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is queued or playing; False on timeout."""
        return self.worker.wait_idle(timeout)

    def close(self, *, drain: bool = False, timeout: float | None = 5.0) -> None:
        """Stop the worker. Pending announcements are dropped unless ``drain``; the one playing finishes."""
        self._closing = True
        if drain and not self.worker.on_this_thread():
            self.worker.wait_idle(timeout)
        self.worker.stop(timeout)

    def __enter__(self) -> Announcer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close(drain=True)

    def _play(self, keys: tuple[str, ...]) -> None:
        """One announcement (voice thread). A failure is logged here: the queue goes on."""
        self.device.assert_device_thread()
        try:
            wav = self.render(keys)
            started = time.monotonic()
            self.device.play(wav)
        except Exception:
            log.exception("announcement failed")
            return
        if self.wait_for_playback:
            # Not cut short by close(): the current announcement is allowed to finish.
            end = started + wav_duration(wav)
            while (left := end - time.monotonic()) > 0:
                time.sleep(left)
