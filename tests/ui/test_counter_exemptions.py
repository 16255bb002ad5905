"""Fees › Exemptions and reductions: only for fees.configure; add a group from the keyboard, Vietnamese
messages for what is missing, change a group to a fixed amount and take it out of use; what is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.actors import Actor
from app.services import fees
from ui.counter.exemptions import ExemptionsDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _stored(store) -> dict[str, dict]:
    with store.read() as s:
        return {e["code"]: e for e in fees.exemptions(s, active_only=False)}


def test_an_officer_has_no_exemptions_entry(counter_window):
    assert not counter_window.exemptions_action.isVisible()
    assert counter_window.open_exemptions() is None


def test_the_director_adds_and_changes_groups_with_the_keyboard(qtbot, counter_window, seeded_store):
    window = counter_window
    window.set_actor(Actor("giamdoc", "director", "Nguyễn Văn Hùng"))
    assert window.exemptions_action.isVisible()
    window.exemptions_action.trigger()
    dialog = window.findChild(ExemptionsDialog, "exemptionsDialog")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    assert dialog.windowTitle() == "Miễn, giảm phí, lệ phí theo đối tượng"
    assert dialog.code.hasFocus() and dialog.model.rows == []

    qtbot.keyClicks(dialog.code, "hn")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Tab)
    assert dialog.name.hasFocus()
    dialog.name.setText("Hộ nghèo")  # (QTest types Latin-1 only)
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=3000)
    assert dialog.error.text() == "Tỷ lệ giảm là số nguyên từ 1 đến 100 (%)." and dialog.percent.hasFocus()
    qtbot.keyClicks(dialog.percent, "50")
    qtbot.keyClick(dialog.percent, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: dialog.basis.hasFocus(), timeout=3000)
    assert dialog.error.text() == "Nhập căn cứ pháp lý (văn bản quy định việc miễn, giảm)."
    assert _stored(seeded_store) == {}  # nothing sent while the form is incomplete
    qtbot.keyClicks(dialog.basis, "Thong tu 281/2016/TT-BTC")
    qtbot.keyClick(dialog.basis, Qt.Key.Key_Return)  # Enter saves too (the default button)
    qtbot.waitUntil(lambda: "HN" in _stored(seeded_store), timeout=3000)
    assert _stored(seeded_store)["HN"] == {"code": "HN", "name": "Hộ nghèo", "percent": 50, "fixed_amount": None,
                                           "legal_basis": "Thong tu 281/2016/TT-BTC", "active": True}
    qtbot.waitUntil(lambda: len(dialog.model.rows) == 1, timeout=3000)
    assert [dialog.model.index(0, c).data() for c in range(5)] == ["HN", "Hộ nghèo", "50 %", "Thong tu 281/2016/TT-BTC", "Có"]
    assert dialog.code.isReadOnly()  # the saved group stays chosen

    # Change it: a fixed 10.000 đ off, no longer in use.
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentData() == 1 and dialog.value.currentWidget() is dialog.amount
    dialog.amount.setFocus()
    qtbot.keyClicks(dialog.amount, "10000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Tab)
    assert dialog.amount.text() == "10.000"
    dialog.active.setFocus()
    qtbot.keyClick(dialog.active, Qt.Key.Key_Space)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _stored(seeded_store)["HN"]["fixed_amount"] == 10_000, timeout=3000)
    assert (_stored(seeded_store)["HN"]["percent"], _stored(seeded_store)["HN"]["active"]) == (None, False)
    qtbot.waitUntil(lambda: dialog.model.index(0, 2).data() == "10.000 đ", timeout=3000)
    assert dialog.model.index(0, 4).data() == "Không"
    with seeded_store.read() as s:
        assert fees.exemptions(s) == []  # out of use: the payment dialog no longer offers it

    # Ctrl+N: a new group, its code typed again
    qtbot.keyClick(dialog.view, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: dialog.code.text() == "" and not dialog.code.isReadOnly(), timeout=3000)
    assert dialog.kind.currentData() == 0 and dialog.active.isChecked()


def test_the_service_refusal_is_shown_in_vietnamese(qtbot, counter_window, seeded_store):
    window = counter_window
    window.set_actor(Actor("giamdoc", "director"))
    dialog = window.open_exemptions()
    window.set_actor(Actor("canbo1", "officer", counter=3))  # the permission went away meanwhile
    dialog.code.setText("X")
    dialog.name.setText("Thử")
    dialog.percent.setValue(10)
    dialog.basis.setText("Không có")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=3000)
    assert dialog.error.text() == "Tài khoản của bạn không có quyền thực hiện thao tác này."
    assert _stored(seeded_store) == {}
