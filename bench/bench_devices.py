"""Device figures: wedge_detect_ms (a 120-character keyboard-wedge burst recognised), frame_decode_us (one
serial frame out of a byte stream), device_event_ms (a simulated button press to the hub's signal on the
GUI thread), led_show_ms (a number shown on a simulated LED display with ACK, a job on its worker)."""

from __future__ import annotations

import os

BURST = 120


def _burst_text() -> str:
    from devices.id_reader import SAMPLE_CCCD

    name_end = SAMPLE_CCCD.rindex("|")
    text = SAMPLE_CCCD[:name_end] + " " * 200
    return (text[: BURST - 9] + SAMPLE_CCCD[name_end:])[:BURST]


def run() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.benchmarks import device_figures

    text = _burst_text()
    assert len(text) == BURST
    return device_figures(text)

if __name__ == "__main__":
    print(run())
