"""Audit and outbox rows: written by services in the same transaction as the change they describe."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.actors import Actor
from app.store.models import AuditEntry, OutboxMessage


def audit(session: Session, actor: Actor, action: str, entity: str | None = None, **detail: Any) -> None:
    session.add(AuditEntry(actor=actor.username, action=action, entity=entity, detail=detail))


def enqueue(
    session: Session, kind: str, aggregate_id: str, idempotency_key: str, payload: dict[str, Any], *, version: int | None = None
) -> None:
    """Add an outbox message (a domain event, see ``app.services.outbox_events``); the idempotency key makes a
    resend recognisable at the province, and ``version`` orders the items of one aggregate."""
    session.add(OutboxMessage(kind=kind, aggregate_id=aggregate_id, idempotency_key=idempotency_key, payload=payload,
                              aggregate_version=version))
