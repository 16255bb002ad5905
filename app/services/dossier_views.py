"""Plain JSON views of dossiers for the command line, the windows and the printing data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app import lifecycle
from app.store.models import (
    Department,
    Dossier,
    DossierParty,
)
from app.store.models_fees import FeePayment, FeePaymentItem
from app.workcal import format_local

# --- JSON views ----------------------------------------------------------------------------------


def party_json(p: DossierParty | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "full_name": p.full_name,
        "id_number": p.id_number,
        "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else None,
        "phone": p.phone,
        "address": p.address,
        "email": p.email,
    }


def _iso(value: datetime | None) -> str | None:
    return format_local(value) if value else None


def summary_json(d: Dossier) -> dict[str, Any]:
    parties = {p.role: p for p in d.parties}
    return {
        "id": str(d.id),
        "code": d.code,
        "status": d.status,
        "status_code": lifecycle.STATUS_CODES[d.status],
        "received_at": _iso(d.received_at),
        "due_at": _iso(d.due_at),
        "procedure": {"code": d.procedure.code, "name": d.procedure.name},
        "applicant": parties["applicant"].full_name if "applicant" in parties else None,
    }


def dossier_json(d: Dossier) -> dict[str, Any]:
    parties = {p.role: p for p in d.parties}
    return {
        **summary_json(d),
        "version": d.version,
        "code_issuer": d.code_issuer,
        "department": d.department.name if d.department else None,
        "applicant": party_json(parties.get("applicant")),
        "submitter": party_json(parties.get("submitter")),
        "applicant_type": d.applicant_type,
        "channel": d.channel,
        "delivery": d.delivery,
        "sets": d.sets,
        "note": d.note,
        "clock_started_at": _iso(d.clock_started_at),
        "original_due_at": _iso(d.original_due_at),
        "handover_due_at": _iso(d.handover_due_at),
        "transferred_at": _iso(d.transferred_at),
        "decided_at": _iso(d.decided_at),
        "returned_at": _iso(d.returned_at),
        "officer": d.officer,
        "counter": d.counter,
        "register": {"book": d.register_book, "entry": d.register_entry},
        "apology_count": d.apology_count,
        "allowed_actions": lifecycle.allowed_actions(d.status, apology_count=d.apology_count, refused_at_intake=d.refused_at_intake),
        "documents": [
            {
                "item": doc.item_code,
                "name": doc.name,
                "originals": doc.originals,
                "certified_copies": doc.certified_copies,
                "photocopies": doc.photocopies,
                "required": doc.required,
                "alternative_group": doc.alternative_group,
            }
            for doc in d.documents
        ],
        "fees": _fees_json(d),
        "events": [
            {
                "kind": e.kind,
                "status": e.status,
                "occurred_at": _iso(e.occurred_at),
                "recorded_at": _iso(e.recorded_at),
                "actor": e.actor,
                "note": e.note,
                "department": e.department,
                "data": e.data or {},
            }
            for e in d.events
        ],
    }


def _fees_json(d: Dossier) -> list[dict[str, Any]]:
    """The dossier's fees; ``entered_amount``: for a fee the catalog does not price, the amount typed when it
    was paid (by the valid payment; it is never written into the fee itself), else None."""
    typed: dict[int, int] = {}
    if any(f.amount is None and f.status == "paid" for f in d.fees):
        session = object_session(d)
        if session is not None:
            typed = dict(session.execute(
                select(FeePaymentItem.dossier_fee_id, FeePaymentItem.gross)
                .join(FeePayment, FeePayment.id == FeePaymentItem.payment_id)
                .where(FeePayment.dossier_id == d.id, FeePayment.state == "valid")).all())
    return [
        {"name": f.name, "kind": f.kind, "amount": f.amount, "quantity": f.quantity, "status": f.status,
         "entered_amount": typed.get(f.id) if f.amount is None else None}
        for f in d.fees
    ]


def department_names(session: Session) -> list[str]:
    return list(session.scalars(select(Department.name).where(Department.active.is_(True)).order_by(Department.name)))
