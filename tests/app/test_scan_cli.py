"""``dossier attach CODE --item ITEM --scanner ADDRESS``: scan, drop blanks, one image PDF, stored by hash."""

from __future__ import annotations

import hashlib

from devices.pages import pdf_images
from tests.app.test_files_cli import code, jrun, run  # noqa: F401 - the fixture

__all__ = ["code"]


def test_attach_from_the_simulated_scanner(capsys, code, data_dir):  # noqa: F811
    # 4 sheets, every 2nd page blank: two pages kept
    got = jrun(capsys, "dossier", "attach", code, "--item", "TP1", "--scanner", "sim://desk?pages=4&blank_every=2&delay=0")
    assert set(got) == {"item", "sha256", "pages", "bytes"} and got["item"] == "TP1" and got["pages"] == 2
    stored = (data_dir / "files" / got["sha256"][:2] / got["sha256"]).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == got["sha256"] and len(stored) == got["bytes"]
    images = pdf_images(stored)
    assert len(images) == 2 and all(i.startswith(b"\xff\xd8") for i in images)
    listed = jrun(capsys, "dossier", "files", code)
    assert [(f["item"], f["pages"], f["dpi"], f["color_mode"], f["source"]) for f in listed] == [("TP1", 2, 200, "gray", "scan")]


def test_pages_colour_and_dpi(capsys, code):  # noqa: F811
    got = jrun(capsys, "dossier", "attach", code, "--item", "TP3", "--scanner", "sim://desk?pages=9&delay=0",
               "--pages", "3", "--dpi", "300", "--color")
    assert got["pages"] == 3
    listed = jrun(capsys, "dossier", "files", code)
    assert [(f["dpi"], f["color_mode"]) for f in listed] == [(300, "color")]


def test_a_scanner_failing_stores_nothing_and_says_why(capsys, code):  # noqa: F811
    status, _, err = run(capsys, "dossier", "attach", code, "--item", "TP1", "--scanner",
                         "sim://desk?pages=5&fail=offline&after=2&delay=0", "--json")
    assert status == 2 and "offline after 2 page(s)" in err and "nothing stored" in err
    assert jrun(capsys, "dossier", "files", code) == []
    for bad in (["--scanner", "nope://x"], ["--scanner", "sim://desk?delay=0", "--dpi", "100"],
                ["--scanner", "sim://desk?pages=0&delay=0"]):
        status, _, err = run(capsys, "dossier", "attach", code, "--item", "TP1", *bad)
        assert status == 2 and err.strip().count("\n") == 0, err
