"""Printing from the counter: render the form (store thread: read, render, archive by hash), show the
preview, then put the job in the station's persistent print queue (``app.services.print_queue``) and
send it from the device pool. A printer fault is a clear message; the job waits in the queue and goes out
in order once the paper is fixed (the status bar shows "n bản in đang chờ", read from the table). A job
found "sending" when the counter starts again may have printed: the officer is asked ("có thể đã in — in
lại?") and it is never printed again without that answer.

GUI thread for the dialogs; the store and the device work run through the window's TaskManager. Each
printer's sender is pumped by one device job at a time (``_pumping``), so a printer is only ever driven
from one worker thread at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from ui.i18n import arg
from ui.print_preview import PrintPreviewDialog
from ui.tasks import DeviceOp, QueryOp, StoreOp, TaskManager

log = logging.getLogger(__name__)

#: How often jobs that wait for a printer are offered to it again (no dialog for these attempts).
RETRY_MS = 20_000


def render_and_archive(session, *, code: str, form: str, data_dir: Path, actor) -> dict:
    """Store thread: the form's PDF — the archived copy when nothing happened to the dossier since it
    was printed, else a new rendering, archived with the dossier."""
    from app.services import archive
    from app.services.print_data import form_data
    from printing.from_data import render_form_data

    dossier, values = form_data(session, code, form)
    pdf, row, reprinted = archive.reprint_or_render(
        session, data_dir, actor, dossier, f"form:{form}", lambda: render_form_data(values)
    )
    return {"pdf": pdf, "sha256": row.sha256, "code": dossier.code, "form": form, "reprint": reprinted}


def render_handover_lists(session, *, round_id: int, data_dir: Path, actor) -> dict:
    """Store thread: the hand-over lists of one round (one page per department), archived by hash."""
    from app.services import archive
    from app.services.print_data import handover_data
    from printing.from_data import render_handover_data

    pdf = render_handover_data(handover_data(session, round_id))
    row = archive.keep(session, data_dir, actor, pdf, kind=f"handover:{round_id}")
    return {"pdf": pdf, "sha256": row.sha256, "code": str(round_id), "form": "handover", "reprint": False}


class PrintController(QObject):
    """Turns ``print_requested(form, code)`` into preview and printing through the print queue."""

    printed = Signal(str, str)  # form, code
    preview_opened = Signal(object)  # the dialog (tests fill and accept it)
    pending_changed = Signal(int)  # jobs of this station waiting in the print queue (or for a decision)
    doubt_prompt_opened = Signal(object)  # the "may have printed — print again?" box (tests answer it)

    def __init__(self, *, tasks: TaskManager, settings, actor, printer=None, parent) -> None:
        """``printer``: the station's A4 printer (``ui.station.StationDevices.a4_printer``)."""
        from app.services.print_queue import station_name

        super().__init__(parent)
        self.tasks = tasks
        self.settings = settings
        self.actor = actor  # a callable giving the current officer
        self._window = parent
        self._printer = printer
        self.station = station_name(settings.get("station.role"), settings.get("station.counter"))
        self._senders: dict[str, object] = {}  # printer name -> QueueSender (used on the device pool)
        self._pumping: set[str] = set()
        self._again: set[str] = set()
        self._results: dict[int, dict] = {}  # job id -> the rendered form, for ``printed``
        self._asked: set[int] = set()  # in-doubt jobs already put to the officer
        #: This station's jobs still to print, or waiting for the officer's decision, as last read.
        self.pending: list[dict] = []
        self._retry_timer = QTimer(self, interval=RETRY_MS)
        self._retry_timer.timeout.connect(self._retry_in_background)
        QTimer.singleShot(0, self.start)

    def request(self, form: str, code: str, *, preview: bool = True) -> None:
        """Render ``form`` of dossier ``code``; show the preview (``preview``) or print at once.

        After an intake the receipt prints at once (the citizen is waiting; journey 4); from the dossier
        view a form is previewed first.
        """
        actor, data_dir = self.actor(), Path(self.settings.data_dir)
        StoreOp(
            parent=self._window,
            op=lambda session: render_and_archive(session, code=code, form=form, data_dir=data_dir, actor=actor),
            changes={"archive": [code]},
            tasks=self.tasks,
        ).success(self._preview if preview else lambda result: self.send(result, 1)).with_progress(
            self.tr("Preparing the form...")
        ).run_in_background()

    def request_handover(self, round_id: int) -> None:
        """Print the lists of hand-over round ``round_id`` at once (the officer asked from the round's
        result; the papers go with the dossiers to the departments)."""
        actor, data_dir = self.actor(), Path(self.settings.data_dir)
        StoreOp(
            parent=self._window,
            op=lambda session: render_handover_lists(session, round_id=round_id, data_dir=data_dir, actor=actor),
            changes={"archive": [str(round_id)]},
            tasks=self.tasks,
        ).success(lambda result: self.send(result, 1)).with_progress(self.tr("Preparing the form...")).run_in_background()

    def _preview(self, result: dict) -> None:
        titles = {
            "receipt": self.tr("Receipt and appointment"), "supplement": self.tr("Supplement request"),
            "refusal": self.tr("Refusal"), "apology": self.tr("Apology and new appointment"),
            "stop": self.tr("Stop-processing notice"), "control": self.tr("Control sheet"),
        }
        dialog = PrintPreviewDialog(result["pdf"], title=arg("%1 — %2", titles.get(result["form"], result["form"]), result["code"]), parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.print_requested.connect(lambda copies: self.send(result, copies))
        self.preview_opened.emit(dialog)
        dialog.open()
        dialog.print_button.setFocus()

    def printer(self):
        """The A4 document printer of this station, opened by the station bootstrap (device thread safe)."""
        if self._printer is None:
            from devices.base import DeviceError

            raise DeviceError("a4", "config", "this station has no A4 printer")
        return self._printer

    def sender(self, name: str):
        """The queue sender of printer ``name`` (GUI thread creates it; only one device job uses it at a time)."""
        if name not in self._senders:
            from app.services.print_queue import QueueSender

            if name == "a4_printer":
                device = self.printer()
            else:
                from devices.printer import open_printer

                device = open_printer(self.settings.get(f"devices.{name}") or "sim://", name=name)
            self._senders[name] = QueueSender(self.tasks.store, station=self.station, printer_name=name, printer=device)
        return self._senders[name]

    def start(self) -> None:
        """At start-up: mark jobs left "sending" by the last run as in doubt, ask about them, send the rest."""
        from app.services import print_queue as pq

        if self.tasks.closed:
            return
        station = self.station

        def recover(session) -> list[str]:
            for name in pq.PRINTERS:
                pq.recover(session, station, name)
            return sorted({job["printer"] for job in pq.jobs(session, station=station, states=pq.WAITING)})

        StoreOp(parent=self._window, op=recover, changes={"print_jobs": True}, tasks=self.tasks).success(self._started).failure(
            lambda exc: log.warning("print queue not recovered: %s", exc)
        ).run_in_background()
        self._retry_timer.start()

    def _started(self, printers: list[str]) -> None:
        self.refresh()
        for name in printers:
            self.pump(name, user=False)

    def send(self, result: dict, copies: int, *, printer: str = "a4_printer") -> None:
        """Queue the rendered form (committed first), then send it."""
        from app.services import print_queue as pq

        station, title, by = self.station, f"{result['form']}-{result['code']}", self.actor()

        def enqueue(session) -> int:
            return pq.enqueue(session, station=station, printer=printer, kind=f"form:{result['form']}", content_type="pdf",
                              data=result["pdf"], dossier_code=result["code"], title=title, copies=copies, by=by)

        def queued(job: int) -> None:
            self._results[job] = result
            self.pump(printer, user=True)

        StoreOp(parent=self._window, op=enqueue, changes={"print_jobs": True}, tasks=self.tasks).success(queued).run_in_background()

    def pump(self, name: str, *, user: bool = True) -> None:
        """Send printer ``name``'s waiting jobs on the device pool; ``user``: the officer asked (a fault is a dialog)."""
        if name in self._pumping:
            self._again.add(name)
            return
        if self.tasks.closed:
            return
        sender = self.sender(name)
        self._pumping.add(name)
        DeviceOp(parent=self._window, op=sender.pump, tasks=self.tasks).success(
            lambda result: self._pumped(name, result, user)
        ).failure(lambda exc: self._pump_crashed(name, exc)).with_progress(
            self.tr("Sending to the printer...")
        ).run_in_background()

    def _pumped(self, name: str, result, user: bool) -> None:
        self._pumping.discard(name)
        for job in result.sent:
            sent = self._results.pop(job, None)
            if sent is not None:
                self._sent(sent)
        if result.failed_job is not None and user:
            from ui.errors import show_error

            show_error(result.error, parent=self._window)
        self.refresh()
        if name in self._again:
            self._again.discard(name)
            if result.failed_job is None:
                self.pump(name, user=user)

    def _pump_crashed(self, name: str, exc: BaseException) -> None:
        from ui.errors import show_error

        self._pumping.discard(name)
        self._again.discard(name)
        self.refresh()
        show_error(exc, parent=self._window)

    def refresh(self) -> None:
        """Read this station's waiting jobs from the table (store thread) for the status bar."""
        from app.services import print_queue as pq

        station = self.station
        if self.tasks.closed:
            return

        def read(session) -> list[dict]:
            return [job for job in pq.jobs(session, station=station, states=("queued", "failed", "sending"))
                    if job["state"] != "sending" or job["may_have_printed"]]

        QueryOp(parent=self._window, op=read, tasks=self.tasks).success(self._show).failure(
            lambda exc: log.warning("print queue not read: %s", exc)
        ).run_in_background()

    def _show(self, jobs: list[dict]) -> None:
        self.pending = jobs
        self.pending_changed.emit(len(jobs))
        doubtful = [job for job in jobs if job["may_have_printed"] and job["id"] not in self._asked]
        if doubtful:
            self.ask_about(doubtful[0])

    def ask_about(self, job: dict) -> QMessageBox:
        """"Có thể đã in — in lại?": the officer decides whether a job that may have printed is printed again."""
        self._asked.add(job["id"])
        what = job["dossier_code"] or job["ticket"] or job["title"] or job["kind"]
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("May have printed"),
            arg(self.tr("Print job %1 (%2) was being sent when the counter stopped. It may have printed — print it again?"),
                job["id"], what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Print again"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("It printed"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # never a second copy by an absent-minded Enter
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._decided(job, box.result() == QMessageBox.StandardButton.Yes))
        self.doubt_prompt_opened.emit(box)
        box.open()
        return box

    def _decided(self, job: dict, again: bool) -> None:
        from app.services import print_queue as pq

        job_id, by = job["id"], self.actor()
        op = (lambda session: pq.retry(session, job_id, by=by)) if again else \
            (lambda session: pq.confirm_printed(session, job_id, by=by))
        StoreOp(parent=self._window, op=op, changes={"print_jobs": True}, tasks=self.tasks).success(
            lambda queued: self.pump(queued["printer"]) if again else self.refresh()
        ).run_in_background()

    def retry_pending(self) -> None:
        """The status bar's button: offer every waiting job to its printer again, oldest first, and ask
        again about jobs that may have printed."""
        self._asked.difference_update(job["id"] for job in self.pending if job["may_have_printed"])
        printers = sorted({job["printer"] for job in self.pending if not job["may_have_printed"]})
        for name in printers:
            self.pump(name, user=True)
        if not printers:
            self.refresh()

    def _retry_in_background(self) -> None:
        for name in sorted({job["printer"] for job in self.pending if not job["may_have_printed"]}):
            self.pump(name, user=False)

    def _sent(self, result: dict) -> None:
        self.printed.emit(result["form"], result["code"])
        window = self._window
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(arg(self.tr("Sent to the printer: %1"), result["code"]), 10_000)
