from __future__ import annotations

import pytest

from devices.base import DeviceError
from devices.document_printer import CupsPrinter, SimulatedDocumentPrinter, open_document_printer

PDF = b"%PDF-1.4\n%fake\n"


def test_simulated_keeps_and_spools(tmp_path):
    p = open_document_printer("sim://", spool_dir=tmp_path)
    p.print_pdf(PDF, title="receipt", copies=2)
    assert p.jobs == [("receipt", 2, PDF)]
    assert (tmp_path / "doc-0001.pdf").read_bytes() == PDF


def test_simulated_faults_and_bad_input():
    p = SimulatedDocumentPrinter(fault="paper_out")
    with pytest.raises(DeviceError) as err:
        p.print_pdf(PDF)
    assert err.value.kind == "paper_out" and p.jobs == []
    p.set_fault(None)
    with pytest.raises(DeviceError) as err:
        p.print_pdf(b"hello")
    assert err.value.kind == "config"


def test_urls():
    assert isinstance(open_document_printer("cups://Office_A4"), CupsPrinter)
    assert open_document_printer("cups://Office_A4").queue == "Office_A4"
    assert open_document_printer("sim://?fault=offline")._fault == "offline"
    with pytest.raises(DeviceError):
        open_document_printer("ftp://x")


def test_cups_without_lp(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(DeviceError) as err:
        CupsPrinter("x").print_pdf(PDF)
    assert err.value.kind == "config"
