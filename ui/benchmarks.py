"""Measurements that need Qt, for the benchmarks in bench/ (which import no Qt themselves: the house rule
keeps PySide6 in ui/). Each returns plain figures; see the bench module that calls it for what they mean."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path


def _median_ms(func, *, repeat: int = 50, warmup: int = 3) -> float:
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples) * 1000, 3)


def watch_counter_states(path: str, counter: int, *, start, ready, alive, limit_ms: int) -> list[tuple[float, tuple]]:
    """Run the board's :class:`CallWatcher` on the SQLite file ``path`` while another process (started by
    ``start()``, told to begin by ``ready()``) changes the queue; (wall time, (current number, paused)) of
    ``counter`` each time the watcher emitted a status, until ``alive()`` is False (plus 1.5 s) or ``limit_ms``."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.store.session import Store
    from ui.queue.watcher import CallWatcher

    store = Store.open(path, migrate=False)
    # A QApplication (not only a core one): the benchmarks that follow in this process build widgets.
    app = QApplication.instance() or QApplication([])  # noqa: F841 - the watcher's signals need one
    seen: list[tuple[float, tuple]] = []
    loop = QEventLoop()
    watcher = CallWatcher(store, history=0)

    def changed(status: dict) -> None:
        me = next(c for c in status["counters"] if c["number"] == counter)
        seen.append((time.time(), (me["current"]["number"] if me["current"] else None, me["paused"])))

    watcher.queue_changed.connect(changed)
    watcher.history_loaded.connect(lambda _recent: ready())
    start()
    watcher.start()
    QTimer.singleShot(limit_ms, loop.quit)
    timer = QTimer(interval=100)
    timer.timeout.connect(lambda: None if alive() else QTimer.singleShot(1500, loop.quit))
    timer.start()
    loop.exec()
    watcher.stop()
    store.close()
    return seen


def device_figures(text: str) -> dict[str, float]:
    """wedge_detect_ms, frame_decode_us, device_event_ms, led_show_ms (see bench/bench_devices.py); GUI thread."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    from app.cccd import looks_like_cccd
    from app.settings import StationSettings
    from devices.serial_frames import PRESETS, FrameDecoder
    from ui.device_hub import DeviceHub
    from ui.wedge import WedgeFilter

    app = QApplication.instance() or QApplication([])
    figures: dict[str, float] = {}

    assert looks_like_cccd(text)
    field = QLineEdit()
    wedge = WedgeFilter(accept=looks_like_cccd).install(app)
    got: list[str] = []
    wedge.scanned.connect(got.append)
    clock = [0]

    def burst() -> None:
        for char in text + "\r":
            clock[0] += 5
            code = Qt.Key.Key_Return if char == "\r" else Qt.Key.Key_unknown
            event = QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(clock[0])
            QCoreApplication.sendEvent(field, event)
        clock[0] += 1000

    figures["wedge_detect_ms"] = _median_ms(burst, repeat=50)
    assert got and all(g == text for g in got) and field.text() == ""
    wedge.uninstall()

    fmt = PRESETS["stx-xor"]
    stream = b"".join(fmt.encode(str(n % 10), 1) for n in range(1000))

    def decode() -> None:
        assert len(FrameDecoder(fmt).feed(stream)) == 1000

    figures["frame_decode_us"] = _median_ms(decode, repeat=20)  # ms for 1,000 frames = µs per frame

    with tempfile.TemporaryDirectory() as tmp:
        settings = StationSettings(
            Path(tmp), {"devices.button_box": "sim:", "devices.led_display": "sim:?addr=1&ack=1"}
        )
        hub = DeviceHub.from_settings(settings, kinds=("button_box", "led_display")).start()
        box = hub.worker("button_box").device
        loop = QEventLoop()
        arrived: list[float] = []

        def on_ticket(_service: str, _key: str) -> None:
            arrived.append(time.perf_counter())
            loop.quit()

        hub.ticket_requested.connect(on_ticket)
        while box.status != "ok":
            app.processEvents()
            time.sleep(0.01)
        samples = []
        for n in range(60):
            started = time.perf_counter()
            box.sim.press(str(n % 10))
            QTimer.singleShot(2000, loop.quit)
            loop.exec()
            samples.append(arrived[-1] - started)
        figures["device_event_ms"] = round(statistics.median(samples[10:]) * 1000, 3)
        display = hub.worker("led_display")
        figures["led_show_ms"] = _median_ms(lambda: display.call(lambda d: d.show("A012")), repeat=50)
        hub.close()
    return figures

