"""The complaints register (Ctrl+K) in Vietnamese: channel, kind and state names, routing an entry to a
department and back to the center, the answer and "citizen informed" from the keyboard; what is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from app.actors import Actor
from app.services import complaints

OTHER_OFFICER = Actor("canbo2", "officer", counter=2)


def _add(store, **values) -> str:
    data = {"contact_name": "Lê Văn Cường", "contact_phone": "0905111222", "content": "Chờ lâu ở quầy 2", **values}
    with store.write() as s:
        return complaints.add(s, OTHER_OFFICER, data)["number"]


def test_the_new_entry_dialog_names_channels_and_kinds_in_vietnamese(qtbot, counter_window):
    register = counter_window.show_complaints()
    entry = register.new_entry()
    channels = [entry.channel.itemText(i) for i in range(entry.channel.count())]
    assert channels == ["Tại quầy", "Qua điện thoại", "Đường dây nóng", "Ki-ốt"]
    assert [entry.kind.itemText(i) for i in range(entry.kind.count())] == ["Phản ánh", "Kiến nghị"]
    entry.reject()


def test_route_answer_and_inform_from_the_keyboard(qtbot, counter_window, seeded_store, monkeypatch):
    number = _add(seeded_store, channel="hotline")
    register = counter_window.show_complaints()
    qtbot.waitUntil(lambda: len(register.model.rows) == 1, timeout=3000)
    assert register.model.index(0, 2).data() == "Đường dây nóng"
    assert register.model.index(0, 7).data() == "Đang xử lý"
    assert not register.route_button.isEnabled()  # nothing chosen yet
    register.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is register, timeout=3000)
    register.view.setFocus()
    register.view.selectRow(0)
    assert register.route_button.isEnabled() and not register.inform_button.isEnabled()
    assert number in register.details.text() and "Đường dây nóng" in register.details.text()

    asked = []

    def choose(parent, title, text, items, current, editable):
        asked.append((list(items), current))
        return "Phòng Kinh tế", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    qtbot.keyClick(register.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)  # a button's shortcut clicks it a moment later
    assert asked[0][0][:2] == ["Trung tâm", "Phòng Kinh tế"] and asked[0][1] == 0
    qtbot.waitUntil(lambda: register.model.rows[0]["department"] == "Phòng Kinh tế", timeout=3000)
    with seeded_store.read() as s:
        assert complaints.complaint_json(s, complaints.get(s, number))["department"] == "Phòng Kinh tế"
    assert register.selected()["number"] == number  # the selection stays on the entry
    register.route_button.click()  # asked again: the current department is offered first
    assert asked[1][1] == 1
    register.route_selected(department=None)  # back to the center
    qtbot.waitUntil(lambda: register.model.rows[0]["department"] is None, timeout=3000)
    assert register.model.index(0, 5).data() == "Trung tâm"

    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("Đã bố trí thêm cán bộ giờ cao điểm", True)))
    qtbot.keyClick(register.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: register.model.rows[0]["state"] == "answered", timeout=3000)
    assert not register.route_button.isEnabled() and register.inform_button.isEnabled()
    assert "Đã bố trí thêm cán bộ" in register.details.text()

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Qua tin nhắn", True)))
    qtbot.keyClick(register.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: register.model.rows[0]["state"] == "closed", timeout=3000)
    with seeded_store.read() as s:
        row = complaints.get(s, number)
        assert (row.state, row.informed_via, row.answered_by) == ("closed", "sms", "canbo1")
    assert register.model.index(0, 7).data() == "Đã báo cho công dân"
    assert "Đã báo cho công dân qua tin nhắn" in register.details.text()
    assert not register.inform_button.isEnabled()


def test_a_receptionist_may_inform_but_not_route_or_answer(qtbot, counter_window, seeded_store):
    _add(seeded_store)
    counter_window.set_actor(Actor("letan", "receptionist", counter=3))
    register = counter_window.show_complaints()
    qtbot.waitUntil(lambda: len(register.model.rows) == 1, timeout=3000)
    register.view.selectRow(0)
    assert not register.route_button.isEnabled() and not register.answer_button.isEnabled()
    assert register.new_button.isEnabled()
