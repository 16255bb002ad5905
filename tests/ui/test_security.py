"""Sign-in at the stations (issue 12) with pytest-qt: the sign-in dialog (Enter submits, wrong password,
"thử lại sau N giây"), the first-run administrator, the idle screen lock and a change of user at the lock,
the demo banner, the password change and the administrator's users window. Every answer is the real
``app.services.users``'s over a real SQLite store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services import users
from app.store.models import AuditEntry
from ui.tasks import InlineExecutor, TaskManager


@pytest.fixture
def security_vi(qapp, counter_vi):  # ask for it before counter_window: the window's texts are set when it is built
    from ui.security import install_security_translator

    install_security_translator(qapp, "vi")
    return counter_vi


@pytest.fixture
def tasks(seeded_store, qapp):
    manager = TaskManager(seeded_store, executor=InlineExecutor())
    yield manager
    manager.shutdown()


def _type(qtbot, dialog, name, password):
    dialog.user_field.setText(name)
    dialog.password_field.clear()
    qtbot.keyClicks(dialog.password_field, password)
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)


def test_sign_in_dialog_enter_submits_and_tells_what_went_wrong(qtbot, tasks, security_vi):
    from ui.security.dialogs import SignInDialog

    dialog = SignInDialog(tasks, station=3)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Đăng nhập" and dialog.ok_button.text() == "Đăng nhập"
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
    assert dialog.message.text() == "Hãy nhập tên đăng nhập và mật khẩu."
    for _ in range(users.FREE_ATTEMPTS - 1):
        _type(qtbot, dialog, "canbo1", "sai")
        assert dialog.isVisible() and dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
        assert dialog.password_field.text() == ""
    _type(qtbot, dialog, "canbo1", "sai")
    assert dialog.message.text() == "Đăng nhập sai quá nhiều lần: thử lại sau 60 giây."
    _type(qtbot, dialog, "canbo1", "demo")  # even the right password waits
    assert dialog.isVisible() and "thử lại sau" in dialog.message.text()
    _type(qtbot, dialog, "letan", "demo")
    assert not dialog.isVisible() and dialog.actor.username == "letan" and dialog.actor.counter == 3


def test_first_run_creates_the_administrator(qtbot, sqlite_store, security_vi):
    from ui.security.dialogs import FirstAdminDialog

    tasks = TaskManager(sqlite_store, executor=InlineExecutor())
    dialog = FirstAdminDialog(tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Tạo tài khoản quản trị"
    dialog.user_field.setText("quantri")
    dialog.name_field.setText("Đỗ Văn Quang")
    dialog.password_field.setText("mat-khau-dai")
    dialog.repeat_field.setText("mat-khau-khac")
    qtbot.keyClick(dialog.repeat_field, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text() == "Hai mật khẩu nhập vào không giống nhau."
    dialog.password_field.setText("ngan")
    dialog.repeat_field.setText("ngan")
    qtbot.keyClick(dialog.repeat_field, Qt.Key.Key_Return)
    assert dialog.message.text() == "Mật khẩu phải có ít nhất 8 ký tự."
    dialog.password_field.setText("mat-khau-dai")
    dialog.repeat_field.setText("mat-khau-dai")
    qtbot.keyClick(dialog.repeat_field, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.username == "quantri"
    actor = users.sign_in(sqlite_store, "quantri", "mat-khau-dai")
    assert actor.roles == {"admin"} and actor.display_name == "Đỗ Văn Quang"
    tasks.shutdown()


def test_the_counter_shows_who_is_signed_in_and_the_demo_banner(security_vi, counter_window):
    window = counter_window
    assert window.actor().username == "canbo1" and window.actor().counter == 3
    assert "Nguyễn Thị Lan" in window.officer_label.text()
    assert window.session.banner.isVisible() and window.session.banner.text() == "TÀI KHOẢN DEMO"
    assert not window.session.users_action.isEnabled()  # an officer manages no users


def test_idle_lock_covers_the_window_and_another_user_takes_over(qtbot, security_vi, counter_window, seeded_store):
    window = counter_window
    lock = window.session.idle
    window.session.set_timeout_ms(30)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    panel = lock.panel
    assert panel.geometry() == window.rect() and panel.user_field.text() == "canbo1"
    assert panel.title.text() == "Màn hình đã khóa"
    triggered = []
    window.new_action.triggered.connect(lambda *_: triggered.append(1))
    qtbot.keyClick(panel.password_field, Qt.Key.Key_F5)  # the window's shortcuts wait for the sign-in
    qtbot.keyClick(window.intake_form, Qt.Key.Key_F5)
    assert triggered == [] and lock.is_locked
    qtbot.keyClicks(panel.password_field, "wrong")
    qtbot.keyClick(panel.password_field, Qt.Key.Key_Return)
    assert lock.is_locked and panel.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
    window.session.set_timeout_ms(0)  # no second lock while the test types
    panel.user_field.setText("giamdoc")
    qtbot.keyClicks(panel.password_field, "demo")
    qtbot.keyClick(panel.password_field, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert window.actor().username == "giamdoc" and window.queue_panel.actor.username == "giamdoc"
    assert window.actor().counter == 3 and "Nguyễn Văn Hùng" in window.officer_label.text()
    assert window.session.users_action.isEnabled()  # a director may see the users
    with seeded_store.read() as session:
        out = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "user.sign_out")))
    assert [(e.actor, e.detail["reason"]) for e in out] == [("canbo1", "replaced")]


def test_input_keeps_the_lock_away_and_the_filter_is_seldom_on(qtbot, security_vi, counter_window):
    """The idle watch sees the first input of each re-arm period only (no Python call per event), and input
    still keeps the lock away; the lock comes once input stops."""
    window = counter_window
    lock = window.session.idle
    window.session.set_timeout_ms(600)  # re-armed every 150 ms
    armed_at_key = []
    for _ in range(30):  # 1.5 s of typing: longer than the timeout
        armed_at_key.append(lock._armed)
        qtbot.keyClick(window.intake_form, Qt.Key.Key_Shift)
        qtbot.wait(50)
    assert not lock.is_locked
    assert 3 <= sum(armed_at_key) <= 15  # seen about once per 150 ms, not at every key
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    window.session.set_timeout_ms(0)


def test_sign_out_locks_until_someone_signs_in(qtbot, security_vi, counter_window):
    window = counter_window
    window.session.sign_out_action.trigger()
    lock = window.session.idle
    assert lock.is_locked and lock.panel.user_field.text() == ""
    lock.panel.user_field.setText("canbo1")
    qtbot.keyClicks(lock.panel.password_field, "demo")
    qtbot.keyClick(lock.panel.password_field, Qt.Key.Key_Return)
    assert not lock.is_locked and window.actor().username == "canbo1"
    triggered = []
    window.new_action.triggered.connect(lambda *_: triggered.append(1))
    qtbot.keyClick(window.intake_form, Qt.Key.Key_F5)
    assert triggered == [1]  # unlocked: the shortcuts work again


def test_change_password_then_sign_in_with_it(qtbot, security_vi, counter_window, seeded_store):
    dialog = counter_window.session.change_password()
    dialog.old_field.setText("demo")
    dialog.new_field.setText("mat-khau-moi")
    dialog.repeat_field.setText("mat-khau-moi")
    qtbot.keyClick(dialog.repeat_field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert users.sign_in(seeded_store, "canbo1", "mat-khau-moi").username == "canbo1"


def test_the_users_window_adds_locks_and_resets(qtbot, seeded_store, tasks, security_vi):
    from ui.security.users_window import UsersWindow

    admin = users.sign_in(seeded_store, "quantri", "demo")
    window = UsersWindow(tasks, admin)
    qtbot.addWidget(window)
    window.show()
    names = [window.table.item(i, 0).text() for i in range(window.table.rowCount())]
    assert "canbo1" in names and "quantri" in names
    # the audit chain's head, as `motcua audit head` prints it, for the administrator to write down
    from app.services import audit_chain

    with seeded_store.read() as s:
        seq, digest = audit_chain.chain_head(s)
    assert window.chain_head.text() == f"Nhật ký: mục {seq}, dấu chuỗi {digest}"
    dialog = window.add_user()
    dialog.user_field.setText("canbo5")
    dialog.name_field.setText("Cán bộ Năm")
    dialog.password_field.setText("mat-khau-dai")
    dialog.repeat_field.setText("mat-khau-dai")
    dialog.role_boxes["officer"].setChecked(True)
    dialog.role_boxes["technician"].setChecked(True)
    dialog.submit()
    assert not dialog.isVisible()
    row = [i for i in range(window.table.rowCount()) if window.table.item(i, 0).text() == "canbo5"][0]
    assert window.table.item(row, 2).text() == "Cán bộ tiếp nhận, Kỹ thuật viên"  # the roles' names
    window.table.selectRow(row)
    window.lock_button.click()
    assert window.table.item(row, 3).text() == "đã khóa"
    assert users.attempt_code(seeded_store, "canbo5", "mat-khau-dai") == "account_locked"
    window.table.selectRow(row)
    window.unlock_button.click()
    window.table.selectRow(row)
    reset = window.reset_password()
    reset.password_field.setText("mat-khau-moi-2")
    reset.repeat_field.setText("mat-khau-moi-2")
    reset.submit()
    assert users.sign_in(seeded_store, "canbo5", "mat-khau-moi-2").roles == {"officer", "technician"}
