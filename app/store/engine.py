"""Engine factory: SQLite (WAL, synchronous=FULL, foreign keys, busy timeout) or PostgreSQL (psycopg 3).

Which thread: any; an engine is thread-safe, sessions are not. Failures raise ``StoreError``.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.errors import AppError, StoreError, ValidationError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000

# File systems where SQLite's locking and fsync are known to work: local disks and memory. Anything else
# (nfs, cifs/smb, sshfs, 9p, virtiofs, vboxsf, davfs, rclone, gvfs, vmhgfs and whatever comes next) is
# refused: an allow-list, because the list of remote file systems never ends.
LOCAL_FS = frozenset({
    "ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "jfs", "reiserfs", "bcachefs", "nilfs2",
    "tmpfs", "ramfs", "overlay", "vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "hfsplus", "apfs",
})

# The tables only a motcua database has (migration 0001): a SQLite file without them is someone else's.
MOTCUA_TABLES = frozenset({"alembic_version", "sequences", "center_settings", "dossiers"})


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


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash in paths as octal escapes (\\040...)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def filesystem_type(path: Path, mounts: str) -> str | None:
    """The file system type of the mount that holds ``path``, from the text of /proc/mounts."""
    target = str(path)
    best, fstype = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _unescape_mount(parts[1])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fstype = mount_point, parts[2]
    return fstype


def is_network_path(path: Path, *, mounts: str | None = None) -> bool:
    """True when ``path`` is not on a local disk known to keep SQLite's locks (see ``LOCAL_FS``)."""
    text = str(path)
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _is_windows_network_path(path)
    if text.startswith("//"):
        return True
    existing = path
    if mounts is None:  # the real machine: the nearest folder that exists decides
        existing = path.resolve()
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        try:
            with open("/proc/mounts", encoding="utf-8", errors="surrogateescape") as fh:
                mounts = fh.read()
        except OSError:
            return False  # no /proc (macOS): nothing to go by
    fstype = filesystem_type(existing, mounts)
    return fstype is not None and fstype not in LOCAL_FS


def _is_windows_network_path(path: Path) -> bool:  # pragma: no cover - Windows only
    """UNC paths (\\\\server\\share, \\\\?\\UNC\\...) and drives mapped to a share (GetDriveTypeW)."""
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith("\\\\?\\") or text.upper().startswith("\\\\?\\UNC\\"):
        return True
    try:
        import ctypes  # lazily: only Windows has windll

        drive = os.path.splitdrive(str(path.resolve()))[0]
        if drive.startswith("\\\\"):
            return True
        return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
    except Exception:
        return False


def make_engine(url_or_path: str, *, echo: bool = False, readonly: bool = False) -> Engine:
    """Create the engine for a database URL or a SQLite path and set up the connection pragmas.

    ``readonly``: a SQLite file is opened read-only (it must exist; nothing is created, converted or
    migrated); PostgreSQL sessions run ``SET TRANSACTION READ ONLY``. Statement parameters never appear
    in errors or logs (``hide_parameters``): they are the citizens' names, ID numbers and phones.
    """
    url = make_url(normalize_url(url_or_path))
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, echo=echo, readonly=readonly)
    if url.get_backend_name() == "postgresql":
        if url.get_driver_name() != "psycopg":
            url = url.set(drivername="postgresql+psycopg")
        options = {"postgresql_readonly": True} if readonly else {}
        return create_engine(
            url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5, hide_parameters=True,
            execution_options=options,
        )
    raise StoreError("database_unsupported", backend=url.get_backend_name())


def check_sqlite_file(path: Path) -> bool:
    """Refuse what is not an SQLite file at all, by its header, without opening it with SQLite.

    Returns True when the file starts like an SQLite database, False when it is missing or empty (a new
    one may be made there). Whose tables it holds is checked on each new connection (``_refuse_foreign``),
    before the first statement that could write."""
    try:
        if path.is_dir():
            raise ValidationError("database_is_directory", path=path)
        if not path.exists() or path.stat().st_size == 0:
            return False
        with path.open("rb") as fh:
            header = fh.read(16)
    except PermissionError:
        raise StoreError("file_permission_denied", path=path) from None
    except OSError as exc:
        raise StoreError("database_unreadable", path=path, strerror=exc.strerror) from None
    if header != b"SQLite format 3\x00":
        raise ValidationError("database_not_sqlite", path=path)
    return True


def _refuse_foreign(cursor, path: str, *, readonly: bool) -> None:
    """On a fresh connection, before any pragma that writes: a file with tables must have motcua's."""
    try:
        tables = {name for (name,) in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.OperationalError:
        raise  # busy, locked, I/O: the caller's usual handling
    except sqlite3.DatabaseError as exc:  # "file is not a database", a damaged header
        raise ValidationError("database_not_motcua", path=path, exc=exc) from None
    if tables and not MOTCUA_TABLES <= tables:
        raise ValidationError("database_foreign", path=path)
    if not tables and readonly:
        raise ValidationError("database_missing", path=path)


def _sqlite_engine(url, *, echo: bool, readonly: bool = False) -> Engine:
    database = url.database
    memory = not database or database == ":memory:"
    immutable = False
    if not memory:
        path = Path(database)
        if is_network_path(path):
            raise StoreError("sqlite_on_network_share", path=path)
        exists = check_sqlite_file(path)
        if readonly:
            if not exists:
                raise ValidationError("database_missing", path=path)
            immutable = not _writable_for_readers(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    if readonly and not memory:
        # Read-only at the SQLite level: nothing can be created, converted to WAL or migrated.
        mode = "mode=ro" + ("&immutable=1" if immutable else "")
        url = make_url(f"sqlite:///file:{quote(database)}?{mode}&uri=true")
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
    else:
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy drive transactions (the sqlite3 module would BEGIN on its own otherwise).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            _refuse_foreign(cur, database, readonly=readonly)
        if not memory and not readonly:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        if readonly:
            cur.execute("PRAGMA query_only = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front: a deferred transaction that later upgrades to a writer
        # fails at once with "database is locked" in WAL mode instead of waiting for the busy timeout.
        deferred = readonly or conn.get_execution_options().get("readonly")
        conn.exec_driver_sql(f"BEGIN {'DEFERRED' if deferred else 'IMMEDIATE'}")

    return engine


def _writable_for_readers(path: Path) -> bool:
    """A WAL database is read through its -shm file: it must exist or the folder must be writable.
    Otherwise (a read-only disk, a folder this user cannot write) the file is read as immutable —
    nobody can be writing it from here."""
    shm = path.with_name(path.name + "-shm")
    return os.access(path.parent, os.W_OK) or (shm.exists() and os.access(shm, os.R_OK))


# SQLite result codes (sqlite3 exceptions carry them as ``sqlite_errorcode``) that mean the disk refused
# to take more: SQLITE_FULL, and the I/O errors of writing, syncing, growing and mapping files (a full
# disk shows as these when the write fails outright, e.g. ENOSPC in the WAL or EFBIG at a size limit).
SQLITE_FULL = 13
SQLITE_IOERR = 10
SQLITE_IOERR_WRITE_CODES = frozenset(
    SQLITE_IOERR | (sub << 8) for sub in (3, 4, 5, 6, 19, 24)  # WRITE, FSYNC, DIR_FSYNC, TRUNCATE, SHMSIZE, MMAP
)
SQLITE_READONLY = 8
PG_DISK_FULL = "53100"  # disk_full


def explain_db_error(exc: DBAPIError) -> AppError | None:
    """A database error the officer can act on, as an application error (exit 2), or None.

    The message names the condition only; the statement and its parameters stay out of it."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if code == SQLITE_FULL or code in SQLITE_IOERR_WRITE_CODES or getattr(orig, "sqlstate", None) == PG_DISK_FULL:
        return ValidationError("disk_full")
    if code is not None and code & 0xFF == SQLITE_READONLY:
        return ValidationError("database_read_only")
    return None


def verify_sqlite(engine: Engine) -> dict[str, object]:
    """Read back the pragmas that durability depends on; raise StoreError when one did not take."""
    with engine.connect() as conn:
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        fks = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        busy = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        readonly = bool(conn.exec_driver_sql("PRAGMA query_only").scalar())
        conn.rollback()
    found = {"journal_mode": journal, "synchronous": sync, "foreign_keys": fks, "busy_timeout": busy}
    memory = engine.url.database in (None, "", ":memory:")
    if (not memory and not readonly and str(journal).lower() != "wal") or sync != 2 or fks != 1 or not busy:
        raise StoreError("sqlite_pragmas_failed", found=found)
    return found
