"""The automatic screen lock: after ``security.idle_lock_minutes`` (a center setting, default 10) without a
key or a mouse event in the application, an opaque panel covers the window until the same user signs in
again, or another user does (which signs the first one out and hands the window to the second).

:class:`IdleLock` is given the window, the task manager and the signed-in actor; ``user_changed(actor)``
tells the window a different user took over. GUI thread only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.services import users
from ui.errors import error_text
from ui.i18n import arg
from ui.security.dialogs import password_field

log = logging.getLogger(__name__)

ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
            QEvent.Type.TouchBegin}


#: what never reaches the locked window (its shortcuts, clicks and keys), only the lock panel
BLOCKED = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride,
           QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
           QEvent.Type.Wheel}


class LockPanel(QFrame):
    """What covers a locked window: who is signed in, the user name and password fields, "Unlock"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockPanel")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockPanel { background: #20303f; } QLabel { color: white; font-size: 13pt; }")
        self.title = QLabel(self.tr("The screen is locked"), self)
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.who = QLabel(self)
        self.user_field = QLineEdit(self)
        self.user_field.setObjectName("lockUser")
        self.password_field = password_field(self)
        self.password_field.setObjectName("lockPassword")
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setStyleSheet("color: #ffb4ab;")
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        box = QWidget(self)
        box.setMaximumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.user_field)
        form.addRow(self.tr("Password:"), self.password_field)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.unlock_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without input (``timeout_ms`` overrides, for tests; 0 never)."""

    locked = Signal()
    unlocked = Signal(object)  # the actor now signed in
    user_changed = Signal(object)  # a different user took over

    def __init__(self, window: QWidget, tasks, actor: Actor, *, minutes: int = 10, timeout_ms: int | None = None,
                 station=None) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.actor = actor
        self.station = station
        self.panel = LockPanel(window)
        self.panel.hide()
        self.panel.unlock_button.clicked.connect(self.unlock)
        self.panel.password_field.returnPressed.connect(self.unlock)
        self.panel.user_field.returnPressed.connect(self.panel.password_field.setFocus)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        # Watching for input: an application event filter written in Python runs for every event of every
        # widget (thousands a minute, each taking the GIL from a busy worker). It is installed only until
        # the first input after each REARM period, so it runs a few times a minute; the lock may come up to
        # REARM early after the last input, which a 10-minute lock does not notice.
        self.rearm = QTimer(self)
        self.rearm.setSingleShot(True)
        self.rearm.timeout.connect(self._arm)
        self._armed = False
        interval = timeout_ms if timeout_ms is not None else max(0, int(minutes)) * 60_000
        self.set_timeout_ms(interval)

    def set_timeout_ms(self, ms: int) -> None:
        """Lock after ``ms`` without input (0: never)."""
        self.timer.setInterval(max(0, ms))
        self.rearm.setInterval(max(1, min(self.REARM_MS, ms // 4)))
        if self.is_locked:
            return
        if ms > 0:
            self._arm()
            self.timer.start()
        else:
            self.timer.stop()
            self.rearm.stop()
            self._disarm()

    REARM_MS = 5_000

    def _arm(self) -> None:
        app = QApplication.instance()
        if not self._armed and app is not None:
            app.installEventFilter(self)
            self._armed = True

    def _disarm(self) -> None:
        app = QApplication.instance()
        if self._armed and app is not None:
            app.removeEventFilter(self)
        self._armed = False

    @property
    def is_locked(self) -> bool:
        return self.panel.isVisible()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if self.is_locked:
            if watched is self.window and kind == QEvent.Type.Resize:
                self.panel.setGeometry(self.window.rect())
            elif kind in BLOCKED and not self._reaches_panel(watched):
                return True  # the window's shortcuts and keys wait for the sign-in
        elif kind in ACTIVITY and self.timer.interval() > 0:
            self.timer.start()  # any input restarts the count
            self._disarm()  # and the next REARM period's first input is the next one that needs seeing
            self.rearm.start()
        return False

    def _reaches_panel(self, watched) -> bool:
        if not isinstance(watched, QWidget):
            return False  # a QAction's shortcut, a QShortcut
        if watched is self.panel or self.panel.isAncestorOf(watched):
            return True
        return watched.window() is not self.window  # another top-level window (a dialog of its own)

    def lock(self) -> None:
        if self.is_locked:
            return
        log.info("screen locked after idle time")
        self.panel.who.setText(arg(self.tr("Signed in: %1"), self.actor.display_name or self.actor.username))
        self.panel.user_field.setText(self.actor.username)
        self.panel.password_field.clear()
        self.panel.message.clear()
        self.panel.setGeometry(self.window.rect())
        self.panel.show()
        self.panel.raise_()
        self.panel.password_field.setFocus()
        self.rearm.stop()
        self._arm()  # keys and shortcuts of the window stop here
        self.window.installEventFilter(self)  # its resizes move the panel
        self.locked.emit()

    def unlock(self) -> None:
        name, password = self.panel.user_field.text().strip(), self.panel.password_field.text()
        if not name or not password:
            return
        previous, station = self.actor, self.station

        def attempt(session):
            outcome = users.attempt(session, name, password, station=station)
            if isinstance(outcome, Actor) and outcome.username != previous.username and previous.user_id:
                users.sign_out(session, previous, station=station, reason="replaced")
            return outcome

        self.panel.unlock_button.setEnabled(False)
        self.tasks.run_store(attempt, self._done, write=True)

    def _done(self, ok: bool, value) -> None:
        self.panel.unlock_button.setEnabled(True)
        self.panel.password_field.clear()
        if not ok or isinstance(value, BaseException):
            self.panel.message.setText(error_text(value))
            return
        changed = value.username != self.actor.username
        self.actor = value
        self.panel.hide()
        self.window.removeEventFilter(self)
        if self.timer.interval() > 0:
            self.timer.start()
        else:
            self._disarm()
        if changed:
            self.user_changed.emit(value)
        self.unlocked.emit(value)

    def stop(self) -> None:
        self.timer.stop()
        self.rearm.stop()
        self._disarm()
