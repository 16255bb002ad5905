"""Content store benchmark: ``store_put_mb_s`` for the station's folder (fsync'd file, rename, folder fsync,
commit) and ``store_put_mb_s_pg`` for the center's PostgreSQL (1 MiB bytea chunks in the transaction, commit):
megabytes stored per second for 2 MB item PDFs (a 10-page 200-dpi grayscale item is about that size)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_URL = os.environ.get("MOTCUA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SIZE = 2 * 1024 * 1024
COUNT = 20


def _put_rate(store, fstore) -> float:
    blobs = [os.urandom(SIZE) for _ in range(COUNT)]
    started = time.perf_counter()
    for blob in blobs:
        with store.write() as session:
            fstore.put(session, blob)
    return round(COUNT * SIZE / (1024 * 1024) / (time.perf_counter() - started), 1)


def run() -> dict[str, float]:
    from sqlalchemy import create_engine, text

    from app.filestore import FolderStore, PostgresStore
    from app.store.session import Store

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.sqlite3"))
        figures["store_put_mb_s"] = _put_rate(store, FolderStore(Path(tmp) / "files"))
        store.close()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception:  # no PostgreSQL here: no figure
        return figures
    try:
        from app.store.engine import make_engine
        from app.store.migrate import upgrade

        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        store = Store.open(url)
        figures["store_put_mb_s_pg"] = _put_rate(store, PostgresStore())
        store.close()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
