"""The PyInstaller build starts: the counter window opens, and ``--version``, ``db upgrade`` and ``print
receipt`` work from the bundle. Runs when ``dist/motcua`` exists (``make dist-test`` builds it first)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = Path(os.environ.get("MOTCUA_DIST_DIR", ROOT / "dist" / "motcua"))
EXE = BUNDLE / ("motcua.exe" if sys.platform == "win32" else "motcua")

pytestmark = [
    pytest.mark.dist,
    pytest.mark.skipif(not EXE.exists(), reason="no PyInstaller build in dist/ (make dist-test)"),
    pytest.mark.xdist_group("dist"),
]


def bundle(data_dir: Path, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(EXE), "--data-dir", str(data_dir), *argv], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=data_dir)


def test_version_from_the_bundle(tmp_path):
    from app import __version__

    done = bundle(tmp_path, "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"motcua {__version__}"


def test_db_upgrade_and_print_receipt_from_the_bundle(tmp_path):
    from app.store.migrate import head_revision

    done = bundle(tmp_path, "db", "upgrade", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["revision"] == head_revision()
    assert bundle(tmp_path, "demo", "seed").returncode == 0
    file = tmp_path / "d.json"
    file.write_text(json.dumps({
        "procedure_code": "1.004837",
        "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
        "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
    }, ensure_ascii=False), encoding="utf-8")
    received = bundle(tmp_path, "dossier", "receive", "--file", str(file), "--json")
    assert received.returncode == 0, received.stderr
    code = json.loads(received.stdout)["code"]
    out = tmp_path / "receipt.pdf"
    printed = bundle(tmp_path, "print", "receipt", code, "--out", str(out))
    assert printed.returncode == 0, printed.stderr
    assert out.read_bytes()[:5] == b"%PDF-" and out.stat().st_size > 5000  # fonts embedded from the bundle


def test_the_counter_window_opens_from_the_bundle(tmp_path):
    assert bundle(tmp_path, "demo", "seed").returncode == 0  # a database: no first-run wizard
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.Popen([str(EXE), "--data-dir", str(tmp_path), "counter"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    logs = tmp_path / "logs"
    try:
        deadline = time.monotonic() + 90
        opened = False
        while time.monotonic() < deadline and proc.poll() is None:
            text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in logs.glob("*.log")) if logs.exists() else ""
            if "counter window open" in text:
                opened = True
                break
            time.sleep(0.25)
        assert opened, f"the counter did not open (exit {proc.poll()}): {proc.stderr.read() if proc.poll() is not None else ''}"
        assert proc.poll() is None  # still running: the window is up, nothing crashed after it
    finally:
        proc.terminate()
        proc.wait(timeout=30)
