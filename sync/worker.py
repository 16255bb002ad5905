"""One sync worker per center: the lock, a run (push then pull), the status, the credentials.

The lock: on PostgreSQL a session advisory lock on the center's database; on SQLite an exclusive lock on a
file beside the database. Whoever takes it first after a crash takes over the rows left ``sending`` at once.
Credentials live in the OS keyring (service ``motcua-sync``), never in the database, settings or logs.

Which thread: the sync worker's (a ``ui/`` task) or the CLI's. Failures: ``SyncBusy`` when another worker
holds the lock; the rest is recorded on the outbox rows.
"""

from __future__ import annotations

import logging
import os
import socket
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from app.store.models import OutboxMessage
from app.store.models_sync import SyncConflict
from sync.adapter import NationalAdapter
from sync.push import get_state, push_once, set_state, take_over

log = logging.getLogger(__name__)

KEYRING_SERVICE = "motcua-sync"
ADVISORY_KEY = 0x6D6F7463  # "motc"
CLOCK_SKEW_WARN_S = 300


class SyncBusy(Exception):
    """Another sync worker of this center holds the lock."""


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@contextmanager
def center_lock(store):
    """Hold the center's sync lock for the block, or raise ``SyncBusy`` at once."""
    if store.dialect == "postgresql":
        conn = store.engine.connect()
        try:
            if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}).scalar():
                raise SyncBusy("another sync worker holds the center's lock")
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
                conn.commit()
        finally:
            conn.close()
        return
    import fcntl

    database = store.engine.url.database or "motcua"
    lock_path = Path(database + ".sync.lock") if database != ":memory:" else None
    if lock_path is None:
        yield
        return
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncBusy("another sync worker holds the station's lock") from None
        yield
    finally:
        os.close(fd)


def credentials(url: str) -> tuple[str | None, str | None]:
    """(username, password) for the provincial URL from the OS keyring; (None, None) when none is stored."""
    import keyring

    username = keyring.get_password(KEYRING_SERVICE, f"{url}#user")
    password = keyring.get_password(KEYRING_SERVICE, f"{url}#password") if username else None
    return username, password


def store_credentials(url: str, username: str, password: str) -> None:
    import keyring

    keyring.set_password(KEYRING_SERVICE, f"{url}#user", username)
    keyring.set_password(KEYRING_SERVICE, f"{url}#password", password)


def make_adapter(url: str, *, ca_bundle: str | None = None, timeout: tuple[float, float] = (3.05, 15.0)) -> NationalAdapter:
    username, password = credentials(url)
    return NationalAdapter(url, username=username, password=password, ca_bundle=ca_bundle, timeout=timeout)


def run_once(store, adapter, *, batch_size: int = 200, pull: bool = True, files=None) -> dict[str, Any]:
    """Take the lock, take over orphaned rows, push everything ready, then pull. What happened, as JSON.
    ``files``: the content store the dossiers' files are read from (default: the one beside ``store``)."""
    from sync.pull import pull_once

    with center_lock(store):
        taken = take_over(store)
        report = push_once(store, adapter, worker_id(), batch_size=batch_size, files=files)
        result: dict[str, Any] = {"pushed": report.to_json(), "taken_over": taken}
        if pull and not (report.batches and report.sent == 0 and report.retry):
            try:
                result["pulled"] = pull_once(store, adapter)
            except Exception as exc:  # a failed pull never undoes the push; it is retried next run
                log.warning("pull failed: %s", exc.__class__.__name__)
                result["pulled"] = {"error": exc.__class__.__name__}
        if not (report.batches and report.sent == 0 and report.retry):  # after the push's and pull's entries
            result["audit_head"] = send_audit_head(store, adapter)
        if report.server_date is not None:
            skew = (datetime.now(timezone.utc) - report.server_date).total_seconds()
            set_state(store, "clock.skew_s", round(skew, 1))
            result["clock_skew_s"] = round(skew, 1)
            if abs(skew) > CLOCK_SKEW_WARN_S:
                log.warning("station clock differs from the province's by %.0f s", skew)
        return result


def send_audit_head(store, adapter) -> dict[str, Any]:
    """Give the province the audit chain head when it moved since the last one it acknowledged (so a chain
    rewritten here later is detectable: ``motcua audit verify --province``). Never fails the run: what
    happened, as ``{"audit_seq", "sent"}`` or ``{"error"}``; the next run tries again."""
    from app.services.audit_chain import PROVINCE_HEAD_KEY, sync_head

    with store.read() as session:
        head = sync_head(session)
        last = get_state(session, PROVINCE_HEAD_KEY)
    if last and last.get("audit_seq") == head["audit_seq"] and last.get("audit_hash") == head["audit_hash"]:
        return {"audit_seq": head["audit_seq"], "sent": False}
    try:
        answer = adapter.send_audit_head(head["audit_seq"], head["audit_hash"])
    except Exception as exc:  # SendFailure, or an adapter without the call: tried again next run
        log.warning("audit head not sent: %s", exc.__class__.__name__)
        return {"audit_seq": head["audit_seq"], "error": exc.__class__.__name__}
    set_state(store, PROVINCE_HEAD_KEY, {**head, "received_at": answer.get("received_at"),
                                         "at": datetime.now(timezone.utc).isoformat()})
    return {"audit_seq": head["audit_seq"], "sent": True}


def status(store) -> dict[str, Any]:
    with store.read() as session:
        counts = dict(session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())
        conflicts = session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None)))
        last = get_state(session, "push.last_success")
        skew = get_state(session, "clock.skew_s")
    return {
        "pending": counts.get("pending", 0),
        "sending": counts.get("sending", 0),
        "sent": counts.get("sent", 0),
        "needs_attention": counts.get("attention", 0),
        "conflicts": conflicts or 0,
        "last_success_at": last["server"] if last else None,
        "clock_skew_s": skew,
    }


def list_items(store, *, states: tuple[str, ...] = ("pending", "sending", "attention"), limit: int = 500) -> list[dict[str, Any]]:
    """Outbox items for the sync window, newest first: plain dicts (no personal data beyond the dossier code)."""
    with store.read() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.status.in_(states))
                               .order_by(OutboxMessage.id.desc()).limit(limit))
        return [{
            "id": r.id, "status": r.status, "kind": r.kind, "code": (r.payload.get("dossier") or r.payload.get("online") or {}).get("code"),
            "event": (r.payload.get("event") or {}).get("kind"), "attempts": r.attempts, "reason": r.reason,
            "detail": r.last_error, "created_at": r.created_at.isoformat() if r.created_at else None,
            "next_attempt_at": r.next_attempt_at.isoformat() if r.next_attempt_at else None,
        } for r in rows]


def dossier_sync_state(session, dossier_id: str) -> str:
    """One dossier's own sync state (DHIS2's per-record states): ``attention`` | ``pending`` | ``sent`` | ``none``."""
    states = set(session.scalars(select(OutboxMessage.status).where(OutboxMessage.aggregate_id == str(dossier_id))))
    for state in ("attention", "sending", "pending", "sent"):
        if state in states:
            return "pending" if state == "sending" else state
    return "none"


def dossier_sync_detail(session, dossier_id: str) -> dict[str, Any]:
    """The dossier's state and its files: how many the province has acknowledged out of those its items carry.
    The state is ``sent`` only when every item is, and an item is sent only with all its files."""
    from sync.adapter import ATTACHMENT

    wanted, acked = set(), set()
    for wire in session.scalars(select(OutboxMessage.wire).where(OutboxMessage.aggregate_id == str(dossier_id))):
        for call in (wire or {}).get("calls", []):
            if call["service"] == ATTACHMENT:
                wanted.add(call["key"])
                if call.get("acked"):
                    acked.add(call["key"])
    return {"state": dossier_sync_state(session, dossier_id), "files": len(wanted), "files_acked": len(acked)}
