"""The life of a dossier after intake: each action checks the actor's role and the state machine
(``app.lifecycle``), changes the dossier, appends the history event and writes the outbox row, all in the
caller's transaction. Which thread: any worker thread. Failures: ``ValidationError`` and subclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy.orm import Session

from app import lifecycle
from app.actors import Actor
from app.errors import NotFoundError, RuleError, StaleVersionError, ValidationError
from app.services import center
from app.services.audit import audit
from app.services.calendar import load_calendar
from app.services.catalog import department_by_name
from app.services.dossier_events import add_event, get_dossier, now_utc
from app.services.dossier_input import DocumentInput, PartyInput, parse_count, parse_party
from app.services.dossier_rules import compute_due, handover_deadline, is_working_instant, match_item
from app.services.dossier_views import party_json
from app.store.models import (
    Dossier,
    DossierDocument,
    DossierParty,
)
from app.text import digits_only, fold, nfc
from app.workcal import format_local


@dataclass
class ActionInput:
    reason: str | None = None
    items: list[str] | None = None
    new_due: datetime | None = None
    to: str | None = None  # department (transfer) or the collector's name (return)
    collector_id: str | None = None
    tracking: str | None = None
    department: str | None = None
    at: datetime | None = None
    changes: dict[str, Any] | None = None  # correct: {"applicant": {...}, "submitter": {...}, "documents": [...]}
    expected_version: int | None = None


# Each lifecycle action is guarded by the permission of its name (``app.permissions``).
ACTION_PERMISSIONS = {
    action: f"dossier.{action}"
    for action in ("transfer", "request_supplement", "supplement_complete", "finish", "refuse", "request_payment",
                   "stop", "withdraw", "apologize", "return", "correct", "cancel")
}


def act(session: Session, actor: Actor, code: str, action: str, args: ActionInput, *, now: datetime | None = None) -> Dossier:
    """Run one lifecycle action on a dossier (see ``app.lifecycle.ACTIONS``)."""
    action = action.replace("-", "_")
    if action not in ACTION_PERMISSIONS:
        raise ValidationError("action_unknown", action=action)
    actor.require(ACTION_PERMISSIONS[action])
    now = now_utc(now)
    dossier = get_dossier(session, code, lock=True)
    if args.expected_version is not None and dossier.version != args.expected_version:
        raise StaleVersionError("stale_dossier", code=dossier.code)
    spec = lifecycle.check(action, dossier.status)
    last = dossier.events[-1].occurred_at if dossier.events else dossier.received_at
    # Another station's clock may run ahead of this one: history stays in time order.
    at = max(now, last)
    if args.at is not None:
        at = args.at.astimezone(timezone.utc)
        if at < last or at > now + timedelta(minutes=1):
            raise ValidationError("backdate_out_of_range", last=format_local(last))
        audit(session, actor, "dossier.backdated_event", dossier.code, dossier_action=action, at=format_local(at))
    reason = nfc(args.reason) if args.reason else None
    handler = _HANDLERS[action]
    handler(session, actor, dossier, spec, args, at=at, now=now, reason=reason)
    session.flush()
    return dossier


def _need(reason: str | None, what: str) -> str:
    if not reason:
        raise ValidationError("reason_required", what=what)
    return reason


def _transfer(session, actor, dossier, spec, args, *, at, now, reason):
    target = args.department or args.to
    dept = dossier.department
    if target:
        dept = department_by_name(session, target)
        if dept is None:
            raise NotFoundError("department_not_found", name=target)
    if dept is None:
        raise RuleError("department_missing", code=dossier.procedure.code)
    dossier.department = dept
    dossier.status = spec.to
    dossier.transferred_at = dossier.transferred_at or at
    add_event(session, dossier, actor, "transferred", at=at, recorded_at=now, note=reason, to=dept.name)


def _request_supplement(session, actor, dossier, spec, args, *, at, now, reason):
    items = args.items or []
    if not items:
        raise ValidationError("supplement_items_required")
    listed = []
    for key in items:
        try:
            item = match_item(dossier.procedure.documents, key, dossier.procedure.code)
            listed.append({"code": item.code, "name": item.name})
        except ValidationError:
            listed.append({"code": None, "name": nfc(key)})  # a paper not in the checklist
    again = dossier.status == "supplement_requested"
    late = None
    if not again:
        dossier.status_before_supplement = dossier.status
        if dossier.clock_started_at is not None:
            calendar = load_calendar(session)
            limit = calendar.add_working_time(
                dossier.clock_started_at, timedelta(hours=calendar.hours.hours_per_day * dossier.procedure.supplement_notice_days)
            )
            late = at > limit
            dossier.supplement_late = late
        dossier.status = spec.to
        dossier.due_at = None  # the clock stops; it restarts from zero when the dossier is complete
    add_event(
        session, dossier, actor, "supplement_requested", at=at, recorded_at=now, note=_need(reason, "a supplement request"),
        items=listed, again=again or None, late=late or None, previous_due=None,
    )


def _supplement_complete(session, actor, dossier, spec, args, *, at, now, reason):
    calendar = load_calendar(session)
    dossier.status = dossier.status_before_supplement or "received"
    dossier.status_before_supplement = None
    dossier.clock_started_at = calendar.effective_start(at, dossier.procedure.after_15h_next_day)
    due = compute_due(calendar, dossier.procedure, at)
    if due is None:
        if args.new_due is None:
            raise RuleError("supplement_due_required")
        due = args.new_due
    dossier.due_at = due.astimezone(timezone.utc)
    dossier.supplement_late = False
    if dossier.status == "received" and dossier.channel == "in_person":
        dossier.handover_due_at = handover_deadline(calendar, at, center.get(session, "handover.rounds"))
    add_event(session, dossier, actor, "supplement_completed", at=at, recorded_at=now, note=reason,
               due_at=format_local(dossier.due_at))


def _simple(kind: str, *, needs_reason: str | None = None):
    def handler(session, actor, dossier, spec, args, *, at, now, reason):
        if needs_reason:
            _need(reason, needs_reason)
        dossier.status = spec.to
        if kind in ("finished", "refused"):
            dossier.decided_at = at
        add_event(session, dossier, actor, kind, at=at, recorded_at=now, note=reason)

    return handler


def _apologize(session, actor, dossier, spec, args, *, at, now, reason):
    if dossier.apology_count >= 1:
        raise RuleError("apology_once")
    _need(reason, "an apology")
    if args.new_due is None:
        raise ValidationError("apology_due_required")
    if dossier.due_at is None:
        raise RuleError("apology_no_due")
    calendar = load_calendar(session)
    new_due = args.new_due.astimezone(timezone.utc)
    if new_due <= dossier.due_at:
        raise RuleError("apology_due_not_later", due=format_local(dossier.due_at))
    if not is_working_instant(calendar, new_due):
        raise RuleError("apology_due_off_hours", due=format_local(new_due))
    late = at > dossier.due_at - timedelta(days=1)
    dept = dossier.department
    dossier.original_due_at = dossier.due_at
    dossier.due_at = new_due
    dossier.apology_count += 1
    add_event(
        session, dossier, actor, "apologized", at=at, recorded_at=now, note=reason,
        previous_due=format_local(dossier.original_due_at), new_due=format_local(new_due), late=late or None,
        signer=dept.head_name if dept else None, signer_title=dept.head_title if dept else None,
    )


def _return(session, actor, dossier, spec, args, *, at, now, reason):
    if dossier.status == "refused" and dossier.refused_at_intake:
        raise RuleError("return_refused_at_intake")
    data: dict[str, Any] = {}
    if dossier.delivery == "post" or args.tracking:
        if not args.tracking:
            raise ValidationError("return_tracking_required")
        data["tracking"] = args.tracking.strip()
        data["method"] = "post"
    else:
        collector = digits_only(args.collector_id or "")
        if len(collector) not in (9, 12):
            raise ValidationError("return_collector_required")
        data["collector_id"] = collector
        data["collector_name"] = nfc(args.to) if args.to else None
        data["method"] = "counter"
    dossier.status = spec.to
    dossier.returned_at = at
    add_event(session, dossier, actor, "returned", at=at, recorded_at=now, note=reason, **data)


def _correct(session, actor, dossier, spec, args, *, at, now, reason):
    _need(reason, "a correction")
    changes = _check_changes(args.changes or {})
    old: dict[str, Any] = {}
    parties = {p.role: p for p in dossier.parties}
    applicant = parties["applicant"]
    new_applicant = PartyInput(applicant.full_name, applicant.id_number, applicant.date_of_birth, applicant.phone, applicant.address, applicant.email)
    submitter = parties.get("submitter")
    new_submitter = (
        PartyInput(submitter.full_name, submitter.id_number, submitter.date_of_birth, submitter.phone, submitter.address, submitter.email)
        if submitter
        else None
    )
    if "applicant" in changes:
        merged = {**new_applicant.__dict__, **{k: v for k, v in changes["applicant"].items()}}
        merged["date_of_birth"] = merged["date_of_birth"].isoformat() if isinstance(merged["date_of_birth"], date) else merged["date_of_birth"]
        old["applicant"] = party_json(applicant)
        new_applicant = parse_party(merged, "applicant")
    if "submitter" in changes:
        old["submitter"] = party_json(submitter) if submitter else None
        new_submitter = parse_party(changes["submitter"], "submitter") if changes["submitter"] else None
    # Replace the parties in place (same rows), so the history keeps the old values in the event only.
    applicant_row = parties["applicant"]
    for key, value in new_applicant.__dict__.items():
        setattr(applicant_row, key, value)
    if new_submitter is None and submitter is not None:
        dossier.parties.remove(submitter)
    elif new_submitter is not None:
        if submitter is None:
            dossier.parties.append(DossierParty(role="submitter", **new_submitter.__dict__))
        else:
            for key, value in new_submitter.__dict__.items():
                setattr(submitter, key, value)
    names = [new_applicant.full_name] + ([new_submitter.full_name] if new_submitter else [])
    dossier.search_name = " ".join(fold(n) for n in names)
    dossier.search_id_number = new_applicant.id_number
    dossier.search_phone = new_applicant.phone
    if "documents" in changes:
        docs = [
            DocumentInput(str(d["item"]), parse_count(d.get("originals"), f"documents[{i}].originals"),
                          parse_count(d.get("certified_copies"), f"documents[{i}].certified_copies"),
                          parse_count(d.get("photocopies"), f"documents[{i}].photocopies"))
            for i, d in enumerate(changes["documents"], start=1)
        ]
        by_code = {d.item_code: d for d in dossier.documents}
        old["documents"] = []
        for doc in docs:
            item = match_item(dossier.procedure.documents, doc.item, dossier.procedure.code)
            row = by_code.get(item.code)
            if row is None:  # an item the catalog gained after this dossier was received
                row = DossierDocument(position=len(dossier.documents) + 1, item_code=item.code, name=item.name,
                                      required=item.required, alternative_group=item.alternative_group)
                dossier.documents.append(row)
                by_code[item.code] = row
            old["documents"].append({"item": row.item_code, "originals": row.originals or 0,
                                     "certified_copies": row.certified_copies or 0, "photocopies": row.photocopies or 0})
            row.originals, row.certified_copies, row.photocopies = doc.originals, doc.certified_copies, doc.photocopies
    if "sets" in changes:
        old["sets"] = dossier.sets
        dossier.sets = parse_count(changes["sets"], "sets") or 1
    add_event(session, dossier, actor, "corrected", at=at, recorded_at=now, note=reason, old=old, reprint=True)


CORRECTABLE = ("applicant", "submitter", "documents", "sets")


def _check_changes(changes: Any) -> dict[str, Any]:
    """The shape of a correction (``--file``): checked before anything is changed."""
    if not isinstance(changes, dict) or not changes:
        raise ValidationError("correction_empty")
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ValidationError("correction_unknown_fields", fields=', '.join(unknown), correctable=', '.join(CORRECTABLE))
    if "applicant" in changes and not isinstance(changes["applicant"], dict):
        raise ValidationError("correction_applicant_not_object")
    if "submitter" in changes and changes["submitter"] is not None and not isinstance(changes["submitter"], dict):
        raise ValidationError("correction_submitter_not_object")
    if "documents" in changes:
        docs = changes["documents"]
        if not isinstance(docs, list):
            raise ValidationError("correction_documents_not_list")
        for i, doc in enumerate(docs, start=1):
            if not isinstance(doc, dict) or not str(doc.get("item") or "").strip():
                raise ValidationError("document_item_missing", i=i)
    return changes


def _cancel(session, actor, dossier, spec, args, *, at, now, reason):
    _need(reason, "cancelling a dossier")
    dossier.status = spec.to
    add_event(session, dossier, actor, "cancelled", at=at, recorded_at=now, note=reason)


_HANDLERS = {
    "transfer": _transfer,
    "request_supplement": _request_supplement,
    "supplement_complete": _supplement_complete,
    "finish": _simple("finished"),
    "refuse": _simple("refused", needs_reason="a refusal"),
    "request_payment": _simple("payment_requested", needs_reason="a request for the financial obligation"),
    "stop": _simple("stopped", needs_reason="stopping (the applicant's request)"),
    "withdraw": _simple("withdrawn"),
    "apologize": _apologize,
    "return": _return,
    "correct": _correct,
    "cancel": _cancel,
}
