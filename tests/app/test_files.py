"""The content store (folder and PostgreSQL pass the same tests), dossier items' files, verify and gc, and a
kill -9 during saves: no dossier refers to a missing file, no item is half-saved."""

from __future__ import annotations

import io
import multiprocessing
import os
import random
import signal
import time
from datetime import datetime, timedelta, timezone

import img2pdf
import pikepdf
import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select, update

from app.errors import ValidationError
from app.filestore import CHUNK, FileCorrupt, FileMissing, content_store
from app.services import dossiers, files
from app.store.models_files import DossierFile, FileChunk, StoredFile

MON = datetime(2026, 5, 4, 2, 0, tzinfo=timezone.utc)
INTAKE = {"procedure_code": "1.004837",
          "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
          "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}]}


def page_jpeg(text: str, *, seed: int = 0) -> bytes:
    """A grayscale A4 page at 100 dpi with a line of text, as JPEG."""
    image = Image.new("L", (827, 1169), 255)
    draw = ImageDraw.Draw(image)
    draw.text((80, 120 + seed * 7), text, fill=0)
    draw.rectangle((80, 300, 700, 302), fill=0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, dpi=(100, 100))
    return out.getvalue()


def item_pdf(*pages: bytes) -> bytes:
    return img2pdf.convert(list(pages))


@pytest.fixture
def received(seeded, officer):
    with seeded.write() as s:
        return dossiers.receive(s, officer, dossiers.parse_intake(INTAKE), now=MON).code


@pytest.fixture
def fstore(seeded, tmp_path):
    return content_store(seeded.dialect, tmp_path / "data")


def test_put_get_exists_verify_on_both_stores(seeded, fstore):
    big = os.urandom(CHUNK * 2 + 17)  # more than one PostgreSQL chunk
    with seeded.write() as s:
        digest = fstore.put(s, big, media_type="application/octet-stream", actor="t")
        assert fstore.put(s, big) == digest  # once per content
    with seeded.read() as s:
        assert fstore.get(s, digest) == big and fstore.exists(s, digest) and fstore.verify(s, digest) == "ok"
        assert s.get(StoredFile, digest).size == len(big)
        assert not fstore.exists(s, "0" * 64) and fstore.verify(s, "0" * 64) == "missing"
        with pytest.raises(FileMissing):
            fstore.get(s, "0" * 64)


def test_an_item_becomes_one_pdf_whose_images_are_the_scanned_pages(seeded, officer, fstore, received):
    pages = [page_jpeg(f"Trang {i}", seed=i) for i in range(3)]
    pdf = item_pdf(*pages)
    with seeded.write() as s:
        row = files.attach(s, fstore, officer, received, "TP1", pdf, pages=3, dpi=100, color_mode="gray", now=MON)
        digest = row.sha256
    with seeded.read() as s:
        listed = files.dossier_files(s, received)
        stored = files.read_item(s, fstore, received, "TP1")
        events = dossiers.get_dossier(s, received).events
    assert [(f["item"], f["pages"], f["sha256"]) for f in listed] == [("TP1", 3, digest)]
    assert stored == pdf and events[-1].kind == "digitized"
    with pikepdf.open(io.BytesIO(stored)) as doc:
        assert len(doc.pages) == 3
        embedded = [next(iter((p.get_images() if hasattr(p, "get_images") else p.images).values())).read_raw_bytes()
                    for p in doc.pages]
    assert embedded == pages  # the JPEG streams as scanned: no second lossy encode


def test_a_rescan_replaces_the_item_and_keeps_the_old_file(seeded, officer, fstore, received):
    with seeded.write() as s:
        first = files.attach(s, fstore, officer, received, "TP1", item_pdf(page_jpeg("a")), pages=1, now=MON).sha256
    with seeded.write() as s:
        second = files.attach(s, fstore, officer, received, "TP1", item_pdf(page_jpeg("b")), pages=1, now=MON).sha256
    with seeded.read() as s:
        assert [f["sha256"] for f in files.dossier_files(s, received)] == [second]
        assert {f["sha256"] for f in files.dossier_files(s, received, current_only=False)} == {first, second}
        assert files.verify(s, fstore) == []


def test_bad_attachments_are_refused(seeded, officer, fstore, received):
    with seeded.write() as s:
        with pytest.raises(ValidationError):
            files.attach(s, fstore, officer, received, "TP1", b"not a pdf", pages=1)
        with pytest.raises(ValidationError):
            files.attach(s, fstore, officer, received, "NO_SUCH_ITEM", item_pdf(page_jpeg("x")), pages=1)


def test_verify_finds_a_flipped_byte_a_deleted_file_and_an_extra_one(seeded, officer, fstore, received):
    with seeded.write() as s:
        one = files.attach(s, fstore, officer, received, "TP1", item_pdf(page_jpeg("1")), pages=1, now=MON).sha256
        two = files.attach(s, fstore, officer, received, "TP3", item_pdf(page_jpeg("2")), pages=1, now=MON).sha256
    if fstore.kind == "folder":
        data = bytearray(fstore.path(one).read_bytes())
        data[len(data) // 2] ^= 0x01
        fstore.path(one).write_bytes(bytes(data))
        fstore.path(two).unlink()
        extra = "ab" * 32
        fstore.path(extra).parent.mkdir(parents=True, exist_ok=True)
        fstore.path(extra).write_bytes(b"stray")
    else:
        with seeded.write() as s:
            chunk = s.scalar(select(FileChunk).where(FileChunk.sha256 == one))
            data = bytearray(chunk.data)
            data[len(data) // 2] ^= 0x01
            chunk.data = bytes(data)
            s.query(FileChunk).filter(FileChunk.sha256 == two).delete()
    with seeded.read() as s:
        problems = {p["sha256"]: p for p in files.verify(s, fstore)}
        with pytest.raises(FileCorrupt):
            fstore.get(s, one)
    assert problems[one]["problem"] == "corrupt" and problems[one]["belongs_to"] == [{"dossier": received, "item": "TP1"}]
    assert problems[two]["problem"] == "missing" and problems[two]["belongs_to"] == [{"dossier": received, "item": "TP3"}]
    if fstore.kind == "folder":
        assert problems["ab" * 32]["problem"] == "extra"


def test_gc_collects_only_unreferenced_files_after_the_grace_period(seeded, officer, fstore, received):
    with seeded.write() as s:
        kept = files.attach(s, fstore, officer, received, "TP1", item_pdf(page_jpeg("keep")), pages=1, now=MON).sha256
        orphan = fstore.put(s, item_pdf(page_jpeg("cancelled scan")))
        fresh = fstore.put(s, item_pdf(page_jpeg("just now")))
        s.execute(update(StoredFile).where(StoredFile.sha256.in_((kept, orphan)))
                  .values(created_at=datetime.now(timezone.utc) - timedelta(days=30)))
    with seeded.write() as s:
        with pytest.raises(ValidationError):
            files.collect_garbage(s, fstore, older_than_days=0)
        removed = files.collect_garbage(s, fstore, older_than_days=7)
    assert removed == [orphan]
    with seeded.read() as s:
        assert fstore.exists(s, kept) and fstore.exists(s, fresh) and not fstore.exists(s, orphan)
        assert files.verify(s, fstore) == []


def _attach_forever(url: str, data_dir: str, code: str, seed: int, ready) -> None:
    """A child that saves items over and over until it is killed."""
    from app.actors import Actor
    from app.store.session import Store

    store = Store.open(url)
    fstore = content_store(store.dialect, __import__("pathlib").Path(data_dir))
    officer = Actor("canbo1", "officer")
    rng = random.Random(seed)
    ready.set()
    n = 0
    while True:
        n += 1
        pdf = item_pdf(*(page_jpeg(f"{seed}-{n}-{i}", seed=i) for i in range(rng.randint(1, 3))))
        with store.write() as s:
            files.attach(s, fstore, officer, code, rng.choice(("TP1", "TP3")), pdf, pages=1)


@pytest.mark.slow
def test_kill_9_during_saves_leaves_no_reference_to_a_missing_file(migrated_url, tmp_path, admin, officer):
    from app.services import demo
    from app.store.session import Store

    store = Store.open(migrated_url)
    with store.write() as s:
        demo.seed(s, admin)
    with store.write() as s:
        code = dossiers.receive(s, officer, dossiers.parse_intake(INTAKE), now=MON).code
    store.close()
    data_dir = tmp_path / "data"
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(5)
    for trial in range(20):
        ready = ctx.Event()
        child = ctx.Process(target=_attach_forever, args=(migrated_url, str(data_dir), code, trial, ready), daemon=True)
        child.start()
        try:
            assert ready.wait(30)
            time.sleep(rng.uniform(0.05, 1.2))
        finally:  # the child saves forever: never left running, whatever happened here
            os.kill(child.pid, signal.SIGKILL)
            child.join(10)
    store = Store.open(migrated_url)
    fstore = content_store(store.dialect, data_dir)
    with store.read() as s:
        problems = files.verify(s, fstore)
        rows = list(s.scalars(select(DossierFile)))
        assert rows, "no save completed: the trials proved nothing"
        for row in rows:
            assert fstore.verify(s, row.sha256) == "ok"
    # Only files that no commit refers to may be left (extra): collected later by gc, never missing or damaged.
    assert {p["problem"] for p in problems} <= {"extra"}
    store.close()
