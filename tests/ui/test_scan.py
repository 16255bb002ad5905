"""The counter's scanning workflow with the simulated scanner: checklist, scan session (pages arriving,
blanks dropped and brought back, reorder / rotate / delete / move by keyboard, a scanner failing mid-job),
saving one PDF per item (its images are the scanned pages' JPEG streams, its name the SHA-256), viewing."""

from __future__ import annotations

import hashlib
import io
import itertools
import subprocess

import pikepdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.actors import Actor
from app.filestore import content_store
from app.services import dossiers, files
from devices.pages import pdf_images
from tests.app.test_files import INTAKE, MON, page_jpeg
from ui.scan.panel import ScanPanel
from ui.scan.session import ScanSessionDialog, ScanSettings
from ui.scan.worker import shutdown_all
from ui.tasks import InlineExecutor, TaskManager

_names = itertools.count()


@pytest.fixture(autouse=True)
def _stop_scanner_threads(qapp):
    from ui.scan import install_scan_translator

    install_scan_translator(qapp, "vi")
    yield
    shutdown_all()


@pytest.fixture
def officer():
    return Actor("canbo1", "officer", counter=3)


@pytest.fixture
def received(seeded_store, officer):
    with seeded_store.write() as s:
        return dossiers.receive(s, officer, dossiers.parse_intake(INTAKE), now=MON).code


@pytest.fixture
def tasks(seeded_store, qapp):
    manager = TaskManager(seeded_store, executor=InlineExecutor())
    yield manager
    manager.shutdown()


def sim(**options) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"delay": 0, "skew": 0, **options}.items())
    return f"sim://desk{next(_names)}?{query}"


def session(qtbot, tasks, officer, received, tmp_path, address, **settings) -> ScanSessionDialog:
    dialog = ScanSessionDialog(tasks, lambda: officer, received, [("TP1", "Đơn"), ("TP3", "Giấy tờ")],
                               ScanSettings(scanner=address, data_dir=str(tmp_path), station="3", **settings))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def scan(qtbot, dialog, key=Qt.Key.Key_F5):
    with qtbot.waitSignal(dialog.scan_finished, timeout=60_000) as blocker:
        dialog.page_list.setFocus()
        qtbot.keyClick(dialog.page_list, key)
    return blocker.args[0]


def stored(seeded_store, tmp_path, code, item) -> bytes:
    with seeded_store.read() as s:
        return files.read_item(s, content_store(seeded_store.dialect, tmp_path), code, item)


def test_scan_drop_blank_bring_back_and_save(qtbot, tasks, officer, received, tmp_path, seeded_store):
    dialog = session(qtbot, tasks, officer, received, tmp_path, sim(pages=4, blank_every=3))
    outcome = scan(qtbot, dialog)
    assert outcome.error is None and len(outcome.pages) == 4
    assert dialog.page_list.count() == 4
    entries = dialog.batch.of("TP1")
    assert [e.dropped for e in entries] == [False, False, True, False]
    assert "(trắng" in dialog.page_list.item(2).text()
    # bring the blank page back with B, then leave it out again, then back
    dialog.page_list.setCurrentRow(2)
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_B)
    assert not dialog.batch.of("TP1")[2].dropped
    saved_pages = [e.page.jpeg for e in dialog.batch.of("TP1")]
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.keyClick(dialog.page_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [saved] = blocker.args[0]
    assert saved["item"] == "TP1" and saved["pages"] == 4
    data = stored(seeded_store, tmp_path, received, "TP1")
    assert hashlib.sha256(data).hexdigest() == saved["sha256"]
    assert pdf_images(data) == saved_pages  # the pages' JPEG streams, byte for byte, in order
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 4


def test_arrange_by_keyboard_and_move_to_another_item(qtbot, tasks, officer, received, tmp_path, seeded_store):
    dialog = session(qtbot, tasks, officer, received, tmp_path, sim(pages=4))
    scan(qtbot, dialog)
    original = [e.page.jpeg for e in dialog.batch.of("TP1")]
    dialog.page_list.setFocus()
    dialog.page_list.setCurrentRow(0)
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # page 1 after page 2
    assert [e.page.jpeg for e in dialog.batch.of("TP1")] == [original[1], original[0], *original[2:]]
    assert dialog.current == 1
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_R)  # rotate the moved page
    assert dialog.batch.of("TP1")[1].quarter_turns == 1
    dialog.page_list.setCurrentRow(3)
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Delete)  # page 4 gone
    dialog.page_list.setCurrentRow(2)
    dialog.move_page_to("TP3")  # what Ctrl+M's menu does
    assert [e.page.jpeg for e in dialog.batch.of("TP1")] == [original[1], original[0]]
    assert [e.page.jpeg for e in dialog.batch.of("TP3")] == [original[2]]
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.save()
    assert [(s["item"], s["pages"]) for s in blocker.args[0]] == [("TP1", 2), ("TP3", 1)]
    data = stored(seeded_store, tmp_path, received, "TP1")
    assert pdf_images(data) == [original[1], original[0]]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert [int(p.obj.get("/Rotate", 0)) for p in pdf.pages] == [0, 90]
    assert pdf_images(stored(seeded_store, tmp_path, received, "TP3")) == [original[2]]


def test_rescan_one_page(qtbot, tasks, officer, received, tmp_path):
    dialog = session(qtbot, tasks, officer, received, tmp_path, sim(pages=5))
    scan(qtbot, dialog)
    before = [e.page.jpeg for e in dialog.batch.of("TP1")]
    dialog.page_list.setCurrentRow(1)
    # the feeder ran empty: a rescan says so and changes nothing
    with qtbot.waitSignal(dialog.scan_finished, timeout=60_000) as blocker:
        qtbot.keyClick(dialog.page_list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].error.kind == "feeder_empty" and "không có giấy" in dialog.status_label.text()
    assert [e.page.jpeg for e in dialog.batch.of("TP1")] == before
    dialog.worker.scanner.load(1)  # the officer puts the sheet back
    with qtbot.waitSignal(dialog.scan_finished, timeout=60_000) as blocker:
        qtbot.keyClick(dialog.page_list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    after = [e.page.jpeg for e in dialog.batch.of("TP1")]
    assert blocker.args[0].error is None
    assert len(after) == 5 and after[0] == before[0] and after[1] != before[1] and after[2:] == before[2:]


def test_a_scanner_gone_mid_job_keeps_the_pages_and_says_so(qtbot, tasks, officer, received, tmp_path, seeded_store):
    dialog = session(qtbot, tasks, officer, received, tmp_path, sim(pages=6, fail="offline", after=2))
    outcome = scan(qtbot, dialog)
    assert outcome.error.kind == "offline" and len(outcome.pages) == 2
    assert dialog.page_list.count() == 2
    message = dialog.status_label.text()
    assert "không kết nối" in message and "2 trang đã quét vẫn được giữ" in message
    with seeded_store.read() as s:
        assert files.dossier_files(s, received) == []  # nothing written before saving
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.save()
    assert blocker.args[0][0]["pages"] == 2


def test_checklist_shows_digitized_items_and_imports_a_file(qtbot, tasks, officer, received, tmp_path, seeded_store,
                                                            station_settings):
    station_settings.set("devices.scanner", sim(pages=2))
    panel = ScanPanel(tasks, lambda: officer, received, station_settings)
    qtbot.addWidget(panel)
    items = [r["item"] for r in panel.rows]  # the procedure's checklist, in order
    assert items[0] == "TP1" and "TP3" in items and all(r["pages"] == 0 for r in panel.rows)
    assert panel.settings.dpi == 200 and panel.settings.color_mode == "gray"
    images = []
    for i in range(3):
        images.append(tmp_path / f"p{i}.jpg")
        images[-1].write_bytes(page_jpeg(f"trang {i}", seed=i))
    panel.import_files("TP3", images)
    assert panel.row_of("TP3")["pages"] == 3 and panel.table.item(items.index("TP3"), 2).text() == "3"
    with seeded_store.read() as s:
        data = files.read_item(s, content_store(seeded_store.dialect, station_settings.data_dir), received, "TP3")
    assert pdf_images(data) == [p.read_bytes() for p in images]  # the files' own JPEG streams
    panel.select("TP1")
    dialog = panel.scan_item()
    scan(qtbot, dialog)
    with qtbot.waitSignal(panel.changed):
        dialog.save()
    assert panel.row_of("TP1")["pages"] == 2
    assert panel.summary.text() == f"2 trên {len(items)} thành phần đã số hóa"
    assert panel.table.item(0, 1).text() == "✔ đã số hóa"


def test_a_stored_item_opens_page_by_page(qtbot, tasks, officer, received, tmp_path, seeded_store):
    from ui.scan.viewer import ItemViewer, open_item

    dialog = session(qtbot, tasks, officer, received, tmp_path, sim(pages=3))
    scan(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    parent = QWidget()
    qtbot.addWidget(parent)
    open_item(tasks, received, "TP1", str(tmp_path), parent=parent)  # read from the store, like any station
    [viewer] = parent.findChildren(ItemViewer)
    qtbot.addWidget(viewer)
    assert viewer.page_count == 3 and viewer.page_label.text() == "Trang 1 / 3"
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.page == 1 and viewer.page_label.text() == "Trang 2 / 3"
    viewer.go(5)  # past the end: stays
    assert viewer.page == 1


def test_the_counter_opens_the_panel_from_the_dossier_view_and_the_intake_form(qtbot, counter_window, received):
    from ui.scan.panel import ScanPanel

    window = counter_window
    window.dossier_view.load(received)
    assert window.dossier_view.code == received
    button = window.dossier_view.findChild(QWidget, "scanEntryButton")
    assert button.text() == "Số hóa…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [panel] = window.findChildren(ScanPanel)
    assert panel.code == received and panel.rows and panel.settings.scanner == "sim://"
    panel.close()
    # the intake form's button opens the dossier received last at this form (none yet: nothing opens)
    intake_button = window.intake_form.findChild(QWidget, "scanEntryButton")
    qtbot.mouseClick(intake_button, Qt.MouseButton.LeftButton)
    assert [p for p in window.findChildren(ScanPanel) if p.isVisible()] == []
    window.intake_form.last_saved_code = received
    qtbot.mouseClick(intake_button, Qt.MouseButton.LeftButton)
    assert [p.code for p in window.findChildren(ScanPanel) if p.isVisible()] == [received]
    for p in window.findChildren(ScanPanel):
        p.close()  # a window-modal panel left open would take the next tests' keys


def test_ocr_after_saving_keeps_the_images_and_adds_text(qtbot, tasks, officer, received, tmp_path, seeded_store):
    from devices.pages import ocr_available

    if not ocr_available():
        pytest.skip("tesseract-ocr-vie is not installed")
    dialog = session(qtbot, tasks, officer, received, tmp_path, sim(pages=1), ocr=True)
    scan(qtbot, dialog)
    jpeg = dialog.batch.of("TP1")[0].page.jpeg
    with qtbot.waitSignal(dialog.saved):
        dialog.save()  # the inline executor runs the background OCR at once too
    with seeded_store.read() as s:
        history = files.dossier_files(s, received, current_only=False)
    assert len(history) == 2  # the scan, then its searchable version in its place
    data = stored(seeded_store, tmp_path, received, "TP1")
    assert pdf_images(data) == [jpeg] and hashlib.sha256(data).hexdigest() == history[-1]["sha256"]
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True, timeout=60).stdout
    assert len(text.decode().split()) > 20  # the page's words can be searched now
