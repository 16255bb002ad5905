"""Device figures: wedge_detect_ms (a 120-character keyboard-wedge burst recognised), frame_decode_us (one
serial frame out of a byte stream), device_event_ms (a simulated button press to the hub's signal on the
GUI thread), led_show_ms (a number shown on a simulated LED display with ACK, a job on its worker)."""

from __future__ import annotations

import os
import statistics
import time

from bench.util import median_of

BURST = 120


def _burst_text() -> str:
    from devices.id_reader import SAMPLE_CCCD

    name_end = SAMPLE_CCCD.rindex("|")
    text = SAMPLE_CCCD[:name_end] + " " * 200
    return (text[: BURST - 9] + SAMPLE_CCCD[name_end:])[:BURST]


def run() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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

    text = _burst_text()
    assert len(text) == BURST and looks_like_cccd(text)
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

    figures["wedge_detect_ms"] = median_of(burst, repeat=50)
    assert got and all(g == text for g in got) and field.text() == ""
    wedge.uninstall()

    fmt = PRESETS["stx-xor"]
    stream = b"".join(fmt.encode(str(n % 10), 1) for n in range(1000))

    def decode() -> None:
        assert len(FrameDecoder(fmt).feed(stream)) == 1000

    figures["frame_decode_us"] = round(median_of(decode, repeat=20, scale=1e6) / 1000, 3)

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        settings = StationSettings(
            __import__("pathlib").Path(tmp), {"devices.button_box": "sim:", "devices.led_display": "sim:?addr=1&ack=1"}
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
        figures["led_show_ms"] = median_of(lambda: display.call(lambda d: d.show("A012")), repeat=50)
        hub.close()
    return figures


if __name__ == "__main__":
    print(run())
