"""The kiosk: a citizen takes a ticket (journey 2), the printer fails, a dossier is looked up (journey 7)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from app.actors import Actor
from app.services import dossiers
from app.services.dossiers import ActionInput, parse_intake
from app.settings import StationSettings
from app.store.models import Ticket
from app.workcal import VN_TZ
from devices.printer import SimulatedPrinter
from ui.kiosk import build_kiosk_window
from ui.kiosk.window import candidate_codes
from ui.queue import install_all_translators
from ui.tasks import InlineExecutor

ESC_AT = b"\x1b@"
CUT = (b"\x1dVA", b"\x1dVB")  # GS V m n: full or partial cut after feeding n dots


@pytest.fixture
def vietnamese(qapp):
    install_all_translators(qapp, "vi")
    yield  # the catalogs are taken off again by tests/ui/conftest.py


@pytest.fixture
def settings(tmp_path):
    return StationSettings(tmp_path)


def make_kiosk(qtbot, store, settings, printer):
    window = build_kiosk_window(store, settings, printer=printer, executor=InlineExecutor())
    qtbot.addWidget(window)
    window.resize(1280, 1024)
    window.show()
    return window


def button(window, text: str) -> QPushButton:
    """The visible button whose label has ``text`` (what a finger would touch)."""
    found = [b for b in window.findChildren(QPushButton) if text in b.text() and b.isVisible()]
    assert len(found) == 1, f"{text!r}: {[b.text() for b in found]}"
    return found[0]


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tickets(store) -> list[Ticket]:
    with store.read() as session:
        return list(session.scalars(select(Ticket).order_by(Ticket.id)))


def test_elderly_citizen_takes_a_ticket(qtbot, seeded_store, settings, vietnamese):
    printer = SimulatedPrinter()
    kiosk = make_kiosk(qtbot, seeded_store, settings, printer)
    tap(qtbot, button(kiosk, "Hộ tịch"))
    assert kiosk.stack.currentIndex() == kiosk.PAGE_PRIORITY
    tap(qtbot, button(kiosk, "Người cao tuổi"))
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000) as printed:
        tap(qtbot, button(kiosk, "In vé"))
    assert printed.args == ["A001"]

    [ticket] = tickets(seeded_store)
    assert (ticket.number, ticket.service_code, ticket.priority_group, ticket.status) == ("A001", "A", "elderly", "waiting")
    [job] = printer.jobs
    assert job.startswith(ESC_AT)
    assert job[-4:-1] in CUT
    assert kiosk.stack.currentIndex() == kiosk.PAGE_TICKET
    assert kiosk.number_label.text() == "A001"
    assert kiosk.ahead_label.text() == "Không có ai đang chờ trước bạn"
    assert kiosk.ticket_priority.text() == "Ưu tiên: Người cao tuổi" and kiosk.ticket_priority.isVisible()
    assert kiosk.wait_label.text() == "Bạn sẽ được gọi ngay"
    assert kiosk.print_status.text() == "Mời bạn nhận vé"
    assert kiosk.ticket_doc(kiosk.last_ticket).priority_label == "Ưu tiên: Người cao tuổi"  # printed too

    # The next citizen sees one person ahead; the screen goes back to the start by itself.
    kiosk._home_timer.setInterval(10)
    qtbot.waitUntil(lambda: kiosk.stack.currentIndex() == kiosk.PAGE_SERVICES, timeout=5000)
    tap(qtbot, button(kiosk, "Hộ tịch"))
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000):
        tap(qtbot, button(kiosk, "In vé"))
    assert kiosk.number_label.text() == "A002"
    assert kiosk.ahead_label.text() == "Có 1 người đang chờ trước bạn"
    assert not kiosk.ticket_priority.isVisible()
    # The queue's own estimate: 1 ahead × 5 min (no ticket served yet today) ÷ 4 counters serving A.
    assert kiosk.last_ticket["estimated_wait_minutes"] == 1.2
    assert kiosk.wait_label.text() == "Thời gian chờ dự kiến: khoảng 1 phút"
    assert tickets(seeded_store)[1].priority_group is None


def test_ticket_doc_carries_center_priority_and_qr(qtbot, seeded_store, settings, vietnamese):
    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter())
    with qtbot.waitSignal(kiosk.ticket_issued) as issued:
        kiosk.issue("B", "pregnant")
    doc = kiosk.ticket_doc(issued.args[0])
    assert doc.number == "B001" and doc.service_name == "Chứng thực"
    assert doc.center_name.startswith("Trung tâm Phục vụ hành chính công xã Minh An")
    assert doc.priority_label == "Ưu tiên: Phụ nữ mang thai"
    assert doc.qr_text == f"B001|{issued.args[0]['day']}"  # the same QR as `motcua print ticket`
    assert doc.estimated_wait_minutes == issued.args[0]["estimated_wait_minutes"]


def test_paper_out_keeps_the_ticket_and_says_so(qtbot, seeded_store, settings, vietnamese):
    printer = SimulatedPrinter(fail="paper_out")
    kiosk = make_kiosk(qtbot, seeded_store, settings, printer)
    tap(qtbot, button(kiosk, "Hộ tịch"))
    with qtbot.waitSignal(kiosk.print_failed, timeout=5000) as failed:
        tap(qtbot, button(kiosk, "In vé"))
    message = "Máy in vé đang hết giấy — vui lòng ghi nhớ số của bạn"
    assert failed.args == ["A001", message]
    assert kiosk.print_status.text() == message and kiosk.print_status.isVisible()
    assert kiosk.number_label.text() == "A001"
    assert [(t.number, t.status) for t in tickets(seeded_store)] == [("A001", "waiting")]
    assert printer.jobs == []

    printer.set_fault("offline")
    with qtbot.waitSignal(kiosk.print_failed, timeout=5000) as failed:
        kiosk.issue("A")
    assert failed.args[1] == "Máy in vé đang không hoạt động — vui lòng ghi nhớ số của bạn"
    assert len(tickets(seeded_store)) == 2


def test_button_box_letter_and_enter_issue_a_ticket(qtbot, seeded_store, settings, vietnamese):
    printer = SimulatedPrinter()
    kiosk = make_kiosk(qtbot, seeded_store, settings, printer)
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000):
        qtbot.keyClick(kiosk, Qt.Key.Key_C)
        qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000):
        qtbot.keyClick(kiosk, Qt.Key.Key_B)
        qtbot.keyClick(kiosk, Qt.Key.Key_Enter)
    assert [(t.number, t.priority_group) for t in tickets(seeded_store)] == [("C001", None), ("B001", None)]
    assert len(printer.jobs) == 2
    qtbot.keyClick(kiosk, Qt.Key.Key_Z)  # no such service: nothing happens
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    assert len(tickets(seeded_store)) == 2


def test_dossier_look_up_in_plain_words(qtbot, seeded_store, settings, vietnamese):
    officer = Actor("canbo1", "officer")
    received_at = datetime(2026, 5, 4, 9, 0, tzinfo=VN_TZ)
    with seeded_store.write() as session:
        data = {
            "procedure_code": "1.004837",
            "applicant": {"full_name": "Nguyễn Thị Lan", "id_number": "001058012345"},
            "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
        }
        dossier = dossiers.receive(session, officer, parse_intake(data), now=received_at)
        code = dossier.code
        dossiers.act(session, officer, code, "transfer", ActionInput(department="Phòng Văn hóa - Xã hội"),
                     now=datetime(2026, 5, 4, 10, 0, tzinfo=VN_TZ))
    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter())
    tap(qtbot, button(kiosk, "Tra cứu hồ sơ"))
    assert kiosk.stack.currentIndex() == kiosk.PAGE_LOOKUP
    qtbot.keyClicks(kiosk.lookup_field, code)  # the scanner types the code, then Enter
    qtbot.keyClick(kiosk.lookup_field, Qt.Key.Key_Return)
    text = kiosk.lookup_result.text()
    assert text.startswith("Hồ sơ của bạn đang được xử lý tại Phòng Văn hóa - Xã hội, hẹn trả 07/05/2026")
    assert "processing" not in text and "4" not in text.replace("2026", "")  # no status codes
    assert kiosk.lookup_procedure.text()

    kiosk.lookup_field.setText("https://dichvucong.example/tra-cuu?ma=KHONG-CO")
    qtbot.keyClick(kiosk.lookup_field, Qt.Key.Key_Return)
    assert kiosk.lookup_result.text().startswith("Không tìm thấy hồ sơ")

    kiosk.lookup_field.setText(f"https://dichvucong.example/tra-cuu?ma={code}")
    qtbot.keyClick(kiosk.lookup_field, Qt.Key.Key_Return)
    assert "Phòng Văn hóa - Xã hội" in kiosk.lookup_result.text()

    with seeded_store.write() as session:
        dossiers.act(session, officer, code, "finish", ActionInput(), now=datetime(2026, 5, 6, 9, 0, tzinfo=VN_TZ))
    qtbot.keyClick(kiosk.lookup_field, Qt.Key.Key_Return)
    assert kiosk.lookup_result.text() == "Hồ sơ của bạn đã có kết quả. Mời bạn đến quầy trả kết quả để nhận"


def test_candidate_codes():
    assert candidate_codes(" 000.31.12.H56-260504-0001 ") == ["000.31.12.H56-260504-0001"]
    assert candidate_codes("https://x.example/tra-cuu?ma=ABC")[1:] == ["ABC", "tra-cuu"]
    assert candidate_codes("") == []


def test_kiosk_mode_refuses_close_until_a_technician_signs_in(qtbot, seeded_store, settings, vietnamese):
    from sqlalchemy import select

    from app.store.models import AuditEntry

    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter())
    kiosk.locked = True
    kiosk.close()
    assert kiosk.isVisible()
    dialog = kiosk.ask_technician()
    assert dialog.isVisible() and dialog.objectName() == "technicianSignIn"
    # an officer is not a technician: the dialog says so and the kiosk stays
    qtbot.keyClicks(dialog.user_field, "canbo1")
    qtbot.keyClicks(dialog.password_field, "demo")
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
    assert kiosk.isVisible() and dialog.isVisible() and "kỹ thuật" in dialog.message.text()
    dialog.user_field.setText("kythuat")
    qtbot.keyClicks(dialog.password_field, "wrong")
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
    assert kiosk.isVisible() and dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
    qtbot.keyClicks(dialog.password_field, "demo")
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
    assert not kiosk.isVisible()
    with seeded_store.read() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "station.leave"))
    assert entry.actor == "kythuat" and entry.detail == {"station": "kiosk"}


def test_a_code_typed_on_the_touch_keypad_is_looked_up(qtbot, seeded_store, settings, vietnamese):
    officer = Actor("canbo1", "officer")
    with seeded_store.write() as session:
        data = {
            "procedure_code": "1.004837",
            "applicant": {"full_name": "Trần Văn Bình", "id_number": "001058012346"},
            "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
        }
        code = dossiers.receive(session, officer, parse_intake(data), now=datetime(2026, 5, 4, 9, 0, tzinfo=VN_TZ)).code
    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter())
    tap(qtbot, button(kiosk, "Tra cứu hồ sơ"))
    keypad = kiosk.keypad
    assert keypad.isVisible() and all(not key.focusPolicy() & Qt.FocusPolicy.TabFocus for key in keypad.keys.values())
    for char in code[:-1] + "9":  # a finger slips on the last key
        tap(qtbot, keypad.keys[char.upper()])
    tap(qtbot, keypad.keys["back"])
    tap(qtbot, keypad.keys[code[-1]])
    assert kiosk.lookup_field.text() == code
    tap(qtbot, keypad.keys["submit"])
    assert kiosk.lookup_result.text().startswith("Hồ sơ của bạn đã được tiếp nhận")
    tap(qtbot, keypad.keys["clear"])
    assert kiosk.lookup_field.text() == ""


def test_the_queue_screens_run_no_query_of_their_own():
    """The kiosk, the board and the queue panel call services (app.services) and never the store's models."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ui"
    offenders = []
    for room in ("kiosk", "display", "queue"):
        for path in (root / room).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                offenders += [f"{path.name}: {n}" for n in names if n.startswith(("app.store", "sqlalchemy"))]
    assert offenders == []
