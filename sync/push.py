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
from app.store.models import OutboxMessage
from app.store.models_sync import SyncState
from sync.adapter import Call, ProvinceAdapter, SendFailure

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
    failures: list[str] = field(default_factory=list)
    server_date: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"sent": self.sent, "retry": self.retry, "attention": self.attention, "duplicates": self.duplicates,
                "batches": self.batches, "failures": self.failures[:20]}


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
        for row in session.scalars(stmt):
            if row.wire is None:
                row.wire = {"calls": [c.to_json() for c in adapter.render(row.payload, row.idempotency_key)]}
            row.status = "sending"
            row.claimed_by = worker
            row.lease_until = now + timedelta(seconds=lease_s)
            row.attempts = (row.attempts or 0) + 1
            claimed.append((row.id, row.idempotency_key, [Call.from_json(c) for c in row.wire["calls"]]))
    return claimed


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
              now: datetime | None = None, rng: random.Random | None = None) -> PushReport:
    """Push until nothing is ready (or ``max_batches``). Returns what happened."""
    report = PushReport()
    rng = rng or random.Random()
    for _ in range(max_batches):
        items = claim(store, adapter, worker, limit=batch_size, now=now)
        if not items:
            break
        report.batches += 1
        outcomes = _send(adapter, items, report)
        _record(store, worker, items, outcomes, report, now=now, rng=rng)
        if all(o[0] == "retry" for o in outcomes.values()):
            break  # the link is down or refusing: no point taking more now
    if report.sent and report.server_date is not None:
        set_state(store, "push.last_success", {"server": report.server_date.isoformat(),
                                               "local": _now(now).isoformat()})
    return report


def _send(adapter: ProvinceAdapter, items, report: PushReport) -> dict[int, tuple[str, str | None, str | None, float | None]]:
    """Per item: (outcome, reason code, detail, retry_after) with outcome ``sent`` | ``retry`` | ``attention``.
    Calls are acknowledged in place (``Call.acked``). The record call of every item goes first; the history call
    of an item only after its record was acknowledged."""
    outcomes: dict[int, tuple[str, str | None, str | None, float | None]] = {}
    for service in ("DongBoHoSoMC", "CapNhatTienDoHoSoMC"):
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
