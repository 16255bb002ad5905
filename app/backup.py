"""Backups that restore: one ZIP archive holding a consistent copy of the database, the stored files and a
manifest of their sizes and SHA-256 (``app.backup_manifest``).

- **SQLite** (a station): the database is copied online with SQLite's backup API in one step, inside one read
  transaction of a WAL database, so the counter's writers are never blocked (a WAL reader does not block
  writers; only the checkpoint waits for the copy to end). The stored files the copy records are then added:
  a file is on disk before the commit that refers to it (``app.filestore``) and is never rewritten (named by
  its hash), so every file the copy refers to is there to be copied.
- **PostgreSQL** (a center): ``pg_dump --format=custom`` (the files are inside it, in ``file_chunks``) run on a
  snapshot exported from a REPEATABLE READ transaction, in which the same manifest of the shared store's
  items is read and each item's hash checked.

:func:`verify_archive` checks an archive against its manifest without writing anything; :func:`restore`
verifies first, then writes a new data dir (a staging folder renamed into place), so a broken backup changes
nothing. Which thread: any worker thread, never the GUI thread (a backup takes seconds to minutes).
Failures: ``ValidationError`` (exit 2) with a code.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app import __version__
from app.backup_manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    PG_DUMP_NAME,
    SQLITE_NAME,
    Entry,
    Manifest,
    parse,
)
from app.errors import ValidationError

log = logging.getLogger(__name__)

READ = 1024 * 1024
ARCHIVE_PREFIX = "motcua-backup-"
ARCHIVE_SUFFIX = ".zip"
DB_NAME = "motcua.sqlite3"
#: how the SQLite copy is made (bench/bench_backup.py measures both: see docs/NOTES.md "Backups")
SNAPSHOT_METHOD = "backup_api"

Progress = Callable[[int, int], None]


def archive_name(now: datetime) -> str:
    """``motcua-backup-20261202-173000.zip`` (UTC: the names sort by time across a change of clock)."""
    return f"{ARCHIVE_PREFIX}{now.astimezone(timezone.utc).strftime('%Y%m%d-%H%M%S')}{ARCHIVE_SUFFIX}"


def _out_path(out: str | Path, now: datetime) -> Path:
    """``out`` names the archive, or a folder (an existing one, or any path ending in a slash) to put it in."""
    text = str(out)
    out = Path(text).expanduser()
    if out.is_dir() or text.endswith(("/", "\\")):
        return out / archive_name(now)
    if out.exists():
        raise ValidationError("backup_out_exists", path=str(out))
    return out


# -- making a backup -----------------------------------------------------------------------------------------


def _read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (percent-encoded: spaces, Vietnamese letters, ``?`` and ``#`` in
    folder names, Windows drive letters)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def snapshot_sqlite(source: Path, target: Path, *, method: str = SNAPSHOT_METHOD) -> None:
    """A consistent copy of the SQLite database ``source`` at ``target`` (a new file), taken online."""
    src = sqlite3.connect(_read_only_uri(source), uri=True, timeout=15)
    try:
        if method == "vacuum_into":
            src.execute("VACUUM INTO ?", (str(target),))
        else:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)  # pages=-1: one step, one read transaction, a consistent copy
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            finally:
                dst.close()
    finally:
        src.close()


def _sqlite_facts(path: Path) -> tuple[str, dict[str, int], list[tuple[str, int]]]:
    """Schema revision, counts and the stored files (sha256, size) that the copy at ``path`` records."""
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else "none"
        counts = {
            "dossiers": conn.execute("SELECT count(*) FROM dossiers").fetchone()[0],
            "stored_files": conn.execute("SELECT count(*) FROM stored_files").fetchone()[0],
            "dossier_files": conn.execute("SELECT count(*) FROM dossier_files").fetchone()[0],
        }
        stored = [(d, s) for d, s in conn.execute("SELECT sha256, size FROM stored_files ORDER BY sha256")]
    finally:
        conn.close()
    return revision, counts, stored


def _add_stream(zf: zipfile.ZipFile, name: str, source, *, when: datetime, compress: bool) -> Entry:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o600 << 16
    digest, size = hashlib.sha256(), 0
    with zf.open(info, "w", force_zip64=True) as out:
        while chunk := source.read(READ):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return Entry(name, size, digest.hexdigest())


def _finish(tmp: Path, target: Path) -> None:
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_archive(out: Path, now: datetime, fill: Callable[[zipfile.ZipFile], Manifest]) -> Manifest:
    """Write the archive to a temporary file beside ``out`` (readable by this user only), then rename."""
    tmp: str | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as zf:
            manifest = fill(zf)
            info = zipfile.ZipInfo(MANIFEST_NAME, date_time=now.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zf.writestr(info, manifest.to_json())
        _finish(Path(tmp), out)
        tmp = None
        return manifest
    except OSError as exc:
        raise ValidationError("backup_out_failed", path=str(out), reason=exc.strerror or str(exc)) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def backup_sqlite(db_path: Path, files_root: Path, out: str | Path, *, work_dir: Path, now: datetime | None = None,
                  progress: Progress | None = None, method: str = SNAPSHOT_METHOD) -> dict[str, Any]:
    """Back up the station's SQLite database and its stored files into one archive at ``out`` (a file
    name, or a folder to put ``motcua-backup-<UTC time>.zip`` in). ``work_dir`` holds the database copy
    while the archive is written (the data dir: a local disk, not the USB disk)."""
    now = now or datetime.now(timezone.utc)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise ValidationError("database_missing", path=db_path)
    target = _out_path(out, now)
    work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=work_dir) as tmp:
        snapshot = Path(tmp) / DB_NAME
        try:
            snapshot_sqlite(db_path, snapshot, method=method)
        except sqlite3.Error as exc:
            raise ValidationError("backup_out_failed", path=str(target), reason=str(exc)) from None
        revision, counts, stored = _sqlite_facts(snapshot)
        total = snapshot.stat().st_size + sum(size for _, size in stored)

        def fill(zf: zipfile.ZipFile) -> Manifest:
            done = 0
            with snapshot.open("rb") as handle:
                database = _add_stream(zf, SQLITE_NAME, handle, when=now, compress=True)
            done += database.size
            entries, missing = [], []
            for digest, size in stored:
                path = files_root / digest[:2] / digest
                try:
                    data = path.read_bytes()
                except FileNotFoundError:
                    data = None
                if data is None or hashlib.sha256(data).hexdigest() != digest:
                    missing.append(digest)  # listed, so that restore and `files verify` name it
                    log.warning("stored file %s… missing or damaged: not in the backup", digest[:12])
                    continue
                info = zipfile.ZipInfo(f"files/{digest[:2]}/{digest}", date_time=now.timetuple()[:6])
                info.external_attr = 0o600 << 16
                zf.writestr(info, data, compress_type=zipfile.ZIP_STORED)  # PDFs and JPEGs do not shrink
                entries.append(Entry(info.filename, len(data), digest))
                done += size
                if progress:
                    progress(done, total)
            return Manifest(created_at=now.isoformat(timespec="seconds"), app_version=__version__,
                            schema_revision=revision, dialect="sqlite", database=database, files=tuple(entries),
                            counts=counts, missing=tuple(missing))

        manifest = _write_archive(target, now, fill)
    log.info("backup written: %s (%d files, %d bytes)", target.name, len(manifest.files), manifest.total_bytes())
    return _summary(target, manifest)


def _summary(path: Path, manifest: Manifest) -> dict[str, Any]:
    return {"path": str(path), "dialect": manifest.dialect, "schema_revision": manifest.schema_revision,
            "created_at": manifest.created_at, "bytes": path.stat().st_size if path.exists() else manifest.total_bytes(),
            "counts": dict(manifest.counts), "files": len(manifest.files) or len(manifest.store_items),
            "missing": list(manifest.missing)}


def libpq_target(url: str) -> tuple[str, dict[str, str], str | None]:
    """The pg_dump connection string (no password in it: that goes in PGPASSWORD), the environment and the
    schema named by a ``search_path`` option (tests and shared servers keep motcua in its own schema)."""
    from urllib.parse import unquote

    from sqlalchemy.engine import make_url

    from app.store.engine import normalize_url

    parsed = make_url(normalize_url(url))
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    schema = None
    options = parsed.query.get("options")
    if isinstance(options, str) and "search_path" in options:
        schema = unquote(options).split("search_path=", 1)[1].split()[0].split(",")[0].strip() or None
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env, schema


def backup_postgresql(url: str, out: str | Path, *, now: datetime | None = None, pg_dump: str | None = None) -> dict[str, Any]:
    """``pg_dump`` of the center's database on a snapshot shared with the manifest of the store's items."""
    import subprocess

    from sqlalchemy import text

    from app.filestore import PostgresStore
    from app.store.engine import make_engine

    now = now or datetime.now(timezone.utc)
    pg_dump = pg_dump or shutil.which("pg_dump")
    if not pg_dump:
        raise ValidationError("pg_dump_not_found")
    target = _out_path(out, now)
    dsn, env, schema = libpq_target(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            snapshot_id = conn.execute(text("SELECT pg_export_snapshot()")).scalar()
            command = [pg_dump, "--format=custom", f"--snapshot={snapshot_id}", "--no-password"]
            if schema:
                command.append(f"--schema={schema}")
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() or "none"
            counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ("dossiers", "stored_files", "dossier_files")}
            from sqlalchemy.orm import Session

            session = Session(bind=conn)
            store = PostgresStore()
            items, missing = [], []
            for digest, size in conn.execute(text("SELECT sha256, size FROM stored_files ORDER BY sha256")).all():
                (items if store.verify(session, digest) == "ok" else missing).append((digest, size))

            def fill(zf: zipfile.ZipFile) -> Manifest:
                # The dump streams from pg_dump's stdout into the archive: no second copy on any disk.
                with tempfile.TemporaryFile() as errors:
                    dump = subprocess.Popen([*command, dsn], env=env, stdout=subprocess.PIPE, stderr=errors)
                    try:
                        database = _add_stream(zf, PG_DUMP_NAME, dump.stdout, when=now, compress=False)
                    finally:
                        dump.stdout.close()
                        code = dump.wait()
                    if code != 0:
                        errors.seek(0)
                        lines = errors.read().decode("utf-8", "replace").strip().splitlines() or [f"exit {code}"]
                        raise ValidationError("pg_dump_failed", reason=lines[-1][:300])
                return Manifest(created_at=now.isoformat(timespec="seconds"), app_version=__version__,
                                schema_revision=revision, dialect="postgresql", database=database, files=(),
                                counts=counts, store_items=tuple(items), missing=tuple(d for d, _ in missing))

            manifest = _write_archive(target, now, fill)
            conn.rollback()
    finally:
        engine.dispose()
    return _summary(target, manifest)


# -- checking and restoring -------------------------------------------------------------------------------


def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.exists():
        raise ValidationError("file_not_found", path=str(path))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ValidationError("backup_archive_unreadable", path=str(path), reason=str(exc)[:200]) from None


def _read_manifest(zf: zipfile.ZipFile, path: Path) -> Manifest:
    try:
        info = zf.getinfo(MANIFEST_NAME)
    except KeyError:
        raise ValidationError("backup_manifest_missing", path=str(path)) from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise ValidationError("backup_manifest_invalid", reason="too large")
    try:
        data = zf.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
        raise ValidationError("backup_manifest_invalid", reason="the manifest's bytes are damaged") from None
    return parse(data)


def _copy_member(zf: zipfile.ZipFile, entry: Entry, sink=None) -> None:
    """Read (and write to ``sink``) one member, checking its size and SHA-256 against the manifest."""
    digest, size = hashlib.sha256(), 0
    try:
        with zf.open(entry.path) as handle:
            while chunk := handle.read(READ):
                digest.update(chunk)
                size += len(chunk)
                if size > entry.size:
                    break
                if sink is not None:
                    sink.write(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise ValidationError("backup_entry_corrupt", entry=entry.path) from None
    if size != entry.size or digest.hexdigest() != entry.sha256:
        raise ValidationError("backup_entry_corrupt", entry=entry.path)


def verify_archive(path: Path, *, progress: Progress | None = None) -> Manifest:
    """Check every member of the archive at ``path`` against its manifest and the manifest against this
    program (a schema revision it knows). Writes nothing. ``ValidationError`` naming the first fault."""
    from app.store import migrate

    with _open_zip(path) as zf:
        manifest = _read_manifest(zf, path)
        if manifest.schema_revision not in migrate.known_revisions():
            raise ValidationError("backup_schema_unknown", revision=manifest.schema_revision, head=migrate.head_revision())
        names = [i.filename for i in zf.infolist()]
        listed = {e.path for e in manifest.entries()}
        if len(names) != len(set(names)):
            raise ValidationError("backup_entry_unexpected", entry=next(n for n in names if names.count(n) > 1))
        for name in names:
            if name != MANIFEST_NAME and name not in listed:
                raise ValidationError("backup_entry_unexpected", entry=name)
        present = set(names)
        total, done = manifest.total_bytes(), 0
        with tempfile.TemporaryDirectory(prefix="motcua-verify-") as tmp:
            for entry in manifest.entries():
                if entry.path not in present:
                    raise ValidationError("backup_entry_missing", entry=entry.path)
                if zf.getinfo(entry.path).file_size != entry.size:
                    raise ValidationError("backup_entry_corrupt", entry=entry.path)
                if entry is manifest.database and manifest.dialect == "sqlite":
                    # The database is read once: hashed while copied out, then checked against the manifest.
                    copy = Path(tmp) / DB_NAME
                    with open(copy, "wb") as sink:
                        _copy_member(zf, entry, sink)
                    _check_database(copy, manifest)
                    copy.unlink()
                else:
                    _copy_member(zf, entry)
                done += entry.size
                if progress:
                    progress(done, total)
    return manifest


def _has_data(target: Path) -> bool:
    db = target / DB_NAME
    files = target / "files"
    return (db.is_file() and db.stat().st_size > 0) or (files.is_dir() and any(files.iterdir()))


def _check_database(path: Path, manifest: Manifest) -> None:
    """The copied database is whole and is the one the manifest describes (revision, counts, files)."""
    try:
        revision, counts, stored = _sqlite_facts(path)
    except sqlite3.Error as exc:
        raise ValidationError("backup_database_mismatch", reason=str(exc)[:100]) from None
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        integrity = str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.Error as exc:
        integrity = str(exc)
    finally:
        conn.close()
    if integrity != "ok":
        raise ValidationError("backup_database_mismatch", reason=f"integrity check: {integrity[:100]}")
    if revision != manifest.schema_revision:
        raise ValidationError("backup_database_mismatch", reason=f"schema revision {revision}")
    if counts != manifest.counts:
        raise ValidationError("backup_database_mismatch", reason="the counts of dossiers and files differ")
    recorded = {d for d, _ in stored}
    if recorded != {e.sha256 for e in manifest.files} | set(manifest.missing):
        raise ValidationError("backup_database_mismatch", reason="the stored files differ from the list")


def restore(archive: Path, target: Path, *, replace: bool = False, now: datetime | None = None,
            progress: Progress | None = None) -> dict[str, Any]:
    """Restore the SQLite backup at ``archive`` into the data dir ``target``; verifies everything first.

    ``target`` may be missing or empty (only ``station.toml`` and ``logs/`` may be there); one that holds a
    database or stored files is refused unless ``replace``: then they are moved aside into
    ``target/before-restore-<UTC time>/`` (nothing is deleted). Returns what was restored."""
    now = now or datetime.now(timezone.utc)
    manifest = verify_archive(archive, progress=progress)
    if manifest.dialect != "sqlite":
        raise ValidationError("backup_restore_postgresql")
    if target.exists() and not target.is_dir():
        raise ValidationError("restore_target_not_folder", path=str(target))
    if _has_data(target) and not replace:
        raise ValidationError("restore_target_not_empty", path=str(target))
    created = not target.exists()
    staging: Path | None = None
    try:
        target.mkdir(parents=True, exist_ok=True)
        if created:
            os.chmod(target, 0o700)
        staging = Path(tempfile.mkdtemp(prefix=".restoring-", dir=target))
        with _open_zip(archive) as zf:
            with open(staging / DB_NAME, "wb") as sink:
                _copy_member(zf, manifest.database, sink)
                os.fsync(sink.fileno())
            for entry in manifest.files:
                dest = staging / entry.path
                dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                with open(dest, "wb") as sink:
                    _copy_member(zf, entry, sink)
                    os.fsync(sink.fileno())
                os.chmod(dest, 0o600)
        os.chmod(staging / DB_NAME, 0o600)
        _check_database(staging / DB_NAME, manifest)
        moved_aside = _move_aside(target, now) if _has_data(target) else None
        if (target / "files").exists():
            shutil.rmtree(target / "files")  # an empty store folder (anything in it was moved aside)
        os.replace(staging / DB_NAME, target / DB_NAME)
        (staging / "files").mkdir(exist_ok=True)
        os.replace(staging / "files", target / "files")
    except OSError as exc:
        raise ValidationError("restore_write_failed", path=str(target), reason=exc.strerror or str(exc)) from None
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(target, ignore_errors=True)
        raise
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return {"path": str(target), "database": str(target / DB_NAME), "schema_revision": manifest.schema_revision,
            "counts": dict(manifest.counts), "files": len(manifest.files), "missing": list(manifest.missing),
            "moved_aside": str(moved_aside) if moved_aside else None, "created_at": manifest.created_at}


def _move_aside(target: Path, now: datetime) -> Path:
    aside = target / f"before-restore-{now.astimezone(timezone.utc).strftime('%Y%m%d-%H%M%S')}"
    aside.mkdir()
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "files"):
        if (target / name).exists():
            os.replace(target / name, aside / name)
    return aside
