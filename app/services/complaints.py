"""The complaints and feedback register (phản ánh, kiến nghị).

An entry is received at the counter, by phone, by the hotline or from the kiosk (``channel``), with the
sender's contact and what they say; it is routed to the center (no department) or to a department, and
gets a deadline of ``complaints.answer_days`` working days (the center setting) from when it was received,
on the center's working calendar (``app.workcal``). The answer is recorded, then the citizen is told (how
and when). :func:`overdue` lists those unanswered past their deadline (the counter's deadline board shows
them); :func:`report_section` gives the figures of a period.

Which thread: workers only (the store thread). Failures: ValidationError and subclasses, with codes.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import center
from app.services.audit import audit
from app.services.calendar import load_calendar
from app.store.models import Department
from app.store.models_feedback import Complaint
from app.store.sequences import next_value
from app.text import nfc
from app.workcal import format_local, parse_local, to_local

CHANNELS = ("counter", "phone", "hotline", "kiosk")
KINDS = ("feedback", "proposal")  # phản ánh | kiến nghị
INFORMED_VIA = ("phone", "sms", "email", "letter", "counter")
STATES = ("open", "answered", "closed")
FIELDS = ("kind", "channel", "contact_name", "contact_phone", "contact_email", "contact_address", "content",
          "dossier_code", "officer_concerned", "department", "received_at")
MAX_TEXT = 10_000


def _text(data: dict[str, Any], key: str, *, required: bool = False, limit: int = 200) -> str | None:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("complaint_field_required", field=key)
        return None
    if not isinstance(value, str):
        raise ValidationError("complaint_field_invalid", field=key)
    value = nfc(value).strip()
    if len(value) > limit:
        raise ValidationError("complaint_field_invalid", field=key)
    return value


def _department(session: Session, name: str | None) -> int | None:
    if name is None:
        return None
    dept = session.scalars(select(Department).where((Department.name == name) | (Department.code == name))).first()
    if dept is None:
        raise NotFoundError("complaint_department_not_found", department=name)
    return dept.id


def add(session: Session, actor: Actor, data: dict[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    """Enter one complaint or feedback (keys of :data:`FIELDS`; ``content`` and ``contact_name`` required;
    ``department`` a name or code, absent: the center). Returns :func:`complaint_json`."""
    actor.require("complaint.add")
    if not isinstance(data, dict):
        raise ValidationError("complaint_not_object")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise ValidationError("complaint_field_unknown", fields=", ".join(unknown))
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    channel = data.get("channel") or ("kiosk" if "kiosk" in actor.roles else "counter")
    if channel not in CHANNELS:
        raise ValidationError("complaint_channel_invalid", channel=channel, known=", ".join(CHANNELS))
    kind = data.get("kind") or "feedback"
    if kind not in KINDS:
        raise ValidationError("complaint_kind_invalid", kind=kind, known=", ".join(KINDS))
    received = now
    if data.get("received_at"):
        try:
            received = parse_local(str(data["received_at"])).astimezone(timezone.utc)
        except (ValueError, ValidationError):
            raise ValidationError("complaint_field_invalid", field="received_at") from None
        if received > now:
            raise ValidationError("complaint_field_invalid", field="received_at")
    days = center.get(session, "complaints.answer_days")
    calendar = load_calendar(session)
    due = calendar.due(received, days if isinstance(days, int) and days > 0 else 10, "working_days")
    year = to_local(received).year
    number = next_value(session, f"complaint:{year}")
    row = Complaint(
        number=f"PAKN-{year}-{number:04d}", kind=kind, channel=channel, received_at=received, received_by=actor.username,
        counter=actor.counter, contact_name=_text(data, "contact_name", required=True),
        contact_phone=_text(data, "contact_phone", limit=20), contact_email=_text(data, "contact_email", limit=120),
        contact_address=_text(data, "contact_address", limit=500), content=_text(data, "content", required=True, limit=MAX_TEXT),
        dossier_code=_text(data, "dossier_code", limit=64), officer_concerned=_text(data, "officer_concerned", limit=60),
        department_id=_department(session, _text(data, "department")), due_at=due.astimezone(timezone.utc), state="open",
    )
    session.add(row)
    session.flush()
    audit(session, actor, "complaint.add", f"complaint:{row.number}", channel=channel, kind=kind)
    return complaint_json(session, row)


def get(session: Session, ref: str | int) -> Complaint:
    """By id (digits) or register number (PAKN-2026-0001)."""
    text = str(ref).strip()
    row = session.get(Complaint, int(text)) if text.isdigit() else session.scalars(
        select(Complaint).where(Complaint.number == text.upper())).first()
    if row is None:
        raise NotFoundError("complaint_not_found", complaint=text)
    return row


def route(session: Session, actor: Actor, ref: str | int, *, department: str | None) -> dict[str, Any]:
    """Send an open entry to ``department`` (a name or code) or back to the center (None)."""
    actor.require("complaint.route")
    row = get(session, ref)
    if row.state != "open":
        raise RuleError("complaint_not_open", complaint=row.number)
    row.department_id = _department(session, department)
    session.flush()
    audit(session, actor, "complaint.route", f"complaint:{row.number}", department=department)
    return complaint_json(session, row)


def answer(session: Session, actor: Actor, ref: str | int, *, text: str, now: datetime | None = None) -> dict[str, Any]:
    """Record the answer of an open entry."""
    actor.require("complaint.answer")
    body = nfc(text or "").strip()
    if not body or len(body) > MAX_TEXT:
        raise ValidationError("complaint_answer_required")
    row = get(session, ref)
    if row.state != "open":
        raise RuleError("complaint_already_answered", complaint=row.number)
    row.answer, row.answered_at, row.answered_by, row.state = body, (now or datetime.now(timezone.utc)).astimezone(timezone.utc), actor.username, "answered"
    session.flush()
    audit(session, actor, "complaint.answer", f"complaint:{row.number}")
    return complaint_json(session, row)


def inform(session: Session, actor: Actor, ref: str | int, *, via: str, now: datetime | None = None) -> dict[str, Any]:
    """The citizen was told the answer (``via`` phone, sms, email, letter or at the counter): closed."""
    actor.require("complaint.inform")
    if via not in INFORMED_VIA:
        raise ValidationError("complaint_informed_via_invalid", via=via, known=", ".join(INFORMED_VIA))
    row = get(session, ref)
    if row.state != "answered":
        raise RuleError("complaint_not_answered", complaint=row.number)
    row.informed_at, row.informed_via, row.informed_by, row.state = (now or datetime.now(timezone.utc)).astimezone(timezone.utc), via, actor.username, "closed"
    session.flush()
    audit(session, actor, "complaint.inform", f"complaint:{row.number}", via=via)
    return complaint_json(session, row)


def complaint_json(session: Session, c: Complaint, *, names: dict[int, str] | None = None,
                   now: datetime | None = None) -> dict[str, Any]:
    if names is None:
        names = {c.department_id: session.get(Department, c.department_id).name} if c.department_id else {}
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return {
        "id": c.id, "number": c.number, "kind": c.kind, "channel": c.channel, "state": c.state,
        "received_at": format_local(c.received_at), "received_by": c.received_by, "counter": c.counter,
        "contact_name": c.contact_name, "contact_phone": c.contact_phone, "contact_email": c.contact_email,
        "contact_address": c.contact_address, "content": c.content, "dossier_code": c.dossier_code,
        "officer_concerned": c.officer_concerned, "department": names.get(c.department_id) if c.department_id else None,
        "due_at": format_local(c.due_at), "overdue": c.state == "open" and _aware(c.due_at) < now,
        "answer": c.answer, "answered_at": format_local(c.answered_at) if c.answered_at else None,
        "answered_by": c.answered_by, "informed_at": format_local(c.informed_at) if c.informed_at else None,
        "informed_via": c.informed_via,
    }


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Department.id, Department.name)).all())


def listing(session: Session, *, state: str | None = None, limit: int = 500, now: datetime | None = None) -> list[dict[str, Any]]:
    """The register, newest first; ``state`` one of open, answered, closed."""
    stmt = select(Complaint).order_by(Complaint.received_at.desc(), Complaint.id.desc()).limit(limit)
    if state is not None:
        if state not in STATES:
            raise ValidationError("complaint_state_invalid", state=state, known=", ".join(STATES))
        stmt = stmt.where(Complaint.state == state)
    names = _names(session)
    return [complaint_json(session, c, names=names, now=now) for c in session.scalars(stmt)]


def overdue(session: Session, now: datetime | None = None) -> list[dict[str, Any]]:
    """Open entries past their deadline, the most overdue first."""
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    names = _names(session)
    rows = session.scalars(
        select(Complaint).where(Complaint.state == "open", Complaint.due_at < now).order_by(Complaint.due_at, Complaint.id)
    )
    return [complaint_json(session, c, names=names, now=now) for c in rows]


def overdue_count(session: Session, now: datetime | None = None) -> int:
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return int(session.scalar(select(func.count()).select_from(Complaint).where(Complaint.state == "open", Complaint.due_at < now)) or 0)


def report_section(session: Session, start: date, end: date, *, now: datetime | None = None) -> dict[str, Any]:
    """The register's figures of [start, end] (both days included, Vietnam's days), JSON-ready.

    Keys: ``from``, ``to``, ``received`` (entered in the period), ``answered`` (of those, answered),
    ``answered_on_time`` (answered by their deadline), ``informed``, ``open``, ``overdue`` (of those, still
    open past the deadline at ``now``), ``by_channel`` {counter, phone, hotline, kiosk}, ``by_kind``,
    ``by_department`` [{department, received, answered, overdue}] (department None: the center),
    ``by_officer`` [{officer, received, answered, overdue}] (the officer the entry is about: the basis
    of officer evaluation), ``overdue_now`` (every entry open past its deadline at ``now``, any period)."""
    from app.services.fees import local_window

    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    lo, hi = local_window(start, end)
    rows = session.scalars(select(Complaint).where(Complaint.received_at >= lo, Complaint.received_at < hi)).all()
    names = _names(session)
    by_channel = dict.fromkeys(CHANNELS, 0)
    by_kind = dict.fromkeys(KINDS, 0)
    depts: dict[Any, dict[str, Any]] = {}
    officers: dict[Any, dict[str, Any]] = {}
    totals = {"received": 0, "answered": 0, "answered_on_time": 0, "informed": 0, "open": 0, "overdue": 0}
    for c in rows:
        late = c.state == "open" and _aware(c.due_at) < now
        answered = c.answered_at is not None
        on_time = answered and _aware(c.answered_at) <= _aware(c.due_at)
        by_channel[c.channel] = by_channel.get(c.channel, 0) + 1
        by_kind[c.kind] = by_kind.get(c.kind, 0) + 1
        for key, value in (("received", True), ("answered", answered), ("answered_on_time", on_time),
                           ("informed", c.informed_at is not None), ("open", c.state == "open"), ("overdue", late)):
            totals[key] += int(bool(value))
        for table, name, key in ((depts, "department", names.get(c.department_id) if c.department_id else None),
                                 (officers, "officer", c.officer_concerned)):
            b = table.setdefault(key, {name: key, "received": 0, "answered": 0, "overdue": 0})
            b["received"] += 1
            b["answered"] += int(answered)
            b["overdue"] += int(late)
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        **totals,
        "by_channel": by_channel,
        "by_kind": by_kind,
        "by_department": sorted(depts.values(), key=lambda r: (r["department"] is not None, r["department"] or "")),
        "by_officer": sorted((r for k, r in officers.items() if k is not None), key=lambda r: r["officer"]),
        "overdue_now": overdue_count(session, now),
    }
