"""Archived documents: every printed PDF is kept with its dossier, keyed by SHA-256, so a reprint
gives back exactly the same bytes and nobody can swap a file unnoticed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import StoreError
from app.services.audit import audit
from app.store.models import ArchivedDocument


def archive_dir(data_dir: Path) -> Path:
    """Where stations kept their printed forms before the content store (read for older rows only)."""
    return data_dir / "archive"


def files_for(session: Session, data_dir: Path):
    """The content store of this database (the center's PostgreSQL, or this station's data dir)."""
    from app.filestore import content_store

    return content_store(session.get_bind().dialect.name, data_dir)


def keep(session: Session, data_dir: Path, actor: Actor, data: bytes, *, kind: str, dossier_id=None,
         media_type: str = "application/pdf") -> ArchivedDocument:
    """Put ``data`` in the content store (once per content) and record it; returns the archive row. On a
    center's PostgreSQL the bytes are in the same transaction, so a reprint at any counter is this copy."""
    digest = files_for(session, data_dir).put(session, data, media_type=media_type, actor=actor.username)
    row = session.get(ArchivedDocument, digest)
    if row is not None:
        return row
    row = ArchivedDocument(sha256=digest, dossier_id=dossier_id, kind=kind, media_type=media_type,
                           path=f"store:{digest}", size=len(data), created_by=actor.username)
    session.add(row)
    return row


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
                data = read(data_dir, row, session)
                audit(session, actor, "document.reprint", dossier.code, kind=kind, sha256=row.sha256)
                return data, row, True
            except (OSError, StoreError):
                pass  # not on this station (or damaged): render it again
    data = render()
    row = keep(session, data_dir, actor, data, kind=kind, dossier_id=dossier.id)
    audit(session, actor, "document.print", dossier.code, kind=kind, sha256=row.sha256)
    return data, row, False


def read(data_dir: Path, row: ArchivedDocument, session: Session | None = None) -> bytes:
    """The archived bytes, checked against their hash: from the content store, or (rows written before it)
    from the station's archive folder."""
    if session is not None and row.path.startswith("store:"):
        return files_for(session, data_dir).get(session, row.sha256)
    if row.path.startswith("store:"):
        from app.filestore import FolderStore

        return FolderStore(data_dir / "files").get(None, row.sha256)
    data = (data_dir / row.path).read_bytes()
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise StoreError("archive_hash_mismatch", path=row.path)
    return data
