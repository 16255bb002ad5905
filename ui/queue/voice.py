"""Playing queue announcements through Qt: the sink for :class:`devices.voice.Announcer`.

The announcer builds each announcement (chime + recorded clips) on its own "voice" thread and hands the WAV
bytes to a ``sink``. :class:`QtWavSink` is that sink: callable from any thread, it passes the bytes to the GUI
thread, which plays them with ``QAudioSink`` from a ``QBuffer``. With no audio output (a PC without a sound
card, the offscreen test platform) it only logs. The announcer waits out each announcement's length, so two
calls never overlap. ``MOTCUA_MUTE=1`` in the environment silences it (training rooms, tests).

Qt's text-to-speech is used only when the clips are missing and a Vietnamese voice is installed locally
(:func:`find_vietnamese_tts`); never a network service.
"""

from __future__ import annotations

import io
import logging
from collections import deque
import os
import wave
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal, Slot

from app.numbers_vi import announcement_clips, announcement_text
from app.resources import resource
from devices.voice import Announcer, ClipLibrary, build_announcement

log = logging.getLogger(__name__)

WATCH_MS = 200  # how often a playing announcement is checked for its end
MAX_WAITING = 5

__all__ = [
    "QtWavSink",
    "clip_dirs",
    "default_clip_library",
    "find_vietnamese_tts",
    "make_announcer",
    "render_announcement_wav",
]


def render_announcement_wav(number: str, counter: int, library: ClipLibrary) -> bytes:
    """The complete WAV of the call "Xin mời công dân có số thứ tự <number> đến quầy số <counter>".

    Pure (no Qt); any thread. Missing clips give the chime alone (see ``build_announcement``). Raises
    ``app.errors.ValidationError`` for a malformed number or counter. Usable by ``motcua speak``.
    """
    return build_announcement(announcement_clips(number, counter), library)


def clip_dirs(settings) -> list[Path]:
    """Where clips are looked for, in order: the center's own recordings, then the shipped ones.

    The center's folder is ``voice.sounds_dir`` when set, else ``<data dir>/sounds`` when it exists.
    """
    dirs: list[Path] = []
    own = settings.get("voice.sounds_dir") if settings is not None else ""
    if own:
        dirs.append(Path(own).expanduser())
    else:
        data_dir = getattr(settings, "data_dir", None)
        if data_dir is not None and (Path(data_dir) / "sounds").is_dir():
            dirs.append(Path(data_dir) / "sounds")
    dirs.append(resource("sounds"))
    return dirs


def default_clip_library(settings) -> ClipLibrary:
    return ClipLibrary(clip_dirs(settings))


class QtWavSink(QObject):
    """Plays WAV bytes on the default audio output. Call it from any thread: ``sink(wav_bytes)``.

    Created on the GUI thread; playback happens there (Qt multimedia objects belong to one thread). A WAV that
    arrives while another plays waits for it. Without an audio output the WAV is dropped with a log line.
    ``played`` is emitted (GUI thread) with the length in bytes of every WAV started.
    """

    played = Signal(int)
    _requested = Signal(object)

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = None  # (QAudioSink, QBuffer) while one plays
        self._requested.connect(self._play, Qt.ConnectionType.QueuedConnection)
        self._warned = False
        self._waiting: deque[bytes] = deque()
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self._check_playback)

    def __call__(self, wav: bytes) -> None:
        self._requested.emit(bytes(wav))

    @staticmethod
    def output_available() -> bool:
        """True when Qt sees an audio output device (GUI thread)."""
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:  # pragma: no cover - QtMultimedia is part of PySide6-Addons
            return False
        return bool(QMediaDevices.audioOutputs())

    @Slot(object)
    def _play(self, wav: bytes) -> None:
        # The output may start a little late (the sound server wakes up): a WAV that arrives while another is
        # still playing waits for it, so the end of a call ("... quầy số ba") is never cut off.
        if self._player is not None:
            if len(self._waiting) >= MAX_WAITING:
                log.warning("%d announcements waiting for the speaker; one dropped", len(self._waiting))
                return
            self._waiting.append(wav)
            return
        self._start(wav)

    def _start(self, wav: bytes) -> None:
        try:
            with wave.open(io.BytesIO(wav), "rb") as reader:
                channels, width, rate = reader.getnchannels(), reader.getsampwidth(), reader.getframerate()
                pcm = reader.readframes(reader.getnframes())
        except (wave.Error, EOFError) as exc:
            log.warning("announcement is not a WAV file: %s", exc)
            return
        if os.environ.get("MOTCUA_MUTE") or not self.output_available():
            if not self._warned:
                log.warning("no audio output: announcements are not played")
                self._warned = True
            log.info("announcement of %.1f s not played (no audio output)", len(pcm) / max(1, width * channels * rate))
            return
        from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

        if width != 2:
            log.warning("only 16-bit announcements can be played, not %d-bit", 8 * width)
            return
        fmt = QAudioFormat()
        fmt.setSampleRate(rate)
        fmt.setChannelCount(channels)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        device = QMediaDevices.defaultAudioOutput()
        if not device.isFormatSupported(fmt):
            log.warning("the audio output %s does not take %d Hz 16-bit audio", device.description(), rate)
        audio = QAudioSink(device, fmt, self)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pcm))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._player = (audio, buffer)
        audio.start(buffer)
        self._watch.start()
        self.played.emit(len(wav))

    @Slot()
    def _check_playback(self) -> None:
        # Polled rather than connected to stateChanged, and compared by name: PySide 6.12 has two enum classes
        # for the state (QAudio.State and QtAudio.State) that do not compare equal and cannot always be passed
        # through a signal.
        if self._player is None:
            return
        audio, _buffer = self._player
        if audio.state().name in ("IdleState", "StoppedState"):  # played to the end, or failed
            if audio.error().name != "NoError":
                log.warning("audio playback failed: %s", audio.error().name)
            self._stop()
            if self._waiting:
                self._start(self._waiting.popleft())

    def _stop(self) -> None:
        if self._player is None:
            return
        audio, buffer = self._player
        self._player = None
        self._watch.stop()
        audio.stop()
        buffer.close()
        audio.deleteLater()
        buffer.deleteLater()

    def close(self) -> None:
        """Stop playing and forget what waits (GUI thread)."""
        self._waiting.clear()
        self._stop()


def audio_state() -> str:
    """Whether this PC can play the announcements (GUI thread): "ok", "muted" (``MOTCUA_MUTE``) or "none"
    (Qt sees no audio output: no sound card, or the sound service is not running). The board shows it."""
    if os.environ.get("MOTCUA_MUTE"):
        return "muted"
    return "ok" if QtWavSink.output_available() else "none"


def make_announcer(settings, *, parent: QObject | None = None) -> tuple[Announcer, QtWavSink]:
    """The board's announcer: the station's clip library played through a :class:`QtWavSink` (GUI thread).

    The caller owns both: ``announcer.close()`` when the window closes.
    """
    sink = QtWavSink(parent=parent)
    return Announcer(default_clip_library(settings), sink), sink


def find_vietnamese_tts(*, parent: QObject | None = None):
    """A local ``QTextToSpeech`` speaking Vietnamese, or None (no such voice, or no TTS module).

    Only local engines (speech-dispatcher, SAPI/WinRT, macOS); the test "mock" engine is skipped.
    """
    try:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    for engine in QTextToSpeech.availableEngines():
        if engine == "mock":
            continue
        try:
            tts = QTextToSpeech(engine, parent)
        except Exception:  # a broken engine plugin must not stop the board
            log.info("text-to-speech engine %s does not start", engine)
            continue
        for locale in tts.availableLocales():
            if locale.language() == QLocale.Language.Vietnamese:
                tts.setLocale(locale)
                if tts.availableVoices():
                    log.info("Vietnamese text-to-speech: %s", engine)
                    return tts
        tts.deleteLater()
    return None


def speak_with_tts(tts, number: str, counter: int) -> None:
    """Say the call sentence with a text-to-speech engine (GUI thread); queued behind what it is saying."""
    text = announcement_text(number, counter)
    enqueue = getattr(tts, "enqueue", None)
    if enqueue is not None:
        enqueue(text)
    else:  # pragma: no cover - Qt < 6.6
        tts.say(text)
