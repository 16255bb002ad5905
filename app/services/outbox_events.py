"""Domain events for the outbox: what happened to a dossier, in our own terms.

The outbox keeps these (schema ``dossier.event/1``), never a province's wire format: ``sync/`` renders them
into the national contract at send time, so a change of the contract or a second province's adapter never
strands pending rows. Each event carries a snapshot of the dossier as it stood right after the change (so a
later change cannot alter what an earlier item says), the dossier's stable id, and the event's sequence number
in the dossier's history (its version: the outbox row's ``aggregate_version``).

Pure functions of rows; called by services inside their transaction. Times are ISO 8601 UTC strings.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.actors import Actor
    from app.store.models import Dossier, DossierEvent

SCHEMA = "dossier.event/1"
EVENT_KIND = "dossier.event"


def iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    return value.isoformat()


def _get(row: Any, name: str, default: Any = None) -> Any:
    return row.get(name, default) if isinstance(row, dict) else getattr(row, name, default)


def dossier_snapshot(d: Dossier, *, rows: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """``rows``: the parties, documents and fees as plain dicts when they were just inserted without ORM
    objects (intake), so that building the snapshot does not read them back."""
    parties = rows["parties"] if rows else d.parties
    documents = rows["documents"] if rows else d.documents
    fees = rows["fees"] if rows else d.fees
    return {
        "id": str(d.id),
        "code": d.code,
        "procedure": {"code": d.procedure.code, "name": d.procedure.name, "field": d.procedure.field},
        "channel": d.channel,
        "applicant_type": d.applicant_type,
        "delivery": d.delivery,
        "status": d.status,
        "department": d.department.name if d.department else None,
        "note": d.note,
        "received_at": iso(d.received_at),
        "clock_started_at": iso(d.clock_started_at),
        "due_at": iso(d.due_at),
        "original_due_at": iso(d.original_due_at),
        "decided_at": iso(d.decided_at),
        "returned_at": iso(d.returned_at),
        "parties": [
            {k: (iso(_get(p, k)) if k == "date_of_birth" else _get(p, k))
             for k in ("role", "full_name", "id_number", "date_of_birth", "phone", "address", "email")}
            for p in parties
        ],
        "documents": [
            {k: _get(doc, k) for k in ("item_code", "name", "originals", "certified_copies", "photocopies")}
            for doc in documents
        ],
        "fees": [
            {"name": _get(f, "name"), "kind": _get(f, "kind"), "collection": _get(f, "collection", "before"),
             "amount": _get(f, "amount")}
            for f in fees
        ],
    }


def event_snapshot(e: DossierEvent, actor: Actor) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "kind": e.kind,
        "status": e.status,
        "occurred_at": iso(e.occurred_at),
        "department": e.department,
        "note": e.note,
        # the first of the actor's roles (most general first): the province's "ChucDanh" takes one
        "actor": {"username": actor.username, "display_name": actor.display_name, "role": (actor.role.split() or [""])[0]},
    }


def dossier_event(d: Dossier, e: DossierEvent, actor: Actor, *, rows=None) -> dict[str, Any]:
    return {"schema": SCHEMA, "dossier": dossier_snapshot(d, rows=rows), "event": event_snapshot(e, actor)}


ONLINE_SUPPLEMENT_SCHEMA = "online.supplement/1"
ONLINE_KIND = "online.supplement"


def online_supplement_event(province_code: str, data: dict[str, Any], reason: str, by: dict[str, Any],
                            at: datetime) -> dict[str, Any]:
    """An officer asked the applicant of an online dossier (not received here) for a supplement: the
    province's online record goes to "supplement requested" by push."""
    return {"schema": ONLINE_SUPPLEMENT_SCHEMA, "online": {
        "code": province_code, "procedure_code": (data.get("intake") or {}).get("procedure_code"),
        "registered_at": data.get("NgayTiepNhan"), "reason": reason, "at": iso(at),
        "actor": by}}
