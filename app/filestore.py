"""One content-addressed store for the files a dossier keeps (scanned items, archived forms): put bytes ->
SHA-256; get by hash (checked); exists; verify. Two implementations behind one interface:

- :class:`FolderStore`, for a single station on SQLite: ``DATA_DIR/files/ab/<sha256>``, written atomically
  (temporary file in the same folder, fsync, rename, fsync of the folder) **before** the database commit that
  refers to it, so a crash leaves at worst a file nobody refers to (collected later by ``files gc``), never a
  reference to a missing file;
- :class:`PostgresStore`, for a center: the bytes go into ``file_chunks`` (1 MiB ``bytea`` rows) in the same
  transaction as the rows that refer to them, so every station sees every file at once and ``pg_dump`` backs
  up everything.

Both record a ``stored_files`` row (size, type, who, when) in the caller's session. Which thread: any worker
thread, with the caller's session. Failures: ``StoreError`` (``missing`` / ``corrupt``) on reading.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import StoreError
from app.store.models_files import FileChunk, StoredFile

CHUNK = 1024 * 1024


class FileMissing(StoreError):
    """A stored file is referred to but not there."""


class FileCorrupt(StoreError):
    """A stored file's bytes do not match its hash."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ContentStore(Protocol):
    kind: str

    def put(self, session: Session, data: bytes, *, media_type: str = "application/pdf", actor: str | None = None) -> str: ...

    def get(self, session: Session, digest: str) -> bytes: ...

    def exists(self, session: Session, digest: str) -> bool: ...

    def verify(self, session: Session, digest: str) -> str: ...

    def held(self, session: Session) -> Iterator[str]: ...

    def remove(self, session: Session, digest: str) -> None: ...

    def written_before(self, digest: str, when) -> bool: ...


def _verify(store: ContentStore, session: Session, digest: str) -> str:
    """``ok`` | ``missing`` | ``corrupt``: whether ``get`` would give the bytes back whole."""
    try:
        store.get(session, digest)
    except FileMissing:
        return "missing"
    except FileCorrupt:
        return "corrupt"
    return "ok"


def _record(session: Session, digest: str, size: int, media_type: str, actor: str | None) -> None:
    if session.get(StoredFile, digest) is None:
        session.add(StoredFile(sha256=digest, size=size, media_type=media_type, created_by=actor))
        session.flush()


class FolderStore:
    """Files in a folder of the data dir (one station)."""

    kind = "folder"

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def put(self, session: Session, data: bytes, *, media_type: str = "application/pdf", actor: str | None = None) -> str:
        digest = sha256(data)
        target = self.path(digest)
        if not (target.exists() and target.stat().st_size == len(data)):
            self._write(target, data)
        _record(session, digest, len(data), media_type, actor)
        return digest

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        """Temp file (unique: two processes of one station never share it), fsync, rename, fsync of the folder.
        The temp file holds citizen data: it is removed on every failure, and a failure is a StoreError (a full
        or read-only disk), so the caller's transaction rolls back."""
        tmp: str | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:16]}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
            tmp = None
            if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
                dir_fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)
        except OSError as exc:
            raise StoreError("stored_file_write_failed", name=target.name[:12], reason=exc.strerror or str(exc)) from exc
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def get(self, session: Session, digest: str) -> bytes:
        try:
            data = self.path(digest).read_bytes()
        except FileNotFoundError:
            raise FileMissing("stored_file_missing", digest=digest[:12]) from None
        if sha256(data) != digest:
            raise FileCorrupt("stored_file_corrupt", digest=digest[:12])
        return data

    def exists(self, session: Session, digest: str) -> bool:
        return self.path(digest).is_file()

    def verify(self, session: Session, digest: str) -> str:
        return _verify(self, session, digest)

    def held(self, session: Session) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and len(folder.name) == 2:
                for path in sorted(folder.iterdir()):
                    if len(path.name) == 64 and not path.name.startswith("."):
                        yield path.name

    def remove(self, session: Session, digest: str) -> None:
        self.path(digest).unlink(missing_ok=True)
        session.execute(delete(StoredFile).where(StoredFile.sha256 == digest))

    def written_before(self, digest: str, when) -> bool:
        try:
            return self.path(digest).stat().st_mtime < when.timestamp()
        except FileNotFoundError:
            return False


class PostgresStore:
    """Files in the center's PostgreSQL, in the caller's transaction."""

    kind = "postgresql"

    def put(self, session: Session, data: bytes, *, media_type: str = "application/pdf", actor: str | None = None) -> str:
        digest = sha256(data)
        if session.get(StoredFile, digest) is None:
            session.add(StoredFile(sha256=digest, size=len(data), media_type=media_type, created_by=actor))
            session.flush()
            session.execute(FileChunk.__table__.insert(), [
                {"sha256": digest, "seq": i, "data": data[start:start + CHUNK]}
                for i, start in enumerate(range(0, max(len(data), 1), CHUNK))
            ])
        return digest

    def get(self, session: Session, digest: str) -> bytes:
        chunks = session.scalars(select(FileChunk.data).where(FileChunk.sha256 == digest).order_by(FileChunk.seq)).all()
        if not chunks:
            raise FileMissing("stored_file_missing", digest=digest[:12])
        data = b"".join(bytes(c) for c in chunks)
        if sha256(data) != digest:
            raise FileCorrupt("stored_file_corrupt", digest=digest[:12])
        return data

    def exists(self, session: Session, digest: str) -> bool:
        return session.scalar(select(FileChunk.seq).where(FileChunk.sha256 == digest).limit(1)) is not None

    def verify(self, session: Session, digest: str) -> str:
        return _verify(self, session, digest)

    def held(self, session: Session) -> Iterator[str]:
        yield from session.scalars(select(FileChunk.sha256).distinct().order_by(FileChunk.sha256))

    def remove(self, session: Session, digest: str) -> None:
        session.execute(delete(FileChunk).where(FileChunk.sha256 == digest))
        session.execute(delete(StoredFile).where(StoredFile.sha256 == digest))

    def written_before(self, digest: str, when) -> bool:
        return False  # chunks always have their stored_files row (a foreign key): nothing is unrecorded


def content_store(dialect: str, data_dir: Path) -> ContentStore:
    """The store that fits the database: the center's PostgreSQL, or this station's data dir."""
    return PostgresStore() if dialect == "postgresql" else FolderStore(data_dir / "files")
