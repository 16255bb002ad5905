"""The files of dossiers: attaching a digitized item, listing, verifying the store, collecting what no dossier
refers to any more.

An item's file is one image PDF named by its SHA-256. ``attach`` puts the bytes in the content store
(``app.filestore``) and records the item's file in the caller's transaction; on a single station the file is
on disk before that transaction commits. Which thread: any worker thread. Failures: ``ValidationError``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import ValidationError
from app.filestore import ContentStore
from app.services.dossier_events import add_event, get_dossier, now_utc
from app.store.models import ArchivedDocument, Dossier
from app.store.models_files import DossierFile, StoredFile

COLOR_MODES = ("gray", "color", "bw")
GC_GRACE_DAYS = 7
MAX_FILE_BYTES = 200 * 1024 * 1024


def attach(session: Session, files: ContentStore, actor: Actor, code: str, item: str, pdf: bytes, *, pages: int,
           dpi: int | None = None, color_mode: str | None = None, source: str = "import", station: str | None = None,
           now: datetime | None = None) -> DossierFile:
    """Record ``pdf`` as the file of document item ``item`` of dossier ``code`` (replacing an earlier one)."""
    actor.require("document.digitize")
    now = now_utc(now)
    if not pdf.startswith(b"%PDF-"):
        raise ValidationError("attach_not_pdf")
    if len(pdf) > MAX_FILE_BYTES:
        raise ValidationError("attach_too_large", mb=MAX_FILE_BYTES // (1024 * 1024))
    if pages < 1:
        raise ValidationError("attach_no_pages")
    if color_mode is not None and color_mode not in COLOR_MODES:
        raise ValidationError("color_mode_unknown", known=", ".join(COLOR_MODES))
    dossier = get_dossier(session, code, lock=True)
    item = item.strip()
    if item not in {d.item_code for d in dossier.documents}:
        raise ValidationError("dossier_item_unknown", code=dossier.code, item=item)
    digest = files.put(session, pdf, actor=actor.username)
    for old in session.scalars(select(DossierFile).where(DossierFile.dossier_id == dossier.id, DossierFile.item_code == item,
                                                         DossierFile.replaced_at.is_(None))):
        old.replaced_at = now
    row = DossierFile(dossier_id=dossier.id, item_code=item, sha256=digest, pages=pages, size=len(pdf), dpi=dpi,
                      color_mode=color_mode, source=source, station=station, created_by=actor.username, created_at=now)
    session.add(row)
    add_event(session, dossier, actor, "digitized", at=now, recorded_at=now, item=item, sha256=digest, pages=pages)
    return row


def file_json(row: DossierFile) -> dict[str, Any]:
    return {"item": row.item_code, "sha256": row.sha256, "pages": row.pages, "bytes": row.size, "dpi": row.dpi,
            "color_mode": row.color_mode, "source": row.source, "station": row.station, "by": row.created_by,
            "at": row.created_at.isoformat()}


def dossier_files(session: Session, code: str, *, current_only: bool = True) -> list[dict[str, Any]]:
    dossier = get_dossier(session, code)
    stmt = select(DossierFile).where(DossierFile.dossier_id == dossier.id).order_by(DossierFile.item_code, DossierFile.id)
    if current_only:
        stmt = stmt.where(DossierFile.replaced_at.is_(None))
    return [file_json(r) for r in session.scalars(stmt)]


def read_item(session: Session, files: ContentStore, code: str, item: str) -> bytes:
    dossier = get_dossier(session, code)
    row = session.scalar(select(DossierFile).where(DossierFile.dossier_id == dossier.id, DossierFile.item_code == item,
                                                   DossierFile.replaced_at.is_(None)))
    if row is None:
        raise ValidationError("item_not_digitized", code=dossier.code, item=item)
    return files.get(session, row.sha256)


def _owners(session: Session) -> dict[str, list[dict[str, Any]]]:
    """sha256 -> what refers to it (dossier code and item, or an archived form)."""
    owners: dict[str, list[dict[str, Any]]] = {}
    rows = session.execute(select(DossierFile.sha256, Dossier.code, DossierFile.item_code)
                           .join(Dossier, Dossier.id == DossierFile.dossier_id))
    for digest, code, item in rows:
        owners.setdefault(digest, []).append({"dossier": code, "item": item})
    archived = session.execute(select(ArchivedDocument.sha256, ArchivedDocument.kind, Dossier.code)
                               .join(Dossier, Dossier.id == ArchivedDocument.dossier_id, isouter=True))
    for digest, kind, code in archived:
        owners.setdefault(digest, []).append({"dossier": code, "item": kind})
    return owners


def verify(session: Session, files: ContentStore) -> list[dict[str, Any]]:
    """Every problem of the store: ``missing`` and ``corrupt`` files (with the dossiers and items they belong
    to) and ``extra`` files that nothing records. Empty when all match."""
    problems: list[dict[str, Any]] = []
    owners = _owners(session)
    recorded = set(session.scalars(select(StoredFile.sha256)))
    for digest in sorted(recorded | set(owners)):
        state = files.verify(session, digest)
        if state != "ok":
            problems.append({"sha256": digest, "problem": state, "belongs_to": owners.get(digest, [])})
    for digest in files.held(session):
        if digest not in recorded:
            problems.append({"sha256": digest, "problem": "extra", "belongs_to": []})
    return problems


def collect_garbage(session: Session, files: ContentStore, *, older_than_days: int = GC_GRACE_DAYS,
                    now: datetime | None = None) -> list[str]:
    """Remove stored files that no dossier item and no archived form refers to, once they are older than the
    grace period (a page deleted before saving, a cancelled scan); never at once."""
    if older_than_days < 1:
        raise ValidationError("gc_grace_too_short")
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=older_than_days)
    referenced = exists().where(DossierFile.sha256 == StoredFile.sha256)
    archived = exists().where(ArchivedDocument.sha256 == StoredFile.sha256)
    doomed = list(session.scalars(select(StoredFile.sha256).where(~referenced, ~archived, StoredFile.created_at < cutoff)))
    for digest in doomed:
        files.remove(session, digest)
    # A file written by a save that crashed before its commit is on disk with no record at all.
    recorded = set(session.scalars(select(StoredFile.sha256)))
    for digest in list(files.held(session)):
        if digest not in recorded and digest not in doomed and files.written_before(digest, cutoff):
            files.remove(session, digest)
            doomed.append(digest)
    return doomed
