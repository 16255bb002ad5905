"""What the printed documents say, read from the store as plain values.

The printing room is pure (values in, bytes out) and the core never imports it, so this module returns
plain dicts whose keys are the fields of ``printing.model``'s dataclasses (``printing.from_data`` turns
them into those). It also decides which form applies to a dossier's state (RuleError otherwise).
Which thread: a worker (never the GUI thread).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import RuleError, ValidationError
from app.services import center, dossiers
from app.services.handover import get_round
from app.store.models import Department, Dossier, User
from app.store.types import utcnow
from app.workcal import VN_TZ, to_local

UNIT_TEXT = {"working_days": "ngày làm việc", "working_hours": "giờ làm việc", "days": "ngày"}
# Printed after "tại:" (the counter) or on its own (post): see printing.text.place_after.
DELIVERY_TEXT = {"counter": "Bộ phận Một cửa", "post": "Qua dịch vụ bưu chính công ích"}


def template_from_settings(settings: dict[str, Any]) -> dict:
    return dict(
        center_name=settings["center.name"],
        parent_body=settings["center.parent_body"],
        unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        place_name=settings["center.place"],
        address=settings["center.address"],
        phone=settings["center.phone"],
        agency_id=settings["center.agency_id"],
        footer_lines=tuple(settings["print.footer"] or ()),
        paper_size=settings["print.paper"] if settings["print.paper"] in ("A5", "A4") else "A5",
        qr_template=settings["print.qr_template"] or "{code}",
    )


def load_template(session: Session) -> dict:
    return template_from_settings(center.get_all(session))


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _person(data: dict[str, Any] | None) -> dict | None:
    if not data:
        return None
    return dict(
        full_name=data["full_name"],
        id_number=data.get("id_number") or "",
        date_of_birth=date.fromisoformat(data["date_of_birth"]) if data.get("date_of_birth") else None,
        address=data.get("address") or "",
        phone=data.get("phone") or "",
        email=data.get("email") or "",
    )


def processing_time_text(procedure) -> str:
    if procedure.time_unit == "same_day":
        return "Trong ngày làm việc"
    if procedure.time_amount is None:
        return ""
    amount = float(procedure.time_amount)
    amount_text = f"{int(amount):02d}" if amount == int(amount) else f"{amount:g}"
    return f"{amount_text} {UNIT_TEXT.get(procedure.time_unit, procedure.time_unit)}"


def _officer_name(session: Session, username: str | None) -> str:
    if not username:
        return ""
    name = session.scalar(select(User.full_name).where(User.username == username))
    return name or username


def dossier_doc(session: Session, d: Dossier) -> dict:
    data = dossiers.dossier_json(d)
    return dict(
        code=d.code,
        procedure_name=d.procedure.name,
        procedure_code=d.procedure.code,
        field=d.procedure.field,
        department=d.department.name if d.department else "",
        applicant=_person(data["applicant"]),
        submitter=_person(data["submitter"]),
        received_at=d.received_at,
        due_at=d.due_at,
        original_due_at=d.original_due_at,
        processing_time_text=processing_time_text(d.procedure),
        sets=d.sets,
        documents=[
            dict(name=x["name"], originals=x["originals"], certified_copies=x["certified_copies"], photocopies=x["photocopies"])
            for x in data["documents"]
            if x["originals"] or x["certified_copies"] or x["photocopies"]
        ],
        fees=[dict(name=f["name"], amount=f["amount"]) for f in data["fees"]],
        delivery=DELIVERY_TEXT.get(d.delivery, d.delivery),
        register_book=d.register_book or "",
        register_entry=str(d.register_entry or ""),
        officer_name=_officer_name(session, d.officer),
        counter=str(d.counter or ""),
        status=d.status,
    )


def _last_event(d: Dossier, kind: str):
    for event in reversed(d.events):
        if event.kind == kind:
            return event
    return None


def _department_head(session: Session, d: Dossier) -> tuple[str, str]:
    dept = d.department
    if dept is None:
        return "", ""
    return dept.head_name or "", (dept.head_title or "Trưởng phòng").upper()


def printable_forms(data: dict[str, Any]) -> list[str]:
    """The forms that apply to a dossier in the state ``data`` (``dossiers.dossier_json``) describes,
    in the order the counter offers them; ``form_extra`` enforces the same rules."""
    if data["status"] == "cancelled":
        return []
    kinds = {e["kind"] for e in data["events"]}
    forms = []
    if data["clock_started_at"]:
        forms.append("receipt")
    if data["status"] == "supplement_requested" and "supplement_requested" in kinds:
        forms.append("supplement")
    if "refused" in kinds:
        forms.append("refusal")
    if "apologized" in kinds:
        forms.append("apology")
    if data["status"] == "stopped":
        forms.append("stop")
    if data["clock_started_at"]:
        forms.append("control")
    return forms


def form_extra(session: Session, d: Dossier, form: str, *, actor: str | None = None):
    """The form-specific part, or RuleError when the form does not apply to the dossier's state.

    A stop notice (form 05) gets its number here when first printed (``actor``, the officer printing, is
    recorded with it): call it inside a write transaction."""
    officer = session.scalar(select(User).where(User.username == d.officer)) if d.officer else None
    if d.status == "cancelled":
        raise RuleError("form_cancelled", code=d.code)
    if form == "receipt":
        if d.clock_started_at is None:
            raise RuleError("form_receipt_not_complete", code=d.code)
        return None
    if form == "supplement":
        event = _last_event(d, "supplement_requested")
        if d.status != "supplement_requested" or event is None:
            raise RuleError("form_no_supplement", code=d.code)
        items = [dict(name=i["name"], reason=event.note or "") for i in event.data.get("items", [])]
        return dict(
            items=items, reason=event.note or "", officer_name=officer.full_name if officer else "",
            officer_phone=officer.phone or "" if officer else "", issued_at=event.occurred_at,
        )
    if form == "refusal":
        event = _last_event(d, "refused")
        if event is None:
            raise RuleError("form_not_refused", code=d.code)
        return dict(reason=event.note or "", officer_name=officer.full_name if officer else "", issued_at=event.occurred_at)
    if form == "apology":
        event = _last_event(d, "apologized")
        if event is None:
            raise RuleError("form_no_apology", code=d.code)
        name, title = _department_head(session, d)
        # The event keeps both appointments: the dossier's due time may have moved on since.
        return dict(
            number=f"{d.register_entry or ''}/XL", reason=event.note or "",
            original_due_at=_dt(event.data.get("previous_due")) or d.original_due_at,
            new_due_at=_dt(event.data.get("new_due")) or d.due_at,
            signer_name=event.data.get("signer") or name, signer_title=(event.data.get("signer_title") or title).upper(),
            department=d.department.name if d.department else "", issued_at=event.occurred_at,
        )
    if form == "stop":
        event = _last_event(d, "stopped")
        if d.status != "stopped" or event is None:
            raise RuleError("form_not_stopped", code=d.code)
        from app.services.notices import default_symbol, notice_number

        settings = center.get_all(session)
        symbol = (settings["print.notice_symbol"] or "").strip() or default_symbol(load_template(session)["unit_name"])
        return dict(
            requested_at=event.occurred_at, reason=event.note or "", issued_at=event.occurred_at,
            return_place=DELIVERY_TEXT["counter"],
            number=notice_number(session, d, event, kind="stop", symbol=symbol, actor=actor),
            signer_name=settings["center.director_name"] or "",
            signer_title=(settings["center.director_title"] or "Giám đốc").upper(),
        )
    if form == "control":
        if d.clock_started_at is None:
            raise RuleError("form_no_control_sheet", code=d.code)
        return control_rows(d, session)
    raise RuleError("form_unknown", form=form)


def control_rows(d: Dossier, session: Session) -> list[dict]:
    unit = center.get(session, "center.name")
    rows = [dict(from_unit="Người nộp hồ sơ", to_unit=unit, given_at=d.received_at, received_at=d.received_at)]
    for e in d.events:
        if e.kind == "transferred":
            rows.append(dict(from_unit=unit, to_unit=e.data.get("to") or e.department or "", given_at=e.occurred_at,
                                      received_at=e.occurred_at, result=e.data.get("result")))
        elif e.kind in ("finished", "refused") and not e.data.get("at_intake"):
            on_time = None
            if d.due_at is not None:
                on_time = "on_time" if e.occurred_at <= d.due_at else "late"
            rows.append(dict(from_unit=e.department or "", to_unit=unit, given_at=e.occurred_at,
                                      received_at=e.occurred_at, result=on_time))
        elif e.kind == "returned":
            rows.append(dict(from_unit=unit, to_unit="Người nộp hồ sơ", given_at=e.occurred_at, received_at=e.occurred_at,
                                      note=e.data.get("tracking") or ""))
    return rows


def form_data(session: Session, code: str, form: str, *, actor: str | None = None) -> tuple[Dossier, dict[str, Any]]:
    """The dossier and ``{"form", "dossier", "template", "extra"}`` for ``printing.from_data.render_form_data``
    (in a write transaction: see :func:`form_extra`)."""
    d = dossiers.get_dossier(session, code)
    extra = form_extra(session, d, form, actor=actor)
    return d, {"form": form, "dossier": dossier_doc(session, d), "template": load_template(session), "extra": extra}


#: The longest range one printed register covers (the register is kept by year).
REGISTER_MAX_DAYS = 366


def register_data(session: Session, date_from: date, date_to: date) -> dict[str, Any]:
    """The rows of the tracking register (form 07) for dossiers received between two local dates.

    ValidationError when the range is reversed or longer than :data:`REGISTER_MAX_DAYS` (a register of
    1900-9999 read every dossier ever received and laid them out for minutes)."""
    if date_to < date_from:
        raise RuleError("period_reversed")
    if (date_to - date_from).days + 1 > REGISTER_MAX_DAYS:
        raise ValidationError("register_range_too_long", max_days=REGISTER_MAX_DAYS, days=(date_to - date_from).days + 1)
    start = datetime(date_from.year, date_from.month, date_from.day, tzinfo=VN_TZ).astimezone(timezone.utc)
    end = datetime(date_to.year, date_to.month, date_to.day, 23, 59, 59, tzinfo=VN_TZ).astimezone(timezone.utc)
    rows = []
    for d in session.scalars(
        select(Dossier).where(Dossier.received_at >= start, Dossier.received_at <= end, Dossier.status != "cancelled").order_by(Dossier.received_at)
    ):
        parties = {p.role: p for p in d.parties}
        applicant = parties.get("applicant")
        result_event = _last_event(d, "finished") or _last_event(d, "refused")
        rows.append(
            dict(
                code=d.code, procedure_name=d.procedure.name, sets=d.sets,
                applicant_name=applicant.full_name if applicant else "", address=applicant.address or "" if applicant else "",
                phone=applicant.phone or "" if applicant else "", department=d.department.name if d.department else "",
                received_at=d.received_at, due_at=d.due_at, sent_at=d.transferred_at,
                result_at=result_event.occurred_at if result_event else None, returned_at=d.returned_at,
                note={"refused": "Từ chối", "stopped": "Dừng giải quyết", "withdrawn": "Rút hồ sơ"}.get(d.status, ""),
            )
        )
    return {"rows": rows, "date_from": date_from, "date_to": date_to, "template": load_template(session)}


def handover_data(session: Session, round_id: int) -> dict[str, Any]:
    rnd = get_round(session, round_id)
    if not rnd.items:
        raise RuleError("handover_round_empty", round_id=round_id)
    by_dept: dict[str, list[dict]] = {}
    for item in rnd.items:
        d = item.dossier
        parties = {p.role: p for p in d.parties}
        by_dept.setdefault(item.department.name if item.department else "", []).append(
            dict(code=d.code, procedure_name=d.procedure.name,
                        applicant_name=parties["applicant"].full_name if "applicant" in parties else "",
                        received_at=d.received_at, due_at=d.due_at, sets=d.sets,
                        note="Chậm" if item.result == "late" else "")
        )
    lists = [dict(round_id=str(rnd.id), round_at=rnd.at, department=name, rows=rows) for name, rows in sorted(by_dept.items())]
    return {"lists": lists, "template": load_template(session)}


def ticket_doc(session: Session, ticket, *, now: datetime | None = None) -> dict:
    from app.services.queue import waiting_ahead
    from app.store.models import PriorityGroup, QueueService

    service = session.get(QueueService, ticket.service_code)
    priority = session.get(PriorityGroup, ticket.priority_group) if ticket.priority_group else None
    return dict(
        center_name=center.get(session, "center.name"),
        number=ticket.number,
        service_name=service.name if service else ticket.service_code,
        issued_at=ticket.issued_at,
        waiting_ahead=waiting_ahead(session, ticket),
        qr_text=f"{ticket.number}|{ticket.day.isoformat()}",
        priority_label=f"Ưu tiên: {priority.name}" if priority else None,
    )


def plain_ticket_doc(session: Session, number: str, service_code: str, *, now: datetime | None = None) -> dict:
    """A ticket printed by hand (``motcua print ticket``), not issued from the queue: the QR carries the
    number and Vietnam's date of ``now`` (a ticket printed at 23:30 UTC belongs to the next local day)."""
    from app.store.models import QueueService

    number = number.strip().upper()
    if not (number[:1].isalpha() and number.isascii() and number.isalnum()):
        raise ValidationError("cli_queue_number_invalid", number=number)
    service = session.get(QueueService, service_code.strip().upper())
    if service is None:
        raise ValidationError("queue_service_not_found", code=service_code)
    now = (now or utcnow()).astimezone(timezone.utc)
    return dict(
        center_name=center.get(session, "center.name"), number=number, service_name=service.name,
        issued_at=now, waiting_ahead=0, qr_text=f"{number}|{to_local(now).date().isoformat()}",
    )


def department_names(session: Session) -> list[str]:
    return list(session.scalars(select(Department.name)))
