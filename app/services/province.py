"""Changes that come from the province (a pull), applied in the caller's transaction.

The province owns the processing status once a dossier is transferred. A pulled change never overwrites an
unsent local change: when the dossier still has items waiting in the outbox, the change becomes a conflict for
an officer to resolve. Online dossiers wait in their own list until an officer receives them.

Which thread: the sync worker's. Failures: none for data (unknown dossiers and stale changes are reported in
the return value); database errors propagate.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import lifecycle
from app.actors import Actor
from app.services.dossier_events import add_event
from app.store.models import Dossier, OutboxMessage
from app.store.models_sync import OnlineDossier, SyncConflict

PROVINCE = Actor("province", "system", "Hệ thống tỉnh")
STATUS_BY_CODE = {code: name for name, code in lifecycle.STATUS_CODES.items() if code is not None}


def apply_status(session: Session, code: str, status_code: int, history: dict[str, Any] | None, *,
                 now: datetime | None = None) -> str:
    """``applied`` | ``conflict`` | ``unknown`` | ``same`` | ``stale``."""
    now = now or datetime.now(timezone.utc)
    dossier = session.scalar(select(Dossier).where(Dossier.code == code))
    status = STATUS_BY_CODE.get(status_code)
    if dossier is None or status is None:
        return "unknown"
    if dossier.status == status:
        return "same"
    unsent = session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.aggregate_id == str(dossier.id), OutboxMessage.status.in_(("pending", "sending", "attention"))))
    if unsent:
        session.add(SyncConflict(dossier_code=code, remote={"status": status, "history": history},
                                 local_status=dossier.status))
        return "conflict"
    if dossier.status in lifecycle.FINAL:
        return "stale"
    dossier.status = status
    if status == "finished" and dossier.decided_at is None:
        dossier.decided_at = now
    note = (history or {}).get("NoiDungXuLy")
    add_event(session, dossier, PROVINCE, "province_update", at=now, recorded_at=now, note=note, status=status,
              outbox=False)
    return "applied"


def add_online(session: Session, province_code: str, data: dict[str, Any]) -> str:
    """``added`` or ``same`` (a page delivered twice)."""
    if session.get(OnlineDossier, province_code) is not None:
        return "same"
    session.add(OnlineDossier(province_code=province_code, data=data))
    return "added"


def waiting_online(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(select(OnlineDossier).where(OnlineDossier.status == "waiting").order_by(OnlineDossier.arrived_at))
    return [{"province_code": r.province_code, "arrived_at": r.arrived_at.isoformat(), "data": r.data} for r in rows]


def receive_online(session: Session, actor: Actor, province_code: str, *, on_missing: str = "reject",
                   reason: str | None = None, now: datetime | None = None):
    """An officer receives an online dossier after checking its papers: it becomes a dossier with our code and
    appointment (the same rules as at the counter); its intake goes to the province by push like any other."""
    from app.errors import NotFoundError, RuleError
    from app.services.dossier_input import parse_intake
    from app.services.intake import receive

    actor.require("dossier.receive_online")
    online = session.get(OnlineDossier, province_code.strip())
    if online is None:
        raise NotFoundError("online_dossier_not_found", code=province_code)
    if online.status != "waiting":
        raise RuleError("online_dossier_handled", code=province_code, status=online.status)
    request = parse_intake({**(online.data.get("intake") or {}), "channel": "online"})
    dossier = receive(session, actor, request, on_missing=on_missing, reason=reason, now=now)
    dossier.note = "; ".join(x for x in (dossier.note, f"hồ sơ trực tuyến {province_code}") if x)
    online.status, online.dossier_code = "received", dossier.code
    online.handled_by, online.handled_at = actor.username, now or datetime.now(timezone.utc)
    return dossier


RESOLUTIONS = ("keep_local", "take_remote")


def open_conflicts(session: Session) -> list[dict[str, Any]]:
    """The pulled changes that met unsent local changes and wait for an officer, oldest first."""
    rows = session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.id))
    out = []
    for r in rows:
        dossier = session.scalar(select(Dossier).where(Dossier.code == r.dossier_code))
        out.append({"id": r.id, "code": r.dossier_code, "remote_status": (r.remote or {}).get("status"),
                    "remote_note": ((r.remote or {}).get("history") or {}).get("NoiDungXuLy"),
                    "local_status_then": r.local_status, "local_status": dossier.status if dossier else None,
                    "created_at": r.created_at.isoformat() if r.created_at else None})
    return out


def resolve_conflict(session: Session, actor: Actor, conflict_id: int, resolution: str, *, note: str | None = None,
                     now: datetime | None = None) -> dict[str, Any]:
    """An officer decides a conflict. ``keep_local``: the local change stands and goes to the province as
    queued. ``take_remote``: the province's status is taken as a new local change, queued after the unsent
    one, so both sides end on the province's status (a final local status is never reopened)."""
    from app.errors import NotFoundError, RuleError, ValidationError

    actor.require("sync.resolve_conflict")
    if resolution not in RESOLUTIONS:
        raise ValidationError("sync_resolution_unknown", known=", ".join(RESOLUTIONS))
    now = now or datetime.now(timezone.utc)
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        raise NotFoundError("sync_conflict_not_found", id=conflict_id)
    if row.resolved_at is not None:
        raise RuleError("sync_conflict_resolved", id=conflict_id, resolution=row.resolution)
    dossier = session.scalar(select(Dossier).where(Dossier.code == row.dossier_code))
    remote = (row.remote or {}).get("status")
    if resolution == "take_remote" and dossier is not None and remote and dossier.status != remote:
        if dossier.status in lifecycle.FINAL:
            raise RuleError("sync_conflict_final", code=dossier.code, status=dossier.status)
        dossier.status = remote
        if remote == "finished" and dossier.decided_at is None:
            dossier.decided_at = now
        add_event(session, dossier, actor, "conflict_resolved", at=now, recorded_at=now, status=remote,
                  note=note or ((row.remote or {}).get("history") or {}).get("NoiDungXuLy"))
    row.resolved_at, row.resolution, row.resolved_by, row.note = now, resolution, actor.username, note
    return {"id": row.id, "code": row.dossier_code, "resolution": resolution,
            "status": dossier.status if dossier else None}


def request_online_supplement(session: Session, actor: Actor, province_code: str, *, reason: str,
                              now: datetime | None = None) -> dict[str, Any]:
    """The papers of an online dossier are incomplete: it is not received here; the applicant is asked for a
    supplement and the province's online record says so (an outbox item, sent by push)."""
    from app.errors import NotFoundError, RuleError, ValidationError
    from app.services.audit import enqueue
    from app.services.outbox_events import ONLINE_KIND, online_supplement_event

    actor.require("dossier.online_supplement")
    now = now or datetime.now(timezone.utc)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason_required", what="a supplement request")
    online = session.get(OnlineDossier, province_code.strip())
    if online is None:
        raise NotFoundError("online_dossier_not_found", code=province_code)
    if online.status != "waiting":
        raise RuleError("online_dossier_handled", code=province_code, status=online.status)
    online.status, online.handled_by, online.handled_at = "supplement", actor.username, now
    enqueue(session, ONLINE_KIND, f"online:{online.province_code}", f"online:{online.province_code}:supplement:{now:%Y%m%d%H%M%S}",
            online_supplement_event(online.province_code, online.data, reason,
                                    {"username": actor.username, "display_name": actor.display_name, "role": actor.role},
                                    now), version=1)
    return {"province_code": online.province_code, "status": online.status}
