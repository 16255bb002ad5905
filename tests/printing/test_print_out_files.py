"""No temporary file with citizen data is left behind when a print fails, and a bad ``--out`` is a
clear exit 2. The failures are real: a file-size limit (RLIMIT_FSIZE) set on a child process makes its
writes fail as a full disk would."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import textwrap

import pytest

from app.cli import main


def _limited(max_bytes: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return apply


def _child(code: str, max_bytes: int, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.getcwd() + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=cwd, env=env,
        preexec_fn=_limited(max_bytes), timeout=120,
    )


def test_archive_writer_removes_its_temporary_file_on_failure(tmp_path):
    target = tmp_path / "archive" / "ab" / "abcdef.pdf"
    proc = _child(
        f"""
        from pathlib import Path
        from app.errors import StoreError
        from app.filestore import FolderStore
        try:
            # the content store's writer, which the archive of printed forms uses
            FolderStore._write(Path({str(target)!r}), "Nguyễn Văn Đức, 12 Lê Lợi".encode() * 20000)
        except StoreError as exc:
            print("StoreError", exc)
        """,
        64 * 1024,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("StoreError")
    assert not target.exists()
    assert [p.name for p in (tmp_path / "archive").rglob("*") if p.is_file()] == []


def test_write_out_removes_its_temporary_file_on_failure(tmp_path):
    out = tmp_path / "out" / "r.pdf"
    proc = _child(
        f"""
        from app.cli.output import write_out
        from app.errors import ValidationError
        try:
            write_out({str(out)!r}, b"%PDF-1.4 citizen data" * 10000)
        except ValidationError as exc:
            print("ValidationError", exc)
        """,
        32 * 1024,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ValidationError")
    assert list(out.parent.iterdir()) == []


FILE = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


@pytest.fixture
def dossier(capsys, data_dir, tmp_path):
    assert main(["demo", "seed"]) == 0
    capsys.readouterr()
    path = tmp_path / "d.json"
    path.write_text(json.dumps(FILE, ensure_ascii=False), encoding="utf-8")
    assert main(["dossier", "receive", "--file", str(path), "--received-at", "2026-11-20T10:00", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["code"]


@pytest.mark.parametrize("where", ["dir", "slash", "proc"])
def test_bad_out_is_exit_2_and_archives_nothing(capsys, dossier, data_dir, tmp_path, where):
    out = {"dir": str(tmp_path), "slash": str(tmp_path / "new") + "/", "proc": "/proc/motcua/r.pdf"}[where]
    assert main(["print", "receipt", dossier, "--out", out]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--out" in err and "Traceback" not in err
    if where != "proc":  # refused before anything was rendered
        assert not (data_dir / "archive").exists() or not list((data_dir / "archive").rglob("*.pdf"))
    assert main(["print", "ticket", "--number", "A1", "--service", "A", "--out", out]) == 2
    assert "--out" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.tmp"))
