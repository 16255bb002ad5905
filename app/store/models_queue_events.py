"""The queue's change feed: one row for every change a screen must show (issue 8).

The display board and the counters' queue panels poll ``queue_events.id > cursor``; a call, a recall, a
finished or skipped ticket, a transfer, a pause and a new ticket each write one row in the transaction that
makes the change, so no screen learns of one kind of change later than another.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class QueueEvent(Base):
    """A change of the queue: ``kind`` is one of :data:`app.services.queue_events.KINDS`."""

    __tablename__ = "queue_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(12))
    counter: Mapped[int | None] = mapped_column(Integer)
    ticket_id: Mapped[int | None] = mapped_column(BigId)
    number: Mapped[str | None] = mapped_column(String(12))
    service_code: Mapped[str | None] = mapped_column(String(3))
