"""The kiosk's work behind the screen: the services on offer, issuing a ticket, printing it, the dossier
look-up. The screen itself is :class:`ui.kiosk.window.KioskWindow`.

Threads: the services are read and the ticket is issued on the store thread of the window's TaskManager
(``QueryOp``/``StoreOp``); the ticket is rendered (for the printer's own width, from its capability profile)
and committed to the persistent print queue (``app.services.print_queue``) on the store thread, then sent
by the queue's sender on a dedicated single device thread named "ticket-printer" (conventions §4), never
on the GUI thread. A ticket job survives a crash: one found "sending" at the next start may have printed
and is never printed again on its own (the technician decides, ``motcua print queue``). A ticket that
could not print is cancelled in the queue: the citizen went away with the number shown on screen. Every result comes back on the GUI
thread as a signal of :class:`KioskController`; failures are logged here and told to the window by signal.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QWidget

from app.actors import Actor
from app.services import kiosk
from devices.base import DeviceError
from ui.i18n import arg
from ui.tasks import DeviceOp, QueryOp, StoreOp, TaskManager

log = logging.getLogger(__name__)

KIOSK_ACTOR = Actor("kiosk", "kiosk", "Kiosk")
PRINTER_THREAD = "ticket-printer"
TICKET_PRINTER = "ticket_printer"

CONTEXT = "KioskController"

# Dossier states in the words a citizen uses (journey 7): no status codes.
LOOKUP_TEXT = {
    "received": QT_TRANSLATE_NOOP("KioskController", "Your dossier has been received and is being processed"),
    "processing": QT_TRANSLATE_NOOP("KioskController", "Your dossier is being processed"),
    "processing_at": QT_TRANSLATE_NOOP("KioskController", "Your dossier is being processed at %1"),
    "supplement_requested": QT_TRANSLATE_NOOP(
        "KioskController",
        "Your dossier needs more papers. Please bring the missing papers to the reception counter",
    ),
    "payment_requested": QT_TRANSLATE_NOOP(
        "KioskController",
        "Your dossier is waiting for the fees to be paid. Please come to the counter to pay them",
    ),
    "finished": QT_TRANSLATE_NOOP(
        "KioskController",
        "The result of your dossier is ready. Please come to the result counter to collect it",
    ),
    "returned": QT_TRANSLATE_NOOP("KioskController", "The result of your dossier has been handed over"),
    "returned_on": QT_TRANSLATE_NOOP("KioskController", "The result of your dossier was handed over on %1"),
    "refused": QT_TRANSLATE_NOOP(
        "KioskController",
        "Your dossier cannot be settled. Please come to the counter to receive the written explanation",
    ),
    "withdrawn": QT_TRANSLATE_NOOP("KioskController", "The dossier was withdrawn at your request"),
    "stopped": QT_TRANSLATE_NOOP("KioskController", "Processing of the dossier was stopped at your request"),
    "cancelled": QT_TRANSLATE_NOOP(
        "KioskController", "This dossier was cancelled. Please ask at the reception counter"
    ),
    "due": QT_TRANSLATE_NOOP("KioskController", "%1, result due on %2"),
    "late": QT_TRANSLATE_NOOP(
        "KioskController",
        "The dossier is later than promised; we apologise. Please ask at the counter for the new date",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "KioskController",
        "No dossier was found for this code. Please check the appointment slip or ask an officer",
    ),
    "failed": QT_TRANSLATE_NOOP(
        "KioskController", "The look-up is not available right now. Please ask an officer"
    ),
}

PRINT_FAILURES = {
    "paper_out": QT_TRANSLATE_NOOP(
        "KioskController", "The ticket printer is out of paper — please remember your number"
    ),
    "offline": QT_TRANSLATE_NOOP(
        "KioskController", "The ticket printer is not working — please remember your number"
    ),
    "cover_open": QT_TRANSLATE_NOOP(
        "KioskController", "The ticket printer is open — please remember your number"
    ),
}
PRINT_FAILED = QT_TRANSLATE_NOOP(
    "KioskController", "The ticket could not be printed — please remember your number"
)


# The rating prompt's answers for the citizen (one rating per visit).
RATING_TEXT = {
    "rating_already_given": QT_TRANSLATE_NOOP(
        "KioskController", "Ticket %1 has been rated already: each visit is rated once. Thank you"
    ),
    "rating_ticket_not_found": QT_TRANSLATE_NOOP(
        "KioskController", "No ticket %1 was given today. Please check the number on your ticket"
    ),
    "rating_ticket_not_served": QT_TRANSLATE_NOOP(
        "KioskController", "Ticket %1 has not been served yet. Please rate after your visit"
    ),
    "not_a_ticket": QT_TRANSLATE_NOOP(
        "KioskController", "Please type the number printed on your ticket, e.g. A012"
    ),
    "failed": QT_TRANSLATE_NOOP("KioskController", "Rating is not available right now. Please ask an officer"),
}


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


# --- store-thread work: the kiosk services (app.services.kiosk) -----------------------------------

candidate_codes = kiosk.candidate_codes  # kept here too: the window and older callers import it from here


# --- words for the citizen (GUI thread: they translate) --------------------------------------------


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


def rating_refusal_text(exc: BaseException | None, ticket: str = "") -> str:
    """Why a visit cannot be rated, in the citizen's words (GUI thread)."""
    from app.errors import AppError

    code = exc.code if isinstance(exc, AppError) else "not_a_ticket" if exc is None else "failed"
    return arg(_tr(RATING_TEXT.get(code, RATING_TEXT["failed"])), ticket)


def print_failure_text(exc: BaseException) -> str:
    kind = exc.kind if isinstance(exc, DeviceError) else ""
    return _tr(PRINT_FAILURES.get(kind, PRINT_FAILED))


# --- the controller --------------------------------------------------------------------------------


class KioskController(QObject):
    """Runs the kiosk's work for ``parent`` (the kiosk window, which also owns the ops' lifetime).

    Signals, all on the GUI thread: ``choices_loaded(data)`` / ``choices_failed()``; ``issued(info)`` /
    ``issue_failed()``; ``printed(number)`` / ``print_failed(number, message)``; ``looked_up(procedure,
    sentence)`` (also when the look-up failed: the sentence then says so).
    """

    choices_loaded = Signal(dict)
    choices_failed = Signal()
    issued = Signal(dict)
    issue_failed = Signal()
    printed = Signal(str)
    print_failed = Signal(str, str)
    looked_up = Signal(str, str)
    visit_found = Signal(dict)
    visit_refused = Signal(str)
    rated = Signal(dict)
    rating_refused = Signal(str)

    def __init__(self, *, tasks: TaskManager, printer, parent: QWidget, station: str = "kiosk-1") -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.printer = printer
        self.station = station  # the print queue's name for this kiosk
        self._sender = None
        self.last_fault: tuple[str, str] = ("ok", "")  # (status, detail) of the last failed print, for the status line
        self._view = parent  # the ops' parent: their callbacks stop when the window is gone
        self._issuing = False
        self._closed = False

    @property
    def issuing(self) -> bool:
        return self._issuing

    # -- the services ----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the services and priority groups (store thread)."""
        QueryOp(parent=self._view, op=kiosk.choices, tasks=self.tasks).success(self.choices_loaded.emit).failure(
            self._load_failed
        ).run_in_background()

    def _load_failed(self, exc: BaseException) -> None:
        log.error("kiosk cannot read the services: %s", type(exc).__name__)
        self.choices_failed.emit()

    # -- the ticket ------------------------------------------------------------------------------

    def issue(self, service: str, priority: str | None = None) -> bool:
        """Issue a ticket (store thread), then print it (printer thread). False while one is being issued
        (a second tap): nothing is started."""
        if self._issuing:
            return False
        self._issuing = True
        StoreOp(
            parent=self._view, op=lambda session: kiosk.issue_ticket(session, KIOSK_ACTOR, service, priority), changes={"queue": [service]},
            tasks=self.tasks,
        ).success(self._issued).failure(self._issue_failed).run_in_background()
        return True

    def _issue_failed(self, exc: BaseException) -> None:
        self._issuing = False
        log.error("ticket not issued: %s", type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
        self.issue_failed.emit()

    def _issued(self, info: dict[str, Any]) -> None:
        self._issuing = False
        self.issued.emit(info)  # the window shows the number before the printer is asked
        self.send_to_printer(info)

    def ticket_doc(self, info: dict[str, Any]):
        """The printable ticket (GUI thread: the priority label is translated)."""
        from printing.model import TicketDoc

        label = arg(self.tr("Priority: %1"), info["priority_name"]) if info.get("priority_name") else None
        return TicketDoc(
            center_name=info["center_name"], number=info["number"], service_name=info["service_name"],
            issued_at=info["issued_at"], waiting_ahead=info["waiting_ahead"],
            estimated_wait_minutes=info.get("estimated_wait_minutes"),
            # the same QR as `motcua print ticket`: number|Vietnam's date
            qr_text=f"{info['number']}|{info['day']}", priority_label=label,
        )

    def send_to_printer(self, info: dict[str, Any]) -> None:
        """Queue the ticket (committed before a byte goes out), then send it on the printer thread;
        ``printed`` or ``print_failed`` follows."""
        from app.services import print_queue as pq

        doc = self.ticket_doc(info)
        printer = self.printer
        number = info["number"]
        station = self.station

        def enqueue(session) -> int:  # store thread
            from printing import render_ticket

            profile = getattr(printer, "profile", None)
            data = render_ticket(doc, width_mm=getattr(printer, "paper_mm", 80), fmt="escpos",
                                 width_dots=getattr(profile, "width_dots", None))
            return pq.enqueue(session, station=station, printer=TICKET_PRINTER, kind="ticket", content_type="escpos",
                              data=data, ticket=number, title=f"ticket-{number}")

        StoreOp(parent=self._view, op=enqueue, changes={"print_jobs": True}, tasks=self.tasks).success(
            lambda job: self._pump(job, number)
        ).failure(lambda exc: self._not_printed(number, exc)).run_in_background()

    def sender(self):
        """The ticket printer's queue sender (used by one printer-thread job at a time)."""
        if self._sender is None:
            from app.services.print_queue import QueueSender

            self._sender = QueueSender(self.tasks.store, station=self.station, printer_name=TICKET_PRINTER,
                                       printer=self.printer, timeout=10.0)
        return self._sender

    def _pump(self, job: int, number: str) -> None:
        sender = self.sender()

        def deliver():  # the printer thread
            if not threading.current_thread().name.startswith(PRINTER_THREAD):
                log.warning("ticket printed off the printer thread (%s)", threading.current_thread().name)
            result = sender.pump()
            if result.failed_job is not None:
                from app.services import print_queue as pq

                with sender.store.write() as session:  # a ticket that did not print is not printed later
                    for stale in {job, result.failed_job}:
                        pq.cancel(session, stale, f"kiosk: {result.error_kind}")
            return result

        def delivered(result) -> None:
            if job in result.sent:
                self.printed.emit(number)
            else:
                self._not_printed(number, result.error or DeviceError(TICKET_PRINTER, "io", "not sent"))

        DeviceOp(parent=self._view, op=deliver, tasks=self.tasks).success(delivered).failure(
            lambda exc: self._not_printed(number, exc)).run_in_background()

    def _not_printed(self, number: str, exc: BaseException) -> None:
        kind = exc.kind if isinstance(exc, DeviceError) else "io"
        self.last_fault = {"paper_out": ("ok", "paper out"), "cover_open": ("ok", "cover open")}.get(
            kind, ("offline", getattr(exc, "message", "") or kind))
        if isinstance(exc, DeviceError):
            log.warning("ticket %s not printed: %s", number, exc)
        else:
            log.error("ticket %s not printed", number, exc_info=(type(exc), exc, exc.__traceback__))
        self.print_failed.emit(number, print_failure_text(exc))

    # -- look-up ---------------------------------------------------------------------------------

    def look_up(self, scanned: str) -> None:
        """Find the dossier of a scanned code (store thread) and say its state in plain words."""

        def show(found: dict[str, Any] | None) -> None:
            self.looked_up.emit(found["procedure"] if found else "", plain_status(found))

        def failed(exc: BaseException) -> None:
            log.error("dossier look-up failed: %s", type(exc).__name__)
            self.looked_up.emit("", _tr(LOOKUP_TEXT["failed"]))

        QueryOp(parent=self._view, op=lambda session: kiosk.look_up(session, scanned), tasks=self.tasks).success(
            show
        ).failure(failed).run_in_background()

    # -- the citizen's rating (one per visit) ------------------------------------------------------

    def find_visit(self, text: str) -> None:
        """The visit of the ticket typed or scanned (store thread): ``visit_found(visit)`` with the scale to
        ask, or ``visit_refused(sentence)`` (no such ticket today, not served, rated already)."""
        from app.services import ratings

        parsed = ratings.parse_ticket(text)
        if parsed is None:
            self.visit_refused.emit(rating_refusal_text(None))
            return
        number, day = parsed
        QueryOp(parent=self._view, op=lambda session: ratings.visit(session, number, day=day), tasks=self.tasks) \
            .success(self.visit_found.emit).failure(lambda exc: self._rating_failed(self.visit_refused, exc, number)) \
            .run_in_background()

    def rate(self, visit: dict[str, Any], score: int) -> None:
        """Store the citizen's rating of ``visit`` (store thread): ``rated(rating)`` or ``rating_refused(sentence)``
        (another station rated the same visit a moment ago)."""
        from datetime import date

        from app.services import ratings

        number, day, scale = visit["ticket"], date.fromisoformat(visit["day"]), visit["scale"]
        StoreOp(parent=self._view, op=lambda session: ratings.record(
                    session, KIOSK_ACTOR, score=score, scale=scale, source="kiosk", ticket=number, ticket_day=day),
                changes={"ratings": [number]}, tasks=self.tasks) \
            .success(self.rated.emit).failure(lambda exc: self._rating_failed(self.rating_refused, exc, number)) \
            .run_in_background()

    def _rating_failed(self, signal, exc: BaseException, number: str) -> None:
        from app.errors import AppError

        if not isinstance(exc, AppError):
            log.error("rating failed: %s", type(exc).__name__)
        signal.emit(rating_refusal_text(exc, number))

    # -- closing ------------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the workers (waiting for a ticket being printed), release the printer; idempotent."""
        if self._closed:
            return
        self._closed = True
        self.tasks.shutdown(wait=True)
        try:
            self.printer.close()
        except Exception:  # closing must not fail the shutdown
            log.warning("ticket printer did not close cleanly")
