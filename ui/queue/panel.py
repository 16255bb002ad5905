"""The counter's queue panel: the ticket being served and the keys to move the queue.

F2 calls the next ticket (finishing the current one; with nobody waiting the current ticket stays and the
panel says so), F3 calls it again, F4 skips a citizen who did not come; "Transfer" sends the ticket to another
service or counter keeping its number and place; "Done" finishes it; "Pause" takes a reason. The shortcuts
work whenever the panel's window is active. A :class:`ui.queue.watcher.CallWatcher` of its own tells the
panel within a second of any change of the queue made elsewhere (a ticket issued, transferred here, a
counter paused), and the panel reads its state again; a slow refresh every 2 s is the safety net.

Threads: every change and read runs on the window's store thread through ``ui.tasks`` (``StoreOp`` /
``QueryOp``) and asks :func:`app.services.queue_screens.counter_panel` for the counter's fresh state, applied
on the GUI thread; reads are never run two at a time, and one asked for meanwhile runs right after, so the
panel never shows an older state than the last change it heard of. Failures go to ``ui.errors.show_error``
except the empty queue, which is a line in the panel, not an error. Call :meth:`QueuePanel.shutdown` when
the window closes (it stops the watcher).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services import queue
from app.services.queue_screens import counter_panel
from ui.i18n import arg
from ui.queue.watcher import CallWatcher
from ui.tasks import QueryOp, StoreOp, TaskManager

log = logging.getLogger(__name__)

REFRESH_MS = 2_000


def panel_state(session, counter_number: int) -> dict[str, Any]:
    """What the panel shows (store thread): see :func:`app.services.queue_screens.counter_panel`."""
    return counter_panel(session, counter_number)


class TransferDialog(QDialog):
    """Where to send the current ticket: another service, or another counter."""

    def __init__(self, *, services: list[dict], counters: list[dict], current_service: str | None, own_counter: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer the ticket"))
        self.to_service = QRadioButton(self.tr("To another service"), self)
        self.to_counter = QRadioButton(self.tr("To another counter"), self)
        self.service_box = QComboBox(self)
        self.service_box.setObjectName("serviceBox")
        for svc in services:
            if svc["code"] != current_service:
                self.service_box.addItem(f"{svc['code']} — {svc['name']}", svc["code"])
        self.counter_box = QComboBox(self)
        self.counter_box.setObjectName("counterBox")
        for c in counters:
            if c["number"] != own_counter:
                self.counter_box.addItem(c["name"] or arg(self.tr("Counter %1"), c["number"]), c["number"])
        self.to_service.setChecked(True)
        self.to_service.toggled.connect(self._sync)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QGridLayout(self)
        layout.addWidget(self.to_service, 0, 0)
        layout.addWidget(self.service_box, 0, 1)
        layout.addWidget(self.to_counter, 1, 0)
        layout.addWidget(self.counter_box, 1, 1)
        layout.addWidget(buttons, 2, 0, 1, 2)
        self._sync()

    def _sync(self) -> None:
        by_service = self.to_service.isChecked()
        self.service_box.setEnabled(by_service)
        self.counter_box.setEnabled(not by_service)
        box = self.service_box if by_service else self.counter_box
        self.ok_button.setEnabled(box.count() > 0)

    def target(self) -> dict[str, Any]:
        """``{"to_service": code}`` or ``{"to_counter": number}``."""
        if self.to_service.isChecked():
            return {"to_service": self.service_box.currentData()}
        return {"to_counter": self.counter_box.currentData()}


class PauseDialog(QDialog):
    """Why the counter pauses: a usual reason or the officer's own words."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseDialog")
        self.setWindowTitle(self.tr("Pause the counter"))
        label = QLabel(self.tr("Reason:"), self)
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("reasonBox")
        self.reason_box.setEditable(True)
        self.reason_box.addItems(
            [self.tr("Break"), self.tr("Meeting"), self.tr("Helping another counter"), self.tr("Technical problem")]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.reason_box.currentTextChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason_box)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return self.reason_box.currentText().strip()


class QueuePanel(QWidget):
    """The queue at one counter. ``ticket_called(number)`` after a call (F2) brought a ticket here.

    ``tasks`` is the window's :class:`ui.tasks.TaskManager`; ``actor`` the officer signed in. GUI thread only.
    """

    ticket_called = Signal(str)
    state_changed = Signal(dict)

    def __init__(self, *, store, counter_number: int, actor, tasks: TaskManager, watch: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.counter_number = counter_number
        self.actor = actor
        self.tasks = tasks
        self.state: dict[str, Any] | None = None
        self._busy = False
        self._refreshing = False
        self._refresh_again = False
        self.setObjectName("queuePanel")
        self._build()
        self._refresh_timer = QTimer(self, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start()
        tasks.changes_applied.connect(self._changes_applied)
        # Changes made at other stations (``watch``; tests of the panel alone may go without).
        self.watcher: CallWatcher | None = None
        if watch:
            self.watcher = CallWatcher(store, history=0, with_status=False, parent=self)
            self.watcher.events_seen.connect(lambda _events: self.refresh())
            self.watcher.start()
        for key, slot in ((Qt.Key.Key_F2, self.call_next), (Qt.Key.Key_F3, self.recall), (Qt.Key.Key_F4, self.skip)):
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self._update_buttons()
        self.refresh()

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(arg(self.tr("Counter %1"), self.counter_number), self)
        self.title.setObjectName("queueTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.counter_state = QLabel("", self)
        self.counter_state.setObjectName("counterState")
        self.counter_state.setWordWrap(True)

        card = QFrame(self)
        card.setObjectName("currentCard")
        card.setStyleSheet("#currentCard { background: #eef3fb; border: 1px solid #b8c8e0; border-radius: 8px; }")
        self.current_label = QLabel("—", card)
        self.current_label.setObjectName("currentNumber")
        self.current_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_label.setStyleSheet("font-size: 40pt; font-weight: bold; color: #0d47a1;")
        self.current_detail = QLabel(self.tr("No ticket being served"), card)
        self.current_detail.setObjectName("currentDetail")
        self.current_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_detail.setWordWrap(True)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.current_label)
        card_layout.addWidget(self.current_detail)

        self.call_button = QPushButton(self.tr("Call next (F2)"), self)
        self.call_button.setObjectName("callNext")
        self.call_button.setStyleSheet("font-weight: bold; padding: 8px;")
        self.recall_button = QPushButton(self.tr("Call again (F3)"), self)
        self.skip_button = QPushButton(self.tr("Skip (F4)"), self)
        self.transfer_button = QPushButton(self.tr("Transfer…"), self)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.pause_button = QPushButton(self.tr("Pause…"), self)
        self.requeue_button = QPushButton(self.tr("Bring back…"), self)
        self.requeue_button.setToolTip(self.tr("Put a skipped ticket back in its place"))
        self.call_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(self.recall)
        self.skip_button.clicked.connect(self.skip)
        self.transfer_button.clicked.connect(self.open_transfer_dialog)
        self.done_button.clicked.connect(self.done)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.requeue_button.clicked.connect(self.open_requeue_dialog)
        grid = QGridLayout()
        grid.addWidget(self.call_button, 0, 0, 1, 2)
        grid.addWidget(self.recall_button, 1, 0)
        grid.addWidget(self.skip_button, 1, 1)
        grid.addWidget(self.transfer_button, 2, 0)
        grid.addWidget(self.done_button, 2, 1)
        grid.addWidget(self.pause_button, 3, 0)
        grid.addWidget(self.requeue_button, 3, 1)

        waiting_title = QLabel(self.tr("Waiting"), self)
        waiting_title.setStyleSheet("font-weight: bold;")
        self.waiting_list = QLabel("", self)
        self.waiting_list.setObjectName("waitingList")
        self.waiting_list.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel("", self)
        self.message.setObjectName("queueMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("warn", "no")
        self.message.setStyleSheet('#queueMessage { color: #555; } #queueMessage[warn="yes"] { color: #b71c1c; font-weight: bold; }')

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.counter_state)
        layout.addWidget(card)
        layout.addLayout(grid)
        layout.addWidget(waiting_title)
        layout.addWidget(self.waiting_list, 1)
        layout.addWidget(self.message)

    # -- state -----------------------------------------------------------------------------------

    def _set_message(self, text: str, *, warn: bool = False) -> None:
        """The line under the panel; ``warn`` shows it in bold red (nobody to call)."""
        self.message.setText(text)
        value = "yes" if warn else "no"
        if self.message.property("warn") != value:
            self.message.setProperty("warn", value)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    @property
    def current_number(self) -> str | None:
        current = (self.state or {}).get("current")
        return current["number"] if current else None

    @property
    def paused(self) -> bool:
        return bool((self.state or {}).get("paused"))

    def _apply(self, state: dict[str, Any]) -> None:
        self.state = state
        current = state["current"]
        if current is None:
            self.current_label.setText("—")
            self.current_detail.setText(self.tr("No ticket being served"))
        else:
            self.current_label.setText(current["number"])
            detail = current["service_name"]
            if current["priority_name"]:
                detail = arg(self.tr("%1 · priority: %2"), detail, current["priority_name"])
            if current["call_count"] > 1:
                detail = arg(self.tr("%1 · called %2 times"), detail, current["call_count"])
            self.current_detail.setText(detail)
        if not state["known"]:
            self.counter_state.setText(self.tr("This counter is not set up in the queue"))
        elif state["paused"]:
            self.counter_state.setText(arg(self.tr("Paused: %1"), state["pause_reason"]))
        else:
            self.counter_state.setText(self.tr("Open"))
        self.counter_state.setStyleSheet("color: #b71c1c; font-weight: bold;" if state["paused"] else "color: #2e7d32;")
        self.pause_button.setText(self.tr("Resume") if state["paused"] else self.tr("Pause…"))
        mine = set(state["services_here"])
        lines = []
        for svc in state["services"]:
            if mine and svc["code"] not in mine:
                continue
            line = arg(self.tr("%1 %2: %3"), svc["code"], svc["name"], svc["waiting"])
            if svc["priority_waiting"]:
                line = arg(self.tr("%1 (%2 priority)"), line, svc["priority_waiting"])
            lines.append(line)
        self.waiting_list.setText("\n".join(lines))
        self._update_buttons()
        self.state_changed.emit(state)

    def _update_buttons(self) -> None:
        known = bool(self.state and self.state["known"])
        serving = self.current_number is not None
        self.call_button.setEnabled(known and not self._busy)
        for button in (self.recall_button, self.skip_button, self.transfer_button, self.done_button):
            button.setEnabled(known and serving and not self._busy)
        self.pause_button.setEnabled(known and not self._busy)
        self.requeue_button.setEnabled(known and not self._busy)

    def refresh(self) -> None:
        """Read the counter's state again; while a read or an action is under way, once more right after
        it (that one may have started before the change it was asked for). Nothing once the window closes."""
        if self.tasks.closed:
            self.shutdown()
            return
        if self._refreshing or self._busy:
            self._refresh_again = True
            return
        self._refreshing = True
        self._refresh_again = False
        number = self.counter_number

        def done(state):
            self._refreshing = False
            self._apply(state)
            self._refresh_if_asked()

        def failed(exc):
            self._refreshing = False
            log.warning("queue panel refresh failed: %s", type(exc).__name__)
            self._refresh_if_asked()

        QueryOp(parent=self, op=lambda session: panel_state(session, number), tasks=self.tasks).success(done).failure(
            failed
        ).run_in_background()

    def _refresh_if_asked(self) -> None:
        if self._refresh_again and not self._busy and not self._refreshing:
            self.refresh()

    def shutdown(self) -> None:
        """Stop the watcher and the refresh (the window is closing); idempotent."""
        self._refresh_timer.stop()
        if self.watcher is not None:
            self.watcher.stop()

    def _changes_applied(self, changes: dict, initiator: object) -> None:
        if initiator is not self and "queue" in changes:
            self.refresh()

    # -- actions ---------------------------------------------------------------------------------

    def _act(self, fn, on_done=None, *, message: str | None = None) -> None:
        """Run ``fn(session)`` and read the fresh state in the same unit of work (store thread)."""
        if self._busy:
            return
        self._busy = True
        self._update_buttons()
        number = self.counter_number

        def op(session):
            result = fn(session)
            session.flush()
            return result, panel_state(session, number)

        def done(outcome):
            self._busy = False
            result, state = outcome
            self._apply(state)
            self._set_message("")
            if message is not None:
                self._set_message(message)
            if on_done is not None:
                on_done(result)
            self._refresh_if_asked()

        def failed(exc):
            self._busy = False
            self._update_buttons()
            self._refresh_if_asked()
            from ui.errors import show_error

            show_error(exc, parent=self)

        StoreOp(parent=self, op=op, changes={"queue": [number]}, tasks=self.tasks).success(done).failure(
            failed
        ).run_in_background()

    def call_next(self) -> None:
        """F2: call the next ticket, finishing the current one. With nobody waiting the current ticket
        stays (finishing is "Done") and the panel says so plainly."""

        def op(session):
            ticket = queue.call_next(session, self.actor, self.counter_number)
            return ticket.number if ticket is not None else None

        def called(number):
            if number is None:
                kept = self.current_number
                if kept:
                    self._set_message(arg(self.tr("Nobody is waiting. %1 is still being served here"), kept), warn=True)
                else:
                    self._set_message(self.tr("Nobody is waiting"), warn=True)
                return
            self._set_message(arg(self.tr("Called %1"), number))
            self.ticket_called.emit(number)

        self._act(op, called)

    def recall(self) -> None:
        """F3: call the current ticket again (the board and the voice repeat it)."""
        if self.current_number is None:
            return
        self._act(lambda s: queue.recall(s, self.actor, self.counter_number).number,
                  lambda number: self._set_message(arg(self.tr("Called %1 again"), number)))

    def skip(self) -> None:
        """F4: the citizen did not come; the ticket can be brought back within the set time."""
        if self.current_number is None:
            return
        self._act(lambda s: queue.skip(s, self.actor, self.counter_number).number,
                  lambda number: self._set_message(arg(self.tr("Skipped %1"), number)))

    def done(self) -> None:
        if self.current_number is None:
            return
        self._act(lambda s: queue.done(s, self.actor, self.counter_number).number,
                  lambda number: self._set_message(arg(self.tr("Finished %1"), number)))

    def transfer(self, *, to_service: str | None = None, to_counter: int | None = None) -> None:
        self._act(
            lambda s: queue.transfer(s, self.actor, self.counter_number, to_service=to_service, to_counter=to_counter).number,
            lambda number: self._set_message(arg(self.tr("Transferred %1"), number)),
        )

    def pause(self, reason: str) -> None:
        self._act(lambda s: queue.pause(s, self.actor, self.counter_number, reason) and None,
                  lambda _r: self._set_message(self.tr("Counter paused")))

    def resume(self) -> None:
        self._act(lambda s: queue.resume(s, self.actor, self.counter_number) and None,
                  lambda _r: self._set_message(self.tr("Counter open again")))

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.open_pause_dialog()

    def requeue(self, number: str) -> None:
        number = number.strip().upper()
        if not number:
            return
        self._act(lambda s: queue.requeue(s, self.actor, number).number,
                  lambda n: self._set_message(arg(self.tr("%1 is waiting again in its place"), n)))

    def link_dossier(self, code: str) -> None:
        """Record that dossier ``code`` was taken for the ticket being served (no ticket: nothing to record)."""
        if self.current_number is None:
            log.info("dossier taken without a ticket being served; not linked")
            return
        number = self.counter_number

        def failed(exc):
            log.warning("dossier not linked to the ticket: %s", type(exc).__name__)

        StoreOp(
            parent=self,
            op=lambda s: queue.link_dossier(s, self.actor, number, code).number,
            changes={"queue": [number]},
            tasks=self.tasks,
        ).failure(failed).run_in_background()

    # -- dialogs ---------------------------------------------------------------------------------

    def open_transfer_dialog(self) -> TransferDialog | None:
        if self.current_number is None or self.state is None:
            return None
        current = self.state["current"]
        dialog = TransferDialog(
            services=self.state["services"], counters=self.state["counters"], current_service=current["service"],
            own_counter=self.counter_number, parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.transfer(**dialog.target()))
        dialog.open()
        return dialog

    def open_pause_dialog(self) -> PauseDialog:
        dialog = PauseDialog(parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.pause(dialog.reason()))
        dialog.open()
        return dialog

    def open_requeue_dialog(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("requeueDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Bring back a skipped ticket"))
        dialog.setLabelText(self.tr("Ticket number:"))
        dialog.textValueSelected.connect(self.requeue)
        dialog.open()
        return dialog
