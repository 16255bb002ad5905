"""Start-up figures (issue 14): ``counter_start_ms`` next to its floor ``qt_hello_start_ms``.

``counter_start_ms``: from starting ``motcua --db DB counter`` as a new process until its first window (the
sign-in) was painted (``ui/startup_probe.py`` notes every window's first paint), on a copy of the
1,000,000-dossier database of bench_dossiers (budget 1,500 ms on this machine); ``counter_signed_in_ms``:
until the counter's own window was painted, the probe typing the demo officer's name and password into the
sign-in the moment it shows (so it includes one Argon2id verify and building the window).
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
SESSION_ROUNDS = 3


def _start_ms(argv: list[str], env: dict[str, str], probe: Path) -> tuple[float, float]:
    """(first window painted, the station's window painted) in ms after the process was started."""
    probe.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(argv, env={**env, "MOTCUA_STARTUP_PROBE": str(probe)}, cwd=ROOT, check=True, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = json.loads(probe.read_text())
    return (seen["first_painted_at"] - started) * 1000, (seen["painted_at"] - started) * 1000


def _median(argv, env, probe) -> tuple[float, float]:
    _start_ms(argv, env, probe)
    runs = [_start_ms(argv, env, probe) for _ in range(RUNS)]
    return tuple(round(statistics.median(r[i] for r in runs), 1) for i in (0, 1))


def run() -> dict[str, float]:
    from bench.bench_dossiers import million_database

    path, _samples = million_database()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "MOTCUA_STARTUP_PROBE_SIGNIN": "canbo1:demo", "PYTHONPATH": str(ROOT)}
    # An installed program starts from compiled bytecode (PyInstaller ships .pyc): let the warm-up runs write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.json"
        figures = {"qt_hello_start_ms": _median([sys.executable, "-m", "ui.startup_probe"], env, probe)[1]}
        db = Path(tmp) / "m.sqlite3"
        shutil.copyfile(path, db)
        data = Path(tmp) / "data"
        data.mkdir()
        cli = [sys.executable, "-m", "app", "--data-dir", str(data), "--db", str(db)]
        # the copy is migrated once (once per center, not per start) and has the demo accounts
        subprocess.run([*cli, "demo", "seed"], env=env, cwd=ROOT, check=True, capture_output=True, timeout=600)
        figures["counter_start_ms"], figures["counter_signed_in_ms"] = _median([*cli, "counter"], env, probe)
        figures.update(_stalls(db, Path(tmp) / "session", env))
    return figures


def _stalls(db: Path, data: Path, env: dict[str, str]) -> dict[str, float]:
    """``gui_max_stall_ms``: the scripted counter session of tests/ui/long_session.py (sign-in, F2, intake
    with its receipt printed, the dossier found in the list and opened, its first item scanned on the
    simulated scanner and saved, transfer, finish, return, a hand-over round, the deadline board, F1, a print
    preview, "sync now" to the provincial simulator on a real HTTP port; ROUNDS times) on the million-dossier
    database, with the GUI-thread stall watch of ui/startup_probe.py; budget 100 ms. The watch's record
    (each stall over 50 ms with its step and where the GUI thread was, the GC pauses) is kept in
    bench/stalls.json."""
    from app.settings import StationSettings

    data.mkdir()
    StationSettings(data, {"station.counter": 3, "ui.language": "vi"}).save()
    shutil.copyfile(db, data / "motcua.sqlite3")
    sim = _start_simulator(data.parent / "province", env)
    try:
        _set_sync_url(data / "motcua.sqlite3", sim[0])
        out = data / "stalls.json"
        # the simulator's account, as `motcua sync login` would keep it: the tests' keyring backend holds it in
        # the environment (a bench machine has no desktop keyring)
        keys = {f"motcua-sync|{sim[0]}#user": "motcua", f"motcua-sync|{sim[0]}#password": "motcua"}
        session_env = {**env, "MOTCUA_STALL_PROBE": str(out), "PYTHON_KEYRING_BACKEND": "tests.sync.env_keyring.EnvKeyring",
                       "MOTCUA_TEST_KEYRING": json.dumps(keys)}
        run = subprocess.run([sys.executable, "-m", "tests.ui.long_session", str(data), str(SESSION_ROUNDS)],
                             env=session_env, cwd=ROOT, timeout=900,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"the scripted session failed ({run.returncode}): {run.stderr[-2000:]}")
    finally:
        sim[1].terminate()
        sim[1].wait(10)
    seen = json.loads(out.read_text())
    (ROOT / "bench" / "stalls.json").write_text(json.dumps(seen, ensure_ascii=False, indent=1))
    # gui_max_stall_ms counts everything from the event loop on, the window's first paint after sign-in too;
    # ..._after_start_ms leaves that first paint out (it belongs to counter_signed_in_ms): both are reported
    working = [g["ms"] for g in seen["stalls"] if g.get("step") != "start"]
    return {"gui_max_stall_ms": seen["max_stall_ms"], "gui_stalls_over_100ms": seen["over_100ms"],
            "gui_max_stall_after_start_ms": max(working or [0.0]),
            "gui_gc_max_pause_ms": max([g["ms"] for g in seen.get("gc_pauses_over_20ms", [])] or [0.0])}


def _start_simulator(home: Path, env: dict[str, str]) -> tuple[str, subprocess.Popen]:
    """The provincial simulator (``motcua sim serve``) on a free port of 127.0.0.1."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(home / "home"), "sim", "serve",
                                "--port", str(port), "--data", str(home / "data")], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return f"http://127.0.0.1:{port}", process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the provincial simulator did not start")


def _set_sync_url(db: Path, url: str) -> None:
    from app.actors import SYSTEM
    from app.services import center
    from app.store.session import Store

    store = Store.open(f"sqlite:///{db}")
    with store.write() as session:
        center.set_value(session, SYSTEM, "sync.url", url)
    store.close()


if __name__ == "__main__":
    sys.stdout.write(json.dumps(run(), indent=2) + "\n")
