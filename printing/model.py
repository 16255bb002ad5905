"""Plain input values of the printing room.

The caller (a service result turned into these by the lead's wiring) builds frozen dataclasses;
the renderers never reach into the store. Every field but the few that identify a document is
optional: a missing value prints as a dotted blank the officer can fill by hand, never "None".

Datetimes should be timezone-aware (stored UTC); they print in Vietnam's local time (UTC+7).
A naive datetime is taken to be local time already. Sequences may be lists or tuples.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Literal

log = logging.getLogger(__name__)

__all__ = [
    "ApologyInfo",
    "DocumentRow",
    "DossierDoc",
    "FeeRow",
    "HandoverEvent",
    "HandoverList",
    "HandoverRow",
    "HandoverResult",
    "Person",
    "RefusalInfo",
    "RegisterRow",
    "StopInfo",
    "SupplementInfo",
    "SupplementItem",
    "Template",
    "TicketDoc",
]

HandoverResult = Literal["early", "on_time", "late"]
PaperSize = Literal["A5", "A4"]


@dataclass(frozen=True, kw_only=True)
class Person:
    """An applicant (chủ hồ sơ) or a submitter (người nộp)."""

    full_name: str
    id_number: str = ""  # CCCD / personal identification number, or a business registration number
    date_of_birth: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, kw_only=True)
class DocumentRow:
    """One line of the documents received (thành phần hồ sơ)."""

    name: str
    originals: int = 0  # bản chính
    certified_copies: int = 0  # bản sao chứng thực
    photocopies: int = 0  # bản photo
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class FeeRow:
    """A fee or charge; ``amount`` in VND, ``None`` when not known at intake (printed blank)."""

    name: str
    amount: int | None = None


@dataclass(frozen=True, kw_only=True)
class DossierDoc:
    """Everything the counter forms print about one dossier."""

    code: str
    procedure_name: str
    applicant: Person
    received_at: datetime
    procedure_code: str = ""
    field: str = ""  # lĩnh vực
    department: str = ""  # processing department (phòng chuyên môn)
    submitter: Person | None = None  # None: the applicant submitted in person
    due_at: datetime | None = None  # appointment (hẹn trả); after an extension, the new one
    original_due_at: datetime | None = None  # the appointment first given, when it was extended (form 04)
    processing_time_text: str = ""  # e.g. "05 ngày làm việc"
    sets: int | None = 1  # number of sets (bộ hồ sơ)
    documents: Sequence[DocumentRow] = ()
    fees: Sequence[FeeRow] = ()
    delivery: str = ""  # where or how the result is collected
    register_book: str = ""  # Sổ theo dõi hồ sơ, quyển số
    register_entry: str = ""  # số thứ tự in the register
    officer_name: str = ""  # receiving officer
    counter: str = ""  # quầy
    status: str = ""
    summary: str = ""  # trích yếu, when the matter is more specific than the procedure name


@dataclass(frozen=True, kw_only=True)
class SupplementItem:
    """One thing the applicant must add or complete, with the reason."""

    name: str
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class SupplementInfo:
    """Form 02. ``items`` may hold :class:`SupplementItem` or ``(name, reason)`` pairs."""

    items: Sequence[SupplementItem | tuple[str, str]] = ()
    reason: str = ""
    officer_name: str = ""
    officer_phone: str = ""
    rules_ref: str = ""  # where the applicant can read the rules (portal page, posted list...)
    issued_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class RefusalInfo:
    """Form 03."""

    reason: str = ""
    contact: str = ""  # whom to contact (name, phone)
    officer_name: str = ""
    officer_title: str = ""  # signature heading; default "NGƯỜI TIẾP NHẬN HỒ SƠ"
    issued_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class ApologyInfo:
    """Form 04, signed by the head of the processing department."""

    number: str = ""  # document number, e.g. "12/XL-VHXH"
    reason: str = ""
    original_due_at: datetime | None = None  # the receipt's appointment, the one being extended
    new_due_at: datetime | None = None
    signer_name: str = ""
    signer_title: str = ""  # e.g. "TRƯỞNG PHÒNG"
    department: str = ""  # defaults to the dossier's department
    issued_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class StopInfo:
    """Form 05: processing stops at the applicant's own request."""

    requested_at: datetime | None = None
    reason: str = ""
    number: str = ""
    signer_name: str = ""
    signer_title: str = ""  # default "GIÁM ĐỐC"
    return_place: str = ""  # where the applicant takes the papers back
    issued_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class HandoverEvent:
    """One row of form 06 (control sheet)."""

    from_unit: str = ""
    to_unit: str = ""
    given_at: datetime | None = None
    received_at: datetime | None = None
    result: HandoverResult | None = None
    note: str = ""
    giver_name: str = ""
    receiver_name: str = ""


@dataclass(frozen=True, kw_only=True)
class RegisterRow:
    """One row of form 07 (tracking register)."""

    code: str
    procedure_name: str = ""
    sets: int | None = 1
    applicant_name: str = ""
    address: str = ""
    phone: str = ""
    department: str = ""
    received_at: datetime | None = None
    due_at: datetime | None = None
    sent_at: datetime | None = None  # handed to the department
    result_at: datetime | None = None  # result received from the department
    returned_at: datetime | None = None  # result returned to the applicant
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class HandoverRow:
    """One dossier in a hand-over round."""

    code: str
    procedure_name: str = ""
    applicant_name: str = ""
    received_at: datetime | None = None
    due_at: datetime | None = None
    sets: int | None = 1
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class HandoverList:
    """The list of dossiers handed to one department in one round (Danh sách bàn giao hồ sơ)."""

    round_id: str
    round_at: datetime
    department: str
    rows: Sequence[HandoverRow] = ()
    from_unit: str = ""  # defaults to the template's unit
    giver_name: str = ""
    receiver_name: str = ""


@dataclass(frozen=True, kw_only=True)
class TicketDoc:
    """A queue ticket from the kiosk."""

    center_name: str
    number: str  # e.g. "A012"; printed in the printer's own font, so ASCII
    service_name: str
    issued_at: datetime
    waiting_ahead: int = 0
    estimated_wait_minutes: int | None = None  # the queue's estimate; None: not printed
    qr_text: str = ""  # empty: no QR
    priority_label: str | None = None  # e.g. "Ưu tiên: Người cao tuổi"


_PAPER_SIZES = ("A5", "A4")


@dataclass(frozen=True, kw_only=True)
class Template:
    """Per-center print settings (stored with the center settings, edited by the admin).

    ``qr_template`` builds the QR content from the dossier code: ``{code}`` and ``{agency_id}``
    are replaced, e.g. ``"https://dichvucong.example/tra-cuu?ma={code}"``.
    """

    center_name: str = ""
    parent_body: str = ""  # issuing body, upper line, e.g. "UBND XÃ AN BÌNH"
    unit_name: str = ""  # issuing body, lower line (bold), e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    place_name: str = ""  # e.g. "Xã An Bình" for "Xã An Bình, ngày 05 tháng 05 năm 2026"
    address: str = ""
    phone: str = ""
    agency_id: str = ""
    logo_path: str | None = None
    footer_lines: tuple[str, ...] = ()
    paper_size: PaperSize = "A5"  # forms 01-06
    qr_template: str = "{code}"

    def __post_init__(self) -> None:
        if self.paper_size not in _PAPER_SIZES:
            raise ValueError(f"paper_size must be one of {_PAPER_SIZES}, not {self.paper_size!r}")
        if not isinstance(self.footer_lines, tuple):
            object.__setattr__(self, "footer_lines", tuple(self.footer_lines))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Template:
        """Build from stored settings; unknown keys are ignored (logged), missing keys default."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            log.warning("ignoring unknown template keys: %s", ", ".join(unknown))
        values = {k: v for k, v in data.items() if k in known}
        if "footer_lines" in values:
            lines = values["footer_lines"]
            values["footer_lines"] = (lines,) if isinstance(lines, str) else tuple(lines or ())
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-friendly dict that :meth:`from_dict` reads back."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["footer_lines"] = list(self.footer_lines)
        return out

