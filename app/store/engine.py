"""Engine factory: SQLite (WAL, synchronous=FULL, foreign keys, busy timeout) or PostgreSQL (psycopg 3).

Which thread: any; an engine is thread-safe, sessions are not. Failures raise ``StoreError``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from app.errors import StoreError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "ncpfs", "glusterfs", "ceph"}


def normalize_url(url_or_path: str) -> str:
    """Turn a CLI/ENV database value into an SQLAlchemy URL.

    A bare path means an SQLite file; ``postgresql://`` and ``postgres://`` mean psycopg 3.
    """
    value = url_or_path.strip()
    if "://" not in value:
        return "sqlite:///" + str(Path(value).expanduser().resolve())
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    if scheme == "postgresql+psycopg2":
        raise StoreError("psycopg2_unsupported")
    return value


def is_network_path(path: Path) -> bool:
    """True when ``path`` lives on a network share, where SQLite locking is unreliable."""
    text = str(path)
    if sys.platform == "win32":
        if text.startswith("\\\\") or text.startswith("//"):
            return True
        try:
            import ctypes

            drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
            return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
        except Exception:  # pragma: no cover - best effort
            return False
    try:
        resolved = path.resolve()
        best, fstype = "", ""
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and (str(resolved) == parts[1] or str(resolved).startswith(parts[1].rstrip("/") + "/")):
                    if len(parts[1]) > len(best):
                        best, fstype = parts[1], parts[2]
        return fstype in NETWORK_FS
    except OSError:
        return False


def make_engine(url_or_path: str, *, echo: bool = False) -> Engine:
    """Create the engine for a database URL or a SQLite path and set up the connection pragmas."""
    url = make_url(normalize_url(url_or_path))
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, echo=echo)
    if url.get_backend_name() == "postgresql":
        if url.get_driver_name() != "psycopg":
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5)
    raise StoreError("database_unsupported", backend=url.get_backend_name())


def _sqlite_engine(url, *, echo: bool) -> Engine:
    database = url.database
    if database and database != ":memory:":
        path = Path(database)
        if is_network_path(path.parent if not path.exists() else path):
            raise StoreError("sqlite_on_network_share", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy drive transactions (the sqlite3 module would BEGIN on its own otherwise).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if database and database != ":memory:":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front: a deferred transaction that later upgrades to a writer
        # fails at once with "database is locked" in WAL mode instead of waiting for the busy timeout.
        mode = "DEFERRED" if conn.get_execution_options().get("readonly") else "IMMEDIATE"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def verify_sqlite(engine: Engine) -> dict[str, object]:
    """Read back the pragmas that durability depends on; raise StoreError when one did not take."""
    with engine.connect() as conn:
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        fks = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        busy = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        conn.rollback()
    found = {"journal_mode": journal, "synchronous": sync, "foreign_keys": fks, "busy_timeout": busy}
    memory = engine.url.database in (None, "", ":memory:")
    if (not memory and str(journal).lower() != "wal") or sync != 2 or fks != 1 or not busy:
        raise StoreError("sqlite_pragmas_failed", found=found)
    return found
