"""Archived documents: every printed PDF is kept with its dossier, keyed by SHA-256, so a reprint
gives back exactly the same bytes and nobody can swap a file unnoticed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import StoreError
from app.store.models import ArchivedDocument


def archive_dir(data_dir: Path) -> Path:
    return data_dir / "archive"


def keep(session: Session, data_dir: Path, actor: Actor, data: bytes, *, kind: str, dossier_id=None,
         media_type: str = "application/pdf") -> ArchivedDocument:
    """Write ``data`` (once per content) and record it; returns the archive row."""
    digest = hashlib.sha256(data).hexdigest()
    suffix = ".pdf" if media_type == "application/pdf" else ".bin"
    path = archive_dir(data_dir) / digest[:2] / f"{digest}{suffix}"
    row = session.get(ArchivedDocument, digest)
    # Each station keeps the files it printed; on a shared database another station may have recorded
    # the same content already, and this station still writes its own copy.
    _write_once(path, data)
    if row is not None:
        return row
    row = ArchivedDocument(sha256=digest, dossier_id=dossier_id, kind=kind, media_type=media_type,
                           path=str(path.relative_to(data_dir)), size=len(data), created_by=actor.username)
    session.add(row)
    return row


def _write_once(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


def latest(session: Session, dossier_id, kind: str) -> ArchivedDocument | None:
    return session.scalar(
        select(ArchivedDocument)
        .where(ArchivedDocument.dossier_id == dossier_id, ArchivedDocument.kind == kind)
        .order_by(ArchivedDocument.created_at.desc())
        .limit(1)
    )


def reprint_or_render(session: Session, data_dir: Path, actor: Actor, dossier, kind: str,
                      render: Callable[[], bytes]) -> tuple[bytes, ArchivedDocument, bool]:
    """A form to print: the archived copy when nothing happened to the dossier since it was printed (a
    reprint is then the very same document, whatever changed in the center's settings or catalog), else a
    new rendering, archived. Returns (bytes, archive row, reprinted)."""
    actor.require("document.print")
    row = latest(session, dossier.id, kind)
    if row is not None:
        last_event = max((e.recorded_at for e in dossier.events), default=None)
        if last_event is None or last_event <= row.created_at:
            try:
                return read(data_dir, row), row, True
            except (OSError, StoreError):
                pass  # not on this station (or damaged): render it again
    data = render()
    return data, keep(session, data_dir, actor, data, kind=kind, dossier_id=dossier.id), False


def read(data_dir: Path, row: ArchivedDocument) -> bytes:
    """The archived bytes, checked against their hash."""
    data = (data_dir / row.path).read_bytes()
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise StoreError("archive_hash_mismatch", path=row.path)
    return data
