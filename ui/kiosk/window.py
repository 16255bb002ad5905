"""The kiosk (máy lấy số): a touch screen where citizens take a queue ticket or look up a dossier.

Pages: the services (one big button each) → the priority choice → "Print ticket" → the number in huge type
with how many people wait ahead (back to the start after ~8 s). "Look up my dossier" takes the receipt's
barcode/QR from a scanner (keyboard wedge ending with Enter) and says the dossier's state in plain words.

Threads: the ticket is issued on the window's store thread (``StoreOp``); it is rendered and sent to the
ticket printer on a dedicated single device thread named "ticket-printer" (conventions §4), never on the GUI
thread. A printer failure is told on the screen in plain Vietnamese; the ticket stays valid because its
number is on the screen.

A serial button box may send a service's letter followed by Enter: that issues a ticket for the service
without priority, the same as a tap on the service and "Print ticket". Technician exit: Ctrl+Shift+Q and
the PIN in ``MOTCUA_TECH_PIN`` (default "1234").
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.errors import NotFoundError
from app.services import center, dossiers, queue
from app.workcal import to_local
from devices.base import DeviceError
from ui.i18n import arg
from ui.tasks import DeviceOp, QueryOp, StoreOp, TaskManager

log = logging.getLogger(__name__)

KIOSK_ACTOR = Actor("kiosk", "kiosk", "Kiosk")
PRINTER_THREAD = "ticket-printer"
TECH_PIN_ENV = "MOTCUA_TECH_PIN"
DEFAULT_TECH_PIN = "1234"
TICKET_WIDTH_MM = 80

RESULT_MS = 8_000  # the number stays on screen this long
RESULT_FAILED_MS = 20_000  # longer when the ticket did not print: time to note the number
IDLE_MS = 30_000  # an unfinished choice or a look-up goes back to the start
BANNER_MS = 10_000

CONTEXT = "KioskWindow"

# Dossier states in the words a citizen uses (journey 7): no status codes.
LOOKUP_TEXT = {
    "received": QT_TRANSLATE_NOOP("KioskWindow", "Your dossier has been received and is being processed"),
    "processing": QT_TRANSLATE_NOOP("KioskWindow", "Your dossier is being processed"),
    "processing_at": QT_TRANSLATE_NOOP("KioskWindow", "Your dossier is being processed at %1"),
    "supplement_requested": QT_TRANSLATE_NOOP(
        "KioskWindow", "Your dossier needs more papers. Please bring the missing papers to the reception counter"
    ),
    "payment_requested": QT_TRANSLATE_NOOP(
        "KioskWindow", "Your dossier is waiting for the fees to be paid. Please come to the counter to pay them"
    ),
    "finished": QT_TRANSLATE_NOOP(
        "KioskWindow", "The result of your dossier is ready. Please come to the result counter to collect it"
    ),
    "returned": QT_TRANSLATE_NOOP("KioskWindow", "The result of your dossier has been handed over"),
    "returned_on": QT_TRANSLATE_NOOP("KioskWindow", "The result of your dossier was handed over on %1"),
    "refused": QT_TRANSLATE_NOOP(
        "KioskWindow",
        "Your dossier cannot be settled. Please come to the counter to receive the written explanation",
    ),
    "withdrawn": QT_TRANSLATE_NOOP("KioskWindow", "The dossier was withdrawn at your request"),
    "stopped": QT_TRANSLATE_NOOP("KioskWindow", "Processing of the dossier was stopped at your request"),
    "cancelled": QT_TRANSLATE_NOOP("KioskWindow", "This dossier was cancelled. Please ask at the reception counter"),
    "due": QT_TRANSLATE_NOOP("KioskWindow", "%1, result due on %2"),
    "late": QT_TRANSLATE_NOOP(
        "KioskWindow", "The dossier is later than promised; we apologise. Please ask at the counter for the new date"
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "KioskWindow", "No dossier was found for this code. Please check the appointment slip or ask an officer"
    ),
    "failed": QT_TRANSLATE_NOOP("KioskWindow", "The look-up is not available right now. Please ask an officer"),
}

PRINT_FAILURES = {
    "paper_out": QT_TRANSLATE_NOOP("KioskWindow", "The ticket printer is out of paper — please remember your number"),
    "offline": QT_TRANSLATE_NOOP("KioskWindow", "The ticket printer is not working — please remember your number"),
    "cover_open": QT_TRANSLATE_NOOP("KioskWindow", "The ticket printer is open — please remember your number"),
}
PRINT_FAILED = QT_TRANSLATE_NOOP("KioskWindow", "The ticket could not be printed — please remember your number")


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


# --- store-thread work -----------------------------------------------------------------------------


def _load_choices(session) -> dict[str, Any]:
    return {
        "center_name": center.get(session, "center.name"),
        "services": [{"code": s.code, "name": s.name} for s in queue.services(session)],
        "groups": [{"code": g.code, "name": g.name} for g in queue.priority_groups(session)],
    }


def _issue(session, service: str, priority: str | None) -> dict[str, Any]:
    ticket = queue.issue(session, KIOSK_ACTOR, service, priority=priority)
    groups = {g.code: g.name for g in queue.priority_groups(session)} if priority else {}
    return {
        "number": ticket.number,
        "service": ticket.service,
        "service_name": ticket.service_name,
        "waiting_ahead": ticket.waiting_ahead,
        "issued_at": ticket.issued_at,
        "day": queue.local_day(ticket.issued_at).isoformat(),
        "priority": priority,
        "priority_name": groups.get(priority or "", ""),
        "center_name": center.get(session, "center.name"),
    }


def candidate_codes(scanned: str) -> list[str]:
    """The dossier codes a scan may hold: the text itself, or, for a look-up URL, its query values and
    last path segment (``print.qr_template`` may wrap the code in an address)."""
    text = scanned.strip()
    out = [text] if text else []
    if "://" in text or "?" in text:
        try:
            parts = urlsplit(text)
        except ValueError:
            return out
        out += [value.strip() for _key, value in parse_qsl(parts.query) if value.strip()]
        segment = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if segment:
            out.append(segment)
    return list(dict.fromkeys(out))


def _lookup(session, scanned: str) -> dict[str, Any] | None:
    for code in candidate_codes(scanned):
        try:
            dossier = dossiers.get_dossier(session, code)
        except NotFoundError:
            continue
        now = datetime.now(timezone.utc)
        due = dossier.due_at
        return {
            "status": dossier.status,
            "procedure": dossier.procedure.name if dossier.procedure else "",
            "department": dossier.department.name if dossier.department else "",
            "due": to_local(due).strftime("%d/%m/%Y") if due else "",
            "late": bool(due and due < now and dossier.status in ("received", "processing", "payment_requested")),
            "returned": to_local(dossier.returned_at).strftime("%d/%m/%Y") if dossier.returned_at else "",
        }
    return None


def plain_status(found: dict[str, Any] | None) -> str:
    """The sentence the kiosk shows for a look-up result (GUI thread: it translates)."""
    if found is None:
        return _tr(LOOKUP_TEXT["not_found"])
    status = found["status"]
    if status == "processing" and found.get("department"):
        text = arg(_tr(LOOKUP_TEXT["processing_at"]), found["department"])
    elif status == "returned" and found.get("returned"):
        text = arg(_tr(LOOKUP_TEXT["returned_on"]), found["returned"])
    else:
        text = _tr(LOOKUP_TEXT.get(status, LOOKUP_TEXT["cancelled"]))
    if status in ("received", "processing") and found.get("due"):
        text = arg(_tr(LOOKUP_TEXT["due"]), text, found["due"])
    if found.get("late"):
        text = f"{text}. {_tr(LOOKUP_TEXT['late'])}"
    return text


def print_failure_text(exc: BaseException) -> str:
    kind = exc.kind if isinstance(exc, DeviceError) else ""
    return _tr(PRINT_FAILURES.get(kind, PRINT_FAILED))


# --- the window ------------------------------------------------------------------------------------


def _touch_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the window (button box, scanner)
    # Ignored width: a long service name must not widen the window past a portrait screen.
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    return button


class KioskWindow(QWidget):
    """The kiosk screen. Build it with :func:`build_kiosk_window`.

    ``ticket_issued(info)`` after a ticket was taken; ``ticket_printed(number)`` / ``print_failed(number,
    message)`` when the printer answered.
    """

    ticket_issued = Signal(dict)
    ticket_printed = Signal(str)
    print_failed = Signal(str, str)

    PAGE_SERVICES, PAGE_PRIORITY, PAGE_TICKET, PAGE_LOOKUP = range(4)

    def __init__(self, *, tasks: TaskManager, printer, locked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.printer = printer
        self.locked = locked
        self._exit_allowed = False
        self._closed = False
        self._issuing = False
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
                  activated=self.ask_technician_pin)

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.center_label = QLabel("", self)
        self.center_label.setObjectName("centerName")
        self.center_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.center_label.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.banner = QLabel("", self)
        self.banner.setObjectName("banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.hide()
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(16)
        root.addWidget(self.center_label)
        root.addWidget(self.stack, 1)
        root.addWidget(self.banner)

        # 1. services
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Please choose a service"), page)
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.services_grid = QGridLayout()
        self.services_grid.setSpacing(20)
        self.lookup_button = _touch_button(self.tr("Look up my dossier"), "lookupButton", page)
        self.lookup_button.clicked.connect(self.show_lookup)
        layout.addWidget(title)
        layout.addLayout(self.services_grid, 1)
        layout.addWidget(self.lookup_button)
        self.stack.addWidget(page)

        # 2. priority
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        self.priority_title = QLabel("", page)
        self.priority_title.setObjectName("title")
        self.priority_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.priority_title.setWordWrap(True)
        question = QLabel(self.tr("Do you belong to a priority group?"), page)
        question.setObjectName("subtitle")
        question.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        caption = QLabel(self.tr("Your number"), page)
        caption.setObjectName("subtitle")
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_label = QLabel("", page)
        self.number_label.setObjectName("bigNumber")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_service = QLabel("", page)
        self.ticket_service.setObjectName("subtitle")
        self.ticket_service.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ahead_label = QLabel("", page)
        self.ahead_label.setObjectName("ahead")
        self.ahead_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ahead_label.setWordWrap(True)
        self.print_status = QLabel("", page)
        self.print_status.setObjectName("printStatus")
        self.print_status.setProperty("failed", "no")
        self.print_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_status.setWordWrap(True)
        done = _touch_button(self.tr("Done"), "doneButton", page)
        done.clicked.connect(self.go_home)
        layout.addWidget(caption)
        layout.addWidget(self.number_label, 2)
        layout.addWidget(self.ticket_service)
        layout.addWidget(self.ahead_label)
        layout.addWidget(self.print_status, 1)
        layout.addWidget(done)
        self.stack.addWidget(page)

        # 4. dossier look-up
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Look up my dossier"), page)
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Hold the barcode or QR code of your appointment slip under the scanner"), page)
        hint.setObjectName("subtitle")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.lookup_field = QLineEdit(page)
        self.lookup_field.setObjectName("lookupField")
        self.lookup_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lookup_field.returnPressed.connect(self.look_up)
        self.lookup_procedure = QLabel("", page)
        self.lookup_procedure.setObjectName("subtitle")
        self.lookup_procedure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lookup_procedure.setWordWrap(True)
        self.lookup_result = QLabel("", page)
        self.lookup_result.setObjectName("lookupResult")
        self.lookup_result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lookup_result.setWordWrap(True)
        back = _touch_button(self.tr("Back"), "backButton", page)
        back.clicked.connect(self.go_home)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.lookup_field)
        layout.addWidget(self.lookup_procedure)
        layout.addWidget(self.lookup_result, 1)
        layout.addWidget(back)
        self.stack.addWidget(page)

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
        """Read the services and priority groups (store thread) and build the buttons."""
        QueryOp(parent=self, op=_load_choices, tasks=self.tasks).success(self._show_choices).failure(
            self._load_failed
        ).run_in_background()

    def _load_failed(self, exc: BaseException) -> None:
        log.error("kiosk cannot read the services: %s", type(exc).__name__)
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
        if self._issuing:  # a second tap while the first is being issued
            return
        self._issuing = True
        self.print_button.setEnabled(False)
        StoreOp(
            parent=self, op=lambda session: _issue(session, service, priority), changes={"queue": [service]},
            tasks=self.tasks,
        ).success(self._issued).failure(self._issue_failed).run_in_background()

    def _issue_failed(self, exc: BaseException) -> None:
        self._issuing = False
        self.print_button.setEnabled(True)
        log.error("ticket not issued: %s", type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
        self.go_home()
        self.show_banner(self.tr("No number could be given. Please try again or ask an officer"))

    def _issued(self, info: dict[str, Any]) -> None:
        self._issuing = False
        self.print_button.setEnabled(True)
        self.last_ticket = info
        self.number_label.setText(info["number"])
        self.ticket_service.setText(info["service_name"])
        ahead = info["waiting_ahead"]
        if ahead:
            self.ahead_label.setText(self.tr("%n people are waiting before you", "", ahead))
        else:
            self.ahead_label.setText(self.tr("Nobody is waiting before you"))
        self._set_print_status(self.tr("Printing your ticket…"), failed=False)
        self._show_page(self.PAGE_TICKET, RESULT_MS)
        self.ticket_issued.emit(info)
        self._print(info)

    def ticket_doc(self, info: dict[str, Any]):
        """The printable ticket (GUI thread: the priority label is translated)."""
        from printing.model import TicketDoc

        label = arg(self.tr("Priority: %1"), info["priority_name"]) if info.get("priority_name") else None
        return TicketDoc(
            center_name=info["center_name"], number=info["number"], service_name=info["service_name"],
            issued_at=info["issued_at"], waiting_ahead=info["waiting_ahead"],
            qr_text=f"{info['number']} {info['day']}", priority_label=label,
        )

    def _print(self, info: dict[str, Any]) -> None:
        doc = self.ticket_doc(info)
        printer = self.printer
        number = info["number"]

        def deliver() -> None:  # device thread
            if not threading.current_thread().name.startswith(PRINTER_THREAD):
                log.warning("ticket printed off the printer thread (%s)", threading.current_thread().name)
            from printing import render_ticket

            printer.send(render_ticket(doc, width_mm=TICKET_WIDTH_MM, fmt="escpos"))

        def printed(_result) -> None:
            if self.last_ticket and self.last_ticket["number"] == number:
                self._set_print_status(self.tr("Please take your ticket"), failed=False)
            self.ticket_printed.emit(number)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DeviceError):
                log.warning("ticket %s not printed: %s", number, exc)
            else:
                log.error("ticket %s not printed", number, exc_info=(type(exc), exc, exc.__traceback__))
            message = print_failure_text(exc)
            if self.last_ticket and self.last_ticket["number"] == number:
                self._set_print_status(message, failed=True)
                if self.stack.currentIndex() == self.PAGE_TICKET:
                    self._home_timer.start(RESULT_FAILED_MS)
            self.print_failed.emit(number, message)

        DeviceOp(parent=self, op=deliver, tasks=self.tasks).success(printed).failure(failed).run_in_background()

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

        def show(found: dict[str, Any] | None) -> None:
            self.lookup_procedure.setText(found["procedure"] if found else "")
            self.lookup_result.setText(plain_status(found))

        def failed(exc: BaseException) -> None:
            log.error("dossier look-up failed: %s", type(exc).__name__)
            self.lookup_procedure.clear()
            self.lookup_result.setText(_tr(LOOKUP_TEXT["failed"]))

        QueryOp(parent=self, op=lambda session: _lookup(session, scanned), tasks=self.tasks).success(show).failure(
            failed
        ).run_in_background()

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
            if code is not None and self.stack.currentIndex() != self.PAGE_LOOKUP:
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

    def ask_technician_pin(self) -> QInputDialog:
        """Ctrl+Shift+Q: ask for the technician PIN; the right one closes the kiosk."""
        dialog = QInputDialog(self)
        dialog.setObjectName("pinDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Technician"))
        dialog.setLabelText(self.tr("Technician PIN:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(self.technician_exit)
        dialog.open()
        return dialog

    def technician_exit(self, pin: str) -> bool:
        expected = os.environ.get(TECH_PIN_ENV) or DEFAULT_TECH_PIN
        if not hmac.compare_digest(pin.encode(), expected.encode()):
            log.warning("wrong technician PIN at the kiosk")
            self.show_banner(self.tr("Wrong PIN"))
            return False
        log.info("kiosk closed by the technician")
        self._exit_allowed = True
        self.close()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self.locked and not self._exit_allowed:
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the timers and workers, release the printer; idempotent."""
        if self._closed:
            return
        self._closed = True
        for timer in (self._home_timer, self._banner_timer, self._typed_timer):
            timer.stop()
        self.tasks.shutdown(wait=True)
        try:
            self.printer.close()
        except Exception:  # closing must not fail the shutdown
            log.warning("ticket printer did not close cleanly")


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
    window = KioskWindow(tasks=tasks, printer=printer, locked=locked)
    tasks.setParent(window)
    window.load()
    return window


def run_kiosk(store, settings, *, argv=None) -> int:
    """``motcua kiosk``: full screen, no close button; Ctrl+Shift+Q and the PIN end it. Returns the exit code."""
    import sys

    from ui.queue import install_all_translators

    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv[:1])
    install_all_translators(app, settings.get("ui.language"))
    window = build_kiosk_window(store, settings, locked=True)
    window.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
    # Without a window manager (a bare X session on a kiosk PC) full screen is only a request: cover the
    # screen ourselves as well.
    screen = QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.activateWindow()
    try:
        return app.exec()
    finally:
        window.shutdown()
