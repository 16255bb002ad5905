"""The scan session against SANE's ``test`` backend: scan → save → the stored PDF holds the scanned pages."""

from __future__ import annotations

import hashlib
import io
import os

import pikepdf
import pytest

from devices.pages import pdf_images
from devices import scanner_sane
from tests.devices.test_scanner_sane import write_sane_config
from tests.ui.test_scan import officer, received, scan, session, stored, tasks  # noqa: F401 - fixtures
from ui.scan.worker import shutdown_all

# the test backend keeps its state for the whole process: the same xdist group as the driver's tests
pytestmark = pytest.mark.xdist_group("sane-test-backend")


@pytest.fixture(scope="module", autouse=True)
def sane_config(tmp_path_factory):
    """SANE_CONFIG_DIR with only the test backend, set before python-sane initialises in this process.
    Once initialised (the driver's tests ran first in this worker), libsane keeps the configuration it read
    then, which is the same test backend."""
    if scanner_sane._initialized:
        yield
        return
    before = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = str(write_sane_config(tmp_path_factory.mktemp("sane.d")))
    yield
    if scanner_sane._initialized:
        return  # libsane read this folder: leave it named, for the other SANE tests of this worker
    if before is None:
        os.environ.pop("SANE_CONFIG_DIR", None)
    else:
        os.environ["SANE_CONFIG_DIR"] = before


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
