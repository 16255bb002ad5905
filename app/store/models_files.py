"""Stored files (scanned papers, archived forms) in one content-addressed store, and which dossier item
each file belongs to."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class StoredFile(Base):
    """One stored content, named by its SHA-256 (on both engines; on PostgreSQL its bytes are in file_chunks,
    on a single station in the data dir's files/ folder)."""

    __tablename__ = "stored_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(60), default="application/pdf")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    created_by: Mapped[str | None] = mapped_column(String(60))


class FileChunk(Base):
    """The bytes of a stored file in the center's PostgreSQL: 1 MiB ``bytea`` chunks (see docs/NOTES.md)."""

    __tablename__ = "file_chunks"
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DossierFile(Base):
    """A digitized document item of a dossier: one image PDF per item. A rescan adds a new row and marks the
    old one replaced (the old file stays referenced: the history keeps it)."""

    __tablename__ = "dossier_files"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"), index=True)
    pages: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(BigInteger)
    dpi: Mapped[int | None] = mapped_column(Integer)
    color_mode: Mapped[str | None] = mapped_column(String(12))  # gray | color | bw
    source: Mapped[str] = mapped_column(String(12), default="scan")  # scan | import
    station: Mapped[str | None] = mapped_column(String(60))
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    replaced_at: Mapped[datetime | None]
