"""The files command-line contract: dossier attach / files, files export / verify / gc."""

from __future__ import annotations

import json

import pikepdf
import pytest

from app.cli import main
from tests.app.test_files import INTAKE, page_jpeg


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jrun(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def code(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    path = tmp_path / "d.json"
    path.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    return jrun(capsys, "dossier", "receive", "--file", str(path))["code"]


def test_attach_list_export_verify(capsys, code, data_dir, tmp_path):
    images = []
    for i in range(2):
        images.append(tmp_path / f"p{i}.jpg")
        images[-1].write_bytes(page_jpeg(f"page {i}", seed=i))
    attached = jrun(capsys, "dossier", "attach", code, "--item", "TP1", "--file", *map(str, images), "--dpi", "100")
    assert set(attached) == {"item", "sha256", "pages", "bytes"} and attached["item"] == "TP1" and attached["pages"] == 2
    # A PDF is kept as it is.
    pdf = tmp_path / "tp3.pdf"
    pdf.write_bytes((data_dir / "files" / attached["sha256"][:2] / attached["sha256"]).read_bytes())
    again = jrun(capsys, "dossier", "attach", code, "--item", "TP3", "--file", str(pdf))
    assert again["sha256"] == attached["sha256"]
    listed = jrun(capsys, "dossier", "files", code)
    assert [(f["item"], f["pages"]) for f in listed] == [("TP1", 2), ("TP3", 2)]
    out = tmp_path / "export"
    jrun(capsys, "files", "export", code, "--out", str(out), "--reason", "citizen asked for a copy")
    assert sorted(p.name for p in out.iterdir()) == ["TP1.pdf", "TP3.pdf"]
    with pikepdf.open(out / "TP1.pdf") as doc:
        assert len(doc.pages) == 2
    assert jrun(capsys, "files", "verify") == {"ok": True, "problems": []}
    # A flipped byte: exit 1, naming the dossier and item.
    stored = data_dir / "files" / attached["sha256"][:2] / attached["sha256"]
    data = bytearray(stored.read_bytes())
    data[100] ^= 0xFF
    stored.write_bytes(bytes(data))
    status, text, _ = run(capsys, "files", "verify")
    assert status == 1 and "corrupt" in text and code in text and "TP1" in text
    assert jrun(capsys, "files", "gc", "--older-than", "7") == {"removed": []}


def test_bad_attach_input_is_exit_2(capsys, code, tmp_path):
    text = tmp_path / "note.txt"
    text.write_text("hello")
    assert run(capsys, "dossier", "attach", code, "--item", "TP1", "--file", str(text))[0] == 2
    assert run(capsys, "dossier", "attach", code, "--item", "TP1", "--file", str(tmp_path / "missing.pdf"))[0] == 2
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    assert run(capsys, "dossier", "attach", code, "--item", "TP1", "--file", str(broken))[0] == 2
    assert run(capsys, "files", "gc", "--older-than", "0")[0] == 2
