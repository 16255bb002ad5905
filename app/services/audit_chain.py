"""Reading and checking the audit chain (``app.services.audit`` appends to it).

- :func:`verify` walks the log in ``seq`` order and names the first broken entry: ``missing`` (a deleted
  entry leaves a gap), ``reordered`` (an entry that does not follow the one before it: moved, or the link
  rewritten), ``edited`` (its content no longer gives its hash), ``truncated`` (fewer entries than the chain
  head records), ``head_mismatch`` (the head's hash is not the last entry's), ``rewritten`` (an externally
  recorded head — on paper, or at the province — no longer matches: the whole chain was recomputed).
- :func:`head` is the chain head (seq, hash) for the admin window and for paper; :func:`sync_head` is the
  same for the sync push to carry (``{"audit_seq": ..., "audit_hash": ...}``).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.services.audit import HEAD_ID, canonical
from app.store.models import AuditEntry
from app.store.models_audit import GENESIS, AuditChainHead

__all__ = ["Verdict", "chain_head", "entries", "head", "sync_head", "verify", "verify_chain"]


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int  # how many entries were read
    head_seq: int  # what the chain head records
    head_hash: str
    broken_seq: int | None = None  # the first broken entry
    problem: str | None = None  # missing | reordered | edited | truncated | head_mismatch | rewritten

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sentence(self) -> str:
        if self.ok:
            return f"audit chain intact: {self.entries} entries, head {self.head_seq} {self.head_hash[:16]}"
        what = {
            "missing": "is missing (deleted)",
            "reordered": "does not follow the entry before it (moved or re-linked)",
            "edited": "was changed after it was written",
            "truncated": f"and those after it are missing (the chain head records {self.head_seq} entries)",
            "head_mismatch": "is not the entry the chain head records",
            "rewritten": "differs from the chain head recorded outside (the chain was rewritten)",
        }[self.problem or "edited"]
        return f"audit chain broken at entry {self.broken_seq}: it {what}"


def chain_head(session: Session) -> tuple[int, str]:
    """The stored chain head (seq, hash): (0, GENESIS) for an empty log. No permission: sync and the status
    bar read it."""
    row = session.get(AuditChainHead, HEAD_ID)
    return (row.seq, row.hash) if row is not None else (0, GENESIS)


#: the ``sync_state`` key under which sync keeps the last head the province acknowledged (``sync.worker``)
PROVINCE_HEAD_KEY = "audit.head_sent"


def head(session: Session, actor: Actor) -> dict[str, Any]:
    """The chain head for the admin window and for paper: seq, hash and when it last moved; ``province``: the
    last head sync gave the province (``{"seq", "hash", "at"}``), or None."""
    from app.store.models_sync import SyncState

    actor.require("audit.view")
    row = session.get(AuditChainHead, HEAD_ID)
    seq, digest = (row.seq, row.hash) if row is not None else (0, GENESIS)
    sent = session.get(SyncState, PROVINCE_HEAD_KEY)
    province = None
    if sent is not None and isinstance(sent.value, dict):
        province = {"seq": sent.value.get("audit_seq"), "hash": sent.value.get("audit_hash"), "at": sent.value.get("at")}
    return {"seq": seq, "hash": digest, "updated_at": row.updated_at.isoformat() if row is not None else None,
            "province": province}


def sync_head(session: Session) -> dict[str, Any]:
    """What a sync push carries so the province holds a copy of the head: a rewritten chain then shows."""
    seq, digest = chain_head(session)
    return {"audit_seq": seq, "audit_hash": digest}


_COLUMNS = (AuditEntry.seq, AuditEntry.at, AuditEntry.at_local, AuditEntry.actor, AuditEntry.station, AuditEntry.action,
            AuditEntry.entity, AuditEntry.detail, AuditEntry.prev_hash, AuditEntry.hash)


def verify_chain(session: Session, *, expected: tuple[int, str] | None = None, batch: int = 5000) -> Verdict:
    """Check the whole chain (no permission check: for jobs and benchmarks; the CLI goes through :func:`verify`).
    ``expected``: a head recorded outside the database (paper, the province), checked too."""
    head_seq, head_hash = chain_head(session)
    want, prev, count, found = 1, GENESIS, 0, None
    rows = session.execute(select(*_COLUMNS).order_by(AuditEntry.seq).execution_options(yield_per=batch))
    for seq, at, at_local, actor, station, action, entity, detail, prev_hash, digest in rows:
        count += 1
        if seq != want:
            return Verdict(False, count, head_seq, head_hash, want, "missing")
        if prev_hash != prev:
            return Verdict(False, count, head_seq, head_hash, seq, "reordered")
        if hashlib.sha256(canonical(seq, at, at_local, actor, station, action, entity, detail or {},
                                    prev_hash)).hexdigest() != digest:
            return Verdict(False, count, head_seq, head_hash, seq, "edited")
        if expected is not None and seq == expected[0]:
            found = digest
        prev, want = digest, want + 1
    last = want - 1
    if head_seq > last:
        return Verdict(False, count, head_seq, head_hash, last + 1, "truncated")
    if head_seq < last or head_hash != prev:
        return Verdict(False, count, head_seq, head_hash, min(head_seq, last) or 1, "head_mismatch")
    if expected is not None and expected[0] > 0:
        if expected[0] > last:
            return Verdict(False, count, head_seq, head_hash, last + 1, "truncated")
        if found != expected[1]:
            return Verdict(False, count, head_seq, head_hash, expected[0], "rewritten")
    return Verdict(True, count, head_seq, head_hash)


def verify(session: Session, actor: Actor, *, expected: tuple[int, str] | None = None) -> Verdict:
    """:func:`verify_chain` for someone allowed to read the audit."""
    actor.require("audit.view")
    return verify_chain(session, expected=expected)


def entries(session: Session, actor: Actor, *, object_id: str | None = None, limit: int | None = None,
            after_seq: int = 0) -> list[dict[str, Any]]:
    """The entries (oldest first), of one object when ``object_id`` is given; ids only by construction."""
    actor.require("audit.view")
    query = select(*_COLUMNS).where(AuditEntry.seq > after_seq).order_by(AuditEntry.seq)
    if object_id is not None:
        query = query.where(AuditEntry.entity == object_id)
    if limit is not None:
        query = query.limit(limit)
    keys = ("seq", "at", "at_local", "actor", "station", "action", "object", "detail", "prev_hash", "hash")
    out = []
    for row in session.execute(query):
        item = dict(zip(keys, row, strict=True))
        item["at"] = item["at"].isoformat()
        out.append(item)
    return out
