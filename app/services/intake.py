"""Tiếp nhận: receiving a dossier (one unit of work inside the caller's ``store.write()`` session).

Which thread: any worker thread; never the GUI thread. Failures: ``ValidationError`` and subclasses.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.orm import Session

from app.actors import Actor
from app.codes import get_issuer
from app.errors import RuleError, ValidationError
from app.services import center
from app.services.audit import audit
from app.services.calendar import load_calendar
from app.services.catalog import procedure_for_intake
from app.services.dossier_events import add_event, now_utc
from app.services.dossier_input import ON_MISSING, IntakeRequest, PartyInput
from app.services.dossier_rules import checklist, compute_due, handover_deadline, missing_text
from app.store.models import (
    Dossier,
    DossierDocument,
    DossierFee,
    DossierParty,
)
from app.store.sequences import next_value
from app.text import fold
from app.workcal import format_local, to_local


def _search_keys(dossier: Dossier, applicant: PartyInput, submitter: PartyInput | None) -> None:
    names = [applicant.full_name] + ([submitter.full_name] if submitter else [])
    dossier.search_name = " ".join(fold(n) for n in names)
    dossier.search_id_number = applicant.id_number
    dossier.search_phone = applicant.phone


def _check_backdate(at: datetime, now: datetime, settings: dict) -> None:
    """A dossier taken on paper while the station was down is entered later, within a window: not
    before the center's first day, not more than ``intake.backdate_max_days`` back."""
    day = to_local(at).date()
    max_days = int(settings.get("intake.backdate_max_days") or 0)
    earliest = to_local(now).date() - timedelta(days=max(max_days, 0))
    opened = settings.get("center.opened_on")
    if opened:
        try:
            earliest = max(earliest, date.fromisoformat(str(opened)))
        except ValueError:
            pass  # a malformed setting must not block the counter; the window still applies
    if day < earliest:
        raise ValidationError("received_at_too_early", earliest=earliest.isoformat(), max_days=max_days)


def receive(
    session: Session,
    actor: Actor,
    req: IntakeRequest,
    *,
    received_at: datetime | None = None,
    on_missing: str = "reject",
    reason: str | None = None,
    refuse: bool = False,
    now: datetime | None = None,
) -> Dossier:
    """Tiếp nhận: record a dossier, compute its appointment, issue its code (never without the slip).

    ``refuse``: the applicant is not eligible; the dossier is recorded as refused at intake (form 03)
    whether or not papers are missing (``on_missing="refuse"`` covers only the missing-papers case).
    """
    actor.require("dossier.receive")
    if on_missing not in ON_MISSING:
        raise ValidationError("on_missing_invalid", allowed=', '.join(ON_MISSING))
    now = now_utc(now)
    at = now if received_at is None else received_at.astimezone(timezone.utc)
    if at > now + timedelta(minutes=1):
        raise ValidationError("received_in_future")
    settings = center.get_all(session)
    if received_at is not None:
        _check_backdate(at, now, settings)
    procedure, items, procedure_fees = procedure_for_intake(session, req.procedure_code)
    if not procedure.active:
        raise RuleError("procedure_inactive", code=procedure.code)
    rows, missing = checklist(items, req.documents, procedure.code)
    status = "received"
    if refuse:
        if not (reason and reason.strip()):
            raise ValidationError("refusal_reason_required")
        status = "refused"
    elif missing:
        if on_missing == "reject":
            raise RuleError("documents_missing", missing=missing_text(missing))
        status = "supplement_requested" if on_missing == "request-supplement" else "refused"
        if status == "refused" and not (reason and reason.strip()):
            raise ValidationError("refusal_reason_required")
    calendar = load_calendar(session, settings=settings)
    agency = settings["center.agency_id"]
    if not agency:
        raise RuleError("agency_id_missing")
    local_day = to_local(at).date()
    code = get_issuer(settings["center.code_issuer"]).issue(session, agency=agency, local_day=local_day)
    dossier = Dossier(
        id=uuid.uuid4(),
        code=code,
        code_issuer=settings["center.code_issuer"],
        procedure=procedure,
        department=procedure.department,
        status=status,
        applicant_type=req.applicant_type,
        channel=req.channel,
        delivery=req.delivery,
        sets=req.sets,
        note=req.note,
        received_at=at,
        officer=actor.username,
        counter=actor.counter,
        register_book=str(local_day.year),
        register_entry=next_value(session, f"register:{agency}:{local_day.year}"),
        serial=next_value(session, "dossier_serial"),
        events=[],
    )
    _search_keys(dossier, req.applicant, req.submitter)
    # The child rows go in as three plain multi-row INSERTs after the dossier's own (see below): the ORM
    # would insert them one by one to learn their ids, which is most of an intake's time on SQLite.
    party_rows = [{"dossier_id": dossier.id, "role": "applicant", **req.applicant.__dict__}]
    if req.submitter is not None:
        party_rows.append({"dossier_id": dossier.id, "role": "submitter", **req.submitter.__dict__})
    document_rows = [
        {"dossier_id": dossier.id, "position": i, "item_code": row.item.code, "name": row.item.name,
         "originals": row.originals, "certified_copies": row.certified_copies, "photocopies": row.photocopies,
         "required": row.item.required, "alternative_group": row.item.alternative_group}
        for i, row in enumerate(rows, start=1)
    ]
    fee_rows = [
        {"dossier_id": dossier.id, "position": i, "name": f.name, "kind": f.kind, "amount": f.amount, "quantity": 1,
         "collection": "before", "method": None, "status": "waiting", "paid_at": None, "version": 1}
        for i, f in enumerate(procedure_fees, start=1)
    ]
    if status == "received":
        dossier.clock_started_at = calendar.effective_start(at, procedure.after_15h_next_day)
        due = compute_due(calendar, procedure, at)
        if due is None:
            if req.due_at is None:
                raise RuleError("due_required", code=procedure.code)
            due = req.due_at
        elif req.due_at is not None and req.due_at != due:
            raise RuleError("due_not_allowed")
        if due < at:
            raise RuleError("due_before_received")
        dossier.due_at = due.astimezone(timezone.utc)
        if req.channel == "in_person":
            dossier.handover_due_at = handover_deadline(calendar, at, settings["handover.rounds"])
    elif status == "supplement_requested":
        dossier.status_before_supplement = "received"
    else:
        dossier.refused_at_intake = True
        dossier.decided_at = at
    session.add(dossier)
    session.flush()
    connection = session.connection()
    connection.execute(DossierParty.__table__.insert(), party_rows)
    if document_rows:  # a procedure may have no checklist (an empty multi-row insert is an insert of defaults)
        connection.execute(DossierDocument.__table__.insert(), document_rows)
    if fee_rows:
        connection.execute(DossierFee.__table__.insert(), fee_rows)
    # The caller reads the children back when it needs them (one read each, on first access).
    session.expire(dossier, ["parties", "documents", "fees"])
    inserted = {"parties": party_rows, "documents": document_rows, "fees": fee_rows}
    backdated = received_at is not None
    add_event(
        session, dossier, actor, "received", at=at, recorded_at=now, note=req.note, status="received",
        rows=inserted, backdated=backdated or None,
    )
    if status == "supplement_requested":
        add_event(
            session, dossier, actor, "supplement_requested", at=at, recorded_at=now, note=reason, rows=inserted,
            items=[{"code": d.code, "name": d.name} for d in missing], at_intake=True,
        )
    elif status == "refused":
        add_event(session, dossier, actor, "refused", at=at, recorded_at=now, note=reason, rows=inserted,
                   at_intake=True, missing=[d.code for d in missing])
    if backdated:
        audit(session, actor, "dossier.backdated", code, received_at=format_local(at))
    session.flush()
    return dossier
