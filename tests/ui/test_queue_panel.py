"""The counter's queue panel: F2/F3/F4, transfer, done, pause (journey 3)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import func, select

from app.actors import Actor
from app.services import queue
from app.store.models import Counter, QueueCall, Ticket
from app.store.session import Store
from ui.queue import install_all_translators
from ui.queue.panel import QueuePanel
from ui.tasks import InlineExecutor, TaskManager

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "motcua_queue_vi.ts"
QM = ROOT / "resources" / "i18n" / "motcua_queue_vi.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%\d+|%n")
OFFICER = Actor("canbo1", "officer", "Nguyễn Thị Lan", counter=1)
KIOSK = Actor("kiosk", "kiosk")


@pytest.fixture
def vietnamese(qapp):
    install_all_translators(qapp, "vi")
    yield  # the catalogs are taken off again by tests/ui/conftest.py


@pytest.fixture
def panel_window(qtbot, seeded_store, vietnamese):
    """A stand-in for the counter window: a text field (the intake form) and the queue panel."""
    host = QWidget()
    host.tasks = TaskManager(seeded_store, executor=InlineExecutor(), parent=host)
    host.field = QLineEdit(host)
    host.panel = QueuePanel(store=seeded_store, counter_number=1, actor=OFFICER, tasks=host.tasks, parent=host)
    layout = QVBoxLayout(host)
    layout.addWidget(host.field)
    layout.addWidget(host.panel)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitActive(host)
    host.field.setFocus()
    yield host
    host.panel.shutdown()


def issue(store: Store, *services: str, priority: str | None = None) -> None:
    with store.write() as session:
        for service in services:
            queue.issue(session, KIOSK, service, priority=priority)


def ticket(store: Store, number: str) -> Ticket:
    with store.read() as session:
        return session.scalar(select(Ticket).where(Ticket.number == number))


def counter_row(store: Store, number: int = 1) -> Counter:
    with store.read() as session:
        return session.get(Counter, number)


def calls(store: Store, number: str) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(QueueCall.kind).where(QueueCall.number == number).order_by(QueueCall.id)))


def test_f2_f3_f4_with_the_focus_in_the_intake_form(qtbot, panel_window, seeded_store):
    panel = panel_window.panel
    issue(seeded_store, "A", "A", "B")
    with qtbot.waitSignal(panel.ticket_called) as called:
        qtbot.keyClick(panel_window.field, Qt.Key.Key_F2)
    assert called.args == ["A001"]
    t = ticket(seeded_store, "A001")
    assert (t.status, t.counter) == ("serving", 1)
    assert counter_row(seeded_store).current_ticket_id == t.id
    assert panel.current_label.text() == "A001" and "Hộ tịch" in panel.current_detail.text()
    assert panel.message.text() == "Đã gọi A001"

    qtbot.keyClick(panel_window.field, Qt.Key.Key_F3)
    assert calls(seeded_store, "A001") == ["call", "recall"]
    assert "đã gọi 2 lần" in panel.current_detail.text()

    qtbot.keyClick(panel_window.field, Qt.Key.Key_F4)
    assert ticket(seeded_store, "A001").status == "skipped"
    assert panel.current_number is None and counter_row(seeded_store).current_ticket_id is None
    assert not panel.skip_button.isEnabled() and not panel.recall_button.isEnabled()

    # F2 again calls the next one; F2 once more finishes it and calls the next.
    qtbot.keyClick(panel_window.field, Qt.Key.Key_F2)
    assert panel.current_number == "A002"
    qtbot.keyClick(panel_window.field, Qt.Key.Key_F2)
    assert ticket(seeded_store, "A002").status == "done" and panel.current_number == "B001"
    # Nobody waiting: F2 keeps B001 (finishing is "Xong") and says so plainly.
    qtbot.keyClick(panel_window.field, Qt.Key.Key_F2)
    assert panel.current_number == "B001" and ticket(seeded_store, "B001").status == "serving"
    assert counter_row(seeded_store).current_ticket_id == ticket(seeded_store, "B001").id
    assert panel.message.text() == "Không còn ai đang chờ. Vẫn đang phục vụ số B001 tại quầy"
    assert panel.message.property("warn") == "yes"
    assert panel.done_button.isEnabled()


def test_done_and_link_dossier(qtbot, panel_window, seeded_store):
    panel = panel_window.panel
    issue(seeded_store, "C")
    panel.call_next()
    panel.link_dossier("000.31.12.H56-260504-0001")
    assert ticket(seeded_store, "C001").dossier_codes == ["000.31.12.H56-260504-0001"]
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    t = ticket(seeded_store, "C001")
    assert t.status == "done" and t.finished_at is not None
    assert panel.current_label.text() == "—" and panel.message.text() == "Đã xong C001"
    panel.link_dossier("X")  # no ticket being served: nothing to record, no error


def test_transfer_dialog_to_a_service_and_to_a_counter(qtbot, panel_window, seeded_store):
    panel = panel_window.panel
    issue(seeded_store, "A", "A")
    panel.call_next()
    dialog = panel.open_transfer_dialog()
    assert dialog.isVisible()
    assert [dialog.service_box.itemData(i) for i in range(dialog.service_box.count())] == ["B", "C", "D"]
    assert [dialog.counter_box.itemData(i) for i in range(dialog.counter_box.count())] == [2, 3, 4]
    dialog.service_box.setCurrentIndex(dialog.service_box.findData("D"))  # only counter 4 serves D
    dialog.accept()
    t = ticket(seeded_store, "A001")
    assert (t.number, t.service_code, t.status, t.counter) == ("A001", "D", "waiting", None)
    assert panel.current_number is None and panel.message.text() == "Đã chuyển A001"

    panel.call_next()
    assert panel.current_number == "A002"
    dialog = panel.open_transfer_dialog()
    dialog.to_counter.setChecked(True)
    assert dialog.counter_box.isEnabled() and not dialog.service_box.isEnabled()
    dialog.counter_box.setCurrentIndex(dialog.counter_box.findData(3))
    dialog.accept()
    assert ticket(seeded_store, "A002").target_counter == 3
    with seeded_store.write() as session:
        assert queue.call_next(session, Actor("canbo3", "officer"), 3).number == "A002"


def test_pause_with_reason_and_resume(qtbot, panel_window, seeded_store):
    panel = panel_window.panel
    dialog = panel.open_pause_dialog()
    dialog.reason_box.setEditText("")
    assert not dialog.ok_button.isEnabled()
    dialog.reason_box.setEditText("Họp giao ban")
    dialog.accept()
    row = counter_row(seeded_store)
    assert row.paused and row.pause_reason == "Họp giao ban"
    assert panel.counter_state.text() == "Tạm dừng: Họp giao ban"
    assert panel.pause_button.text() == "Tiếp tục"
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert not counter_row(seeded_store).paused
    assert panel.pause_button.text() == "Tạm dừng…" and panel.counter_state.text() == "Đang tiếp nhận"


def test_requeue_a_skipped_ticket(qtbot, panel_window, seeded_store):
    panel = panel_window.panel
    issue(seeded_store, "B", "B")
    panel.call_next()
    panel.skip()
    dialog = panel.open_requeue_dialog()
    dialog.setTextValue("b001")
    dialog.accept()
    assert ticket(seeded_store, "B001").status == "waiting"
    panel.call_next()
    assert panel.current_number == "B001"  # back in its place, ahead of B002


def test_waiting_counts_follow_other_stations(qtbot, panel_window, seeded_store):
    panel = panel_window.panel
    assert "A Hộ tịch: 0" in panel.waiting_list.text()
    assert "D " not in panel.waiting_list.text()  # counter 1 does not serve D
    panel._refresh_timer.setInterval(20)
    issue(seeded_store, "A", "A")
    issue(seeded_store, "A", priority="elderly")
    qtbot.waitUntil(lambda: "A Hộ tịch: 3 (1 ưu tiên)" in panel.waiting_list.text(), timeout=2000)
    with seeded_store.read() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 3


def test_actions_without_a_ticket_do_nothing(panel_window, seeded_store):
    panel = panel_window.panel
    panel.recall()
    panel.skip()
    panel.done()
    assert panel.open_transfer_dialog() is None
    with seeded_store.read() as session:
        assert session.scalar(select(func.count()).select_from(QueueCall)) == 0


# --- the queue room's Vietnamese catalog (resources/i18n/motcua_queue_vi.ts) ---------------------------


def _messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            node = message.find("translation")
            forms = node.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [node.text or ""]
            yield context.findtext("name"), message.findtext("source"), node.get("type"), texts


def test_queue_catalog_is_complete_and_keeps_placeholders():
    problems = []
    for context, source, kind, texts in _messages(TS):
        if kind in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            problems.append(f"untranslated {context}: {source!r}")
        for text in texts:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"placeholders {context}: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_queue_catalog_holds_every_string_and_its_qm_is_fresh(tmp_path):
    sources = sorted(str(p) for d in ("kiosk", "display", "queue") for p in (ROOT / "ui" / d).glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    known = {(c, s) for c, s, _k, _t in _messages(TS)}
    missing = sorted({(c, s) for c, s, _k, _t in _messages(fresh)} - known)
    assert not missing, "run pyside6-lupdate on ui/kiosk ui/display ui/queue and translate:\n" + "\n".join(map(str, missing))
    built = tmp_path / "motcua_queue_vi.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "the .qm is stale: run pyside6-lrelease on motcua_queue_vi.ts"


# --- the board and the panel agree with the queue's status at every moment (issue 8) -----------------


def _expected(status: dict) -> dict:
    counters = {}
    for c in status["counters"]:
        number = c["current"]["number"] if c["current"] else None
        counters[c["number"]] = {"number": None if c["paused"] else number, "paused": c["paused"]}
    return {"counters": counters, "waiting": {s["code"]: s["waiting"] for s in status["services"]}}


def _status(store: Store) -> dict:
    """``motcua queue status`` as the service gives it (read once after each step: nobody else changes it)."""
    with store.read() as session:
        return queue.status(session)


def _agree(status: dict, board, panel) -> bool:
    expected = _expected(status)
    if board.shown_state() != expected:
        return False
    me = next(c for c in status["counters"] if c["number"] == panel.counter_number)
    state = panel.state or {}
    return (
        panel.current_number == (me["current"]["number"] if me["current"] else None)
        and panel.paused == me["paused"]
        and {s["code"]: s["waiting"] for s in state.get("services", [])} == expected["waiting"]
        and panel.current_label.text() == (me["current"]["number"] if me["current"] else "—")
    )


def test_board_and_panel_follow_a_scripted_session(qtbot, panel_window, seeded_store, tmp_path):
    from app.settings import StationSettings
    from devices.voice import Announcer, ClipLibrary
    from app.resources import resource
    from ui.display import build_display_window

    panel = panel_window.panel
    panel._refresh_timer.stop()  # only the change feed may keep the panel up to date
    announcer = Announcer(ClipLibrary([resource("sounds")]), lambda wav: None, wait_for_playback=False)
    board = build_display_window(seeded_store, StationSettings(tmp_path), executor=InlineExecutor(), announcer=announcer)
    qtbot.addWidget(board)
    board._refresh_timer.stop()
    board.resize(1280, 720)
    board.show()
    other = Store.open(seeded_store.engine.url.database, migrate=False)  # another station's process
    officer2, officer3 = Actor("canbo2", "officer"), Actor("canbo3", "officer")

    def elsewhere(fn):
        with other.write() as session:
            return fn(session)

    steps = [
        ("kiosk issues", lambda: elsewhere(lambda s: [queue.issue(s, KIOSK, c) for c in "AAABBC"])),
        ("priority ticket", lambda: elsewhere(lambda s: queue.issue(s, KIOSK, "A", priority="elderly"))),
        ("panel F2", panel.call_next),
        ("counter 2 calls", lambda: elsewhere(lambda s: queue.call_next(s, officer2, 2))),
        ("panel recalls", panel.recall),
        ("counter 2 skips", lambda: elsewhere(lambda s: queue.skip(s, officer2, 2))),
        ("panel transfers to counter 3", lambda: panel.transfer(to_counter=3)),
        ("counter 3 calls the transferred ticket", lambda: elsewhere(lambda s: queue.call_next(s, officer3, 3))),
        ("panel pauses", lambda: panel.pause("Nghỉ giữa giờ")),
        ("counter 2 brings back its skipped ticket", lambda: elsewhere(lambda s: queue.requeue(s, officer2, "A001"))),
        ("counter 2 pauses", lambda: elsewhere(lambda s: queue.pause(s, officer2, 2, "Họp"))),
        ("panel resumes", panel.resume),
        ("panel F2", panel.call_next),
        ("counter 3 is done", lambda: elsewhere(lambda s: queue.done(s, officer3, 3))),
        ("counter 3 transfers nothing, calls", lambda: elsewhere(lambda s: queue.call_next(s, officer3, 3))),
        ("counter 3 sends its ticket to service D", lambda: elsewhere(lambda s: queue.transfer(s, officer3, 3, to_service="D"))),
        ("counter 2 resumes", lambda: elsewhere(lambda s: queue.resume(s, officer2, 2))),
        ("panel done", panel.done),
    ]
    # Then the rest of the queue is served until nobody waits for counter 1, and F2 once more keeps it.
    def settle(what: str) -> None:
        status = _status(seeded_store)
        try:
            qtbot.waitUntil(lambda: _agree(status, board, panel), timeout=1000)
        except Exception:
            raise AssertionError(f"after {what}: board {board.shown_state()}, panel {panel.state}, "
                                 f"status {_expected(status)}") from None

    try:
        qtbot.waitUntil(lambda: board.watcher.primed, timeout=1000)
        settle("the start")
        for name, step in steps:
            step()
            settle(repr(name))
        for _ in range(10):
            panel.call_next()
            settle("F2 at the end of the day")
            if panel.message.property("warn") == "yes":
                break
        kept = panel.current_number
        assert kept is not None and "Không còn ai đang chờ" in panel.message.text()
        panel.call_next()
        settle("F2 with nobody waiting")
        assert panel.current_number == kept and board.tile_number(1) == kept
    finally:
        board.shutdown()
        announcer.close()
        other.close()
