"""Start-up figures (issue 14): ``counter_start_ms`` next to its floor ``qt_hello_start_ms``.

``counter_start_ms``: from starting ``motcua --db DB counter`` as a new process until its window was first
painted (``ui/startup_probe.py``: the station writes the moment and quits), on a copy of the
1,000,000-dossier database of bench_dossiers (budget 1,500 ms on this machine). The demo seed's accounts
sign in through ``MOTCUA_USER``/``MOTCUA_PASSWORD`` where the station asks for a user.
``qt_hello_start_ms``: the same for a bare PySide6 window with one label (``python -m ui.startup_probe``):
the interpreter, Qt and a first paint, which no station can go below. Medians of 5 runs after one warm-up
(the file cache warm, as on a PC that has started the program before).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def _start_ms(argv: list[str], env: dict[str, str], probe: Path) -> float:
    probe.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(argv, env={**env, "MOTCUA_STARTUP_PROBE": str(probe)}, cwd=ROOT, check=True, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (json.loads(probe.read_text())["painted_at"] - started) * 1000


def _median(argv, env, probe) -> float:
    _start_ms(argv, env, probe)
    return round(statistics.median(_start_ms(argv, env, probe) for _ in range(RUNS)), 1)


def run() -> dict[str, float]:
    from bench.bench_dossiers import million_database

    path, _samples = million_database()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "MOTCUA_USER": "canbo1", "MOTCUA_PASSWORD": "demo", "PYTHONPATH": str(ROOT)}
    # An installed program starts from compiled bytecode (PyInstaller ships .pyc): let the warm-up runs write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.json"
        figures = {"qt_hello_start_ms": _median([sys.executable, "-m", "ui.startup_probe"], env, probe)}
        db = Path(tmp) / "m.sqlite3"
        shutil.copyfile(path, db)
        data = Path(tmp) / "data"
        data.mkdir()
        argv = [sys.executable, "-m", "app", "--data-dir", str(data), "--db", str(db), "counter"]
        _start_ms(argv, env, probe)  # the first start migrates the copy (once per center, not per start)
        figures["counter_start_ms"] = _median(argv, env, probe)
    return figures


if __name__ == "__main__":
    sys.stdout.write(json.dumps(run(), indent=2) + "\n")
