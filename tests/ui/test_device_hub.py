"""The device hub: device events from worker threads as signals on the GUI thread; DeviceOp on a device's
own worker; ratings stored through the store thread; the wedge through the same CCCD path."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QThread

from app.actors import Actor
from app.cccd import CccdData
from app.services import queue, ratings
from app.settings import StationSettings
from devices.base import DeviceError
from devices.id_reader import SAMPLE_CCCD
from ui.device_hub import DeviceHub, record_ratings
from ui.tasks import DeviceOp, InlineExecutor, TaskManager
from tests.ui.test_wedge import SCANNER_MS, type_text

SIM = {
    "devices.button_box": "sim:?keys=1:A,2:B",
    "devices.rating_keypad": "sim:?scale=5",
    "devices.led_display": "sim:?addr=3&ack=1",
    "devices.id_reader": "sim:",
    "devices.ticket_printer": "sim://",
    "devices.scanner": "",
    "devices.a4_printer": "",
    "devices.receipt_printer": "",
}


@pytest.fixture
def hub(qtbot, tmp_path):
    made = []

    def build(values=SIM, **kw):
        settings = StationSettings(tmp_path, dict(values))
        hub = DeviceHub.from_settings(settings, **kw)
        made.append(hub)
        connected = set()
        hub.device_did_connect.connect(connected.add)
        hub.start()
        expected = {w.name for w in hub.runtime.workers() if w.device.status != "error"}
        qtbot.waitUntil(lambda: connected >= expected, timeout=5000)
        return hub

    yield build
    for hub in made:
        hub.close()


def test_box_keypad_and_reader_events_arrive_as_signals_on_the_gui_thread(qtbot, hub):
    h = hub()
    box, pad, reader = (h.worker(n).device for n in ("button_box", "rating_keypad", "id_reader"))
    on_gui = []
    h.ticket_requested.connect(lambda *a: on_gui.append(QThread.currentThread() is h.thread()))
    with qtbot.waitSignal(h.ticket_requested, timeout=5000) as ticket:
        box.sim.press("2")
    assert ticket.args == ["B", "2"]
    assert on_gui == [True]
    with qtbot.waitSignal(h.rating_given, timeout=5000) as rating:
        pad.sim.press("4")
    assert rating.args == [4, 5, "rating_keypad"]
    with qtbot.waitSignal(h.id_card_read, timeout=5000) as card:
        reader.sim.scan()
    data, source = card.args
    assert isinstance(data, CccdData) and data.id_number == "001090012345" and source == "id_reader"
    with qtbot.waitSignal(h.id_card_rejected, timeout=5000) as rejected:
        reader.sim.scan("001090012345|not a card")
    assert rejected.args[1] == "id_reader"
    assert "001090012345" not in rejected.args[0]  # the reason never repeats the card's content


def test_the_display_shows_the_called_number_and_comes_back_after_an_unplug(qtbot, hub):
    h = hub()
    display = h.worker("led_display").device
    assert h.show_number("A012").result(5) == "A012"
    assert display.sim.showing == "A012"
    with qtbot.waitSignal(h.device_did_disconnect, timeout=5000) as gone:
        display.sim.link.unplug()
        h.show_number("A013")  # fails: logged, the officer is not held up
    assert gone.args[0] == "led_display"
    with qtbot.waitSignal(h.device_did_connect, timeout=5000) as back:
        display.sim.link.plug()
        h.show_number("A014")  # a job makes it try at once
    assert back.args == ["led_display"]
    qtbot.waitUntil(lambda: display.sim.showing == "A014", timeout=5000)
    rows = {r["name"]: r for r in h.statuses()}
    assert rows["led_display"]["status"] == "ok" and rows["led_display"]["driver"] == "sim"


def test_device_op_runs_on_the_device_worker_and_reports_on_the_gui_thread(qtbot, hub, sqlite_store):
    h = hub()
    tasks = TaskManager(sqlite_store, executor=InlineExecutor())
    printer = h.worker("ticket_printer")
    seen = []

    def job(device):
        seen.append(printer.on_this_thread())
        device.send(b"ticket")
        return "printed"

    results, failures = [], []
    DeviceOp(parent=None, tasks=tasks, op=job, device=printer).success(results.append).run_in_background()
    qtbot.waitUntil(lambda: results == ["printed"], timeout=5000)
    assert seen == [True] and printer.device.printer.jobs == [b"ticket"]

    printer.device.printer.set_fault("paper_out")
    DeviceOp(parent=None, tasks=tasks, op=lambda d: d.send(b"x"), device=printer).failure(failures.append).run_in_background()
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=5000)
    assert isinstance(failures[0], DeviceError) and failures[0].kind == "paper_out"
    assert tasks.idle
    tasks.shutdown()


def test_a_missing_or_misconfigured_device(qtbot, hub):
    h = hub({**SIM, "devices.button_box": "serial:/dev/x?colour=red"})
    rows = {r["name"]: r for r in h.statuses()}
    assert rows["button_box"]["status"] == "error" and "colour" in rows["button_box"]["detail"]
    with pytest.raises(DeviceError):
        h.submit("scanner", lambda d: None).result(1)


def test_the_wedge_goes_through_the_same_card_path(qtbot, hub, qapp):
    from PySide6.QtWidgets import QLineEdit

    h = hub({"devices.id_reader": "wedge:?gap_ms=30&min_length=40"}, kinds=("id_reader",))
    assert h.wedge is not None and (h.wedge.max_gap_ms, h.wedge.min_length) == (30, 40)
    field = QLineEdit()
    qtbot.addWidget(field)
    with qtbot.waitSignal(h.id_card_read, timeout=5000) as card:
        type_text(field, SAMPLE_CCCD + "\r", every_ms=SCANNER_MS)
    assert card.args[1] == "wedge" and card.args[0].full_name == "Nguyễn Văn An"
    assert field.text() == ""
    assert {r["driver"] for r in h.statuses()} == {"wedge"}


def test_keypad_ratings_are_stored_with_the_counters_ticket(qtbot, hub, seeded_store):
    now = datetime.now(timezone.utc)
    officer = Actor("canbo1", "officer", counter=1)
    with seeded_store.write() as s:
        queue.issue(s, Actor("kiosk", "kiosk"), "A", now=now)
        number = queue.call_next(s, officer, 1, now=now).number
    h = hub()
    tasks = TaskManager(seeded_store, executor=InlineExecutor())
    changes = []
    tasks.changes_applied.connect(lambda c, _i: changes.append(c))
    record_ratings(h, tasks, counter=1)
    h.worker("rating_keypad").device.sim.press("2")
    qtbot.waitUntil(lambda: changes == [{"ratings": [1]}], timeout=5000)
    with seeded_store.read() as s:
        rows = ratings.ratings_between(s, now.replace(hour=0, minute=0), now.replace(hour=23, minute=59))
    assert [(r["ticket"], r["score"], r["scale"], r["officer"], r["source"]) for r in rows] == [
        (number, 2, 5, "canbo1", "rating_keypad")
    ]
    tasks.shutdown()



def test_a_day_of_device_events_does_not_wear_out_none_or_true(qtbot, hub):
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None per void call and to True per emit
    (ui/qtfix.py); a day of key presses must not abort the station."""
    import sys

    from ui import qtfix

    h = hub({"devices.button_box": "sim:"}, kinds=("button_box",))
    box = h.worker("button_box").device
    got = []
    h.ticket_requested.connect(lambda service, key: got.append(key))
    floor = 1 << 30
    for n in range(300):
        box.sim.press(str(n % 10))
    qtbot.waitUntil(lambda: len(got) == 300, timeout=20000)
    if qtfix.apply():
        assert sys.getrefcount(None) > floor and sys.getrefcount(True) > floor
    assert sys.getrefcount(True) > 0
