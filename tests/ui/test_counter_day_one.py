"""What a first day at a real center found at the counter window (issue 8), each checked on the real
window over the seeded store, in Vietnamese."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton

from tests.ui.test_counter import choose_procedure, receive_directly, row_of, stored, type_text
from ui.counter.board import TILES

ROOT = Path(__file__).resolve().parents[2]


def open_in_view(window, code: str):
    window.open_dossier(code)
    assert window.dossier_view.code == code
    return window.dossier_view


# --- return of a result -------------------------------------------------------------------------------


def test_return_prefills_the_applicant_and_saves_what_is_shown(qtbot, counter_window, seeded_store):
    from app.actors import Actor
    from app.services import dossiers

    window = counter_window
    code = receive_directly(seeded_store, name="Trần Thị Bích")
    with seeded_store.write() as session:
        dossiers.act(session, Actor("canbo1", "officer", counter=3), code, "correct",
                     dossiers.ActionInput(reason="CCCD", changes={"applicant": {"id_number": "001190000123"}}))
        for action in ("transfer", "finish"):
            dossiers.act(session, Actor("canbo1", "officer", counter=3), code, action, dossiers.ActionInput())
    view = open_in_view(window, code)
    dialog = view.open_action("return")
    assert dialog.counter_radio.isChecked()
    assert dialog.collector_name_edit.text() == "Trần Thị Bích"
    assert dialog.collector_id_edit.text() == "001190000123"
    dialog.accept()
    data = stored(seeded_store, code)
    event = data["events"][-1]["data"]
    assert event["collector_name"] == "Trần Thị Bích" and event["collector_id"] == "001190000123"
    assert view.events.rows[-1]["note"].startswith("người nhận Trần Thị Bích") or "Trần Thị Bích" in view.events.rows[-1]["note"]


# --- F1 ------------------------------------------------------------------------------------------------


@pytest.fixture
def queue_vi(qapp):
    """The queue room's catalog too, as the station installs it (before the window is built)."""
    from ui.queue import install_queue_translator

    yield install_queue_translator(qapp, "vi")  # taken off again by tests/ui/conftest.py


def test_f1_lists_every_shortcut_of_the_window(qtbot, queue_vi, counter_window, seeded_store):
    window = counter_window
    open_in_view(window, receive_directly(seeded_store))  # the dossier page and its actions exist
    box = window.show_shortcuts()
    text = box.text()
    native = QKeySequence.SequenceFormat.NativeText
    keys = set()
    for action in window.findChildren(QAction):
        keys |= {s.toString(native) for s in action.shortcuts() if not s.isEmpty()}
    keys |= {s.key().toString(native) for s in window.findChildren(QShortcut) if not s.key().isEmpty()}
    keys |= {b.shortcut().toString(native) for b in window.findChildren(QAbstractButton) if not b.shortcut().isEmpty()}
    shown = {k for cell in re.findall(r"<b>([^<]*)</b>", text) for k in cell.split(", ")}
    assert keys <= shown, keys - shown
    assert {"F2", "F3", "F4", "Ctrl+P", "Ctrl+Shift+K", "F8", "Ctrl+Q", "Alt+1", "F5", "Ctrl+N"} <= shown
    assert "…" not in text.split("</td>")[0] and "Ctrl+Shift+…" not in text
    f2 = re.search(r"<b>F2</b></td><td>([^<]*)</td>", text).group(1)
    box.close()
    assert f2 == "Gọi số tiếp", f2  # F2 named by the queue panel's button


# --- the procedure picker -------------------------------------------------------------------------------


def test_the_procedure_list_wraps_long_names_without_a_horizontal_scrollbar(qtbot, counter_window):
    window = counter_window
    window.resize(1366, 768)
    picker = window.intake_form.picker
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "khai")
    qtbot.waitUntil(picker.list.isVisible)
    view = picker.list
    assert not view.horizontalScrollBar().isVisible()
    assert view.width() >= picker.edit.width() - 2  # as wide as the form's field
    longest = max(range(min(7, picker.model.rowCount())), key=lambda r: len(picker.model.visible[r].name))
    rect = view.visualRect(picker.model.index(longest, 0))
    line = view.fontMetrics().height()
    assert rect.width() <= view.viewport().width()
    text = picker.model.data(picker.model.index(longest, 0))
    if view.fontMetrics().horizontalAdvance(text) > view.viewport().width():
        assert rect.height() >= 2 * line - 2  # wrapped onto a second line, not cut
    # The best match (the current row) is readable: its text is drawn dark on the highlight, not white.
    image = view.viewport().grab().toImage()
    first = view.visualRect(picker.model.index(0, 0))
    dark = sum(
        1 for x in range(first.left(), first.right(), 2) for y in range(first.top(), first.bottom(), 2)
        if image.pixelColor(x, y).lightness() < 90
    )
    assert dark > 20


# --- the hand-over round ------------------------------------------------------------------------------


def test_handover_result_says_how_many_went_where_and_prints_the_lists(qtbot, counter_window, seeded_store):
    window = counter_window
    codes = [receive_directly(seeded_store, name=f"Người {i}") for i in range(3)]
    window.ask_handover_round()
    from PySide6.QtWidgets import QMessageBox

    window.pending_dialog.button(QMessageBox.StandardButton.Yes).click()
    dialog = window.pending_dialog
    summary = dialog.summary.text()
    assert "Văn phòng HĐND và UBND xã: 3 hồ sơ" in summary
    assert dialog.print_button.isEnabled() and dialog.print_button.text() == "In danh sách"
    printed = []
    window.printing.printed.connect(lambda form, code: printed.append((form, code)))
    dialog.print_button.click()
    assert printed == [("handover", str(dialog.round_id))]
    [(title, copies, pdf)] = window.printing.printer().jobs
    assert title == f"handover-{dialog.round_id}" and pdf.startswith(b"%PDF")
    assert not dialog.print_button.isEnabled()
    dialog.close()
    assert all(stored(seeded_store, c)["status"] == "processing" for c in codes)


# --- the deadline board --------------------------------------------------------------------------------


def test_board_lists_show_applicant_and_procedure(qtbot, counter_window, seeded_store):
    window = counter_window
    receive_directly(seeded_store, days_ago=9, name="Người Quá Hạn")
    window.board.refresh()
    window.board.select_category("overdue")
    titles = [c.title for c in window.board.list_model.columns]
    assert titles[:3] == ["Mã hồ sơ", "Người nộp", "Thủ tục"]
    row = window.board.list_model.rows[0]
    assert row["applicant"] == "Người Quá Hạn"
    assert "giám hộ" in row["procedure"]
    assert TILES[0][0] == "overdue"


# --- small things ---------------------------------------------------------------------------------------


def test_fees_do_not_repeat_their_kind(qtbot, counter_window):
    window = counter_window
    choose_procedure(qtbot, window, "khai tu")
    text = window.intake_form.fees_label.text()
    assert "Lệ phí đăng ký khai tử" in text
    assert "Lệ phí: Lệ phí" not in text and "Phí: Phí" not in text


def test_the_success_banner_goes_when_the_next_dossier_is_begun(qtbot, counter_window, seeded_store):
    window, form = counter_window, counter_window.intake_form
    choose_procedure(qtbot, window, "giam ho")
    form.name_edit.setText("Lê Văn Cường")
    for code in ("TP1", "TP2", "TP3"):
        form.checklist.set_ticked(row_of(form.checklist, code), True)
    window.intake.save("receive")
    assert form.banner.isVisible() and form.banner.kind == "success"
    type_text(form.picker.edit, "k")  # the next citizen's dossier begins
    assert not form.banner.isVisible()


def test_dossier_buttons_keep_their_place_across_state_changes(qtbot, counter_window, seeded_store):
    window = counter_window
    view = open_in_view(window, receive_directly(seeded_store))

    def places():
        return {a: b.mapTo(view, b.rect().topLeft()) for a, b in view.all_action_buttons.items()}

    before, shown = places(), set(view.action_buttons)
    assert view.action_buttons["transfer"].isVisible() and "return" not in shown
    for action in ("transfer", "finish"):
        view.action_buttons[action].click()
        view.pending_dialog.accept()
        assert places() == before
    assert set(view.action_buttons) == {"return", "correct", "cancel"} != shown
    assert view.all_action_buttons["return"].isVisible() and not view.all_action_buttons["transfer"].isVisible()


def test_titles_carry_no_application_name(qtbot, counter_window):
    from PySide6.QtWidgets import QApplication

    assert counter_window.windowTitle() == "Một cửa — Quầy 3"
    # Qt appends the display name to every title when one is set ("… — Một cửa"): none is.
    assert QApplication.applicationDisplayName() == QApplication.applicationName()


def test_the_queue_panel_is_wide_enough_for_a_priority_group(qtbot, counter_window):
    panel = counter_window.queue_panel
    counter_window.resize(1366, 768)
    label = panel.current_detail
    needed = label.fontMetrics().horizontalAdvance("Ưu tiên: Người cao tuổi")
    assert panel.width() >= needed + 40


# --- the house --------------------------------------------------------------------------------------------


def test_the_counter_ui_runs_no_query_of_its_own():
    """ui/models.py, ui/common.py, ui/tasks.py and ui/counter/ call services; no SQLAlchemy, no ORM models."""
    files = [ROOT / "ui" / name for name in ("models.py", "common.py", "tasks.py", "station.py")]
    files += sorted((ROOT / "ui" / "counter").glob("*.py"))
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("sqlalchemy") and not name.startswith("app.store"), f"{path.name}: {name}"

