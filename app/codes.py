"""Dossier codes (mã hồ sơ).

The default issuer makes ``AGENCY-YYMMDD-NNNN`` (domain.md, Circular 03/2025 art. 13): the receiving
unit's electronic identifier, the local date received, and a daily sequence per agency that is unique
across stations (a locked sequence row, never max()+1). Other shapes exist (the 2026 nationwide form
``MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX``, provincial portals' own): the issuer is pluggable, and codes are
stored and searched as opaque strings together with the name of their issuer.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from sqlalchemy.orm import Session

from app.errors import ValidationError

# V1V2V3.Z1Z2.Y1Y2.MX1X2: groups of 3, 2, 2 digits, then a level letter (H province, G ministry...) and 2 digits.
AGENCY_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
LOCAL_CODE_RE = re.compile(r"^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4,})$")


def validate_agency_id(value: str) -> str:
    value = (value or "").strip().upper()
    if not AGENCY_RE.match(value):
        raise ValidationError("agency_id_invalid", value=value)
    return value


def format_local_code(agency: str, day: date, number: int) -> str:
    return f"{agency}-{day:%y%m%d}-{number:04d}"


def parse_local_code(code: str) -> tuple[str, date, int] | None:
    """Split an ``AGENCY-YYMMDD-NNNN`` code, or None when the code has another shape."""
    m = LOCAL_CODE_RE.match(code.strip())
    if not m:
        return None
    agency, ymd, number = m.groups()
    try:
        day = date(2000 + int(ymd[:2]), int(ymd[2:4]), int(ymd[4:6]))
    except ValueError:
        return None
    return agency, day, int(number)


def daily_sequence_name(agency: str, day: date) -> str:
    """The sequence is keyed by exactly what the code carries (YYMMDD, not the full date): two days a
    century apart make the same code, so they must share one counter (migration 0009)."""
    return f"dossier:{agency}:{day:%y%m%d}"


class CodeIssuer(Protocol):
    """Issues a dossier code inside the caller's transaction."""

    name: str

    def issue(self, session: Session, *, agency: str, local_day: date) -> str: ...


class LocalDailyIssuer:
    """``AGENCY-YYMMDD-NNNN`` with a daily sequence per agency (the default)."""

    name = "local-daily"

    def issue(self, session: Session, *, agency: str, local_day: date) -> str:
        from app.store.sequences import next_value

        agency = validate_agency_id(agency)
        number = next_value(session, daily_sequence_name(agency, local_day))
        return format_local_code(agency, local_day, number)


ISSUERS: dict[str, CodeIssuer] = {LocalDailyIssuer.name: LocalDailyIssuer()}


def get_issuer(name: str) -> CodeIssuer:
    try:
        return ISSUERS[name]
    except KeyError:
        raise ValidationError("code_issuer_unknown", name=name, known=', '.join(ISSUERS)) from None
