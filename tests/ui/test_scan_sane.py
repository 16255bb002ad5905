"""The scan session against SANE's ``test`` backend: scan → save → the stored PDF holds the scanned pages."""

from __future__ import annotations

import hashlib
import io

import pikepdf
import pytest

from devices.pages import pdf_images
from tests.ui.test_scan import officer, received, scan, session, stored, tasks  # noqa: F401 - fixtures
from ui.scan.worker import shutdown_all

# the test backend keeps its state for the whole process: the same xdist group as the driver's tests
pytestmark = pytest.mark.xdist_group("sane-test-backend")


@pytest.fixture(autouse=True)
def _stop_scanner_threads(qapp):
    from ui.scan import install_scan_translator

    install_scan_translator(qapp, "vi")
    yield
    shutdown_all()


def test_scan_from_sane_and_save(qtbot, tasks, officer, received, tmp_path, seeded_store):  # noqa: F811
    dialog = session(qtbot, tasks, officer, received, tmp_path, "sane://test:0?opt.test-picture=Grid")
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("flatbed"))
    outcome = scan(qtbot, dialog)
    assert outcome.error is None and len(outcome.pages) == 1
    page = dialog.batch.of("TP1")[0].page
    assert not page.blank and page.dpi == 200
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.save()
    [saved] = blocker.args[0]
    data = stored(seeded_store, tmp_path, received, "TP1")
    assert hashlib.sha256(data).hexdigest() == saved["sha256"] and saved["pages"] == 1
    assert pdf_images(data) == [page.jpeg]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1
