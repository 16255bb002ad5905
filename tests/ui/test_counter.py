"""The real counter window, driven by keyboard and dialogs (journeys 4-6), checked on screen and in the store."""

from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from app.actors import Actor
from app.errors import NotFoundError, RuleError, SchemaMismatchError, StaleVersionError, StoreError, ValidationError
from app.services import dossiers
from app.services.board import board
from app.store.models import Dossier
from devices.base import DeviceError
from ui.i18n import remove_catalogs
from ui.common import local_now
from ui.counter.board import TILES
from ui.errors import error_text, show_error
from ui.models import ChecklistModel

CARD = "001089012345|123456789|Nguyễn Văn An|01011989|Nam|Số 1 Phố X, Phường Y, Hà Nội|15062021"
OTHER_OFFICER = Actor("canbo2", "officer", counter=2)
CTRL = Qt.KeyboardModifier.ControlModifier


# --- helpers -------------------------------------------------------------------------------------------


def choose_procedure(qtbot, window, text: str) -> None:
    edit = window.intake_form.picker.edit
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    assert window.intake_form.picker.list.isVisible()
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def type_text(widget, text: str) -> None:
    """Type any text, as a keyboard-wedge reader does (QTest's keyClicks only knows Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def row_of(model: ChecklistModel, code: str) -> int:
    return next(i for i, e in enumerate(model.entries) if e.item.code == code)


def stored(store, code: str) -> dict:
    with store.read() as session:
        return dossiers.dossier_json(dossiers.get_dossier(session, code))


def dossier_count(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Dossier))


def visible_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def act_in_view(window, action: str, fill=None) -> None:
    """Press the action's button, fill its dialog, confirm it."""
    view = window.dossier_view
    view.action_buttons[action].click()
    dialog = view.pending_dialog
    assert dialog is not None and dialog.isVisible()
    if fill:
        fill(dialog)
    dialog.accept()
    assert not dialog.isVisible()


def receive_directly(store, *, days_ago: float = 0, name: str = "Trần Thị Bích", documents=("TP1", "TP3")) -> str:
    req = dossiers.parse_intake({
        "procedure_code": "1.004837",
        "applicant": {"full_name": name, "phone": "0905123456"},
        "documents": [{"item": code, "originals": 1} for code in documents],
    })
    with store.write() as session:
        received = datetime.now(timezone.utc) - timedelta(days=days_ago)
        return dossiers.receive(session, OTHER_OFFICER, req, received_at=received).code


# --- journey 4 and 6: intake, then transfer, finish, return -------------------------------------------------


def test_intake_by_keyboard_then_transfer_finish_and_return(qtbot, counter_window, seeded_store):
    window, form = counter_window, counter_window.intake_form
    printed: list[tuple[str, str]] = []
    window.print_requested.connect(lambda form_key, code: printed.append((form_key, code)))
    assert window.officer_label.text() == "Cán bộ: Nguyễn Thị Lan"
    assert window.counter_label.text() == "Quầy 3"

    # The procedure by a few unaccented words; the appointment appears at once.
    choose_procedure(qtbot, window, "giam ho")
    assert window.intake.procedure.code == "1.004837"
    match = re.fullmatch(r"Hẹn trả: (\d\d:\d\d) ngày (\d\d/\d\d/\d{4})", form.due_label.text())
    assert match, form.due_label.text()
    expected = dossiers.compute_due(window.context.calendar, window.intake.procedure, local_now())
    shown = datetime.strptime(" ".join(match.groups()), "%H:%M %d/%m/%Y")
    assert abs(shown - expected.replace(tzinfo=None)) <= timedelta(minutes=2)
    assert "8.000 đ" in form.fees_label.text()
    assert form.scan_edit.hasFocus()

    # The ID card's QR, typed by a keyboard-wedge reader and ended with Enter.
    type_text(form.scan_edit, CARD)
    qtbot.keyClick(form.scan_edit, Qt.Key.Key_Return)
    assert form.name_edit.text() == "Nguyễn Văn An"
    assert form.id_edit.text() == "001089012345"
    assert form.dob_edit.text() == "01/01/1989"
    assert form.address_edit.text() == "Số 1 Phố X, Phường Y, Hà Nội"
    assert form.sex_combo.currentText() == "Nam"
    assert form.scan_edit.text() == "" and not form.scan_error.isVisible()
    qtbot.keyClicks(form.phone_edit, "0905 123 456")

    # Documents: TP1 ticked with Space, TP3's original typed as a count.
    checklist, view = form.checklist, form.checklist_view
    assert {d.code for d in checklist.missing()} == {"TP1", "TP2", "TP3"}
    assert form.missing_label.isVisible()
    view.setFocus()
    view.setCurrentIndex(checklist.index(row_of(checklist, "TP1"), ChecklistModel.NAME))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    checklist.setData(checklist.index(row_of(checklist, "TP3"), ChecklistModel.ORIGINALS), 1, Qt.ItemDataRole.EditRole)
    assert checklist.missing() == []
    assert not form.missing_label.isVisible()

    # Ctrl+Enter saves; the banner gives the code and the appointment; the form is empty again.
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Return, CTRL)
    assert dossier_count(seeded_store) == 1
    with seeded_store.read() as session:
        code = session.scalar(select(Dossier.code))
    assert printed == [("receipt", code)]
    assert form.banner.isVisible() and code in form.banner.text() and "Đã tiếp nhận hồ sơ" in form.banner.text()
    assert "Hẹn trả:" in form.banner.text()
    assert form.name_edit.text() == "" and window.intake.procedure is None and form.picker.edit.hasFocus()
    data = stored(seeded_store, code)
    assert data["status"] == "received" and data["applicant"]["full_name"] == "Nguyễn Văn An"
    assert data["applicant"]["date_of_birth"] == "1989-01-01" and data["applicant"]["phone"] == "0905123456"
    assert data["officer"] == "canbo1" and data["counter"] == 3
    counts = {d["item"]: d["originals"] for d in data["documents"]}
    assert counts["TP1"] == 1 and counts["TP3"] == 1 and counts["TP2"] == 0

    # Find it by name without accents (Ctrl+F, type, Enter) and open it with Enter.
    qtbot.keyClick(form.picker.edit, Qt.Key.Key_F, CTRL)
    search = window.dossier_list.search_edit
    assert window.tabs.currentIndex() == 1 and search.hasFocus()
    qtbot.keyClicks(search, "nguyen van an")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert [r["code"] for r in window.dossier_list.model.rows] == [code]
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(window.dossier_list.table, Qt.Key.Key_Return)
    dossier_view = window.dossier_view
    assert window.dossier_stack.currentWidget() is dossier_view
    assert dossier_view.code_label.text() == code
    assert dossier_view.status_label.text() == "Đã tiếp nhận"
    assert set(dossier_view.action_buttons) == set(data["allowed_actions"])
    assert dossier_view.events.rows[0]["event"] == "Tiếp nhận"
    assert dossier_view.events.rows[0]["actor"] == "Nguyễn Thị Lan"

    # Transfer (the department is proposed), finish, then return to the citizen, who shows an ID card.
    act_in_view(window, "transfer", lambda d: d.department_combo.currentText() == "Văn phòng HĐND và UBND xã" or pytest.fail())
    assert dossier_view.status_label.text() == "Đang xử lý"
    assert stored(seeded_store, code)["status"] == "processing"
    act_in_view(window, "finish")
    assert dossier_view.status_label.text() == "Đã có kết quả"
    assert stored(seeded_store, code)["status"] == "finished"
    assert set(dossier_view.action_buttons) == {"return", "correct", "cancel"}

    def collector(dialog):
        assert dialog.counter_radio.isChecked() and dialog.collector_id_edit.isVisible()
        dialog.collector_id_edit.setText("001089012345")
        dialog.collector_name_edit.setText("Nguyễn Văn An")

    act_in_view(window, "return", collector)
    assert dossier_view.status_label.text() == "Đã trả kết quả"
    data = stored(seeded_store, code)
    assert data["status"] == "returned"
    assert [e["kind"] for e in data["events"]] == ["received", "transferred", "finished", "returned"]
    assert data["events"][-1]["data"]["collector_id"] == "001089012345"
    assert [r["event"] for r in dossier_view.events.rows] == ["Tiếp nhận", "Chuyển xử lý", "Hoàn thành", "Trả kết quả"]
    assert "001089012345" in dossier_view.events.rows[-1]["note"]
    # The list heard of every change without being asked.
    qtbot.keyClick(dossier_view.reload_button, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.dossier_stack.currentWidget() is window.dossier_list
    assert window.dossier_list.model.rows[0]["status"] == "returned"


def test_missing_document_refuses_to_save_and_lists_it(qtbot, counter_window, seeded_store):
    window, form = counter_window, counter_window.intake_form
    choose_procedure(qtbot, window, "giam ho")
    form.name_edit.setText("Lê Văn Cường")
    form.checklist.set_ticked(row_of(form.checklist, "TP1"), True)
    window.intake.save("receive")
    assert dossier_count(seeded_store) == 0
    assert form.missing_label.isVisible()
    text = form.missing_label.text()
    assert "Chưa lưu" in text and "TP2" in text and "TP3" in text and "hoặc" in text and "TP1" not in text
    assert form.banner.kind == "error"
    assert form.name_edit.text() == "Lê Văn Cường"  # nothing lost


def test_request_supplement_from_the_form(qtbot, counter_window, seeded_store):
    window, form = counter_window, counter_window.intake_form
    printed = []
    window.print_requested.connect(lambda form_key, code: printed.append((form_key, code)))
    choose_procedure(qtbot, window, "1.004837")
    form.name_edit.setText("Phạm Thị Dung")
    form.checklist.set_ticked(row_of(form.checklist, "TP1"), True)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_B, CTRL)
    dialog = window.intake.pending_dialog
    assert dialog is not None and dialog.isVisible()
    assert "TP2" in dialog.items_label.text() and "TP3" in dialog.items_label.text()
    assert dialog.reason()  # pre-filled
    dialog.accept()
    (code,) = [c for _, c in printed]
    assert printed == [("supplement", code)]
    data = stored(seeded_store, code)
    assert data["status"] == "supplement_requested" and data["due_at"] is None
    assert {i["code"] for i in data["events"][-1]["data"]["items"]} == {"TP2", "TP3"}
    assert "yêu cầu bổ sung" in form.banner.text()


def test_refusal_needs_a_reason(qtbot, counter_window, seeded_store):
    window, form = counter_window, counter_window.intake_form
    choose_procedure(qtbot, window, "giam ho")
    form.name_edit.setText("Hoàng Văn Em")
    form.refuse_button.click()
    dialog = window.intake.pending_dialog
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "Vui lòng nhập lý do."
    dialog.reason_edit.setPlainText("Không thuộc thẩm quyền của xã")
    dialog.accept()
    with seeded_store.read() as session:
        (status,) = session.scalars(select(Dossier.status)).all()
    assert status == "refused"


def test_invalid_fields_are_shown_inline_and_nothing_is_saved(qtbot, counter_window, seeded_store):
    window, form = counter_window, counter_window.intake_form
    choose_procedure(qtbot, window, "giam ho")
    form.scan_edit.setText("001089012345|123456789|Nguyễn Văn An|01011989|Nữ|Địa chỉ|15062021")
    qtbot.keyClick(form.scan_edit, Qt.Key.Key_Return)
    assert form.scan_error.text() == "Số CCCD không khớp với ngày sinh và giới tính."
    form.id_edit.setText("12345")
    form.phone_edit.setText("12")
    window.intake.save("receive")
    assert form.errors["full_name"].text() == "Nhập họ tên chủ hồ sơ."
    assert form.errors["id_number"].isVisible() and form.errors["phone"].text() == "Số điện thoại không hợp lệ."
    assert dossier_count(seeded_store) == 0


def test_procedure_without_processing_time_takes_the_appointment_typed(qtbot, counter_window, seeded_store):
    window, form = counter_window, counter_window.intake_form
    choose_procedure(qtbot, window, "2.000913")
    assert form.manual_due_row.isVisible() and form.due_label.text() == "Hẹn trả: nhập ngày hẹn bên dưới"
    due = form.manual_due.dateTime().toPython()
    form.name_edit.setText("Vũ Thị Phương")
    for entry in form.checklist.entries:
        if entry.item.required:
            form.checklist.set_ticked(row_of(form.checklist, entry.item.code), True)
    window.intake.save("receive")
    with seeded_store.read() as session:
        (d,) = session.scalars(select(Dossier)).all()
        assert d.due_at.astimezone(timezone(timedelta(hours=7))).replace(tzinfo=None) == due.replace(second=0, microsecond=0)


# --- the dossier view: stale versions --------------------------------------------------------------------


def test_a_dossier_changed_elsewhere_is_refused_and_reloaded(qtbot, counter_window, seeded_store):
    window = counter_window
    code = receive_directly(seeded_store)
    window.open_dossier(code)
    view = window.dossier_view
    assert view.data["version"] == stored(seeded_store, code)["version"]
    with seeded_store.write() as session:  # another counter transfers it meanwhile
        dossiers.act(session, OTHER_OFFICER, code, "transfer", dossiers.ActionInput())
    act_in_view(window, "finish")
    boxes = visible_boxes()
    assert [b.text() for b in boxes] == ["Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại."]
    boxes[0].close()
    assert stored(seeded_store, code)["status"] == "processing"  # not finished behind the other's back
    assert view.status_label.text() == "Đang xử lý" and view.data["version"] == stored(seeded_store, code)["version"]


def test_apology_asks_for_the_new_appointment(qtbot, counter_window, seeded_store):
    window = counter_window
    code = receive_directly(seeded_store)
    window.open_dossier(code)
    before = stored(seeded_store, code)["due_at"]

    def fill(dialog):
        assert dialog.new_due_edit is not None
        dialog.reason_edit.setPlainText("Cần xác minh thêm")

    act_in_view(window, "apologize", fill)
    data = stored(seeded_store, code)
    assert data["original_due_at"] == before and data["due_at"] > before and data["apology_count"] == 1
    assert "apologize" not in window.dossier_view.action_buttons


def test_hand_over_round_from_the_menu(qtbot, counter_window, seeded_store):
    window = counter_window
    code = receive_directly(seeded_store)
    qtbot.keyClick(window.intake_form.picker.edit, Qt.Key.Key_F8)
    question = window.pending_dialog
    assert isinstance(question, QMessageBox) and question.isVisible()
    question.button(QMessageBox.StandardButton.Yes).click()
    result = window.pending_dialog
    assert result is not None and result.isVisible()
    top = result.tree.topLevelItem(0)
    assert top.text(0).startswith("Văn phòng HĐND và UBND xã") and top.child(0).text(0) == code
    result.close()
    assert stored(seeded_store, code)["status"] == "processing"


# --- the deadline board ------------------------------------------------------------------------------------


def test_board_tiles_show_the_counts_and_open_the_dossiers(qtbot, seeded_store, station_settings, counter_vi, signed_in):
    from ui.counter import build_counter_window
    from ui.tasks import InlineExecutor

    late = [receive_directly(seeded_store, days_ago=days, name=f"Người {days}") for days in (9, 7)]
    receive_directly(seeded_store, days_ago=0, name="Người mới")
    window = build_counter_window(seeded_store, station_settings, actor=signed_in, executor=InlineExecutor())
    qtbot.addWidget(window)
    window.show()
    with seeded_store.read() as session:
        expected = board(session)["center"]
    panel = window.board
    for category, _title, _colour in TILES:
        assert panel.tiles[category].number.text() == str(expected[category]), category
    assert expected["overdue"] == 2
    panel.tiles["overdue"].click()
    assert {r["code"] for r in panel.list_model.rows} == set(late)
    assert panel.list_title.text() == "Quá hạn (2)"
    row = next(i for i, r in enumerate(panel.list_model.rows) if r["code"] == late[0])
    panel.list_view.doubleClicked.emit(panel.list_model.index(row, 0))
    assert window.dossier_stack.currentWidget() is window.dossier_view and window.dossier_view.code == late[0]
    # The list colours overdue rows red and filters them.
    window.show_list()
    window.dossier_list.due_combo.setCurrentIndex(window.dossier_list.due_combo.findData("overdue"))
    model = window.dossier_list.model
    assert {r["code"] for r in model.rows} == set(late)
    assert {model.state(i) for i in range(model.rowCount())} == {"overdue"}
    # A change anywhere refreshes the board without polling.
    with seeded_store.write() as session:
        dossiers.act(session, OTHER_OFFICER, late[0], "finish", dossiers.ActionInput())
    window.tasks.notify_changes({"dossiers": [late[0]]})
    assert panel.tiles["overdue"].number.text() == "1"


# --- one place that shows errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "text"),
    [
        (StaleVersionError("stale_dossier", code="X"), "Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại."),
        (NotFoundError("dossier_not_found", code="X"), "Không có hồ sơ nào có mã này."),
        (NotFoundError("a_code_without_words"), "Không tìm thấy hồ sơ hoặc dữ liệu được yêu cầu."),
        (RuleError("action_not_allowed", action="finish", status="returned", allowed="finished", verb="finish", status_label="returned"), "Trạng thái hiện tại của hồ sơ không cho phép thao tác này."),
        (RuleError("a_code_without_words"), "Không thể thực hiện thao tác này theo quy định."),
        (ValidationError("phone_digit_count", label="applicant.phone", field="applicant.phone"), "Số điện thoại không hợp lệ."),
        (ValidationError("a_code_without_words"), "Dữ liệu nhập chưa hợp lệ."),
        (SchemaMismatchError("schema_outdated", current="0001", head="0005"), "Cơ sở dữ liệu thuộc phiên bản phần mềm khác; liên hệ kỹ thuật viên."),
        (StoreError("sqlite_pragmas_failed", found={}), "Không sử dụng được cơ sở dữ liệu; liên hệ kỹ thuật viên."),
        (DeviceError("receipt", "offline"), "Thiết bị mất kết nối"),
        (DeviceError("receipt", "paper_out"), "Máy in hết giấy"),
        (DeviceError("receipt", "timeout"), "Thiết bị không phản hồi (quá thời gian chờ)"),
        (DeviceError("receipt", "cover_open"), "Nắp máy in đang mở"),
        (DeviceError("receipt", "busy"), "Thiết bị đang bận, vui lòng thử lại"),
        (DeviceError("receipt", "config"), "Thiết bị chưa được cấu hình đúng; liên hệ kỹ thuật viên"),
        (DeviceError("receipt", "io"), "Lỗi đọc/ghi dữ liệu với thiết bị"),
        (ZeroDivisionError("x"), "Đã xảy ra lỗi không mong muốn. Chi tiết đã được ghi vào nhật ký (log)."),
    ],
)
def test_error_text_for_each_error_class(counter_vi, exc, text):
    assert error_text(exc) == text


def test_show_error_logs_unknown_errors_and_never_shows_a_traceback(qtbot, counter_vi, caplog):
    try:
        raise ZeroDivisionError("secret detail")
    except ZeroDivisionError as exc:
        box = show_error(exc, parent=None)
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Critical
    assert "Traceback" not in box.text() + box.informativeText() + (box.detailedText() or "")
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    box.close()
    known = show_error(RuleError("apology_once"), parent=None)
    assert known.text() == "Mỗi hồ sơ chỉ được xin lỗi và hẹn lại một lần." and "only once" in known.detailedText()
    known.close()


def test_new_dossier_asks_before_dropping_what_was_typed(qtbot, counter_window):
    window, form = counter_window, counter_window.intake_form
    form.name_edit.setText("Đặng Văn Giang")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_F5)
    question = window.pending_dialog
    assert isinstance(question, QMessageBox) and question.isVisible()
    question.button(QMessageBox.StandardButton.No).click()
    assert form.name_edit.text() == "Đặng Văn Giang"
    qtbot.keyClick(form.name_edit, Qt.Key.Key_N, CTRL)
    window.pending_dialog.button(QMessageBox.StandardButton.Yes).click()
    assert form.name_edit.text() == ""


def test_the_window_works_with_real_worker_threads(qtbot, seeded_store, station_settings, counter_vi, signed_in):
    from ui.counter import build_counter_window

    window = build_counter_window(seeded_store, station_settings, actor=signed_in)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.context is not None and window.tasks.idle, timeout=10_000)
    form = window.intake_form
    choose_procedure(qtbot, window, "giam ho")
    form.name_edit.setText("Nguyễn Văn An")
    form.checklist.set_ticked(row_of(form.checklist, "TP1"), True)
    form.checklist.set_ticked(row_of(form.checklist, "TP3"), True)
    with qtbot.waitSignal(window.intake.dossier_saved, timeout=10_000) as saved:
        window.intake.save("receive")
    code = saved.args[0]["code"]
    qtbot.waitUntil(lambda: window.tasks.idle, timeout=10_000)
    assert [r["code"] for r in window.dossier_list.model.rows] == [code]
    window.open_dossier(code)
    qtbot.waitUntil(lambda: window.dossier_view.code == code, timeout=10_000)
    with qtbot.waitSignal(window.tasks.changes_applied, timeout=10_000):
        act_in_view(window, "transfer")
    qtbot.waitUntil(lambda: window.dossier_view.status_label.text() == "Đang xử lý", timeout=10_000)
    qtbot.waitUntil(lambda: window.tasks.idle, timeout=10_000)
    assert stored(seeded_store, code)["status"] == "processing"


def test_correct_information_changes_only_what_was_edited(qtbot, counter_window, seeded_store):
    window = counter_window
    printed = []
    window.print_requested.connect(lambda form_key, code: printed.append((form_key, code)))
    code = receive_directly(seeded_store)
    window.open_dossier(code)

    def fill(dialog):
        assert dialog.fields["full_name"].text() == "Trần Thị Bích"
        dialog.fields["phone"].setText("0912 345 678")
        dialog.reason_edit.setPlainText("Ghi nhầm số điện thoại")

    act_in_view(window, "correct", fill)
    data = stored(seeded_store, code)
    assert data["applicant"]["phone"] == "0912345678" and data["applicant"]["full_name"] == "Trần Thị Bích"
    assert data["events"][-1]["kind"] == "corrected" and printed == [("receipt", code)]


def test_open_counter_shows_the_window_in_the_station_language(qtbot, qapp, seeded_store, station_settings, monkeypatch,
                                                               signed_in):
    """What run_counter does before entering the event loop."""
    from PySide6.QtCore import QTranslator

    from ui.counter import open_counter

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_counter installs its own
    before = set(qapp.findChildren(QTranslator))
    window = open_counter(seeded_store, station_settings, actor=signed_in)
    try:
        assert window.isVisible() and window.windowTitle() == "Một cửa — Quầy 3"
        assert sys.excepthook.__qualname__ == "Station._hook"
    finally:
        window.confirm_close = False
        window.station.shutdown()
        for translator in set(qapp.findChildren(QTranslator)) - before:
            remove_catalogs(qapp, [translator])


def test_correct_document_counts(qtbot, counter_window, seeded_store):
    window = counter_window
    code = receive_directly(seeded_store)
    window.open_dossier(code)
    before = {d["item"]: d for d in stored(seeded_store, code)["documents"]}

    def fill(dialog):
        item = next(iter(dialog.doc_spins))
        dialog.doc_spins[item][2].setValue(before[item]["photocopies"] + 2)
        dialog.reason_edit.setPlainText("Nhận thêm bản photo")

    act_in_view(window, "correct", fill)
    data = stored(seeded_store, code)
    item = next(iter(before))
    after = {d["item"]: d for d in data["documents"]}
    assert after[item]["photocopies"] == before[item]["photocopies"] + 2
    assert data["events"][-1]["data"]["old"]["documents"][0]["item"] == item
