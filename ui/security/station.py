"""What a signed-in station window gets from sign-in (:class:`SessionControls`): the "TÀI KHOẢN DEMO" banner
when a demo account is signed in, the menu actions (change password, users for an administrator, sign out)
and the idle screen lock with the center's ``security.idle_lock_minutes``. ``actor_changed(actor)`` tells
the window another user took over (after a sign-out or at the lock screen). GUI thread only."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.actors import Actor
from app.services import center, users
from ui.security.dialogs import ChangePasswordDialog, DemoBanner
from ui.security.lock import IdleLock

log = logging.getLogger(__name__)

IDLE_KEY = "security.idle_lock_minutes"


class SessionControls(QObject):
    actor_changed = Signal(object)

    def __init__(self, window: QMainWindow, tasks, actor: Actor, *, station=None, menu=None) -> None:
        super().__init__(window)
        self.window, self.tasks, self.actor, self.station = window, tasks, actor, station
        self.banner = DemoBanner(window)
        window.statusBar().addWidget(self.banner)
        self.banner.setVisible(actor.demo)
        self.idle = IdleLock(window, tasks, actor, minutes=0, station=station)
        self.idle.user_changed.connect(self._changed)
        menu = menu or window.menuBar().addMenu(self.tr("&Account"))
        self.password_action = self._add(menu, self.tr("Change &password..."), "", self.change_password)
        self.users_action = self._add(menu, self.tr("&Users..."), "", self.open_users)
        self.sign_out_action = self._add(menu, self.tr("Sign &out"), "Ctrl+Shift+L", self.sign_out)
        self._update()
        tasks.run_store(lambda s: center.get(s, IDLE_KEY), self._minutes, write=False)

    def _add(self, menu, text: str, key: str, slot) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def _minutes(self, ok: bool, value) -> None:
        if ok and isinstance(value, int) and value > 0:
            self.set_timeout_ms(value * 60_000)

    def set_timeout_ms(self, ms: int) -> None:
        """Lock after ``ms`` without input (the center setting's minutes; tests pass a few milliseconds)."""
        self.idle.set_timeout_ms(ms)

    def _update(self) -> None:
        self.banner.setVisible(self.actor.demo)
        self.users_action.setEnabled(self.actor.may("user.list"))
        self.password_action.setEnabled(self.actor.user_id is not None)

    def _changed(self, actor: Actor) -> None:
        self.actor = actor
        self._update()
        self.actor_changed.emit(actor)

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.tasks, self.actor, parent=self.window)
        dialog.open()
        return dialog

    def open_users(self):
        from ui.security.users_window import UsersWindow

        window = UsersWindow(self.tasks, self.actor, parent=self.window)
        window.open()
        return window

    def sign_out(self) -> None:
        """Record the sign-out and cover the window until someone signs in."""
        actor, station = self.actor, self.station
        if actor.user_id is not None:
            self.tasks.run_store(lambda s: users.sign_out(s, actor, station=station), lambda ok, v: None, write=True)
        self.idle.lock()
        self.idle.panel.user_field.clear()
        self.idle.panel.user_field.setFocus()
        self.idle.actor = Actor("", "officer")  # whoever signs in next takes the window

    def stop(self) -> None:
        self.idle.stop()
