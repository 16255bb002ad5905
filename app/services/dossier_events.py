"""The history of a dossier: one event row and one outbox row per change, in the caller's transaction,
and the look-up by code that every action starts from.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import NotFoundError
from app.services.outbox_events import EVENT_KIND, dossier_event
from app.services.audit import audit, enqueue
from app.store.models import (
    Dossier,
    DossierEvent,
)

# --- the unit of work ----------------------------------------------------------------------------


def now_utc(now: datetime | None) -> datetime:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc)


def add_event(
    session: Session,
    dossier: Dossier,
    actor: Actor,
    kind: str,
    *,
    at: datetime,
    recorded_at: datetime,
    note: str | None = None,
    status: str | None = None,
    rows: dict[str, list[dict[str, Any]]] | None = None,
    outbox: bool = True,
    **data: Any,
) -> DossierEvent:
    """``outbox=False`` for a change that came from the province (a pull): it is not sent back."""
    seq = len(dossier.events) + 1
    event = DossierEvent(
        dossier_id=dossier.id,
        seq=seq,
        kind=kind,
        status=status or dossier.status,
        occurred_at=at,
        recorded_at=recorded_at,
        actor=actor.username,
        department=dossier.department.name if dossier.department else None,
        note=note,
        data={k: v for k, v in data.items() if v is not None},
    )
    session.add(event)
    dossier.events.append(event)
    dossier.updated_at = recorded_at
    # Every dossier change is accountable: one chained audit entry (the code and the event, no personal data).
    audit(session, actor, f"dossier.{kind}", dossier.code, event=seq, status=event.status)
    if outbox:
        enqueue(session, EVENT_KIND, str(dossier.id), f"{dossier.id}:{seq}", dossier_event(dossier, event, actor, rows=rows),
                version=seq)
    return event


def get_dossier(session: Session, code: str, *, lock: bool = False) -> Dossier:
    def find(value: str):
        stmt = select(Dossier).where(Dossier.code == value)
        if lock and session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(of=Dossier)
        return session.scalar(stmt)

    dossier = find(code.strip())
    if dossier is None and code.strip().upper() != code.strip():
        dossier = find(code.strip().upper())
    if dossier is None:
        raise NotFoundError("dossier_not_found", code=code)
    return dossier


