"""Dossier input: the JSON (or form) a dossier is received from, parsed and checked into plain dataclasses.

Pure: no session, no I/O. Failures: ``ValidationError`` naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from app import fields
from app.errors import ValidationError
from app.workcal import to_local

COUNTER_ROLES = ("officer", "director")
APPLICANT_TYPES = ("citizen", "business", "state_body", "other")
CHANNELS = ("in_person", "post", "online")
DELIVERIES = ("counter", "post")
ON_MISSING = ("reject", "request-supplement", "refuse")
MAX_DOCUMENTS = 200

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
    name = fields.text(data.get("full_name"), "full_name", where=f"{where}.full_name", required=True)
    dob = data.get("date_of_birth")
    if dob not in (None, ""):
        if not isinstance(dob, str) or len(dob) > 10:
            raise ValidationError("date_of_birth_format", where=where)
        try:
            dob = date.fromisoformat(dob)
        except ValueError:
            raise ValidationError("date_of_birth_invalid", party=where, dob=dob, field=f"{where}.date_of_birth") from None
        if dob > to_local(datetime.now(timezone.utc)).date() or dob.year < 1900:
            raise ValidationError("date_of_birth_implausible", party=where, dob=dob, field=f"{where}.date_of_birth")
    else:
        dob = None
    return PartyInput(
        name,
        fields.text(data.get("id_number"), "id_number", where=f"{where}.id_number"),
        dob,
        fields.text(data.get("phone"), "phone", where=f"{where}.phone"),
        fields.text(data.get("address"), "address", where=f"{where}.address"),
        fields.text(data.get("email"), "email", where=f"{where}.email"),
    )


def parse_count(value: Any, where: str, *, maximum: int = fields.MAX_COPIES) -> int:
    return fields.whole(value, where, maximum=maximum, default=0)


def parse_intake(data: Any) -> IntakeRequest:
    """Validate the JSON form of an intake (``motcua dossier receive --file``)."""
    if not isinstance(data, dict):
        raise ValidationError("intake_not_object")
    code = fields.text(data.get("procedure_code"), "procedure_code", required=True)
    req = IntakeRequest(procedure_code=code, applicant=parse_party(data.get("applicant"), "applicant"))
    if data.get("submitter"):
        req.submitter = parse_party(data["submitter"], "submitter")
    for key, allowed in (("applicant_type", APPLICANT_TYPES), ("channel", CHANNELS), ("delivery", DELIVERIES)):
        value = data.get(key) or getattr(req, key)
        if not isinstance(value, str) or value not in allowed:
            raise ValidationError("choice_invalid", key=key, allowed=', '.join(allowed), value=value)
        setattr(req, key, value)
    req.sets = parse_count(data.get("sets", 1), "sets", maximum=fields.MAX_SETS) or 1
    docs = data.get("documents") or []
    if not isinstance(docs, list):
        raise ValidationError("documents_not_list")
    if len(docs) > MAX_DOCUMENTS:
        raise ValidationError("documents_too_many", max=MAX_DOCUMENTS)
    for i, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict):
            raise ValidationError("document_item_missing", i=i)
        item = fields.text(doc.get("item"), "item", where=f"documents[{i}].item")
        if item is None:
            raise ValidationError("document_item_missing", i=i)
        req.documents.append(
            DocumentInput(
                item,
                parse_count(doc.get("originals"), f"documents[{i}].originals"),
                parse_count(doc.get("certified_copies"), f"documents[{i}].certified_copies"),
                parse_count(doc.get("photocopies"), f"documents[{i}].photocopies"),
            )
        )
    req.note = fields.text(data.get("note"), "note")
    if data.get("due_at"):
        from app.workcal import parse_local

        if not isinstance(data["due_at"], str) or len(data["due_at"]) > 40:
            raise ValidationError("due_at_format")
        req.due_at = parse_local(data["due_at"])
    return req
