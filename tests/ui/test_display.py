"""The display board: a call made at another station shows within a second and is spoken (journey 3)."""

from __future__ import annotations

import threading
import time

import pytest
from app.actors import Actor
from app.numbers_vi import announcement_clips
from app.resources import resource
from app.services import center, queue
from app.settings import StationSettings
from app.store.session import Store
from devices.voice import Announcer, ClipLibrary, wav_duration
from ui.display import build_display_window
from ui.queue import install_all_translators
from ui.queue.voice import clip_dirs, render_announcement_wav
from ui.queue.watcher import CallWatcher
from ui.tasks import InlineExecutor

ADMIN = Actor("admin", "admin")
OFFICER = Actor("canbo3", "officer")


@pytest.fixture
def other_station(seeded_store):
    """A second Store on the same file: another process's view of the database."""
    store = Store.open(seeded_store.engine.url.database, migrate=False)
    yield store
    store.close()


@pytest.fixture
def vietnamese(qapp):
    install_all_translators(qapp, "vi")
    yield  # the catalogs are taken off again by tests/ui/conftest.py


@pytest.fixture
def library():
    return ClipLibrary([resource("sounds")])


@pytest.fixture
def heard(library):
    """An announcer whose sink records the WAVs instead of playing them."""
    wavs: list[bytes] = []
    lock = threading.Lock()

    def sink(wav: bytes) -> None:
        with lock:
            wavs.append(wav)

    announcer = Announcer(library, sink, wait_for_playback=False)
    announcer.wavs = wavs
    yield announcer
    announcer.close()


@pytest.fixture
def board(qtbot, seeded_store, tmp_path, heard, vietnamese):
    window = build_display_window(seeded_store, StationSettings(tmp_path), executor=InlineExecutor(), announcer=heard)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitUntil(lambda: window.watcher.primed, timeout=1000)
    yield window
    window.shutdown()


def call_at(store: Store, counter: int, service: str = "A") -> str:
    with store.write() as session:
        queue.issue(session, Actor("kiosk", "kiosk"), service)
    with store.write() as session:
        return queue.call_next(session, OFFICER, counter).number


def test_call_at_another_station_shows_within_a_second_and_is_spoken(qtbot, board, other_station, heard, library):
    number = call_at(other_station, 3)
    committed = time.monotonic()
    qtbot.waitUntil(lambda: board.tile_number(3) == number, timeout=1000)
    assert time.monotonic() - committed < 1.0
    assert number == "A001"
    assert board.newest_counter == 3
    assert board._tiles[3].property("highlight") in ("on", "dim")
    assert board.history_rows[0].text() == "A001  →  Quầy 3"

    qtbot.waitUntil(lambda: len(heard.wavs) == 1, timeout=3000)
    clips = announcement_clips("A001", 3)
    expected = (
        sum(wav_duration(render_clip) for render_clip in (_clip_wav(library, key) for key in ["chime", *clips]))
        + 0.200  # after the chime
        + 0.060 * (len(clips) - 1)  # between clips
    )
    assert wav_duration(heard.wavs[0]) == pytest.approx(expected, abs=0.01)
    assert heard.wavs[0] == render_announcement_wav("A001", 3, library)

    # The next call moves the highlight; a recall is announced again.
    second = call_at(other_station, 1, "B")
    qtbot.waitUntil(lambda: board.tile_number(1) == second, timeout=1000)
    assert board.newest_counter == 1 and board._tiles[3].property("highlight") == "off"
    with other_station.write() as session:
        queue.recall(session, OFFICER, 3)
    qtbot.waitUntil(lambda: board.newest_counter == 3, timeout=1000)
    # A recall is shown as one: the tile blinks again, its line moves up marked, no second identical line.
    assert board._tiles[3].property("highlight") in ("on", "dim") and board._blink_timer.isActive()
    assert [row.text() for row in board.history_rows[:3]] == ["A001  →  Quầy 3 (gọi lại)", "B001  →  Quầy 1", ""]
    qtbot.waitUntil(lambda: len(heard.wavs) == 3, timeout=5000)


def _clip_wav(library: ClipLibrary, key: str) -> bytes:
    from devices.voice import to_wav

    return to_wav(library.load(key))


def test_board_shows_waiting_counts_notice_and_earlier_calls(qtbot, seeded_store, tmp_path, heard, vietnamese):
    number = call_at(seeded_store, 2)
    with seeded_store.write() as session:
        for _ in range(3):
            queue.issue(session, Actor("kiosk", "kiosk"), "B")
        center.set_value(session, ADMIN, "queue.notice", "Trung tâm làm việc cả sáng thứ Bảy")
    window = build_display_window(seeded_store, StationSettings(tmp_path), executor=InlineExecutor(), announcer=heard)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.tile_number(2) == number, timeout=1000)  # from the history, not announced
    assert window.newest_counter is None and heard.wavs == []
    assert sorted(window._tiles) == [1, 2, 3, 4]
    assert "3 người đang chờ" in window.waiting_labels["B"].text()
    assert window.notice.text() == "Trung tâm làm việc cả sáng thứ Bảy" and window.notice.isVisible()
    assert window.center_label.text().startswith("Trung tâm Phục vụ hành chính công xã Minh An")
    window.shutdown()
    assert not window.watcher.running


def test_highlight_stops_blinking(qtbot, seeded_store, tmp_path, heard):
    # A real call (the board's status re-reads would clear a tile whose ticket the counter does not serve).
    number = call_at(seeded_store, 4, "C")
    window = build_display_window(
        seeded_store, StationSettings(tmp_path), executor=InlineExecutor(), announcer=heard, highlight_ms=50
    )
    qtbot.addWidget(window)
    window.show()
    window.show_call({"id": 1, "number": number, "counter": 4, "kind": "call", "service": "C", "at": ""})
    assert window._blink_timer.isActive()
    qtbot.waitUntil(lambda: not window._blink_timer.isActive(), timeout=1000)
    assert window._tiles[4].property("highlight") == "on"
    window.shutdown()


def test_watcher_starts_after_the_newest_call(qtbot, seeded_store):
    call_at(seeded_store, 1)
    watcher = CallWatcher(seeded_store, interval_ms=20)
    with qtbot.waitSignal(watcher.history_loaded, timeout=1000) as loaded:
        watcher.start()
    assert [c["number"] for c in loaded.args[0]] == ["A001"]
    with qtbot.waitSignal(watcher.ticket_was_called, timeout=1000) as called:
        call_at(seeded_store, 2, "C")
    assert called.args[0]["number"] == "C001" and called.args[0]["counter"] == 2
    assert watcher.stats()["poll_ms_median"] < 100
    watcher.stop()
    assert not watcher.running


def test_watcher_reports_a_lost_database(qtbot):
    class Unreachable:
        def read(self):
            raise ConnectionError("server closed the connection")

    watcher = CallWatcher(Unreachable(), interval_ms=10)
    with qtbot.waitSignal(watcher.connection_changed, timeout=1000) as changed:
        watcher.start()
    assert changed.args == [False] and watcher.running
    watcher.stop()


def test_clip_dirs_prefer_the_centers_recordings(tmp_path):
    settings = StationSettings(tmp_path)
    assert clip_dirs(settings) == [resource("sounds")]
    (tmp_path / "sounds").mkdir()
    assert clip_dirs(settings) == [tmp_path / "sounds", resource("sounds")]
    settings.set("voice.sounds_dir", str(tmp_path / "own"))
    assert clip_dirs(settings)[0] == tmp_path / "own"


def test_qt_sink_takes_wavs_from_any_thread_and_stays_silent_when_muted(qtbot, library, monkeypatch, caplog):
    from ui.queue.voice import QtWavSink

    monkeypatch.setenv("MOTCUA_MUTE", "1")
    sink = QtWavSink()
    played = []
    sink.played.connect(played.append)
    wav = render_announcement_wav("D105", 4, library)
    worker = threading.Thread(target=sink, args=(wav,), name="voice")
    with caplog.at_level("INFO", logger="ui.queue.voice"):
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: "not played" in caplog.text, timeout=1000)
        assert played == []
        sink(b"not a wav")  # logged, not raised
        qtbot.waitUntil(lambda: "not a WAV file" in caplog.text, timeout=1000)
    sink.close()


def test_a_finished_skipped_or_paused_counter_leaves_its_tile_within_a_second(qtbot, board, other_station):
    a = call_at(other_station, 1)
    b = call_at(other_station, 2)
    c = call_at(other_station, 3)
    qtbot.waitUntil(lambda: [board.tile_number(n) for n in (1, 2, 3)] == [a, b, c], timeout=1000)
    assert board.newest_counter == 3
    with other_station.write() as session:
        queue.done(session, OFFICER, 1)
    qtbot.waitUntil(lambda: board.tile_number(1) == "", timeout=1000)
    with other_station.write() as session:
        queue.skip(session, OFFICER, 3)
    qtbot.waitUntil(lambda: board.tile_number(3) == "", timeout=1000)
    assert board.newest_counter is None and board._tiles[3].property("highlight") == "off"  # nothing to point at
    with other_station.write() as session:
        queue.pause(session, OFFICER, 2, "Nghỉ giữa giờ")
    qtbot.waitUntil(lambda: board._tiles[2].note.text() == "Tạm dừng", timeout=1000)
    assert board.tile_number(2) == ""  # a paused counter shows no number, even with a ticket kept
    with other_station.read() as session:
        counters = {c["number"]: c for c in queue.status(session)["counters"]}
    assert counters[2]["paused"] and counters[2]["current"]["number"] == b
    assert counters[1]["current"] is None and counters[3]["current"] is None
    with other_station.write() as session:
        queue.resume(session, OFFICER, 2)
    qtbot.waitUntil(lambda: board.tile_number(2) == b and board._tiles[2].note.text() == "", timeout=1000)
    # The history still lists what was called.
    assert [row.text() for row in board.history_rows[:3]] == [f"{c}  →  Quầy 3", f"{b}  →  Quầy 2", f"{a}  →  Quầy 1"]


def test_waiting_counts_move_with_the_calls(qtbot, board, other_station):
    board._refresh_timer.stop()  # the counts must not depend on the slow refresh
    with other_station.write() as session:
        for _ in range(3):
            queue.issue(session, Actor("kiosk", "kiosk"), "B")
    qtbot.waitUntil(lambda: board.waiting_counts.get("B") == 3, timeout=1000)
    assert "3 người đang chờ" in board.waiting_labels["B"].text()
    with other_station.write() as session:
        number = queue.call_next(session, OFFICER, 1).number
    qtbot.waitUntil(lambda: board.tile_number(1) == number and board.waiting_counts["B"] == 2, timeout=1000)


def test_history_from_before_the_start_collapses_recalls_and_tiles_follow_the_status(
    qtbot, seeded_store, tmp_path, heard, vietnamese
):
    first = call_at(seeded_store, 1)
    with seeded_store.write() as session:
        queue.recall(session, OFFICER, 1)
    second = call_at(seeded_store, 2)
    with seeded_store.write() as session:
        queue.done(session, OFFICER, 2)
    window = build_display_window(seeded_store, StationSettings(tmp_path), executor=InlineExecutor(), announcer=heard)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.watcher.primed and window.tile_number(1) == first, timeout=1000)
    assert window.tile_number(2) == ""  # called before the start, finished since
    assert [row.text() for row in window.history_rows[:3]] == [f"{second}  →  Quầy 2", f"{first}  →  Quầy 1 (gọi lại)", ""]
    window.shutdown()


def test_the_board_says_when_it_cannot_speak(qtbot, seeded_store, tmp_path, heard, vietnamese, monkeypatch):
    from ui.queue.voice import QtWavSink

    monkeypatch.setenv("MOTCUA_MUTE", "1")
    window = build_display_window(seeded_store, StationSettings(tmp_path), executor=InlineExecutor(), announcer=heard)
    qtbot.addWidget(window)
    window.show()
    assert window.audio_label.isVisible() and "MOTCUA_MUTE" in window.audio_label.text()
    monkeypatch.delenv("MOTCUA_MUTE")
    window.refresh()  # checked again at every refresh: a speaker plugged in or out shows within 2 s
    # This machine's real audio outputs decide (the offscreen test platform has none).
    assert window.audio_label.isVisible() == (not QtWavSink.output_available())
    if window.audio_label.isVisible():
        assert window.audio_label.text() == "Không có đầu ra âm thanh: không đọc số gọi"
    window.shutdown()
