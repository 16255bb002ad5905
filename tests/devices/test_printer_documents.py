"""A4/A5 document printers: the simulator behaves like an office printer (a second job waits, a fault
during a job fails it) and every printer reports a status."""

from __future__ import annotations

import threading

import pytest

from devices.base import DeviceError
from devices.document_printer import CupsPrinter, SimulatedDocumentPrinter, open_document_printer

PDF = b"%PDF-1.4\n%doc\n"


def test_second_job_waits_for_the_first():
    printer = SimulatedDocumentPrinter(seconds_per_job=0.2)
    t = threading.Thread(target=printer.print_pdf, args=(PDF,), kwargs={"title": "first"})
    t.start()
    printer.print_pdf(PDF, title="second", timeout=5)
    t.join()
    assert sorted(title for title, _c, _d in printer.jobs) == ["first", "second"]


def test_paper_runs_out_during_a_job():
    printer = SimulatedDocumentPrinter(seconds_per_job=2)
    threading.Timer(0.05, printer.set_fault, args=("paper_out",)).start()
    with pytest.raises(DeviceError) as info:
        printer.print_pdf(PDF)
    assert info.value.kind == "paper_out" and printer.jobs == []
    assert printer.status().paper == "out"
    printer.set_fault(None)
    printer.seconds_per_job = 0
    printer.print_pdf(PDF)
    assert printer.status().ready


def test_job_longer_than_its_timeout():
    printer = SimulatedDocumentPrinter(seconds_per_job=1)
    with pytest.raises(DeviceError) as info:
        printer.print_pdf(PDF, timeout=0.05)
    assert info.value.kind == "timeout"


@pytest.mark.parametrize(("fault", "online"), [("offline", False), ("cover_open", True), (None, True)])
def test_simulated_status(fault, online):
    printer = open_document_printer(f"sim://?fault={fault}" if fault else "sim://")
    assert printer.status().online is online


def test_bad_simulated_fault():
    with pytest.raises(DeviceError) as info:
        open_document_printer("sim://?fault=on_fire")
    assert info.value.kind == "config"
    with pytest.raises(DeviceError):
        SimulatedDocumentPrinter().set_fault("exploded")


def test_cups_status_without_lpstat(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    status = CupsPrinter("Office_A4").status()
    assert status.online is False and "lpstat" in status.detail
