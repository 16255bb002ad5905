"""The station bootstrap: one composition root for the counter, the kiosk and the board, and a clean exit
after a long day (the ``bool_dealloc`` crash on Ctrl+Q came from a window outliving the application)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.actors import Actor

ROOT = Path(__file__).resolve().parents[2]
SESSIONS = 3
ROUNDS = 3


def seeded_data_dir(path: Path) -> Path:
    from app.services import demo
    from app.settings import StationSettings
    from app.store.session import Store

    settings = StationSettings(path, {"station.counter": 3, "ui.language": "vi"})
    settings.save()
    store = Store.open(settings.db_url(), migrate=True)
    try:
        with store.write() as session:
            demo.seed(session, Actor("admin", "admin"))
    finally:
        store.close()
    return path


@pytest.mark.parametrize("session", range(SESSIONS))
def test_a_long_session_ends_cleanly_on_ctrl_q(tmp_path, session):
    """A scripted day at the counter through ``motcua counter`` on real threads, then Ctrl+Q; repeated."""
    data_dir = seeded_data_dir(tmp_path / "data")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.long_session", str(data_dir), str(ROUNDS)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert "Fatal Python error" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]
    [line] = [x for x in done.stdout.splitlines() if x.startswith("LEFT ")]
    left = json.loads(line[5:])
    # Nothing of the station outlives it: no window, no worker thread, the interpreter's own hook back.
    assert left == {"top_level_widgets": [], "threads": [], "excepthook_restored": True}
    with __import__("sqlite3").connect(data_dir / "motcua.sqlite3") as db:
        [(returned,)] = db.execute("select count(*) from dossiers where status = 'returned'")
    assert returned == ROUNDS


def test_the_station_builds_everything_once_and_takes_it_down(qtbot, qapp, seeded_store, station_settings, monkeypatch,
                                                              signed_in):
    from ui.counter import open_counter

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    hook_before = sys.excepthook
    before = set(qapp.findChildren(QTranslator))
    window = open_counter(seeded_store, station_settings, actor=signed_in)
    station = window.station
    installed = list(station.translators)
    try:
        # The window's task manager and A4 printer are the station's own.
        assert window.tasks is station.tasks
        assert window.printing.printer() is station.devices.a4_printer
        assert len(set(qapp.findChildren(QTranslator)) - before) >= 2  # main catalog and the queue's
        assert sys.excepthook == station._hook
        # Window titles carry no application name for Qt to append ("Một cửa — Quầy 3 — Một cửa").
        assert QApplication.applicationDisplayName() == QApplication.applicationName() == "motcua"
        assert window.windowTitle() == "Một cửa — Quầy 3"
        assert station.log_tail.lines is not None
    finally:
        window.confirm_close = False
        window.close()
        station.shutdown()
    assert sys.excepthook is hook_before
    assert installed and not any(shiboken6.isValid(t) for t in installed) and station.translators == []
    assert station.window is None and station._tasks is None


@pytest.mark.parametrize("kind", ["kiosk", "display"])
def test_kiosk_and_board_take_their_devices_from_the_station(qtbot, qapp, seeded_store, station_settings, kind, monkeypatch):
    from ui.station import open_station

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    station = open_station(kind, seeded_store, station_settings)
    try:
        if kind == "kiosk":
            from devices.printer import SimulatedPrinter
            from ui.kiosk import build_kiosk_window

            assert isinstance(station.devices.ticket_printer, SimulatedPrinter)
            window = build_kiosk_window(seeded_store, station_settings, printer=station.devices.ticket_printer)
            assert window.printer is station.devices.ticket_printer
        else:
            from ui.display import build_display_window

            assert station.devices.announcer is not None
            window = build_display_window(seeded_store, station_settings, announcer=station.devices.announcer)
            assert window.announcer is station.devices.announcer
        station.window = window
    finally:
        station.shutdown()
    assert station.window is None


LEAK_SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
calls = sys.getrefcount(True) + 5000  # more slot calls than True has references
if sys.argv[1] == "station":
    from ui import qtfix
    qtfix.apply()

class Clock(QObject):
    tick = Signal()

clock = Clock()
clock.tick.connect(lambda: None)
for _ in range(calls):
    clock.tick.emit()
print("survived")
"""


@pytest.mark.parametrize("mode", ["bare", "station"])
def test_slot_calls_never_exhaust_true(qapp, mode):
    """On this binding each slot call drops a reference to True; the station's reserve keeps it alive."""
    from ui import qtfix

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LEAK_SCRIPT, mode], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    if mode == "station":
        assert done.returncode == 0 and "survived" in done.stdout, done.stderr[-2000:]
        assert "Fatal Python error" not in done.stderr
    else:
        leaky = any(qtfix.loss()) and sys.version_info < (3, 12)
        # The probe tells the truth: a leaky binding dies of it, a sound one survives.
        assert ("bool_dealloc" in done.stderr) == leaky, done.stderr[-2000:]
