"""The kiosk's use cases: the services on offer, a ticket for a citizen, the look-up of a dossier by the
code on its appointment slip. Plain values in and out: the kiosk screen holds no ORM object and runs no
query of its own.

Which thread: the kiosk's store thread. Failures: ``queue.issue``'s (NotFoundError for an unknown service
or group); the look-up answers None for a code it does not know.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import NotFoundError
from app.services import center, dossiers, queue
from app.workcal import to_local

# Dossier states still on their way (a result due date applies; "late" when it has passed).
OPEN_STATES = ("received", "processing", "payment_requested")


def choices(session: Session) -> dict[str, Any]:
    """The center's name, the active services and the priority groups, in the kiosk's order."""
    return {
        "center_name": center.get(session, "center.name"),
        "services": [{"code": s.code, "name": s.name} for s in queue.services(session)],
        "groups": [{"code": g.code, "name": g.name} for g in queue.priority_groups(session)],
    }


def issue_ticket(session: Session, actor: Actor, service: str, priority: str | None = None) -> dict[str, Any]:
    """Issue a ticket; everything the ticket screen and the printed ticket show, with the estimated wait the
    queue computes (``queue.estimate_wait``: people ahead × today's average service time ÷ open counters)."""
    actor.require("queue.issue")  # queue.issue checks it too; said here so the kiosk's own door is plain
    ticket = queue.issue(session, actor, service, priority=priority)
    groups = {g.code: g.name for g in queue.priority_groups(session)} if priority else {}
    return {
        "number": ticket.number,
        "service": ticket.service,
        "service_name": ticket.service_name,
        "waiting_ahead": ticket.waiting_ahead,
        "estimated_wait_minutes": ticket.estimated_wait_minutes,
        "issued_at": ticket.issued_at,
        "day": queue.local_day(ticket.issued_at).isoformat(),
        "priority": priority,
        "priority_name": groups.get(priority or "", ""),
        "center_name": center.get(session, "center.name"),
    }


def candidate_codes(scanned: str) -> list[str]:
    """The dossier codes a scan (or typed text) may hold: the text itself, or, for a look-up URL, its query
    values and last path segment (``print.qr_template`` may wrap the code in an address)."""
    text = scanned.strip()
    out = [text] if text else []
    if "://" not in text and "?" not in text:
        if text.upper() != text:
            out.append(text.upper())  # typed on a keyboard in lower case
        return out
    try:
        parts = urlsplit(text)
    except ValueError:
        return out
    out += [value.strip() for _key, value in parse_qsl(parts.query) if value.strip()]
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if segment:
        out.append(segment)
    return list(dict.fromkeys(out))


def look_up(session: Session, scanned: str, *, now: datetime | None = None) -> dict[str, Any] | None:
    """The public state of the dossier a code names (no personal data): its status, procedure, the
    department holding it, the due date, whether it is late, when it was handed back. None: no such dossier."""
    now = now or datetime.now(timezone.utc)
    for code in candidate_codes(scanned):
        try:
            dossier = dossiers.get_dossier(session, code)
        except NotFoundError:
            continue
        due = dossier.due_at
        return {
            "status": dossier.status,
            "procedure": dossier.procedure.name if dossier.procedure else "",
            "department": dossier.department.name if dossier.department else "",
            "due": to_local(due).strftime("%d/%m/%Y") if due else "",
            "late": bool(due and due < now and dossier.status in OPEN_STATES),
            "returned": to_local(dossier.returned_at).strftime("%d/%m/%Y") if dossier.returned_at else "",
        }
    return None
