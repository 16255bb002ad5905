"""Printing from the counter: render the form (store thread: read, render, archive by hash), show the
preview, then send it to the A4/A5 printer on the device pool. A printer fault is a clear message; the
archived PDF stays, so the officer can print it again from the dossier view once the paper is fixed.

GUI thread for the dialog; the store and the device work run through the window's TaskManager.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from ui.i18n import arg
from ui.print_preview import PrintPreviewDialog
from ui.tasks import DeviceOp, StoreOp, TaskManager

log = logging.getLogger(__name__)


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
    """Turns ``print_requested(form, code)`` into preview and printing."""

    printed = Signal(str, str)  # form, code
    preview_opened = Signal(object)  # the dialog (tests fill and accept it)
    pending_changed = Signal(int)  # jobs waiting after a printer fault

    def __init__(self, *, tasks: TaskManager, settings, actor, printer=None, parent) -> None:
        """``printer``: the station's A4 printer (``ui.station.StationDevices.a4_printer``)."""
        super().__init__(parent)
        self.tasks = tasks
        self.settings = settings
        self.actor = actor  # a callable giving the current officer
        self._window = parent
        self._printer = printer
        # Jobs a printer fault stopped (journey 9): kept until the paper is fixed and the officer prints
        # them again (status bar), in order, never lost.
        self.pending: list[tuple[dict, int]] = []

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

    def send(self, result: dict, copies: int) -> None:
        printer = self.printer()
        title = f"{result['form']}-{result['code']}"
        DeviceOp(
            parent=self._window,
            op=lambda: printer.print_pdf(result["pdf"], title=title, copies=copies),
            tasks=self.tasks,
        ).success(lambda _r: self._sent(result)).failure(lambda exc: self._failed(result, copies, exc)).with_progress(
            self.tr("Sending to the printer...")
        ).run_in_background()

    def _failed(self, result: dict, copies: int, exc: BaseException) -> None:
        from ui.errors import show_error

        self.pending.append((result, copies))
        self.pending_changed.emit(len(self.pending))
        show_error(exc, parent=self._window)

    def retry_pending(self) -> None:
        """Print the jobs a fault stopped, oldest first (a job that fails again goes back in the list)."""
        jobs, self.pending = self.pending, []
        self.pending_changed.emit(0)
        for result, copies in jobs:
            self.send(result, copies)

    def _sent(self, result: dict) -> None:
        self.printed.emit(result["form"], result["code"])
        window = self._window
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(arg(self.tr("Sent to the printer: %1"), result["code"]), 10_000)
