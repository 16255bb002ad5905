"""The kiosk's tickets through the persistent print queue (issue 9): committed before they print, never
printed twice on their own after a crash, and a printer out of paper (the simulator's fault injection)
leaves the citizen with the number on screen, the staff with "Máy in vé: hết giấy" at the foot."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.services import print_queue as pq
from app.store.models_print import PrintJob
from devices.printer import SimulatedPrinter
from app.settings import StationSettings
from tests.ui.test_kiosk import button, make_kiosk, tap
from ui.devices import install_devices_translator
from ui.queue import install_all_translators

STATION = "kiosk-1"


@pytest.fixture
def vietnamese(qapp):
    install_all_translators(qapp, "vi")
    yield  # the catalogs are taken off again by tests/ui/conftest.py


@pytest.fixture
def settings(tmp_path):
    return StationSettings(tmp_path)


@pytest.fixture
def devices_vi(qapp):
    yield install_devices_translator(qapp, "vi")  # taken off again by tests/ui/conftest.py


def jobs(store) -> list[PrintJob]:
    with store.read() as session:
        rows = list(session.scalars(select(PrintJob).order_by(PrintJob.id)))
        session.expunge_all()
        return rows



@pytest.fixture(autouse=True)
def _device_check(monkeypatch):
    monkeypatch.setenv("MOTCUA_DEVICE_CHECK", "1")  # the start-up check is what these tests look at

def test_a_ticket_is_committed_to_the_queue_then_printed_once(qtbot, seeded_store, settings, vietnamese):
    printer = SimulatedPrinter()
    kiosk = make_kiosk(qtbot, seeded_store, settings, printer)
    tap(qtbot, button(kiosk, "Hộ tịch"))
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000):
        tap(qtbot, button(kiosk, "In vé"))
    [job] = jobs(seeded_store)
    assert (job.station, job.printer, job.kind, job.ticket, job.state) == (STATION, "ticket_printer", "ticket", "A001", "done")
    assert printer.jobs == [bytes(job.payload)]


def test_paper_out_shows_the_number_and_the_line_and_never_prints_the_ticket_later(
        qtbot, seeded_store, settings, vietnamese, devices_vi):
    printer = SimulatedPrinter()
    kiosk = make_kiosk(qtbot, seeded_store, settings, printer)
    qtbot.waitUntil(lambda: "ticket_printer" in kiosk.device_status.rows, timeout=5000)
    assert not kiosk.device_status.isVisible()
    printer.set_fault("paper_out")
    tap(qtbot, button(kiosk, "Hộ tịch"))
    with qtbot.waitSignal(kiosk.print_failed, timeout=5000):
        tap(qtbot, button(kiosk, "In vé"))
    assert kiosk.number_label.text() == "A001" and kiosk.number_label.isVisible()
    assert "hết giấy" in kiosk.print_status.text() and "ghi nhớ số" in kiosk.print_status.text()
    assert kiosk.device_status.text() == "Máy in vé: hết giấy" and kiosk.device_status.isVisible()
    assert [(j.ticket, j.state) for j in jobs(seeded_store)] == [("A001", "cancelled")]

    printer.set_fault(None)  # paper put back: the next ticket prints, the stale one does not
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000):
        kiosk.controller.issue("A")
    assert [(j.ticket, j.state) for j in jobs(seeded_store)] == [("A001", "cancelled"), ("A002", "done")]
    assert len(printer.jobs) == 1
    assert not kiosk.device_status.isVisible()


def test_a_ticket_found_sending_after_a_crash_is_not_printed_again(qtbot, seeded_store, settings, vietnamese):
    with seeded_store.write() as session:  # the last run died between "sending" and "done"
        old = pq.enqueue(session, station=STATION, printer="ticket_printer", kind="ticket", content_type="escpos",
                         data=b"\x1b@OLD TICKET\x1dVB\x03", ticket="A001")
        assert pq.claim_next(session, STATION, "ticket_printer").id == old
    printer = SimulatedPrinter()
    kiosk = make_kiosk(qtbot, seeded_store, settings, printer)
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000):
        kiosk.controller.issue("A")
    states = {j.id: (j.state, j.in_doubt) for j in jobs(seeded_store)}
    assert states[old] == ("sending", True)  # "có thể đã in — in lại?": the technician's decision
    assert len(printer.jobs) == 1 and b"OLD TICKET" not in printer.jobs[0]


def test_the_startup_check_reports_a_printer_out_of_paper(qtbot, seeded_store, settings, vietnamese, devices_vi):
    kiosk = make_kiosk(qtbot, seeded_store, settings, SimulatedPrinter(fail="paper_out"))
    qtbot.waitUntil(lambda: kiosk.device_status.isVisible(), timeout=5000)
    assert kiosk.device_status.text() == "Máy in vé: hết giấy"


def test_tickets_are_laid_out_for_the_printer_profile_width(qtbot, seeded_store, settings, vietnamese):
    from devices.printer import open_printer

    narrow = open_printer("sim://?profile=POS-5890")  # a 58 mm, 384-dot printer
    kiosk = make_kiosk(qtbot, seeded_store, settings, narrow)
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=5000):
        kiosk.controller.issue("A")
    wide = SimulatedPrinter()
    kiosk2 = make_kiosk(qtbot, seeded_store, settings, wide)
    with qtbot.waitSignal(kiosk2.ticket_printed, timeout=5000):
        kiosk2.controller.issue("A")
    assert narrow.profile.width_dots == 384
    assert len(narrow.jobs[0]) < len(wide.jobs[0])  # narrower rasters
