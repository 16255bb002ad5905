"""The queue's change feed (``queue_events``): what the display board and the queue panels follow.

Every service in :mod:`app.services.queue` that changes what a screen shows (a ticket issued, called,
recalled, finished, skipped, transferred or brought back; a counter paused or resumed; the day closed)
appends one event in the same transaction. A screen keeps a cursor (the newest id it has seen) and asks
:func:`events_since`; on news it reads :func:`app.services.queue.status` again. The events say *that*
something changed and, for calls and recalls, what to announce; the state itself always comes from the
status, so a screen never disagrees with ``motcua queue status``.

Which thread: any (each caller passes its own session). Failures: the session's.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.store.models_queue_events import QueueEvent
from app.workcal import format_local

ISSUE, CALL, RECALL, DONE, SKIP, TRANSFER, REQUEUE, PAUSE, RESUME, CLOSE = (
    "issue", "call", "recall", "done", "skip", "transfer", "requeue", "pause", "resume", "close",
)
KINDS = (ISSUE, CALL, RECALL, DONE, SKIP, TRANSFER, REQUEUE, PAUSE, RESUME, CLOSE)
ANNOUNCED = (CALL, RECALL)


def record(
    session: Session, kind: str, *, counter: int | None = None, ticket_id: int | None = None,
    number: str | None = None, service: str | None = None, now: datetime | None = None,
) -> None:
    """Append one event in the session's transaction (a plain INSERT: no ORM object to track)."""
    if kind not in KINDS:
        raise ValueError(f"unknown queue event {kind!r}")
    session.execute(
        insert(QueueEvent).values(
            at=(now or datetime.now(timezone.utc)), kind=kind, counter=counter, ticket_id=ticket_id, number=number,
            service_code=service,
        )
    )


def event_json(row) -> dict[str, Any]:
    """One event (a row of ``queue_events``) as the screens take it; a call or recall has the shape of
    ``queue.calls_since`` items."""
    return {"id": row.id, "at": format_local(row.at), "kind": row.kind, "counter": row.counter,
            "ticket_id": row.ticket_id, "number": row.number, "service": row.service_code}


_TABLE = QueueEvent.__table__


def events_since(session: Session, after_id: int = 0, *, limit: int = 250) -> list[dict[str, Any]]:
    """Events newer than ``after_id``, oldest first (an indexed range on the primary key; plain rows, no ORM
    objects: the board asks four times a second)."""
    rows = session.execute(select(_TABLE).where(_TABLE.c.id > after_id).order_by(_TABLE.c.id).limit(limit))
    return [event_json(r) for r in rows]


def latest_id(session: Session) -> int:
    """The newest event's id (0 for none): where a screen starting now puts its cursor."""
    return int(session.scalar(select(func.max(QueueEvent.id))) or 0)
