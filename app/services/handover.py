"""Hand-over rounds (luân chuyển hồ sơ): paper dossiers move to departments at fixed times."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.actors import Actor
from app.errors import NotFoundError, ValidationError
from app.services.audit import audit
from app.services.dossier_events import add_event
from app.store.models import Dossier, HandoverItem, HandoverRound
from app.workcal import format_local


FLUSH_EVERY = 500


def run_round(session: Session, actor: Actor, *, at: datetime | None = None, now: datetime | None = None) -> HandoverRound:
    """Collect every received dossier waiting for its department, hand each over, and record the round.

    Each dossier gets a ``transferred`` event (its control sheet row) with the round and whether it
    reached the department before its hand-over deadline.
    """
    actor.require("handover.run")
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    if at is not None:
        at = at.astimezone(timezone.utc)
        if at > now + timedelta(minutes=1):
            raise ValidationError("handover_in_future")
        audit(session, actor, "handover.backdated", None, at=format_local(at))
    at = at or now
    # A first round can hand thousands over. The ids first (one narrow statement, row-locked on PostgreSQL),
    # then the dossiers in parts with what each hand-over touches (events, department) and what round_json
    # shows (parties, procedure): no statement builds thousands of objects at once, and the station's GUI
    # thread gets the interpreter between the parts (sleep(0)).
    ids = select(Dossier.id).where(Dossier.status == "received", Dossier.received_at <= at).order_by(Dossier.received_at)
    if session.get_bind().dialect.name == "postgresql":
        ids = ids.with_for_update(skip_locked=True)
    waiting = list(session.scalars(ids))
    rnd = HandoverRound(at=at, run_by=actor.username)
    session.add(rnd)
    session.flush()
    for start in range(0, len(waiting), FLUSH_EVERY):
        part = waiting[start:start + FLUSH_EVERY]
        dossiers = session.scalars(
            select(Dossier).where(Dossier.id.in_(part)).order_by(Dossier.received_at)
            .options(selectinload(Dossier.events), selectinload(Dossier.department), selectinload(Dossier.parties),
                     selectinload(Dossier.procedure))).all()
        for d in dossiers:
            result = None
            if d.handover_due_at is not None:
                result = "on_time" if at <= d.handover_due_at else "late"
            d.status = "processing"
            d.transferred_at = d.transferred_at or at
            rnd.items.append(HandoverItem(dossier=d, department=d.department, result=result))
            add_event(
                session, d, actor, "transferred", at=max(at, d.events[-1].occurred_at) if d.events else at,
                recorded_at=now, note=None, round=rnd.id, to=d.department.name if d.department else None, result=result,
            )
        session.flush()
        time.sleep(0)
    return rnd


def get_round(session: Session, round_id: int) -> HandoverRound:
    rnd = session.get(HandoverRound, round_id)
    if rnd is None:
        raise NotFoundError("handover_round_not_found", round_id=round_id)
    return rnd


def round_json(rnd: HandoverRound) -> dict[str, Any]:
    departments: dict[str, list[dict[str, Any]]] = {}
    for item in rnd.items:
        name = item.department.name if item.department else "(chưa có phòng)"
        parties = {p.role: p for p in item.dossier.parties}
        departments.setdefault(name, []).append(
            {
                "code": item.dossier.code,
                "procedure": item.dossier.procedure.name,
                "applicant": parties["applicant"].full_name if "applicant" in parties else None,
                "received_at": format_local(item.dossier.received_at),
                "due_at": format_local(item.dossier.due_at) if item.dossier.due_at else None,
                "sets": item.dossier.sets,
                "result": item.result,
            }
        )
    return {
        "round_id": rnd.id,
        "at": format_local(rnd.at),
        "count": len(rnd.items),
        "departments": [{"department": k, "dossiers": v} for k, v in sorted(departments.items())],
    }
