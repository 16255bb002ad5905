"""The kiosk (máy lấy số): a touch screen where citizens take a queue ticket or look up a dossier.

Pages: the services (one big button each) → the priority choice → "Print ticket" → the number in huge type
with the priority group chosen, how many people wait ahead and the estimated wait (back to the start after
~8 s). "Look up my dossier" takes the receipt's barcode/QR from a scanner (keyboard wedge ending with Enter),
or a code typed on the on-screen keypad (:class:`ui.kiosk.keypad.TouchKeypad`), and says the dossier's
state in plain words. "Rate our service" (:class:`ui.kiosk.rating.RatingPage`) takes the ticket's number
(typed or its QR scanned) and one touch on Rất hài lòng / Hài lòng / Không hài lòng: one rating per visit.

This module is the screen (GUI thread only): pages, big buttons, messages and keys. The work behind it,
issuing the ticket on the store thread and printing it on the "ticket-printer" device thread, the look-up and
the technician's sign-in, is :class:`ui.kiosk.controller.KioskController`'s; its answers come back here as signals. A
printer failure is told on the screen in plain Vietnamese; the ticket stays valid because its number is on
the screen.

A serial button box may send a service's letter followed by Enter: that issues a ticket for the service
without priority, the same as a tap on the service and "Print ticket". Technician exit: Ctrl+Shift+Q and the
sign-in of a user holding the technician role (``ui.security.gate``); there is no PIN.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import show_full_screen
from ui.i18n import arg
from ui.kiosk.controller import PRINTER_THREAD, KioskController, candidate_codes
from ui.kiosk.keypad import TouchKeypad
from ui.kiosk.rating import RatingPage
from ui.tasks import DeviceOp, TaskManager

__all__ = ["KioskWindow", "build_kiosk_window", "candidate_codes", "run_kiosk"]

log = logging.getLogger(__name__)

RESULT_MS = 8_000  # the number stays on screen this long
RESULT_FAILED_MS = 20_000  # longer when the ticket did not print: time to note the number
IDLE_MS = 30_000  # an unfinished choice or a look-up goes back to the start
BANNER_MS = 10_000


# --- the window ------------------------------------------------------------------------------------


def _touch_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the window (button box, scanner)
    # Ignored width: a long service name must not widen the window past a portrait screen.
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    return button


def _centred_label(text: str, name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    return label


class KioskWindow(QWidget):
    """The kiosk screen. Build it with :func:`build_kiosk_window`; its work (store, printer, PIN) is done by
    ``self.controller`` (:class:`ui.kiosk.controller.KioskController`).

    ``ticket_issued(info)`` after a ticket was taken; ``ticket_printed(number)`` / ``print_failed(number,
    message)`` when the printer answered.
    """

    ticket_issued = Signal(dict)
    ticket_printed = Signal(str)
    print_failed = Signal(str, str)

    PAGE_SERVICES, PAGE_PRIORITY, PAGE_TICKET, PAGE_LOOKUP, PAGE_RATING = range(5)

    def __init__(self, *, tasks: TaskManager, printer, locked: bool = False, parent: QWidget | None = None,
                 station: str = "kiosk-1") -> None:
        super().__init__(parent)
        self.controller = KioskController(tasks=tasks, printer=printer, parent=self, station=station)
        self.locked = locked
        self._exit_allowed = False
        self._gate = None  # the technician's sign-in (ui.security.gate), made on first use
        self._service: str | None = None
        self._priority: str | None = None
        self._services: list[dict[str, str]] = []
        self._groups: list[dict[str, str]] = []
        self._typed = ""
        self.last_ticket: dict[str, Any] | None = None
        self.service_buttons: dict[str, QPushButton] = {}
        self.priority_buttons: dict[str | None, QPushButton] = {}
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("Take a number"))
        self._build()
        self._apply_style()

        self._home_timer = QTimer(self, singleShot=True)
        self._home_timer.timeout.connect(self.go_home)
        self._banner_timer = QTimer(self, singleShot=True, interval=BANNER_MS)
        self._banner_timer.timeout.connect(self.banner.hide)
        self._typed_timer = QTimer(self, singleShot=True, interval=2000)
        self._typed_timer.timeout.connect(self._clear_typed)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, context=Qt.ShortcutContext.WindowShortcut,
                  activated=self.ask_technician)

        self.controller.choices_loaded.connect(self._show_choices)
        self.controller.choices_failed.connect(self._load_failed)
        self.controller.issued.connect(self._issued)
        self.controller.issue_failed.connect(self._issue_failed)
        self.controller.printed.connect(self._printed)
        self.controller.print_failed.connect(self._print_failed)
        self.controller.looked_up.connect(self._looked_up)
        self.rating.ticket_given.connect(self.controller.find_visit)
        self.controller.visit_found.connect(self.rating.show_levels)
        self.controller.visit_refused.connect(self.rating.refuse)
        self.rating.level_chosen.connect(self.controller.rate)
        self.controller.rated.connect(self._rated)
        self.controller.rating_refused.connect(self.rating.refuse)
        self.rating.back.connect(self.go_home)
        self.rating.activity.connect(lambda: self._home_timer.start(IDLE_MS))

    @property
    def tasks(self) -> TaskManager:
        return self.controller.tasks

    @property
    def printer(self):
        return self.controller.printer

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.center_label = _centred_label("", "centerName", self)
        self.stack = QStackedWidget(self)
        self.banner = _centred_label("", "banner", self)
        self.banner.hide()
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(16)
        root.addWidget(self.center_label)
        root.addWidget(self.stack, 1)
        root.addWidget(self.banner)
        from ui.devices.status import DeviceStatusLine

        self.device_status = DeviceStatusLine(self)  # "Máy in vé: hết giấy", for the staff passing by
        root.addWidget(self.device_status)

        # 1. services
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        title = _centred_label(self.tr("Please choose a service"), "title", page, wrap=False)
        self.services_grid = QGridLayout()
        self.services_grid.setSpacing(20)
        self.lookup_button = _touch_button(self.tr("Look up my dossier"), "lookupButton", page)
        self.lookup_button.clicked.connect(self.show_lookup)
        self.rate_button = _touch_button(self.tr("Rate our service"), "rateButton", page)
        self.rate_button.clicked.connect(self.show_rating)
        extras = QHBoxLayout()
        extras.addWidget(self.lookup_button)
        extras.addWidget(self.rate_button)
        layout.addWidget(title)
        layout.addLayout(self.services_grid, 1)
        layout.addLayout(extras)
        self.stack.addWidget(page)

        # 2. priority
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        self.priority_title = _centred_label("", "title", page)
        question = _centred_label(self.tr("Do you belong to a priority group?"), "subtitle", page, wrap=False)
        self.priority_grid = QGridLayout()
        self.priority_grid.setSpacing(16)
        self.priority_group = QButtonGroup(self)
        self.priority_group.setExclusive(True)
        actions = QHBoxLayout()
        back = _touch_button(self.tr("Back"), "backButton", page)
        back.clicked.connect(self.go_home)
        self.print_button = _touch_button(self.tr("Print ticket"), "printButton", page)
        self.print_button.clicked.connect(self.print_ticket)
        actions.addWidget(back, 1)
        actions.addWidget(self.print_button, 2)
        layout.addWidget(self.priority_title)
        layout.addWidget(question)
        layout.addLayout(self.priority_grid, 1)
        layout.addLayout(actions)
        self.stack.addWidget(page)

        # 3. the ticket
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        caption = _centred_label(self.tr("Your number"), "subtitle", page, wrap=False)
        self.number_label = _centred_label("", "bigNumber", page, wrap=False)
        self.ticket_service = _centred_label("", "subtitle", page, wrap=False)
        self.ticket_priority = _centred_label("", "ticketPriority", page)
        self.ahead_label = _centred_label("", "ahead", page)
        self.wait_label = _centred_label("", "subtitle", page)
        self.print_status = _centred_label("", "printStatus", page)
        self.print_status.setProperty("failed", "no")
        done = _touch_button(self.tr("Done"), "doneButton", page)
        done.clicked.connect(self.go_home)
        layout.addWidget(caption)
        layout.addWidget(self.number_label, 2)
        layout.addWidget(self.ticket_service)
        layout.addWidget(self.ticket_priority)
        layout.addWidget(self.ahead_label)
        layout.addWidget(self.wait_label)
        layout.addWidget(self.print_status, 1)
        layout.addWidget(done)
        self.stack.addWidget(page)

        # 4. dossier look-up
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        title = _centred_label(self.tr("Look up my dossier"), "title", page, wrap=False)
        hint = _centred_label(
            self.tr("Hold the barcode or QR code of your appointment slip under the scanner, or type the dossier code"),
            "subtitle", page,
        )
        self.lookup_field = QLineEdit(page)
        self.lookup_field.setObjectName("lookupField")
        self.lookup_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lookup_field.returnPressed.connect(self.look_up)
        self.keypad = TouchKeypad(self.lookup_field, parent=page)
        self.keypad.submitted.connect(self.look_up)
        self.keypad.typed.connect(lambda: self._home_timer.start(IDLE_MS))
        self.lookup_procedure = _centred_label("", "subtitle", page)
        self.lookup_result = _centred_label("", "lookupResult", page)
        back = _touch_button(self.tr("Back"), "backButton", page)
        back.clicked.connect(self.go_home)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.lookup_field)
        layout.addWidget(self.keypad, 2)
        layout.addWidget(self.lookup_procedure)
        layout.addWidget(self.lookup_result, 1)
        layout.addWidget(back)
        self.stack.addWidget(page)

        # 5. the citizen's rating
        self.rating = RatingPage(self.stack)
        self.stack.addWidget(self.rating)

    def _scale(self) -> float:
        return max(0.45, min(self.width(), self.height()) / 1080)

    def _apply_style(self) -> None:
        s = self._scale()

        def px(value: float) -> int:
            return max(8, round(value * s))

        self.setStyleSheet(
            f"""
            #kiosk {{ background: #f4f7fb; }}
            QLabel {{ color: #10243e; }}
            #centerName {{ font-size: {px(36)}px; font-weight: bold; color: #0d47a1; }}
            #title {{ font-size: {px(56)}px; font-weight: bold; }}
            #subtitle {{ font-size: {px(40)}px; }}
            #bigNumber {{ font-size: {px(300)}px; font-weight: bold; color: #0d47a1; }}
            #ahead {{ font-size: {px(52)}px; font-weight: bold; }}
            #ticketPriority {{ font-size: {px(44)}px; font-weight: bold; color: #ef6c00; }}
            #keypad QPushButton {{ font-size: {px(40)}px; padding: {px(6)}px; min-height: {px(64)}px;
                                   border-radius: {px(12)}px; background: #37474f; }}
            #keypad QPushButton:pressed {{ background: #263238; }}
            #keypad #keypadSubmit {{ background: #00838f; font-weight: bold; }}
            #keypad #keypadClear, #keypad #keypadBack {{ background: #78909c; }}
            #printStatus {{ font-size: {px(38)}px; color: #2e7d32; }}
            #printStatus[failed="yes"] {{ color: #b71c1c; font-weight: bold; font-size: {px(46)}px; }}
            #banner {{ font-size: {px(38)}px; color: white; background: #b71c1c; border-radius: {px(12)}px;
                       padding: {px(16)}px; }}
            #lookupResult {{ font-size: {px(52)}px; font-weight: bold; }}
            #lookupField {{ font-size: {px(40)}px; padding: {px(12)}px; border: 3px solid #0d47a1;
                            border-radius: {px(12)}px; background: white; }}
            QPushButton {{ font-size: {px(44)}px; color: white; background: #1565c0; border: none;
                           border-radius: {px(24)}px; padding: {px(20)}px; min-height: {px(90)}px; }}
            QPushButton:pressed {{ background: #0d47a1; }}
            QPushButton:checked {{ background: #ef6c00; }}
            #serviceButton {{ font-size: {px(60)}px; font-weight: bold; min-height: {px(150)}px; }}
            #priorityButton {{ background: #546e7a; }}
            #priorityButton:checked {{ background: #ef6c00; }}
            #printButton {{ background: #2e7d32; font-size: {px(60)}px; font-weight: bold; }}
            #backButton, #doneButton {{ background: #78909c; }}
            #lookupButton {{ background: #00838f; max-height: {px(120)}px; }}
            #rateButton {{ background: #6a1b9a; max-height: {px(120)}px; }}
            #levelButton {{ font-size: {px(64)}px; font-weight: bold; min-height: {px(150)}px; }}
            #levelButton:disabled {{ color: #e0e0e0; }}
            #ratingMessage {{ font-size: {px(44)}px; font-weight: bold; color: #b71c1c; }}
            #thanks {{ font-size: {px(64)}px; font-weight: bold; color: #2e7d32; }}
            """
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._apply_style()
        self._layout_services()

    def _service_columns(self) -> int:
        count = len(self.service_buttons)
        if self.width() < self.height():  # a portrait kiosk: one wide button per line
            return 1 if count <= 6 else 2
        return 1 if count <= 2 else 2 if count <= 8 else 3

    def _layout_services(self) -> None:
        columns = self._service_columns()
        if columns == getattr(self, "_columns", None):
            return
        self._columns = columns
        for index, button in enumerate(self.service_buttons.values()):
            self.services_grid.addWidget(button, index // columns, index % columns)

    # -- loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the services and priority groups (store thread); the buttons are built when they come."""
        self.controller.load()

    def _load_failed(self) -> None:
        self.show_banner(self.tr("The kiosk is not ready. Please ask an officer for a number"), sticky=True)
        QTimer.singleShot(10_000, self, self.load)

    def _show_choices(self, data: dict[str, Any]) -> None:
        self.banner.hide()
        if not data["services"]:
            log.warning("no active queue service: the kiosk has nothing to offer")
            self.show_banner(self.tr("The kiosk is not ready. Please ask an officer for a number"), sticky=True)
        self.center_label.setText(data["center_name"])
        self._services, self._groups = data["services"], data["groups"]
        for button in self.service_buttons.values():
            button.deleteLater()
        self.service_buttons.clear()
        for svc in self._services:
            button = _touch_button(f"{svc['name']}\n{svc['code']}", "serviceButton", self)
            button.setAccessibleName(svc["name"])
            button.clicked.connect(lambda _checked=False, code=svc["code"]: self.choose_service(code))
            self.service_buttons[svc["code"]] = button
        self._columns = None
        self._layout_services()
        for button in self.priority_buttons.values():
            self.priority_group.removeButton(button)
            button.deleteLater()
        self.priority_buttons.clear()
        choices = [(None, self.tr("No priority"))] + [(g["code"], g["name"]) for g in self._groups]
        for index, (code, name) in enumerate(choices):
            button = _touch_button(name, "priorityButton", self)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, c=code: self.choose_priority(c))
            self.priority_group.addButton(button)
            self.priority_grid.addWidget(button, index // 2, index % 2)
            self.priority_buttons[code] = button

    # -- the ticket ------------------------------------------------------------------------------

    def choose_service(self, code: str) -> None:
        """A service was tapped: ask about priority."""
        svc = next((s for s in self._services if s["code"] == code), None)
        if svc is None:
            return
        self._service = code
        self.priority_title.setText(svc["name"])
        self.choose_priority(None)
        self._show_page(self.PAGE_PRIORITY, IDLE_MS)

    def choose_priority(self, code: str | None) -> None:
        self._priority = code
        button = self.priority_buttons.get(code)
        if button is not None:
            button.setChecked(True)
        self._home_timer.start(IDLE_MS)

    def print_ticket(self) -> None:
        """"Print ticket": issue it (store thread), then show it and print it (device thread)."""
        if self._service is None:
            return
        self.issue(self._service, self._priority)

    def issue(self, service: str, priority: str | None = None) -> None:
        """Issue a ticket for ``service``; the answer comes back as ``_issued`` or ``_issue_failed``."""
        if self.controller.issuing:  # a second tap while the first is being issued
            return
        self.print_button.setEnabled(False)  # before: the answer may come back at once
        self.controller.issue(service, priority)

    def _issue_failed(self) -> None:
        self.print_button.setEnabled(True)
        self.go_home()
        self.show_banner(self.tr("No number could be given. Please try again or ask an officer"))

    def _issued(self, info: dict[str, Any]) -> None:
        """The number is shown (and ``ticket_issued`` sent) before the controller asks the printer."""
        self.print_button.setEnabled(True)
        self.last_ticket = info
        self.number_label.setText(info["number"])
        self.ticket_service.setText(info["service_name"])
        priority = info.get("priority_name") or ""
        self.ticket_priority.setText(arg(self.tr("Priority: %1"), priority) if priority else "")
        self.ticket_priority.setVisible(bool(priority))
        ahead = info["waiting_ahead"]
        if ahead:
            self.ahead_label.setText(self.tr("%n people are waiting before you", "", ahead))
            minutes = max(1, round(info.get("estimated_wait_minutes") or 0))
            self.wait_label.setText(self.tr("Estimated wait: about %n minutes", "", minutes))
        else:
            self.ahead_label.setText(self.tr("Nobody is waiting before you"))
            self.wait_label.setText(self.tr("You will be called soon"))
        self._set_print_status(self.tr("Printing your ticket…"), failed=False)
        self._show_page(self.PAGE_TICKET, RESULT_MS)
        self.ticket_issued.emit(info)

    def ticket_doc(self, info: dict[str, Any]):
        """The printable ticket (GUI thread); see :meth:`KioskController.ticket_doc`."""
        return self.controller.ticket_doc(info)

    def _printed(self, number: str) -> None:
        self.device_status.report("ticket_printer", "ok", "")
        if self.last_ticket and self.last_ticket["number"] == number:
            self._set_print_status(self.tr("Please take your ticket"), failed=False)
        self.ticket_printed.emit(number)

    def _print_failed(self, number: str, message: str) -> None:
        self.device_status.report("ticket_printer", *self.controller.last_fault)
        if self.last_ticket and self.last_ticket["number"] == number:
            self._set_print_status(message, failed=True)
            if self.stack.currentIndex() == self.PAGE_TICKET:
                self._home_timer.start(RESULT_FAILED_MS)
        self.print_failed.emit(number, message)

    def _set_print_status(self, text: str, *, failed: bool) -> None:
        self.print_status.setText(text)
        self.print_status.setProperty("failed", "yes" if failed else "no")
        self.print_status.style().unpolish(self.print_status)
        self.print_status.style().polish(self.print_status)

    # -- look-up ---------------------------------------------------------------------------------

    def show_lookup(self) -> None:
        self.lookup_field.clear()
        self.lookup_procedure.clear()
        self.lookup_result.clear()
        self._show_page(self.PAGE_LOOKUP, IDLE_MS)
        self.lookup_field.setFocus()

    def look_up(self) -> None:
        """The scanner sent a code and Enter: say where the dossier is."""
        scanned = self.lookup_field.text()
        self.lookup_field.selectAll()  # the next scan replaces it
        self._home_timer.start(IDLE_MS)
        if not scanned.strip():
            return
        self.controller.look_up(scanned)

    def _looked_up(self, procedure: str, sentence: str) -> None:
        self.lookup_procedure.setText(procedure)
        self.lookup_result.setText(sentence)

    # -- the citizen's rating --------------------------------------------------------------------

    def show_rating(self) -> None:
        """"Rate our service": the ticket's number first (ui/kiosk/rating.py)."""
        self._show_page(self.PAGE_RATING, IDLE_MS)
        self.rating.restart()

    def _rated(self, rating: dict[str, Any]) -> None:
        self.rating.thank(rating)
        self._home_timer.start(RESULT_MS)

    # -- pages, keys, banner ---------------------------------------------------------------------

    def _show_page(self, index: int, timeout_ms: int | None) -> None:
        self.stack.setCurrentIndex(index)
        if timeout_ms:
            self._home_timer.start(timeout_ms)
        else:
            self._home_timer.stop()

    def go_home(self) -> None:
        self._service = None
        self._priority = None
        self.lookup_field.clearFocus()
        self.setFocus()
        self._show_page(self.PAGE_SERVICES, None)

    def show_banner(self, text: str, *, sticky: bool = False) -> None:
        self.banner.setText(text)
        self.banner.show()
        if sticky:
            self._banner_timer.stop()
        else:
            self._banner_timer.start()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """A button box (or a keyboard) sends a service letter, then Enter."""
        key = event.key()
        text = event.text().upper()
        if event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            super().keyPressEvent(event)
            return
        if len(text) == 1 and "A" <= text <= "Z":
            self._typed = (self._typed + text)[-3:]
            self._typed_timer.start()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            typed, self._typed = self._typed, ""
            codes = {s["code"] for s in self._services}
            code = typed if typed in codes else typed[-1:] if typed[-1:] in codes else None
            if code is not None and self.stack.currentIndex() not in (self.PAGE_LOOKUP, self.PAGE_RATING):
                self.issue(code, None)
            return
        if key == Qt.Key.Key_Escape:
            self._typed = ""
            if self.stack.currentIndex() != self.PAGE_SERVICES:
                self.go_home()
            return
        super().keyPressEvent(event)

    def _clear_typed(self) -> None:
        self._typed = ""

    # -- technician exit and closing -------------------------------------------------------------

    def ask_technician(self):
        """Ctrl+Shift+Q: a technician signs in (``ui.security.gate``); then the kiosk closes."""
        from ui.security.gate import TechnicianGate

        if self._gate is None:
            self._gate = TechnicianGate(self, self.controller.tasks, "kiosk")
        return self._gate.ask(self.technician_exit)

    def technician_exit(self, actor) -> None:
        """A technician signed in (checked by ``app.services.users.leave_station``): close the kiosk."""
        log.info("kiosk closed by a technician")
        self._exit_allowed = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self.locked and not self._exit_allowed:
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def check_printer(self) -> None:
        """Ask the ticket printer its state at start (printer thread); the status line follows."""
        printer = self.printer

        def state():
            status = printer.status()
            if not status.online:
                return "offline", status.detail or "offline"
            if status.paper == "out":
                return "ok", "paper out"
            return "ok", "cover open" if status.cover == "open" else ""

        DeviceOp(parent=self, op=state, tasks=self.tasks).success(
            lambda found: self.device_status.report("ticket_printer", *found)).run_in_background()

    def shutdown(self) -> None:
        """Stop the timers and workers, release the printer; idempotent."""
        for timer in (self._home_timer, self._banner_timer, self._typed_timer):
            timer.stop()
        self.controller.shutdown()


def build_kiosk_window(store, settings, *, printer=None, executor=None, locked: bool = False) -> KioskWindow:
    """The kiosk, loaded (GUI thread). ``printer``: a ``devices.printer.ReceiptPrinter`` (tests pass a
    ``SimulatedPrinter``); None opens ``devices.ticket_printer`` (default ``sim://``). ``executor``: the store
    executor (tests pass ``ui.tasks.InlineExecutor``); the printer always gets its own single thread."""
    if printer is None:
        from devices.printer import open_printer

        url = (settings.get("devices.ticket_printer") if settings is not None else "") or "sim://"
        printer = open_printer(url, name="ticket_printer")
    device_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=PRINTER_THREAD)
    tasks = TaskManager(store, executor=executor, device_executor=device_pool)
    from app.services.print_queue import station_name

    counter = settings.get("station.counter") if settings is not None else 1
    window = KioskWindow(tasks=tasks, printer=printer, locked=locked, station=station_name("kiosk", counter))
    tasks.setParent(window)
    window.load()
    if settings is not None:
        window.device_status.check(tasks, settings, ["button_box"])  # the printer: from its own jobs
        window.check_printer()
    return window


def run_kiosk(store, settings, *, argv=None) -> int:
    """``motcua kiosk``: full screen, no close button; Ctrl+Shift+Q and a technician's sign-in end it. Returns the exit code."""
    from ui.station import open_station

    station = open_station("kiosk", store, settings, argv=argv)
    window = build_kiosk_window(store, settings, printer=station.devices.ticket_printer, locked=True)
    window.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
    show_full_screen(window)
    return station.run(window)  # stops the window's workers, closes the printer, deletes the window
