"""The technician's Devices window (offscreen): every device listed with its state, self-tests on the
device's own worker (a pseudo-terminal LED display, a simulated printer out of paper), the live byte log
of a serial device, set-up written to station.toml only after a passing test, switch to simulated and
back, discovery and the diagnostics zip."""

from __future__ import annotations

import tomllib
import zipfile

import pytest

from app.actors import Actor
from app.settings import StationSettings
from devices.serial_frames import PRESETS
from tests.devices.pty_helpers import FarEnd, PtyPort
from ui.devices.texts import device_line, problems_line
from ui.devices.window import DevicesWindow

TECH = Actor("tech", "technician", "Kỹ thuật viên")
SIM = {
    "devices.receipt_printer": "sim://",
    "devices.ticket_printer": "sim://",
    "devices.a4_printer": "sim://",
    "devices.scanner": "sim://",
    "devices.id_reader": "sim:",
    "devices.button_box": "sim:?keys=1:A,2:B",
    "devices.led_display": "sim:",
    "devices.rating_keypad": "sim:?scale=5",
}


@pytest.fixture
def window(qtbot, tmp_path):
    made = []

    def build(**values):
        settings = StationSettings(tmp_path, {**SIM, **values})
        win = DevicesWindow(settings=settings, actor=TECH, watch_hotplug=False)
        qtbot.addWidget(win)
        made.append(win)
        return win

    yield build
    for win in made:
        win.shutdown()


def state(win, name):
    return {row["name"]: row for row in win.rows()}[name]



@pytest.fixture(autouse=True)
def _device_check(monkeypatch):
    monkeypatch.setenv("MOTCUA_DEVICE_CHECK", "1")  # the start-up check is what these tests look at

def test_every_kind_is_listed_with_its_state(qtbot, window):
    win = window()
    qtbot.waitUntil(lambda: all(r["status"] == "ok" for r in win.rows()), timeout=5000)
    assert win.table.rowCount() == 9
    assert {r["kind"] for r in win.rows()} == set(SIM and [k.split(".")[1] for k in SIM]) | {"voice"}
    assert win.select("led_display") and win.selected_name() == "led_display"


def test_led_display_self_test_and_live_byte_log_on_a_pseudo_terminal(qtbot, window, tmp_path):
    port = PtyPort(tmp_path / "ttyLED")
    far = FarEnd(port, PRESETS["stx-xor"])
    try:
        win = window(**{"devices.led_display": f"serial:{port.link}?protocol=stx-xor&addr=2"})
        qtbot.waitUntil(lambda: state(win, "led_display")["status"] == "ok", timeout=5000)
        win.select("led_display")
        qtbot.waitUntil(lambda: "led_display" in win.byte_logs, timeout=3000)
        with qtbot.waitSignal(win.test_finished, timeout=5000) as done:
            win.run_test()
        assert done.args[0]["ok"] and "8888" in done.args[0]["detail"]
        assert far.frames.get(timeout=5).text == "8888"
        qtbot.waitUntil(lambda: "38 38 38 38" in win.byte_view.toPlainText(), timeout=3000)
        line = [ln for ln in win.byte_view.toPlainText().splitlines() if "38 38 38 38" in ln][0]
        assert "→" in line and "|" in line and "8888" in line.split("|", 1)[1]
    finally:
        port.unplug()


def test_button_box_bytes_received_show_in_the_log_and_as_a_key(qtbot, window, tmp_path):
    port = PtyPort(tmp_path / "ttyBOX")
    try:
        win = window(**{"devices.button_box": f"serial:{port.link}?protocol=stx-xor&keys=1:A"})
        qtbot.waitUntil(lambda: state(win, "button_box")["status"] == "ok", timeout=5000)
        win.select("button_box")
        qtbot.waitUntil(lambda: "button_box" in win.byte_logs, timeout=3000)
        port.write(PRESETS["stx-xor"].encode(b"1", 1))
        qtbot.waitUntil(lambda: "←" in win.byte_view.toPlainText(), timeout=3000)
        qtbot.waitUntil(lambda: "1" in win.result_label.text(), timeout=3000)
    finally:
        port.unplug()


def test_a_printer_out_of_paper_fails_its_test_and_shows_the_condition(qtbot, window):
    win = window(**{"devices.ticket_printer": "sim://?fault=paper_out"})
    qtbot.waitUntil(lambda: state(win, "ticket_printer")["status"] in ("ok", "offline"), timeout=5000)
    with qtbot.waitSignal(win.test_finished, timeout=5000) as done:
        win.run_test("ticket_printer")
    assert not done.args[0]["ok"] and done.args[0]["detail"] == "paper out"


def test_scanner_and_voice_self_tests(qtbot, window):
    win = window()
    with qtbot.waitSignal(win.test_finished, timeout=15000) as done:
        win.run_test("scanner")
    assert done.args[0]["ok"] and win.preview is not None and win.preview.width() > 0
    with qtbot.waitSignal(win.test_finished, timeout=5000) as done:
        win.run_test("voice")
    assert done.args[0]["ok"], done.args[0]


def test_setup_is_written_after_a_passing_test_and_not_after_a_failing_one(qtbot, window, tmp_path):
    win = window()
    with qtbot.waitSignal(win.setting_written, timeout=5000):
        win.apply("ticket_printer", "sim://?paper=low", ask=False)
    saved = tomllib.loads((tmp_path / "station.toml").read_text(encoding="utf-8"))
    assert saved["devices"]["ticket_printer"] == "sim://?paper=low"
    qtbot.waitUntil(lambda: state(win, "ticket_printer")["detail"] == "paper low", timeout=3000)
    with qtbot.waitSignal(win.test_finished, timeout=5000):
        win.apply("ticket_printer", "sim://?fault=cover_open", ask=False)
    qtbot.waitUntil(lambda: state(win, "ticket_printer")["url"] == "sim://?paper=low", timeout=3000)
    saved = tomllib.loads((tmp_path / "station.toml").read_text(encoding="utf-8"))
    assert saved["devices"]["ticket_printer"] == "sim://?paper=low"


def test_switch_to_simulated_and_back(qtbot, window, tmp_path):
    port = PtyPort(tmp_path / "ttyKEY")
    real = f"serial:{port.link}?protocol=stx-xor&scale=3"
    try:
        win = window(**{"devices.rating_keypad": real})
        qtbot.waitUntil(lambda: state(win, "rating_keypad")["status"] == "ok", timeout=5000)
        with qtbot.waitSignal(win.setting_written, timeout=5000):
            win.switch_to_simulated("rating_keypad")
        assert state(win, "rating_keypad")["driver"] == "sim"
        assert win.settings.get("devices.rating_keypad") == "sim:"
        with qtbot.waitSignal(win.setting_written, timeout=5000):
            win.switch_back("rating_keypad")
        assert win.settings.get("devices.rating_keypad") == real
        qtbot.waitUntil(lambda: state(win, "rating_keypad")["driver"] == "serial", timeout=3000)
    finally:
        port.unplug()


def test_configure_dialog_rewrites_the_address_from_its_options(qtbot, window):
    win = window()
    dialog = win.configure("led_display", "serial:usb=1a86:7523")
    dialog.protocol.setCurrentText("modbus-crc")
    dialog.addr.setValue(3)
    dialog.baud.setCurrentText("19200")
    assert dialog.url() == "serial:usb=1a86:7523?protocol=modbus-crc&addr=3&baud=19200"
    dialog.reject()


def test_discovery_and_diagnostics_run_off_the_gui_thread(qtbot, window, tmp_path):
    win = window()
    with qtbot.waitSignal(win.discovered, timeout=30000) as found:
        win.discover()
    assert all({"source", "url", "kinds"} <= set(row) for row in found.args[0])
    win.subnet_field.setText("10.0.0.0/16")  # too wide: refused on the spot, nothing probed
    win.discover_button.click()
    assert win.discover_button.isEnabled() and "256" in win.statusBar().currentMessage()
    out = tmp_path / "diag.zip"
    with qtbot.waitSignal(win.diagnostics_written, timeout=10000):
        win.export_diagnostics(str(out))
    with zipfile.ZipFile(out) as zf:
        assert {"devices.json", "settings.json", "versions.json"} <= set(zf.namelist())


def test_the_status_line_names_the_first_problem(qtbot):
    rows = [{"kind": "ticket_printer", "status": "ok", "detail": "paper out"},
            {"kind": "scanner", "status": "offline", "detail": "gone"},
            {"kind": "led_display", "status": "ok", "detail": ""}]
    assert device_line("led_display", "ok", "") == ""
    assert device_line("ticket_printer", "ok", "paper out") == "Ticket printer: out of paper"
    assert problems_line(rows).startswith("Ticket printer: out of paper")
    assert problems_line(rows[2:]) == ""


def test_the_counter_opens_the_devices_window_only_for_device_configure(qtbot, qapp, seeded_store, station_settings, counter_vi,
                                                                        signed_in):
    import dataclasses

    from ui.counter import build_counter_window
    from ui.tasks import InlineExecutor

    station_settings.set("devices.receipt_printer", "sim://?fault=paper_out")
    counter = build_counter_window(seeded_store, station_settings, executor=InlineExecutor(), actor=signed_in)
    qtbot.addWidget(counter)
    try:
        assert counter.devices_action is None and counter.open_devices() is None  # an officer
        qtbot.waitUntil(lambda: counter.device_status.text() != "", timeout=5000)
        assert counter.device_status.text() == "Receipt printer: out of paper"  # (devices catalog not installed)
        counter._actor = dataclasses.replace(counter._actor, role="technician")
        devices = counter.open_devices()
        assert isinstance(devices, DevicesWindow) and devices.isVisible()
        qtbot.waitUntil(lambda: len(devices.rows()) == 9, timeout=5000)
        devices.close()  # WA_DeleteOnClose: the counter forgets it
        qtbot.waitUntil(lambda: counter.devices_window is None, timeout=3000)
    finally:
        counter.shutdown()  # the devices catalog open_devices installed is taken off by tests/ui/conftest.py


def test_motcua_devices_without_an_action_signs_a_technician_in_then_opens_the_window(tmp_path):
    """``motcua devices`` in a process of its own (its event loop is the program's): an officer's sign-in is
    refused (the technician's window needs ``device.configure``), the technician's opens the window in
    Vietnamese, and the program ends with 0 when it closes."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from PySide6.QtCore import Qt, QTimer\n"
        "from PySide6.QtTest import QTest\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.station import application\n"
        "from ui.devices.window import DevicesWindow\n"
        "from ui.security.dialogs import SignInDialog\n"
        "app = application()\n"
        "original = SignInDialog.exec\n"
        "def signing_in(dialog):\n"
        "    def officer():\n"
        "        dialog.user_field.setText('canbo1'); dialog.password_field.setText('demo')\n"
        "        QTest.keyClick(dialog.password_field, Qt.Key.Key_Return)\n"
        "        QTimer.singleShot(1000, technician)\n"
        "    def technician():\n"
        "        print('OFFICER', dialog.isVisible(), dialog.message.text(), flush=True)\n"
        "        dialog.user_field.setText('kythuat'); dialog.password_field.setText('demo')\n"
        "        QTest.keyClick(dialog.password_field, Qt.Key.Key_Return)\n"
        "        QTimer.singleShot(1000, look)\n"
        "    QTimer.singleShot(100, officer)\n"
        "    return original(dialog)\n"
        "SignInDialog.exec = signing_in\n"
        "def look():\n"
        "    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if isinstance(w, DevicesWindow) and w.isVisible()]\n"
        "    print('TITLES', titles, flush=True)\n"
        "    app.quit()\n"
        "from app.cli import main\n"
        "assert main(['demo', 'seed']) == 0\n"
        "sys.exit(main(['devices']))\n"
    )
    # no MOTCUA_USER: a window signs in on screen, not through the command line's user
    env = {k: v for k, v in os.environ.items() if k not in ("MOTCUA_USER", "MOTCUA_PASSWORD")}
    env.update(MOTCUA_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "OFFICER True Tài khoản này không được làm việc này ở đây" in done.stdout  # refused: the dialog stays
    assert "TITLES ['Thiết bị']" in done.stdout


def test_a_wrong_address_fails_its_test_at_once_and_a_test_card_shows_its_fields(qtbot, window):
    win = window(**{"devices.rating_keypad": "serial:/dev/x?protocol=morse"})
    with qtbot.waitSignal(win.test_finished, timeout=3000) as done:
        win.run_test("rating_keypad")
    assert not done.args[0]["ok"] and "morse" in done.args[0]["detail"]
    qtbot.waitUntil(lambda: state(win, "id_reader")["status"] == "ok", timeout=5000)
    assert win.select("id_reader")
    with qtbot.waitSignal(win.test_finished, timeout=5000):
        win.run_test("id_reader")
    qtbot.waitUntil(lambda: "test card" in win.result_label.text(), timeout=3000)
    win.hub.worker("id_reader").device.sim.scan()
    qtbot.waitUntil(lambda: "Nguyễn Văn An" in win.result_label.text(), timeout=3000)
    assert "001090012345" in win.result_label.text() and "15/03/1990" in win.result_label.text()
