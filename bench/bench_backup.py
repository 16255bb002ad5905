"""Backup benchmark on a station of realistic size: the demo center, 2,000 dossiers and 100 scanned items of
2 MB (200 MB of files, random bytes: PDFs of JPEGs do not compress either).

- ``backup_mb_s``: megabytes (database + files) per second written into the archive by ``motcua backup``;
- ``restore_mb_s``: megabytes per second verified and restored into a new data dir;
- ``backup_snapshot_ms_backup_api`` / ``backup_snapshot_ms_vacuum_into``: the database copy alone, each way;
- ``backup_writer_max_ms`` / ``backup_writer_max_ms_idle``: the longest intake commit of another thread while
  the backup runs, and without one (whether the counter is held up by a backup).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DOSSIERS = 2000
FILES = 100
FILE_SIZE = 2 * 1024 * 1024
INTAKE = {"procedure_code": "1.004837",
          "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
          "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}]}


def _build(data: Path):
    from app.actors import Actor
    from app.filestore import FolderStore
    from app.services import demo, dossiers, files
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    store = Store.open(str(data / "motcua.sqlite3"))
    bootstrap(store)
    officer = Actor("canbo1", "officer", counter=1)
    with store.write() as s:
        demo.seed(s, Actor("bench", "admin"))
    folder = FolderStore(data / "files")
    req = dossiers.parse_intake(INTAKE)
    for start in range(0, DOSSIERS, 100):
        with store.write() as s:
            for i in range(start, start + 100):
                code = dossiers.receive(s, officer, req).code
                if i < FILES:
                    files.attach(s, folder, officer, code, "TP1", b"%PDF-1.4\n" + os.urandom(FILE_SIZE - 9), pages=10)
    return store


def _writer(url: str, stop: threading.Event, latencies: list[float]) -> None:
    from app.actors import Actor
    from app.services import dossiers
    from app.store.session import Store

    store = Store.open(url)
    officer = Actor("canbo1", "officer", counter=2)
    req = dossiers.parse_intake(INTAKE)
    while not stop.is_set():
        started = time.perf_counter()
        with store.write() as s:
            dossiers.receive(s, officer, req)
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(0.01)
    store.close()


def _max_writer_ms(url: str, seconds: float | None, work=None) -> float:
    stop, latencies = threading.Event(), []
    thread = threading.Thread(target=_writer, args=(url, stop, latencies))
    thread.start()
    time.sleep(0.5)
    latencies.clear()  # the first commit opens the engine
    if work is not None:
        work()
    else:
        time.sleep(seconds)
    stop.set()
    thread.join()
    return round(max(latencies), 1) if latencies else 0.0


def run() -> dict[str, float]:
    from app.backup import restore, snapshot_sqlite
    from app.services.backups import make_backup

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        store = _build(data)
        store.close()
        db = data / "motcua.sqlite3"
        total = db.stat().st_size + FILES * FILE_SIZE
        for method in ("backup_api", "vacuum_into"):
            times = []
            for i in range(3):
                target = root / f"{method}-{i}.sqlite3"
                started = time.perf_counter()
                snapshot_sqlite(db, target, method=method)
                times.append((time.perf_counter() - started) * 1000)
                target.unlink()
            figures[f"backup_snapshot_ms_{method}"] = round(statistics.median(times), 1)
        rates, archives = [], []
        for i in range(3):
            started = time.perf_counter()
            archives.append(make_backup(str(db), data, root / f"b{i}.zip")["path"])
            rates.append(total / (1024 * 1024) / (time.perf_counter() - started))
        figures["backup_mb_s"] = round(statistics.median(rates), 1)
        started = time.perf_counter()
        restore(Path(archives[0]), root / "restored")
        figures["restore_mb_s"] = round(total / (1024 * 1024) / (time.perf_counter() - started), 1)
        for path in archives:
            Path(path).unlink()
        figures["backup_writer_max_ms_idle"] = _max_writer_ms(str(db), 3.0)
        figures["backup_writer_max_ms"] = _max_writer_ms(str(db), None, lambda: make_backup(str(db), data, root / "w.zip"))
        figures["backup_db_mb"] = round(db.stat().st_size / (1024 * 1024), 1)
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
