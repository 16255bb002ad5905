"""How the link to the province stands, as the stations show it: how many changes wait in the outbox.

Takes a session; plain values out. The sync room will add the rest (last success, last failure).
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.store.models import OutboxMessage


def pending_count(session) -> int:
    """How many outbox messages wait to be sent."""
    return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")) or 0)
