"""The watched folder: files written slowly count once settled, each is taken once and moved to done."""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

import img2pdf
import pytest

from devices.base import DeviceError
from devices.scanner import ScanRequest
from devices.scanners import open_scanner
from devices.scanner_folder import FolderScanner
from devices.scanner_sim import make_page


def jpeg_bytes(seed: int = 0, dpi: int = 100) -> bytes:
    out = io.BytesIO()
    make_page("text", dpi=dpi, seed=seed).save(out, "JPEG", quality=80, dpi=(dpi, dpi))
    return out.getvalue()


def write_slowly(path: Path, data: bytes, chunks: int = 8, pause: float = 0.05, started: threading.Event | None = None) -> None:
    """A printer writing over the network: the file grows in pieces."""
    step = -(-len(data) // chunks)
    with open(path, "wb") as f:
        for i in range(0, len(data), step):
            f.write(data[i : i + step])
            f.flush()
            if started is not None:
                started.set()
            time.sleep(pause)


@pytest.fixture
def folders(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    return inbox, tmp_path / "done"


def test_a_file_written_slowly_is_taken_whole_and_once(folders):
    inbox, done = folders
    data = jpeg_bytes()
    scanner = FolderScanner(inbox, done=done, settle=0.5, idle=1.5)
    started = threading.Event()
    # pauses of 0.15 s between pieces: shorter than the settle time, so the file is never taken half-written
    writer = threading.Thread(target=write_slowly, args=(inbox / "scan0001.jpg", data), kwargs={"started": started, "pause": 0.15})
    writer.start()
    started.wait(5)
    pages = list(scanner.scan(ScanRequest(dpi=100)))
    writer.join()
    assert len(pages) == 1
    page = pages[0]
    assert page.encoded == data and page.encoded_format == "jpeg"  # the printer's JPEG, never re-encoded
    assert page.image.size == (827, 1169) and page.dpi == 100 and page.origin == "scan0001.jpg"
    assert not (inbox / "scan0001.jpg").exists()
    assert (done / "scan0001.jpg").read_bytes() == data
    assert list(scanner.scan(ScanRequest(dpi=100))) == []  # nothing is taken twice


def test_files_waiting_before_the_scan_started_come_in_time_order(folders):
    inbox, done = folders
    for i, name in enumerate(["b.jpg", "a.jpg", "c.png"]):
        path = inbox / name
        if name.endswith(".png"):
            make_page("short_line", dpi=50).save(path)
        else:
            path.write_bytes(jpeg_bytes(seed=i, dpi=50))
        stamp = time.time() - 100 + i
        os.utime(path, (stamp, stamp))
    (inbox / ".hidden.jpg").write_bytes(b"x")
    (inbox / "notes.txt").write_text("not a scan")
    pages = list(FolderScanner(inbox, done=done, settle=0.2, idle=0.6).scan(ScanRequest(dpi=50)))
    assert [p.origin for p in pages] == ["b.jpg", "a.jpg", "c.png"]
    assert pages[2].encoded is None and pages[2].image.mode == "L"
    assert sorted(p.name for p in done.iterdir()) == ["a.jpg", "b.jpg", "c.png"]
    assert sorted(p.name for p in inbox.iterdir()) == [".hidden.jpg", "notes.txt"]


def test_multi_page_tiff_and_pdf_from_the_printer(folders):
    inbox, done = folders
    frames = [make_page("text", dpi=50, seed=i) for i in range(3)]
    frames[0].save(inbox / "tiff.tif", save_all=True, append_images=frames[1:], dpi=(50, 50))
    jpegs = [jpeg_bytes(seed=i, dpi=50) for i in range(2)]
    (inbox / "pdf.pdf").write_bytes(img2pdf.convert(jpegs))
    pages = list(FolderScanner(inbox, done=done, settle=0.2, idle=0.6).scan(ScanRequest(dpi=50)))
    by_file = {}
    for p in pages:
        by_file.setdefault(p.origin, []).append(p)
    assert len(by_file["tiff.tif"]) == 3 and all(p.dpi == 50 for p in by_file["tiff.tif"])
    assert [p.encoded for p in by_file["pdf.pdf"]] == jpegs  # the PDF's JPEG streams, as they were
    assert by_file["pdf.pdf"][0].dpi == 50
    assert [p.index for p in pages] == list(range(5))


def test_same_name_again_does_not_overwrite_the_done_copy(folders):
    inbox, done = folders
    scanner = FolderScanner(inbox, done=done, settle=0.2, idle=0.6)
    for seed in (1, 2):
        (inbox / "scan.jpg").write_bytes(jpeg_bytes(seed=seed, dpi=50))
        assert len(list(scanner.scan(ScanRequest(dpi=50)))) == 1
    assert sorted(p.name for p in done.iterdir()) == ["scan-1.jpg", "scan.jpg"]


def test_a_file_that_never_decodes_is_moved_aside(folders):
    inbox, done = folders
    (inbox / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    pages = list(FolderScanner(inbox, done=done, settle=0.1, idle=1.0).scan(ScanRequest(dpi=50)))
    assert pages == [] and (done / "broken.jpg.unreadable").exists()


def test_cancel_and_max_pages_end_the_scan(folders):
    inbox, done = folders
    for i in range(3):
        (inbox / f"{i}.jpg").write_bytes(jpeg_bytes(seed=i, dpi=50))
    scanner = FolderScanner(inbox, done=done, settle=0.1)  # idle=0: waits until cancelled
    assert len(list(scanner.scan(ScanRequest(dpi=50, max_pages=2)))) == 2
    cancel = threading.Event()
    got = []
    for page in scanner.scan(ScanRequest(dpi=50), cancel=cancel):
        got.append(page)
        threading.Timer(0.2, cancel.set).start()
    assert len(got) == 1 and not list(inbox.iterdir())


def test_missing_inbox_is_offline_and_address(tmp_path):
    with pytest.raises(DeviceError) as err:
        list(FolderScanner(tmp_path / "nope").scan(ScanRequest()))
    assert err.value.kind == "offline"
    s = open_scanner(f"folder://{tmp_path.as_posix()}?done={tmp_path.as_posix()}/d&settle=3&idle=5")
    assert isinstance(s, FolderScanner)
    assert (s.inbox, s.done, s.settle, s.idle) == (tmp_path, tmp_path / "d", 3.0, 5.0)
    with pytest.raises(DeviceError):
        open_scanner(f"folder://{tmp_path.as_posix()}?settle=soon")


def test_only_the_observer_thread_runs_while_scanning_and_it_stops(folders):
    inbox, done = folders
    (inbox / "x.jpg").write_bytes(jpeg_bytes(dpi=50))
    before = set(threading.enumerate())
    it = FolderScanner(inbox, done=done, settle=0.1, idle=0.5).scan(ScanRequest(dpi=50))
    next(it)
    during = set(threading.enumerate()) - before
    assert len(during) >= 1  # watchdog's observer (and its emitter)
    list(it)
    assert not [t for t in set(threading.enumerate()) - before if t.is_alive()]
