"""Pushing the outbox: claim under a lease, send with no transaction open, record per-item results.

The rules (tests/sync/ checks each):
- an item is claimed (``pending`` -> ``sending``, a lease, the claimer's id) in one short transaction; its wire
  calls are rendered then and stored, so a resend under the same keys is byte-identical;
- no network call happens inside a database transaction;
- an item is ``sent`` only when every one of its calls got an explicit success that echoes its key;
- network errors, 5xx, 408, 429 and answers that break the contract are retried with capped exponential
  backoff, jitter and ``Retry-After``; any other refusal moves the item to ``attention`` with its reason code,
  and never holds up other dossiers' items (a dossier's later items wait behind it, in order);
- a worker only writes back rows it still holds (``claimed_by``), so a worker whose lease ran out cannot
  overwrite the one that took over.

Which thread: the sync worker's (or the CLI's). Failures: logged and recorded on the rows; the return value
says what happened.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import aliased

from app.actors import Actor
from app.filestore import FileCorrupt, FileMissing, content_store, sha256
from app.store.models import ArchivedDocument, OutboxMessage
from app.store.models_files import DossierFile
from app.store.models_sync import SyncState
from sync.adapter import ATTACHMENT, Call, ProvinceAdapter, SendFailure

#: who the audit names for the sync worker's batches (a scheduled job: see app.actors.SYSTEM)
SYNC_ACTOR = Actor("sync", "system", "Đồng bộ")

log = logging.getLogger(__name__)

BACKOFF_BASE_S = 5.0
BACKOFF_CAP_S = 15 * 60.0
LEASE_S = 120.0
UNSENT = ("pending", "sending", "attention")


def backoff(attempts: int, *, retry_after: float | None = None, rng: random.Random = random.Random()) -> float:
    """Seconds to wait before the next try: capped exponential with full jitter, at least ``Retry-After``."""
    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * (2 ** max(0, attempts - 1)))
    delay = rng.uniform(ceiling / 2, ceiling)
    return max(delay, retry_after or 0.0)


@dataclass
class PushReport:
    sent: int = 0
    retry: int = 0
    attention: int = 0
    duplicates: int = 0
    batches: int = 0
    files: int = 0
    failures: list[str] = field(default_factory=list)
    server_date: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"sent": self.sent, "retry": self.retry, "attention": self.attention, "duplicates": self.duplicates,
                "files": self.files, "batches": self.batches, "failures": self.failures[:20]}


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(timezone.utc)


def claim(store, adapter: ProvinceAdapter, worker: str, *, limit: int, now: datetime | None = None,
          lease_s: float = LEASE_S) -> list[tuple[int, str, list[Call]]]:
    """Take up to ``limit`` items that may go now (one per dossier: the oldest unsent one), in one transaction."""
    now = _now(now)
    earlier = aliased(OutboxMessage)
    blocked = exists().where(and_(earlier.aggregate_id == OutboxMessage.aggregate_id, earlier.id < OutboxMessage.id,
                                  earlier.status.in_(UNSENT)))
    ready = or_(
        and_(OutboxMessage.status == "pending",
             or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now)),
        and_(OutboxMessage.status == "sending", OutboxMessage.lease_until < now),
    )
    stmt = select(OutboxMessage).where(ready, ~blocked).order_by(OutboxMessage.id).limit(limit)
    claimed = []
    with store.write() as session:
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True, of=OutboxMessage)
        rows = list(session.scalars(stmt))
        with_files = _with_files(session, [r for r in rows if r.wire is None])
        for row in rows:
            if row.wire is None:
                calls = adapter.render(row.payload, row.idempotency_key)
                link_online(session, row, calls)
                if str(row.aggregate_id) in with_files:
                    calls[1:1] = attachment_calls(session, row)  # after the record, before the history item
                row.wire = {"calls": [c.to_json() for c in calls]}
            row.status = "sending"
            row.claimed_by = worker
            row.lease_until = now + timedelta(seconds=lease_s)
            row.attempts = (row.attempts or 0) + 1
            claimed.append((row.id, row.idempotency_key, [Call.from_json(c) for c in row.wire["calls"]]))
    return claimed


def _with_files(session, rows: list[OutboxMessage]) -> set[str]:
    """Which of these rows' dossiers hold any file (two queries for a whole claim, not two per row)."""
    import uuid

    ids = set()
    for row in rows:
        try:
            ids.add(uuid.UUID(str(row.aggregate_id)))
        except ValueError:
            continue
    if not ids:
        return set()
    found = set(session.scalars(select(DossierFile.dossier_id).where(DossierFile.dossier_id.in_(ids),
                                                                      DossierFile.replaced_at.is_(None)).distinct()))
    found |= set(session.scalars(select(ArchivedDocument.dossier_id).where(ArchivedDocument.dossier_id.in_(ids),
                                                                           ArchivedDocument.path.like("store:%")).distinct()))
    return {str(i) for i in found}


def attachment_calls(session, row: OutboxMessage) -> list[Call]:
    """The upload calls of the files the dossier holds when its item is first claimed: the current scanned
    items and the archived forms kept in the content store. A file's key names the dossier, the file and its
    digest, so the same file under a later item is acknowledged at once by the server (stored once)."""
    code = (row.payload.get("dossier") or {}).get("code")
    if not code:
        return []
    import uuid

    try:
        dossier_id = uuid.UUID(str(row.aggregate_id))
    except ValueError:
        return []
    files = [("item", f.item_code, f.sha256, f.size) for f in session.scalars(
        select(DossierFile).where(DossierFile.dossier_id == dossier_id, DossierFile.replaced_at.is_(None))
        .order_by(DossierFile.item_code, DossierFile.id))]
    files += [("form", a.kind, a.sha256, a.size) for a in session.scalars(
        select(ArchivedDocument).where(ArchivedDocument.dossier_id == dossier_id, ArchivedDocument.path.like("store:%"))
        .order_by(ArchivedDocument.created_at, ArchivedDocument.sha256))]
    calls = []
    for kind, name, digest, size in files:
        key = f"att:{code}:{kind}:{name}:{digest}"[:200]
        calls.append(Call(ATTACHMENT, key, {"key": key, "MaHoSo": code, "sha256": digest, "size": int(size),
                                            "name": name[:200], "kind": kind}))
    return calls


def link_online(session, row: OutboxMessage, calls: list[Call]) -> None:
    """A dossier received from an online dossier names it in its record (``MaHoSoTrucTuyen``), so the
    province's online record follows it (its status goes back by this push)."""
    from app.store.models_sync import OnlineDossier

    dossier = row.payload.get("dossier") or {}
    if dossier.get("channel") != "online" or not calls or calls[0].service != "DongBoHoSoMC":
        return
    online = session.scalar(select(OnlineDossier.province_code).where(OnlineDossier.dossier_code == dossier.get("code")))
    if online:
        calls[0].body["data"]["MaHoSoTrucTuyen"] = online


def files_of(store):
    """The content store beside ``store``: the center's PostgreSQL, or the files folder next to the station's
    SQLite file (``DATA_DIR/files``)."""
    from pathlib import Path

    database = store.engine.url.database or ""
    return content_store(store.dialect, Path(database).parent if store.dialect == "sqlite" else Path("."))


def take_over(store, *, now: datetime | None = None) -> int:
    """Rows left ``sending`` by a worker that is gone: back to ``pending`` at once. Call only while holding the
    center's sync lock (no other worker can be sending)."""
    with store.write() as session:
        result = session.execute(
            update(OutboxMessage).where(OutboxMessage.status == "sending")
            .values(status="pending", claimed_by=None, lease_until=None, next_attempt_at=None)
        )
        return result.rowcount or 0


def push_once(store, adapter: ProvinceAdapter, worker: str, *, batch_size: int = 200, max_batches: int = 1000,
              now: datetime | None = None, rng: random.Random | None = None, files=None) -> PushReport:
    """Push until nothing is ready (or ``max_batches``). Returns what happened. ``files``: the content store
    the dossiers' files are read from (default: the one beside ``store``)."""
    report = PushReport()
    rng = rng or random.Random()
    files = files if files is not None else files_of(store)

    def read(digest: str) -> bytes:
        with store.read() as session:  # a short read; the upload happens after it, with no transaction open
            return files.get(session, digest)

    for _ in range(max_batches):
        items = claim(store, adapter, worker, limit=batch_size, now=now)
        if not items:
            break
        report.batches += 1
        outcomes = _send(adapter, items, report, read)
        _record(store, worker, items, outcomes, report, now=now, rng=rng)
        if all(o[0] == "retry" for o in outcomes.values()):
            break  # the link is down or refusing: no point taking more now
    if report.sent and report.server_date is not None:
        set_state(store, "push.last_success", {"server": report.server_date.isoformat(),
                                               "local": _now(now).isoformat()})
    return report


def _send(adapter: ProvinceAdapter, items, report: PushReport, read) -> dict[int, tuple[str, str | None, str | None, float | None]]:
    """Per item: (outcome, reason code, detail, retry_after) with outcome ``sent`` | ``retry`` | ``attention``.
    Calls are acknowledged in place (``Call.acked``). The record call of every item goes first, then its files
    (each upload resumes where the server stands), and its history call only after both were acknowledged: an
    item (and so its dossier) is sent only when its record and all its files are."""
    outcomes: dict[int, tuple[str, str | None, str | None, float | None]] = {}
    for service in ("DongBoHoSoMC", ATTACHMENT, "CapNhatTienDoHoSoMC"):
        if service == ATTACHMENT:
            _send_files(adapter, items, outcomes, report, read)
            continue
        pending = []
        for item_id, _key, calls in items:
            if item_id in outcomes:
                continue
            first_open = next((c for c in calls if not c.acked), None)  # calls go out in their order
            if first_open is not None and first_open.service == service:
                pending.append((item_id, first_open))
        if pending:
            _send_calls(adapter, service, pending, outcomes, report)
    for item_id, _key, calls in items:
        if item_id not in outcomes:
            outcomes[item_id] = ("sent", None, None, None) if all(c.acked for c in calls) else ("retry", "incomplete", None, None)
    return outcomes


def _send_files(adapter, items, outcomes, report: PushReport, read) -> None:
    for item_id, _key, calls in items:
        if item_id in outcomes:
            continue
        for call in calls:
            if call.acked:
                continue
            if call.service != ATTACHMENT:
                break  # the record is not acknowledged yet: its files wait
            digest = call.body["sha256"]
            try:
                data = read(digest)
                if sha256(data) != digest:
                    raise FileCorrupt("stored_file_corrupt", digest=digest[:12])
            except (FileMissing, FileCorrupt) as exc:
                outcomes[item_id] = ("attention", "file_missing" if isinstance(exc, FileMissing) else "file_corrupt",
                                     f"{call.body['name']}: {digest[:12]}", None)
                break
            try:
                result = adapter.upload(call, data)
            except SendFailure as exc:
                report.failures.append(str(exc))
                outcomes[item_id] = ("retry" if exc.retry else "attention", exc.kind, exc.detail, exc.retry_after)
                if exc.retry and exc.kind in ("network", "server", "rate", "tls", "auth"):
                    for other_id, _k, _c in items:  # the link is down: the other items' files wait too
                        outcomes.setdefault(other_id, ("retry", exc.kind, exc.detail, exc.retry_after))
                    return
                break
            call.acked = True
            report.files += 1
            report.duplicates += result.duplicate


def _send_calls(adapter, service: str, pending: list[tuple[int, Call]], outcomes, report: PushReport) -> None:
    try:
        answer = adapter.send(service, [c for _, c in pending])
    except SendFailure as exc:
        report.failures.append(str(exc))
        if not exc.retry and len(pending) > 1:
            # The whole batch was refused: send each alone, so one bad record cannot hold the others.
            for one in pending:
                _send_calls(adapter, service, [one], outcomes, report)
            return
        for item_id, _call in pending:
            outcomes[item_id] = ("retry" if exc.retry else "attention", exc.kind, exc.detail, exc.retry_after)
        return
    if answer.server_date is not None:
        report.server_date = answer.server_date
    for item_id, call in pending:
        result = answer.results.get(call.key)
        if result is None:
            outcomes.setdefault(item_id, ("retry", "no_result", f"no result for {call.key}", None))
        elif result.ok:
            call.acked = True
            report.duplicates += result.duplicate
        else:
            outcomes[item_id] = ("attention", result.code[:40], result.message, None)


def _record(store, worker: str, items, outcomes, report: PushReport, *, now, rng) -> None:
    now = _now(now)
    from app.services.audit import audit

    counts = {"sent": report.sent, "attention": report.attention, "retry": report.retry}
    with store.write() as session:
        for item_id, _key, calls in items:
            outcome, reason, detail, retry_after = outcomes[item_id]
            row = session.get(OutboxMessage, item_id)
            if row is None or row.claimed_by != worker or row.status != "sending":
                continue  # the lease ran out and another worker took the row: its word counts
            row.wire = {"calls": [c.to_json() for c in calls]}
            row.claimed_by = None
            row.lease_until = None
            if outcome == "sent":
                row.status, row.sent_at, row.reason, row.last_error = "sent", now, None, None
                report.sent += 1
            elif outcome == "attention":
                row.status, row.reason, row.last_error = "attention", reason, (detail or "")[:500]
                report.attention += 1
            else:
                row.status, row.reason, row.last_error = "pending", reason, (detail or "")[:500]
                row.next_attempt_at = now + timedelta(seconds=backoff(row.attempts, retry_after=retry_after, rng=rng))
                report.retry += 1
        ids = [item_id for item_id, _key, _calls in items]
        # one audit entry per batch sent (outbox ids and outcomes only)
        audit(session, SYNC_ACTOR, "sync.push", None, items=len(ids), first=min(ids, default=None),
              last=max(ids, default=None), sent=report.sent - counts["sent"],
              attention=report.attention - counts["attention"], retry=report.retry - counts["retry"])


def retry(store, item: int | None = None) -> int:
    """An officer's retry: ``attention`` items (one, or all) go back to ``pending`` now, keeping their keys."""
    with store.write() as session:
        stmt = update(OutboxMessage).where(OutboxMessage.status.in_(("attention", "pending")))
        if item is not None:
            stmt = stmt.where(OutboxMessage.id == item)
        result = session.execute(stmt.values(status="pending", next_attempt_at=None, reason=None))
        return result.rowcount or 0


def set_state(store, key: str, value: Any) -> None:
    with store.write() as session:
        row = session.get(SyncState, key)
        if row is None:
            session.add(SyncState(key=key, value=value))
        else:
            row.value = value


def get_state(session, key: str, default: Any = None) -> Any:
    row = session.get(SyncState, key)
    return row.value if row is not None else default
