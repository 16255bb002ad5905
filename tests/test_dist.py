"""The PyInstaller build starts: the counter window opens, and ``--version``, ``db upgrade`` and ``print
receipt`` work from the bundle. Runs when ``dist/motcua`` exists (``make dist-test`` builds it first)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
    env["MOTCUA_USER"] = env["MOTCUA_PASSWORD"] = "demo"  # the demo seed's account holding every role
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
    """The sign-in shows, the demo officer signs in (typed by the start-up probe, ui/startup_probe.py) and the
    counter's own window is painted; then the probe closes the station and it exits 0."""
    assert bundle(tmp_path, "demo", "seed").returncode == 0  # a database: no first-run wizard
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "PYTHON"))}
    probe = tmp_path / "probe.json"
    env.update(QT_QPA_PLATFORM="offscreen", MOTCUA_STARTUP_PROBE=str(probe), MOTCUA_STARTUP_PROBE_SIGNIN="canbo1:demo")
    done = subprocess.run([str(EXE), "--data-dir", str(tmp_path), "counter"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(probe.read_text())
    assert {"SignInDialog", "CounterWindow"} <= set(seen["windows"]), seen
    log = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "logs").glob("*.log"))
    assert "counter window open" in log
