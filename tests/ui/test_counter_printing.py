"""Printing from the counter: the receipt prints at once after an intake; from the dossier view a form is
previewed first; a printer fault is a clear message and the archived PDF stays."""

from __future__ import annotations

from app.actors import Actor
from app.services import dossiers
from devices.base import DeviceError

FILE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn An", "id_number": "001089012345"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


def receive(store) -> str:
    with store.write() as session:
        return dossiers.receive(session, Actor("canbo1", "officer", counter=3), dossiers.parse_intake(FILE)).code


def test_intake_receipt_prints_without_preview(counter_window):
    window = counter_window
    window.intake.print_requested.emit("receipt", receive(window.store))
    [(title, copies, pdf)] = window.printing.printer().jobs
    assert title.startswith("receipt-") and copies == 1 and pdf.startswith(b"%PDF")


def test_reprint_from_dossier_view_with_preview(counter_window, qtbot):
    window = counter_window
    code = receive(window.store)
    window.open_dossier(code)
    actions = {a.objectName(): a for a in window.dossier_view.print_menu.actions()}
    assert set(actions) == {"print_receipt", "print_control"}
    opened = []
    window.printing.preview_opened.connect(opened.append)
    actions["print_receipt"].trigger()
    [dialog] = opened
    assert dialog.page_count == 2
    dialog.copies.setValue(2)
    dialog.print_button.click()
    [(_title, copies, pdf)] = window.printing.printer().jobs
    assert copies == 2
    # a reprint is the same archived PDF
    actions["print_receipt"].trigger()
    opened[-1].print_button.click()
    assert window.printing.printer().jobs[1][2] == pdf


def test_printer_fault_is_a_message_and_the_job_waits(counter_window, monkeypatch):
    window = counter_window
    shown = []
    monkeypatch.setattr("ui.errors.show_error", lambda exc, parent=None: shown.append(exc))
    printer = window.printing.printer()
    printer.set_fault("paper_out")
    window.intake.print_requested.emit("receipt", receive(window.store))
    assert isinstance(shown[0], DeviceError) and shown[0].kind == "paper_out"
    assert [p for p in (window.settings.data_dir / "files").rglob("*") if p.is_file()]  # kept in the content store
    assert len(window.printing.pending) == 1 and window.pending_prints_button.isVisibleTo(window)
    printer.set_fault(None)  # paper fixed
    window.pending_prints_button.click()
    assert len(printer.jobs) == 1 and window.printing.pending == []
    assert not window.pending_prints_button.isVisibleTo(window)
