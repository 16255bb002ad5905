"""Personal data (Law 91/2025/QH15): who may see it, every export of it, and anonymization past retention.

- :func:`view_personal` loads a dossier for showing its applicant in full (``dossier.view_personal``) and
  audits the viewing; :func:`record_export` checks ``dossier.export``, requires a reason and audits an
  export (what, how many files) — call it in the export's transaction, before any byte leaves.
- :func:`anonymize` (``privacy.anonymize``): dossiers closed (a final status) longer ago than the center
  setting ``privacy.retention_years`` AND acknowledged by the province (every outbox message of the
  dossier ``sent``, none pending) lose their parties' personal data, the search index, personal notes of
  their history and the payloads of their sent outbox messages; their stored files are deleted (when no
  other dossier refers to them). One audit entry per dossier (its code), ids only.
- :func:`run_scheduled` is the daily job (the ``system`` actor): what :func:`anonymize` finds, in short
  batches of their own transaction, one job at a time per center (a PostgreSQL advisory lock: several
  counters of a center run it; SQLite's writer lock already serializes). The counter runs it
  (``ui.security.retention``); ``motcua privacy anonymize`` runs it by hand.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import Session

from app.actors import SYSTEM, Actor
from app.errors import ValidationError
from app.filestore import ContentStore
from app.lifecycle import FINAL
from app.services.audit import audit
from app.services.dossier_events import get_dossier, now_utc
from app.store.models import ArchivedDocument, Dossier, DossierEvent, DossierParty, OutboxMessage
from app.store.models_files import DossierFile

ANONYMIZED = "(đã ẩn danh)"
EXPORT_REASON_MIN = 5


def view_personal(session: Session, actor: Actor, code: str, *, purpose: str = "show") -> Dossier:
    """The dossier ``code`` for showing its personal data; the viewing is audited (code and purpose only)."""
    actor.require("dossier.view_personal")
    dossier = get_dossier(session, code)
    audit(session, actor, "dossier.view_personal", dossier.code, purpose=purpose)
    return dossier


def record_export(session: Session, actor: Actor, code: str, what: str, reason: str | None, *, count: int = 1) -> Dossier:
    """Check and audit one export of dossier ``code`` (``what``: e.g. ``files``); ``reason`` is required."""
    actor.require("dossier.export")
    reason = (reason or "").strip()
    if len(reason) < EXPORT_REASON_MIN:
        raise ValidationError("export_reason_required", min=EXPORT_REASON_MIN)
    dossier = get_dossier(session, code)
    audit(session, actor, "dossier.export", dossier.code, what=what, count=count, reason=reason[:200])
    return dossier


def retention_years(session: Session) -> int:
    from app.services.center import get

    return int(get(session, "privacy.retention_years"))


def due_for_anonymization(session: Session, *, now: datetime | None = None, limit: int = 1000) -> list[Dossier]:
    """Closed dossiers past retention, acknowledged by the province, not anonymized yet (oldest first)."""
    now = now_utc(now)
    years = retention_years(session)
    cutoff = now - timedelta(days=round(365.2425 * years))
    closed_at = func.coalesce(Dossier.returned_at, Dossier.decided_at, Dossier.received_at)
    personal = exists().where(DossierParty.dossier_id == Dossier.id, DossierParty.full_name != ANONYMIZED)
    stmt = (select(Dossier).where(Dossier.status.in_(sorted(FINAL)), closed_at < cutoff, personal)
            .order_by(closed_at).limit(limit))
    candidates = list(session.scalars(stmt))
    # the outbox's aggregate id is str(dossier.id): compare in Python (the UUID's text form differs per engine)
    out = []
    for d in candidates:
        statuses = set(session.scalars(select(OutboxMessage.status).where(OutboxMessage.aggregate_id == str(d.id))))
        if statuses == {"sent"}:
            out.append(d)
    return out


def anonymize(session: Session, files: ContentStore, actor: Actor, *, dry_run: bool = False,
              now: datetime | None = None, limit: int = 1000) -> dict[str, Any]:
    """Anonymize what :func:`due_for_anonymization` finds; ``dry_run`` only lists it. Returns the codes and
    the number of stored files deleted."""
    actor.require("privacy.anonymize")
    due = due_for_anonymization(session, now=now, limit=limit)
    result: dict[str, Any] = {"retention_years": retention_years(session), "dry_run": dry_run,
                              "dossiers": [d.code for d in due], "files_deleted": 0}
    if dry_run or not due:
        return result
    deleted = 0
    for dossier in due:
        for party in session.scalars(select(DossierParty).where(DossierParty.dossier_id == dossier.id)):
            party.full_name = ANONYMIZED
            party.id_number = party.date_of_birth = party.phone = party.email = party.address = None
        dossier.search_name = ""
        dossier.search_id_number = dossier.search_phone = None
        dossier.note = None
        for event in session.scalars(select(DossierEvent).where(DossierEvent.dossier_id == dossier.id)):
            event.note = None
            event.data = {k: v for k, v in (event.data or {}).items() if k in _EVENT_KEYS_KEPT}
        for message in session.scalars(select(OutboxMessage).where(OutboxMessage.aggregate_id == str(dossier.id))):
            message.payload = {"anonymized": True}
            message.wire = None
        digests = set(session.scalars(select(DossierFile.sha256).where(DossierFile.dossier_id == dossier.id)))
        digests |= set(session.scalars(select(ArchivedDocument.sha256).where(ArchivedDocument.dossier_id == dossier.id)))
        session.query(DossierFile).filter(DossierFile.dossier_id == dossier.id).delete(synchronize_session=False)
        session.query(ArchivedDocument).filter(ArchivedDocument.dossier_id == dossier.id).delete(synchronize_session=False)
        session.flush()
        removed = 0
        for digest in sorted(digests):
            still_used = session.scalar(select(func.count()).select_from(DossierFile).where(DossierFile.sha256 == digest))
            still_used = still_used or session.scalar(
                select(func.count()).select_from(ArchivedDocument).where(ArchivedDocument.sha256 == digest))
            if not still_used:
                files.remove(session, digest)
                removed += 1
        deleted += removed
        audit(session, actor, "dossier.anonymize", dossier.code, files_deleted=removed)
    result["files_deleted"] = deleted
    return result


#: history data that holds no personal data (item codes, hashes, counts, statuses)
_EVENT_KEYS_KEPT = frozenset({"item", "sha256", "pages", "items", "status", "from", "to", "department", "version"})


#: The job's PostgreSQL advisory lock ("mota"): one center-wide anonymization at a time.
ANONYMIZE_LOCK = 0x6D6F7461
#: Dossiers per transaction of the scheduled job: short write transactions, so a counter's own writes wait
#: a moment at most while it runs.
JOB_BATCH = 100


def run_scheduled(store, files: ContentStore, *, now: datetime | None = None, batch: int = JOB_BATCH,
                  max_batches: int = 1000) -> dict[str, Any]:
    """The daily retention job (any thread but the GUI's; its own transactions): anonymize what is due in
    batches until none is left. Returns ``{"dossiers": n, "files_deleted": n, "busy": bool}``; ``busy`` when
    another station of the center is running it (nothing done here). Failures raise (the caller logs them;
    the next day's run takes what is left: each batch is whole or not at all)."""
    total = {"dossiers": 0, "files_deleted": 0, "busy": False}
    for _ in range(max_batches):
        with store.write() as session:
            if store.dialect == "postgresql" and not session.execute(
                    text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": ANONYMIZE_LOCK}).scalar():
                total["busy"] = True
                return total
            done = anonymize(session, files, SYSTEM, now=now, limit=batch)
        total["dossiers"] += len(done["dossiers"])
        total["files_deleted"] += done["files_deleted"]
        if len(done["dossiers"]) < batch:
            break
    return total
