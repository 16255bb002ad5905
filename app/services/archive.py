"""Archived documents: every printed PDF is kept with its dossier, keyed by SHA-256, so a reprint
gives back exactly the same bytes and nobody can swap a file unnoticed."""

from __future__ import annotations

import hashlib
import os
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
    row = session.get(ArchivedDocument, digest)
    if row is not None:
        return row
    suffix = ".pdf" if media_type == "application/pdf" else ".bin"
    path = archive_dir(data_dir) / digest[:2] / f"{digest}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    row = ArchivedDocument(sha256=digest, dossier_id=dossier_id, kind=kind, media_type=media_type,
                           path=str(path.relative_to(data_dir)), size=len(data), created_by=actor.username)
    session.add(row)
    return row


def latest(session: Session, dossier_id, kind: str) -> ArchivedDocument | None:
    return session.scalar(
        select(ArchivedDocument)
        .where(ArchivedDocument.dossier_id == dossier_id, ArchivedDocument.kind == kind)
        .order_by(ArchivedDocument.created_at.desc())
        .limit(1)
    )


def read(data_dir: Path, row: ArchivedDocument) -> bytes:
    """The archived bytes, checked against their hash."""
    data = (data_dir / row.path).read_bytes()
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise StoreError(f"archived file {row.path} does not match its recorded hash")
    return data
