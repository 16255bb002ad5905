"""Audit and outbox rows: written by services in the same transaction as the change they describe.

The audit log is append-only and hash-chained: entry ``n`` carries ``prev_hash`` (the hash of entry
``n-1``, :data:`GENESIS` for the first) and ``hash`` = SHA-256 of its canonical form
(:func:`canonical`: sorted-key compact JSON of seq, UTC and Vietnam time, actor, station, action,
entity, detail and prev_hash). The chain head (``audit_chain_head``, one row) holds the last seq and
hash; every append locks it (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's write lock, taken at
BEGIN, already serializes writers), so several counters on one server extend one chain.

``detail`` holds ids, codes, counts and setting keys only: never names, ID numbers, addresses or phone
numbers (:func:`audit` refuses keys that name personal data). Verification lives in
``app.services.audit_chain``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.actors import Actor
from app.store.models import AuditEntry, OutboxMessage
from app.store.models_audit import GENESIS, AuditChainHead
from app.store.types import utcnow
from app.workcal import VN_TZ

__all__ = ["GENESIS", "audit", "canonical", "entry_hash", "enqueue", "station_of"]

HEAD_ID = 1
#: keys a detail may never carry: they name personal data (a programming error, caught in tests)
PERSONAL_KEYS = frozenset({"full_name", "id_number", "address", "phone", "email", "date_of_birth",
                           "applicant", "citizen"})


def station_of(who: Actor) -> str | None:
    """Where ``who`` acts: the actor's station when it has one, else ``counter-N``, else None."""
    station = getattr(who, "station", None)
    if station:
        return str(station)[:40]
    counter = getattr(who, "counter", None)
    return f"counter-{counter}" if counter is not None else None


def _utc_text(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="microseconds")


def canonical(seq: int, at: datetime, at_local: str, username: str, station: str | None, action: str,
              entity: str | None, detail: dict[str, Any], prev_hash: str) -> bytes:
    """The bytes an entry's hash covers (stable across engines: UTC with microseconds, sorted keys)."""
    body = {"seq": seq, "at": _utc_text(at), "at_local": at_local, "actor": username, "station": station,
            "action": action, "entity": entity, "detail": detail, "prev_hash": prev_hash}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: AuditEntry) -> str:
    """The hash ``entry`` must carry, recomputed from its fields."""
    return hashlib.sha256(canonical(entry.seq, entry.at, entry.at_local, entry.actor, entry.station, entry.action,
                                    entry.entity, entry.detail or {}, entry.prev_hash)).hexdigest()


def _plain(detail: dict[str, Any]) -> dict[str, Any]:
    """``detail`` as it reads back from a JSON column (so the stored entry hashes as it was hashed)."""
    leaked = PERSONAL_KEYS & set(detail)
    if leaked:
        raise ValueError(f"audit detail must not carry personal data: {sorted(leaked)}")
    return json.loads(json.dumps(detail, default=str, ensure_ascii=False))


_LOG = AuditEntry.__table__
_HEAD = AuditChainHead.__table__
_READ_HEAD = select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == HEAD_ID).with_for_update()
# Built once: executing a prepared statement with a parameter dict skips rebuilding it (and its cache key).
_INSERT = insert(_LOG)
_MOVE_HEAD = update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(
    seq=bindparam("new_seq"), hash=bindparam("new_hash"), updated_at=bindparam("new_at"))


def _head(conn) -> tuple[int, str]:
    """The chain head, locked for the rest of this transaction (PostgreSQL: FOR UPDATE; SQLite: the writer
    holds the database's write lock already). Core statements: the ORM's identity map never holds a stale head."""
    row = conn.execute(_READ_HEAD).first()
    if row is None:  # a schema made without migration 0014's seed row
        conn.execute(insert(_HEAD).values(id=HEAD_ID, seq=0, hash=GENESIS, updated_at=utcnow()))
        return 0, GENESIS
    return row[0], row[1]


def audit(session: Session, actor: Actor, action: str, entity: str | None = None, *, at_station: str | None = None,
          **detail: Any) -> None:
    """Append one chained entry: who (``actor.username``), when (now, UTC and Vietnam time), where
    (``at_station``, else :func:`station_of`), ``action``, the object's id ``entity`` and ``detail`` (ids only)."""
    conn = session.connection()  # Core on the session's connection: no autoflush, no ORM execute layer
    prev_seq, prev_hash = _head(conn)
    at = utcnow()
    values = _plain(detail)
    at_local = at.astimezone(VN_TZ).isoformat(timespec="seconds")
    station = at_station[:40] if at_station else station_of(actor)
    seq = prev_seq + 1
    entity = None if entity is None else str(entity)[:100]
    digest = hashlib.sha256(canonical(seq, at, at_local, actor.username, station, action, entity, values,
                                      prev_hash)).hexdigest()
    conn.execute(_INSERT, {"seq": seq, "at": at, "at_local": at_local, "actor": actor.username, "station": station,
                           "action": action, "entity": entity, "detail": values, "prev_hash": prev_hash,
                           "hash": digest})
    conn.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": digest, "new_at": at})


def enqueue(
    session: Session, kind: str, aggregate_id: str, idempotency_key: str, payload: dict[str, Any], *, version: int | None = None
) -> None:
    """Add an outbox message (a domain event, see ``app.services.outbox_events``); the idempotency key makes a
    resend recognisable at the province, and ``version`` orders the items of one aggregate."""
    session.add(OutboxMessage(kind=kind, aggregate_id=aggregate_id, idempotency_key=idempotency_key, payload=payload,
                              aggregate_version=version))
