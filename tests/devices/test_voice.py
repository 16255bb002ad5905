"""Voice announcer: clip library, WAV concatenation, the one-at-a-time worker, shipped clips."""

from __future__ import annotations

import io
import logging
import math
import threading
import time
import wave
from array import array
from pathlib import Path

import pytest

from devices.base import DeviceError
from devices.voice import (
    SAMPLE_RATE,
    Announcer,
    ClipLibrary,
    build_announcement,
    read_clip,
    wav_duration,
)

SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds"


def write_clip(path: Path, ms: float, *, rate: int = SAMPLE_RATE, channels: int = 1, width: int = 2,
               freq: float = 440.0) -> Path:
    """A sine tone clip of ``ms`` milliseconds in the given PCM format."""
    count = round(rate * ms / 1000)
    frames = bytearray()
    for i in range(count):
        value = math.sin(2 * math.pi * freq * i / rate) * 0.5
        if width == 1:
            sample = bytes([int(128 + value * 127)])
        else:
            sample = int(value * (2 ** (8 * width - 1) - 1)).to_bytes(width, "little", signed=True)
        frames += sample * channels
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def read_wav(data: bytes) -> tuple[tuple[int, int, int], float]:
    with wave.open(io.BytesIO(data), "rb") as wav:
        return (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()), wav.getnframes() / wav.getframerate()


@pytest.fixture
def library(tmp_path):
    clips = tmp_path / "sounds"
    write_clip(clips / "chime.wav", 300, freq=660)
    write_clip(clips / "invite.wav", 400)
    write_clip(clips / "letter_a.wav", 120)
    write_clip(clips / "hai.wav", 150)
    write_clip(clips / "to_counter.wav", 250)
    return ClipLibrary([clips])


# --------------------------------------------------------------------------- library


def test_library_prefers_first_directory(tmp_path):
    center = tmp_path / "center"
    shipped = tmp_path / "shipped"
    write_clip(center / "invite.wav", 100)
    write_clip(shipped / "invite.wav", 300)
    write_clip(shipped / "hai.wav", 200)
    lib = ClipLibrary([center, shipped])
    assert lib.find("invite") == center / "invite.wav"
    assert lib.find("hai") == shipped / "hai.wav"
    assert len(lib.load("invite")) == 2 * round(SAMPLE_RATE * 0.1)
    assert lib.missing(["invite", "ba", "hai", "ba"]) == ["ba"]


def test_library_rejects_path_like_keys(tmp_path):
    write_clip(tmp_path / "x.wav", 10)
    lib = ClipLibrary([tmp_path / "sub"])
    assert lib.find("../x") is None
    assert lib.find("") is None
    with pytest.raises(KeyError):
        lib.load("../x")


def test_library_caches_until_reload(tmp_path):
    path = write_clip(tmp_path / "ba.wav", 100)
    lib = ClipLibrary([tmp_path])
    first = lib.load("ba")
    write_clip(path, 200)
    assert lib.load("ba") is first
    lib.reload()
    assert len(lib.load("ba")) == 2 * round(SAMPLE_RATE * 0.2)


@pytest.mark.parametrize(("rate", "channels", "width"), [(44100, 2, 2), (16000, 1, 2), (22050, 1, 1), (48000, 1, 3),
                                                         (8000, 2, 4)])
def test_other_formats_are_converted(tmp_path, rate, channels, width):
    path = write_clip(tmp_path / "odd.wav", 200, rate=rate, channels=channels, width=width)
    frames = read_clip(path)
    assert abs(len(frames) / 2 / SAMPLE_RATE - 0.2) < 0.002
    samples = array("h", frames)
    peak = max(abs(s) for s in samples)
    assert 0.4 * 32767 < peak < 0.55 * 32767  # the tone was written at half scale


def test_unreadable_clip_is_config_error(tmp_path):
    (tmp_path / "bad.wav").write_bytes(b"RIFF nonsense")
    with pytest.raises(DeviceError) as info:
        ClipLibrary([tmp_path]).load("bad")
    assert info.value.kind == "config"


# --------------------------------------------------------------------------- build_announcement


def test_build_concatenates_with_gaps(library):
    keys = ["invite", "letter_a", "hai", "to_counter", "hai"]
    wav = build_announcement(keys, library, gap_ms=60, chime_gap_ms=200)
    fmt, seconds = read_wav(wav)
    assert fmt == (1, 2, SAMPLE_RATE)
    expected = 0.300 + 0.200 + (0.400 + 0.120 + 0.150 + 0.250 + 0.150) + 4 * 0.060
    assert abs(seconds - expected) < 0.003


def test_build_without_chime(library):
    wav = build_announcement(["invite", "hai"], library, chime=False, gap_ms=100)
    assert abs(wav_duration(wav) - (0.400 + 0.100 + 0.150)) < 0.003


def test_missing_clip_gives_chime_only(library, caplog):
    with caplog.at_level(logging.WARNING, logger="devices.voice"):
        wav = build_announcement(["invite", "letter_q", "hai", "nam"], library)
    assert abs(wav_duration(wav) - 0.300) < 0.002
    assert "letter_q, nam" in caplog.text


def test_no_clips_at_all_gives_valid_empty_wav(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="devices.voice"):
        wav = build_announcement(["invite"], ClipLibrary([tmp_path]))
    assert read_wav(wav) == ((1, 2, SAMPLE_RATE), 0.0)
    assert "chime" in caplog.text


# --------------------------------------------------------------------------- Announcer


class RecordingSink:
    def __init__(self, delay: float = 0.05) -> None:
        self.delay = delay
        self.calls: list[tuple[float, float, bytes, str]] = []
        self._active = 0
        self.overlapped = False
        self._lock = threading.Lock()

    def __call__(self, wav: bytes) -> None:
        with self._lock:
            self._active += 1
            self.overlapped |= self._active > 1
        start = time.monotonic()
        time.sleep(self.delay)
        end = time.monotonic()
        with self._lock:
            self._active -= 1
        self.calls.append((start, end, wav, threading.current_thread().name))


def test_announcer_plays_in_order_without_overlap(library):
    sink = RecordingSink(delay=0.08)
    announcer = Announcer(library, sink, wait_for_playback=False)
    try:
        assert announcer.announce(["invite", "hai"])
        assert announcer.announce(["letter_a"])
        assert announcer.wait_idle(5)
    finally:
        announcer.close()
    assert len(sink.calls) == 2
    (s1, e1, wav1, thread1), (s2, e2, wav2, _) = sink.calls
    assert e1 <= s2
    assert not sink.overlapped
    assert thread1 == "voice"
    assert wav1 == build_announcement(["invite", "hai"], library)
    assert wav2 == build_announcement(["letter_a"], library)


def test_announcer_waits_out_a_non_blocking_sink(library):
    sink = RecordingSink(delay=0)
    with Announcer(library, sink, chime=False) as announcer:
        announcer.announce(["letter_a"])  # 120 ms of audio
        announcer.announce(["hai"])
        assert announcer.wait_idle(5)
    (s1, _, _, _), (s2, _, _, _) = sink.calls
    assert s2 - s1 >= 0.1  # 120 ms of audio, less the sink's own start-up


def test_announcer_survives_a_failing_sink(library, caplog):
    calls = []

    def sink(wav):
        calls.append(wav)
        if len(calls) == 1:
            raise OSError("no audio device")

    with caplog.at_level(logging.ERROR, logger="devices.voice"):
        with Announcer(library, sink, wait_for_playback=False) as announcer:
            announcer.announce(["hai"])
            announcer.announce(["hai"])
            assert announcer.wait_idle(5)
    assert len(calls) == 2
    assert "announcement failed" in caplog.text


def test_announcer_bounded_queue_and_close(library):
    gate = threading.Event()
    playing = threading.Event()
    played = []

    def sink(wav):
        playing.set()
        gate.wait(5)
        played.append(wav)

    announcer = Announcer(library, sink, max_pending=2, wait_for_playback=False)
    started = time.monotonic()
    assert announcer.announce(["hai"]) is True
    assert playing.wait(5)  # the worker is in the sink with the first one (under load it may take a moment)
    results = [announcer.announce(["hai"]) for _ in range(4)]
    assert time.monotonic() - started < 5  # announce() returns while the sink is still playing
    # Two wait behind the one playing; the rest are dropped.
    assert results == [True, True, False, False]
    gate.set()
    announcer.close(drain=False, timeout=5)
    assert not announcer._thread.is_alive()
    assert announcer.announce(["hai"]) is False


def test_render_to_file(library, tmp_path):
    with Announcer(library, lambda wav: None) as announcer:
        target = tmp_path / "out" / "call.wav"
        announcer.render_to_file(["invite", "hai"], target)
    assert target.read_bytes() == build_announcement(["invite", "hai"], library)


# --------------------------------------------------------------------------- shipped clips


def test_shipped_clips_cover_every_key():
    from app.numbers_vi import CLIP_TEXT, announcement_clips  # tests may import app

    lib = ClipLibrary([SOUNDS])
    assert lib.missing(["chime", *CLIP_TEXT]) == []
    for path in SOUNDS.glob("*.wav"):
        with wave.open(str(path), "rb") as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, SAMPLE_RATE), path.name
    assert sum(p.stat().st_size for p in SOUNDS.glob("*.wav")) < 3 * 1024 * 1024
    wav = build_announcement(announcement_clips("A012", 3), lib)
    assert 3.0 < wav_duration(wav) < 8.0
