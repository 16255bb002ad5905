"""Dossier input: the JSON (or form) a dossier is received from, parsed and checked into plain dataclasses.

Pure: no session, no I/O. Failures: ``ValidationError`` naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from app.errors import ValidationError
from app.text import digits_only, nfc
from app.workcal import to_local

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


def parse_party(data: Any, where: str) -> PartyInput:
    if not isinstance(data, dict):
        raise ValidationError("party_not_object", party=where)
    name = nfc(str(data.get("full_name") or ""))
    if not name:
        raise ValidationError("full_name_required", party=where, field=f"{where}.full_name")
    dob = data.get("date_of_birth")
    if dob:
        try:
            dob = date.fromisoformat(str(dob))
        except ValueError:
            raise ValidationError("date_of_birth_invalid", party=where, dob=dob, field=f"{where}.date_of_birth") from None
        if dob > to_local(datetime.now(timezone.utc)).date() or dob.year < 1900:
            raise ValidationError("date_of_birth_implausible", party=where, dob=dob, field=f"{where}.date_of_birth")
    id_number = digits_only(str(data.get("id_number") or "")) or None
    if data.get("id_number") and (id_number is None or len(id_number) not in (9, 12)):
        raise ValidationError("id_number_invalid", party=where, field=f"{where}.id_number")
    phone = str(data.get("phone") or "").strip() or None
    if phone:
        digits = digits_only(phone.replace("+84", "0", 1))
        if not 9 <= len(digits) <= 11:
            raise ValidationError("phone_invalid", party=where, phone=phone, field=f"{where}.phone")
        phone = digits
    email = nfc(str(data.get("email") or "")) or None
    if email and ("@" not in email or " " in email):
        raise ValidationError("email_invalid", party=where, email=email, field=f"{where}.email")
    return PartyInput(name, id_number, dob or None, phone, nfc(str(data.get("address") or "")) or None, email)


def parse_count(value: Any, where: str) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError("count_invalid", where=where)
    try:
        number = int(value)
    except (ValueError, OverflowError):
        raise ValidationError("count_invalid", where=where) from None
    if number < 0 or number != float(value):
        raise ValidationError("count_invalid", where=where)
    return number


def parse_intake(data: Any) -> IntakeRequest:
    """Validate the JSON form of an intake (``motcua dossier receive --file``)."""
    if not isinstance(data, dict):
        raise ValidationError("intake_not_object")
    code = str(data.get("procedure_code") or "").strip()
    if not code:
        raise ValidationError("procedure_code_required")
    req = IntakeRequest(procedure_code=code, applicant=parse_party(data.get("applicant"), "applicant"))
    if data.get("submitter"):
        req.submitter = parse_party(data["submitter"], "submitter")
    for key, allowed in (("applicant_type", APPLICANT_TYPES), ("channel", CHANNELS), ("delivery", DELIVERIES)):
        value = data.get(key) or getattr(req, key)
        if value not in allowed:
            raise ValidationError("choice_invalid", key=key, allowed=', '.join(allowed), value=value)
        setattr(req, key, value)
    req.sets = parse_count(data.get("sets", 1), "sets") or 1
    docs = data.get("documents") or []
    if not isinstance(docs, list):
        raise ValidationError("documents_not_list")
    for i, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict) or not str(doc.get("item") or "").strip():
            raise ValidationError("document_item_missing", i=i)
        req.documents.append(
            DocumentInput(
                str(doc["item"]).strip(),
                parse_count(doc.get("originals"), f"documents[{i}].originals"),
                parse_count(doc.get("certified_copies"), f"documents[{i}].certified_copies"),
                parse_count(doc.get("photocopies"), f"documents[{i}].photocopies"),
            )
        )
    req.note = nfc(str(data.get("note") or "")) or None
    if data.get("due_at"):
        from app.workcal import parse_local

        req.due_at = parse_local(str(data["due_at"]))
    return req
