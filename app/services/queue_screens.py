"""What the queue's screens show, read for them: the counter's queue panel.

The UI calls these and gets plain dicts; it runs no query of its own and holds no ORM object (the session is
closed before a result reaches the GUI thread). Which thread: the caller's store thread. Failures: the
session's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.services import queue
from app.store.models import PriorityGroup, Ticket


def counter_panel(session: Session, counter_number: int) -> dict[str, Any]:
    """What a counter's queue panel shows: the counter as ``queue.status()`` has it, its current ticket with
    the details an officer needs, the waiting counts per service and the other counters (for a transfer)."""
    status = queue.status(session)
    me = next((c for c in status["counters"] if c["number"] == counter_number), None)
    current = None
    if me is not None and me["current"] is not None:
        ticket = session.get(Ticket, me["current"]["ticket_id"])
        group = session.get(PriorityGroup, ticket.priority_group) if ticket.priority_group else None
        names = {s["code"]: s["name"] for s in status["services"]}
        current = {
            "ticket_id": ticket.id,
            "number": ticket.number,
            "service": ticket.service_code,
            "service_name": names.get(ticket.service_code, ticket.service_code),
            "priority_name": group.name if group is not None else "",
            "call_count": ticket.call_count,
            "dossiers": list(ticket.dossier_codes or []),
        }
    return {
        "counter": counter_number,
        "known": me is not None,
        "paused": bool(me and me["paused"]),
        "pause_reason": (me or {}).get("pause_reason") or "",
        "services_here": (me or {}).get("services") or [],
        "current": current,
        "services": status["services"],
        "counters": [{"number": c["number"], "name": c["name"]} for c in status["counters"]],
    }
