"""Dossiers: intake and the whole life of a dossier.

Every public function here is one unit of work inside the caller's ``store.write()`` session: it checks
the actor's role and the state machine (``app.lifecycle``), changes the dossier, appends the history
event and writes the outbox row, all in the same transaction. Times are aware datetimes (UTC inside).
Which thread: any worker thread; never the GUI thread. Failures: ``ValidationError`` and subclasses.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import lifecycle
from app.actors import Actor
from app.codes import get_issuer
from app.errors import NotFoundError, RuleError, StaleVersionError, ValidationError
from app.national import dossier_payload, event_payload
from app.services import center
from app.services.audit import audit, enqueue
from app.services.calendar import load_calendar
from app.services.catalog import department_by_name, procedure_for_intake
from app.store.models import (
    Department,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierFee,
    DossierParty,
    Procedure,
    ProcedureDocument,
)
from app.store.sequences import next_value
from app.text import digits_only, fold, nfc
from app.workcal import VN_TZ, WorkCalendar, format_local, to_local

COUNTER_ROLES = ("officer", "director")
APPLICANT_TYPES = ("citizen", "business", "state_body", "other")
CHANNELS = ("in_person", "post", "online")
DELIVERIES = ("counter", "post")
ON_MISSING = ("reject", "request-supplement", "refuse")


# --- input ---------------------------------------------------------------------------------------


@dataclass
class PartyInput:
    full_name: str
    id_number: str | None = None
    date_of_birth: date | None = None
    phone: str | None = None
    address: str | None = None
    email: str | None = None


@dataclass
class DocumentInput:
    item: str  # the catalog item's code, or its name (matched after folding)
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass
class IntakeRequest:
    procedure_code: str
    applicant: PartyInput
    submitter: PartyInput | None = None
    applicant_type: str = "citizen"
    channel: str = "in_person"
    delivery: str = "counter"
    sets: int = 1
    documents: list[DocumentInput] = field(default_factory=list)
    note: str | None = None
    due_at: datetime | None = None  # only for procedures whose catalog entry has no processing time


def _party(data: Any, where: str) -> PartyInput:
    if not isinstance(data, dict):
        raise ValidationError(f"{where}: expected an object")
    name = nfc(str(data.get("full_name") or ""))
    if not name:
        raise ValidationError(f"{where}.full_name is required")
    dob = data.get("date_of_birth")
    if dob:
        try:
            dob = date.fromisoformat(str(dob))
        except ValueError:
            raise ValidationError(f"{where}.date_of_birth: not a date (YYYY-MM-DD): {dob!r}") from None
        if dob > to_local(datetime.now(timezone.utc)).date() or dob.year < 1900:
            raise ValidationError(f"{where}.date_of_birth: {dob} is not a plausible birth date")
    id_number = digits_only(str(data.get("id_number") or "")) or None
    if data.get("id_number") and (id_number is None or len(id_number) not in (9, 12)):
        raise ValidationError(f"{where}.id_number must have 9 or 12 digits")
    phone = str(data.get("phone") or "").strip() or None
    if phone:
        digits = digits_only(phone.replace("+84", "0", 1))
        if not 9 <= len(digits) <= 11:
            raise ValidationError(f"{where}.phone: {phone!r} is not a phone number")
        phone = digits
    email = nfc(str(data.get("email") or "")) or None
    if email and ("@" not in email or " " in email):
        raise ValidationError(f"{where}.email: {email!r} is not an e-mail address")
    return PartyInput(name, id_number, dob or None, phone, nfc(str(data.get("address") or "")) or None, email)


def _count(value: Any, where: str) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError(f"{where} must be a whole number ≥ 0")
    try:
        number = int(value)
    except (ValueError, OverflowError):
        raise ValidationError(f"{where} must be a whole number ≥ 0") from None
    if number < 0 or number != float(value):
        raise ValidationError(f"{where} must be a whole number ≥ 0")
    return number


def parse_intake(data: Any) -> IntakeRequest:
    """Validate the JSON form of an intake (``motcua dossier receive --file``)."""
    if not isinstance(data, dict):
        raise ValidationError("the dossier file must hold a JSON object")
    code = str(data.get("procedure_code") or "").strip()
    if not code:
        raise ValidationError("procedure_code is required")
    req = IntakeRequest(procedure_code=code, applicant=_party(data.get("applicant"), "applicant"))
    if data.get("submitter"):
        req.submitter = _party(data["submitter"], "submitter")
    for key, allowed in (("applicant_type", APPLICANT_TYPES), ("channel", CHANNELS), ("delivery", DELIVERIES)):
        value = data.get(key) or getattr(req, key)
        if value not in allowed:
            raise ValidationError(f"{key} must be one of {', '.join(allowed)}, not {value!r}")
        setattr(req, key, value)
    req.sets = _count(data.get("sets", 1), "sets") or 1
    docs = data.get("documents") or []
    if not isinstance(docs, list):
        raise ValidationError("documents must be a list")
    for i, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict) or not str(doc.get("item") or "").strip():
            raise ValidationError(f"documents[{i}]: needs an 'item' (code or name)")
        req.documents.append(
            DocumentInput(
                str(doc["item"]).strip(),
                _count(doc.get("originals"), f"documents[{i}].originals"),
                _count(doc.get("certified_copies"), f"documents[{i}].certified_copies"),
                _count(doc.get("photocopies"), f"documents[{i}].photocopies"),
            )
        )
    req.note = nfc(str(data.get("note") or "")) or None
    if data.get("due_at"):
        from app.workcal import parse_local

        req.due_at = parse_local(str(data["due_at"]))
    return req


# --- checklist -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistRow:
    item: Any  # ProcedureDocument or catalog.ChecklistItem
    originals: int
    certified_copies: int
    photocopies: int

    @property
    def satisfied(self) -> bool:
        """A better kind stands in for a lesser one: an original for a certified copy or a photocopy."""
        d = self.item
        return (
            self.originals >= d.originals
            and self.originals + self.certified_copies >= d.originals + d.certified_copies
            and self.originals + self.certified_copies + self.photocopies
            >= max(1, d.originals + d.certified_copies + d.photocopies)
        )


def match_item(items, key: str, procedure_code: str):
    """Find a checklist item by code, or by name when the folded name matches exactly one item.

    ``items``: the procedure's document items (ORM rows or ``catalog.ChecklistItem``)."""
    for item in items:
        if item.code.upper() == key.upper():
            return item
    folded = fold(key)
    hits = [item for item in items if fold(item.name) == folded]
    if not hits:
        hits = [item for item in items if folded and folded in fold(item.name)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ValidationError(f"procedure {procedure_code} has no document item {key!r}")
    raise ValidationError(f"document item {key!r} matches several items of {procedure_code}; use its code")


def checklist(items, documents: list[DocumentInput], procedure_code: str) -> tuple[list[ChecklistRow], list]:
    """The rows received (one per catalog item) and the required items still missing."""
    received: dict[str, DocumentInput] = {}
    for doc in documents:
        item = match_item(items, doc.item, procedure_code)
        if item.code in received:
            raise ValidationError(f"document item {item.code} is listed twice")
        received[item.code] = doc
    rows = []
    for item in items:
        doc = received.get(item.code)
        rows.append(ChecklistRow(item, doc.originals if doc else 0, doc.certified_copies if doc else 0, doc.photocopies if doc else 0))
    missing: list = []
    groups: dict[str, list[ChecklistRow]] = {}
    for row in rows:
        if row.item.alternative_group:
            groups.setdefault(row.item.alternative_group, []).append(row)
        elif row.item.required and not row.satisfied:
            missing.append(row.item)
    for members in groups.values():
        if any(r.item.required for r in members) and not any(r.satisfied for r in members):
            missing.extend(r.item for r in members if r.item.required)
    return rows, missing


def missing_text(missing: list[ProcedureDocument]) -> str:
    return "; ".join(f"{d.code} {d.name}" for d in missing)


# --- computing dates -----------------------------------------------------------------------------


def compute_due(calendar: WorkCalendar, procedure: Procedure, start: datetime) -> datetime | None:
    if procedure.time_amount is None and procedure.time_unit != "same_day":
        return None
    amount = float(procedure.time_amount or 0)
    return calendar.due(start, amount, procedure.time_unit, after_15h_next_day=procedure.after_15h_next_day)


def handover_deadline(calendar: WorkCalendar, received: datetime, rounds: list[str]) -> datetime:
    """Decree 61 art. 18: same working day, or the start of the next one when received after 15:00."""
    local = to_local(received)
    day = local.date()
    periods = calendar.periods_on(day)
    if periods and local.time().hour < 15 and local <= periods[-1][1]:
        return periods[-1][1]
    nxt = calendar.next_working_day(day)
    first = calendar.periods_on(nxt)[0][0]
    if rounds:
        hh, mm = (int(x) for x in sorted(rounds)[0].split(":"))
        return max(first, datetime(nxt.year, nxt.month, nxt.day, hh, mm, tzinfo=VN_TZ))
    return first


def is_working_instant(calendar: WorkCalendar, when: datetime) -> bool:
    local = to_local(when)
    return any(start <= local <= end for start, end in calendar.periods_on(local.date()))


# --- the unit of work ----------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc)


def _add_event(
    session: Session,
    dossier: Dossier,
    actor: Actor,
    kind: str,
    *,
    at: datetime,
    recorded_at: datetime,
    note: str | None = None,
    status: str | None = None,
    rows: dict[str, list[dict[str, Any]]] | None = None,
    **data: Any,
) -> DossierEvent:
    seq = len(dossier.events) + 1
    event = DossierEvent(
        dossier_id=dossier.id,
        seq=seq,
        kind=kind,
        status=status or dossier.status,
        occurred_at=at,
        recorded_at=recorded_at,
        actor=actor.username,
        department=dossier.department.name if dossier.department else None,
        note=note,
        data={k: v for k, v in data.items() if v is not None},
    )
    session.add(event)
    dossier.events.append(event)
    dossier.updated_at = recorded_at
    enqueue(
        session,
        "dossier.event",
        str(dossier.id),
        f"{dossier.id}:{seq}",
        {"dossier": dossier_payload(dossier, rows=rows), "history": event_payload(dossier, event, actor)},
    )
    return event


def _search_keys(dossier: Dossier, applicant: PartyInput, submitter: PartyInput | None) -> None:
    names = [applicant.full_name] + ([submitter.full_name] if submitter else [])
    dossier.search_name = " ".join(fold(n) for n in names)
    dossier.search_id_number = applicant.id_number
    dossier.search_phone = applicant.phone


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
    actor.require(COUNTER_ROLES)
    if on_missing not in ON_MISSING:
        raise ValidationError(f"--on-missing must be one of {', '.join(ON_MISSING)}")
    now = _now(now)
    at = now if received_at is None else received_at.astimezone(timezone.utc)
    if at > now + timedelta(minutes=1):
        raise ValidationError("the time received cannot be in the future")
    procedure, items, procedure_fees = procedure_for_intake(session, req.procedure_code)
    if not procedure.active:
        raise RuleError(f"procedure {procedure.code} is no longer offered")
    rows, missing = checklist(items, req.documents, procedure.code)
    status = "received"
    if refuse:
        if not (reason and reason.strip()):
            raise ValidationError("a refusal needs a reason (--reason)")
        status = "refused"
    elif missing:
        if on_missing == "reject":
            raise RuleError(
                "required documents missing: " + missing_text(missing)
                + " (request a supplement or refuse instead)"
            )
        status = "supplement_requested" if on_missing == "request-supplement" else "refused"
        if status == "refused" and not (reason and reason.strip()):
            raise ValidationError("a refusal needs a reason (--reason)")
    settings = center.get_all(session)
    calendar = load_calendar(session, settings=settings)
    agency = settings["center.agency_id"]
    if not agency:
        raise RuleError("the center's agency identifier is not configured (center.agency_id)")
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
                raise RuleError(
                    f"procedure {procedure.code} has no processing time in the catalog; give the appointment (due_at)"
                )
            due = req.due_at
        elif req.due_at is not None and req.due_at != due:
            raise RuleError("the appointment is computed from the catalog; due_at may only be given when it has no processing time")
        if due < at:
            raise RuleError("the appointment cannot be before the time received")
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
    _add_event(
        session, dossier, actor, "received", at=at, recorded_at=now, note=req.note, status="received",
        rows=inserted, backdated=backdated or None,
    )
    if status == "supplement_requested":
        _add_event(
            session, dossier, actor, "supplement_requested", at=at, recorded_at=now, note=reason, rows=inserted,
            items=[{"code": d.code, "name": d.name} for d in missing], at_intake=True,
        )
    elif status == "refused":
        _add_event(session, dossier, actor, "refused", at=at, recorded_at=now, note=reason, rows=inserted,
                   at_intake=True, missing=[d.code for d in missing])
    if backdated:
        audit(session, actor, "dossier.backdated", code, received_at=format_local(at))
    session.flush()
    return dossier


def get_dossier(session: Session, code: str, *, lock: bool = False) -> Dossier:
    def find(value: str):
        stmt = select(Dossier).where(Dossier.code == value)
        if lock and session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(of=Dossier)
        return session.scalar(stmt)

    dossier = find(code.strip())
    if dossier is None and code.strip().upper() != code.strip():
        dossier = find(code.strip().upper())
    if dossier is None:
        raise NotFoundError(f"no dossier with code {code!r}")
    return dossier


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


ACTION_ROLES = {
    "transfer": COUNTER_ROLES,
    "request_supplement": COUNTER_ROLES,
    "supplement_complete": COUNTER_ROLES,
    "finish": COUNTER_ROLES,
    "refuse": COUNTER_ROLES,
    "request_payment": COUNTER_ROLES,
    "stop": COUNTER_ROLES,
    "withdraw": COUNTER_ROLES,
    "apologize": COUNTER_ROLES,
    "return": COUNTER_ROLES,
    "correct": COUNTER_ROLES,
    "cancel": ("director", "officer"),
}


def act(session: Session, actor: Actor, code: str, action: str, args: ActionInput, *, now: datetime | None = None) -> Dossier:
    """Run one lifecycle action on a dossier (see ``app.lifecycle.ACTIONS``)."""
    action = action.replace("-", "_")
    if action not in ACTION_ROLES:
        raise ValidationError(f"unknown action {action!r}")
    actor.require(ACTION_ROLES[action])
    now = _now(now)
    dossier = get_dossier(session, code, lock=True)
    if args.expected_version is not None and dossier.version != args.expected_version:
        raise StaleVersionError(f"dossier {dossier.code}")
    spec = lifecycle.check(action, dossier.status)
    last = dossier.events[-1].occurred_at if dossier.events else dossier.received_at
    # Another station's clock may run ahead of this one: history stays in time order.
    at = max(now, last)
    if args.at is not None:
        at = args.at.astimezone(timezone.utc)
        if at < last or at > now + timedelta(minutes=1):
            raise ValidationError(
                f"--at must lie between the dossier's last event ({format_local(last)}) and now"
            )
        audit(session, actor, "dossier.backdated_event", dossier.code, dossier_action=action, at=format_local(at))
    reason = nfc(args.reason) if args.reason else None
    handler = _HANDLERS[action]
    handler(session, actor, dossier, spec, args, at=at, now=now, reason=reason)
    session.flush()
    return dossier


def _need(reason: str | None, what: str) -> str:
    if not reason:
        raise ValidationError(f"{what} needs a reason (--reason)")
    return reason


def _transfer(session, actor, dossier, spec, args, *, at, now, reason):
    target = args.department or args.to
    dept = dossier.department
    if target:
        dept = department_by_name(session, target)
        if dept is None:
            raise NotFoundError(f"no department named {target!r}")
    if dept is None:
        raise RuleError(f"procedure {dossier.procedure.code} has no department; give --department")
    dossier.department = dept
    dossier.status = spec.to
    dossier.transferred_at = dossier.transferred_at or at
    _add_event(session, dossier, actor, "transferred", at=at, recorded_at=now, note=reason, to=dept.name)


def _request_supplement(session, actor, dossier, spec, args, *, at, now, reason):
    items = args.items or []
    if not items:
        raise ValidationError("a supplement request lists every missing item (--items CODE,...)")
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
    _add_event(
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
            raise RuleError("this procedure has no processing time in the catalog; give --new-due")
        due = args.new_due
    dossier.due_at = due.astimezone(timezone.utc)
    dossier.supplement_late = False
    if dossier.status == "received" and dossier.channel == "in_person":
        dossier.handover_due_at = handover_deadline(calendar, at, center.get(session, "handover.rounds"))
    _add_event(session, dossier, actor, "supplement_completed", at=at, recorded_at=now, note=reason,
               due_at=format_local(dossier.due_at))


def _simple(kind: str, *, needs_reason: str | None = None):
    def handler(session, actor, dossier, spec, args, *, at, now, reason):
        if needs_reason:
            _need(reason, needs_reason)
        dossier.status = spec.to
        if kind in ("finished", "refused"):
            dossier.decided_at = at
        _add_event(session, dossier, actor, kind, at=at, recorded_at=now, note=reason)

    return handler


def _apologize(session, actor, dossier, spec, args, *, at, now, reason):
    if dossier.apology_count >= 1:
        raise RuleError("an apology with a new appointment may be given only once per dossier")
    _need(reason, "an apology")
    if args.new_due is None:
        raise ValidationError("an apology needs the new appointment (--new-due)")
    if dossier.due_at is None:
        raise RuleError("this dossier has no appointment to extend")
    calendar = load_calendar(session)
    new_due = args.new_due.astimezone(timezone.utc)
    if new_due <= dossier.due_at:
        raise RuleError(f"the new appointment must be after the current one ({format_local(dossier.due_at)})")
    if not is_working_instant(calendar, new_due):
        raise RuleError(f"the new appointment {format_local(new_due)} is not within working hours")
    late = at > dossier.due_at - timedelta(days=1)
    dept = dossier.department
    dossier.original_due_at = dossier.due_at
    dossier.due_at = new_due
    dossier.apology_count += 1
    _add_event(
        session, dossier, actor, "apologized", at=at, recorded_at=now, note=reason,
        previous_due=format_local(dossier.original_due_at), new_due=format_local(new_due), late=late or None,
        signer=dept.head_name if dept else None, signer_title=dept.head_title if dept else None,
    )


def _return(session, actor, dossier, spec, args, *, at, now, reason):
    if dossier.status == "refused" and dossier.refused_at_intake:
        raise RuleError("a dossier refused at intake was never taken in; there is no result to return")
    data: dict[str, Any] = {}
    if dossier.delivery == "post" or args.tracking:
        if not args.tracking:
            raise ValidationError("a result sent by post needs the tracking number (--tracking)")
        data["tracking"] = args.tracking.strip()
        data["method"] = "post"
    else:
        collector = digits_only(args.collector_id or "")
        if len(collector) not in (9, 12):
            raise ValidationError("record who collected the result: --collector-id with 9 or 12 digits")
        data["collector_id"] = collector
        data["collector_name"] = nfc(args.to) if args.to else None
        data["method"] = "counter"
    dossier.status = spec.to
    dossier.returned_at = at
    _add_event(session, dossier, actor, "returned", at=at, recorded_at=now, note=reason, **data)


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
        old["applicant"] = _party_json(applicant)
        new_applicant = _party(merged, "applicant")
    if "submitter" in changes:
        old["submitter"] = _party_json(submitter) if submitter else None
        new_submitter = _party(changes["submitter"], "submitter") if changes["submitter"] else None
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
            DocumentInput(str(d["item"]), _count(d.get("originals"), f"documents[{i}].originals"),
                          _count(d.get("certified_copies"), f"documents[{i}].certified_copies"),
                          _count(d.get("photocopies"), f"documents[{i}].photocopies"))
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
        dossier.sets = _count(changes["sets"], "sets") or 1
    _add_event(session, dossier, actor, "corrected", at=at, recorded_at=now, note=reason, old=old, reprint=True)


CORRECTABLE = ("applicant", "submitter", "documents", "sets")


def _check_changes(changes: Any) -> dict[str, Any]:
    """The shape of a correction (``--file``): checked before anything is changed."""
    if not isinstance(changes, dict) or not changes:
        raise ValidationError("nothing to correct: give the new applicant data or document counts (--file)")
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ValidationError(f"cannot correct {', '.join(unknown)}; correctable: {', '.join(CORRECTABLE)}")
    if "applicant" in changes and not isinstance(changes["applicant"], dict):
        raise ValidationError("applicant: expected an object with the fields to change")
    if "submitter" in changes and changes["submitter"] is not None and not isinstance(changes["submitter"], dict):
        raise ValidationError("submitter: expected an object, or null to remove the submitter")
    if "documents" in changes:
        docs = changes["documents"]
        if not isinstance(docs, list):
            raise ValidationError("documents: expected a list of {item, originals, certified_copies, photocopies}")
        for i, doc in enumerate(docs, start=1):
            if not isinstance(doc, dict) or not str(doc.get("item") or "").strip():
                raise ValidationError(f"documents[{i}]: needs an 'item' (code or name)")
    return changes


def _cancel(session, actor, dossier, spec, args, *, at, now, reason):
    _need(reason, "cancelling a dossier")
    dossier.status = spec.to
    _add_event(session, dossier, actor, "cancelled", at=at, recorded_at=now, note=reason)


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


# --- JSON views ----------------------------------------------------------------------------------


def _party_json(p: DossierParty | None) -> dict[str, Any] | None:
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
        "applicant": _party_json(parties.get("applicant")),
        "submitter": _party_json(parties.get("submitter")),
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
        "fees": [
            {"name": f.name, "kind": f.kind, "amount": f.amount, "quantity": f.quantity, "status": f.status}
            for f in d.fees
        ],
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


def department_names(session: Session) -> list[str]:
    return list(session.scalars(select(Department.name).where(Department.active.is_(True)).order_by(Department.name)))
