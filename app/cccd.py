"""The text in the QR code of a Vietnamese citizen ID card (CCCD, and the 2024 "Căn cước" card).

Layout, fields separated by ``|``::

    ID (12 digits) | old ID (9 digits or empty) | full name | date of birth ddmmyyyy | sex (Nam/Nữ)
    | permanent address | issue date ddmmyyyy

Lenient in what it reads (whitespace, a BOM, NFD text, extra trailing fields, six-field variants,
"Nu"/"NAM" for the sex), strict in what it returns. Pure functions, safe on any thread. Failures
raise :class:`ValidationError` whose message never repeats the card's content, so it can be logged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.errors import ValidationError
from app.text import fold, nfc
from app.store.types import utcnow
from app.workcal import to_local

__all__ = ["PROVINCE_CODES", "CccdData", "looks_like_cccd", "parse_cccd"]

# Province codes that open a 12-digit personal identification number (the administrative codes of
# the 63 provinces as numbered before the 2025 merger; the merged provinces kept one of these).
PROVINCE_CODES: frozenset[str] = frozenset(
    f"{n:03d}"
    for n in (
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36,
        37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74,
        75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
    )
)

MAX_TEXT_LENGTH = 2000  # a real QR payload is ~150 characters; anything far longer is not a card

_ID = re.compile(r"[0-9]{12}")
_OLD_ID = re.compile(r"[0-9]{9}")
_DATE = re.compile(r"[0-9]{8}")
_DIGITS = re.compile(r"[0-9]*")
_LOOKS_LIKE = re.compile(r"[0-9]{12}\|")
_DOB_FIELD = re.compile(r"\|[0-9]{8}\|")

MALE = "Nam"
FEMALE = "Nữ"
_SEX_BY_FOLDED = {"nam": MALE, "nu": FEMALE}
_EARLIEST_BIRTH = date(1900, 1, 1)


@dataclass(frozen=True)
class CccdData:
    """What a citizen ID card's QR code says, normalised to NFC. ``sex`` is "Nam" or "Nữ"."""

    id_number: str
    old_id_number: str | None
    full_name: str
    date_of_birth: date
    sex: str
    address: str | None
    issue_date: date | None

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict; dates as ISO strings, absent values as None."""
        return {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "sex": self.sex,
            "address": self.address,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
        }

    def __repr__(self) -> str:
        # Personal data must not reach logs through an innocent "%r".
        return f"CccdData(id_number='{self.id_number[:3]}*******{self.id_number[-2:]}', ...)"


def _clean(text: str | bytes) -> str:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("cccd_not_utf8") from None
    return unicodedata.normalize("NFC", text.strip().lstrip("\ufeff").strip())


def looks_like_cccd(text: str | bytes) -> bool:
    """Cheap test: is this (possibly keyboard-mangled) text the content of an ID card QR code?

    Only the ASCII skeleton is checked (12 digits and a bar first, a ``|ddmmyyyy|`` field, at
    least five bars), because keyboard-mode readers garble the Vietnamese letters. A True answer
    means "treat this burst as a card scan", not that :func:`parse_cccd` will accept it.
    """
    if len(text) > 2 * MAX_TEXT_LENGTH:
        return False
    try:
        cleaned = _clean(text)
    except ValidationError:
        return False
    return (
        len(cleaned) <= MAX_TEXT_LENGTH
        and _LOOKS_LIKE.match(cleaned) is not None
        and cleaned.count("|") >= 5
        and _DOB_FIELD.search(cleaned) is not None
    )


def _parse_date(value: str, field: str) -> date:
    if not _DATE.fullmatch(value):
        raise ValidationError("cccd_date_format", field=field)
    try:
        return date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        raise ValidationError("cccd_date_invalid", field=field) from None


def _parse_sex(value: str) -> str:
    sex = _SEX_BY_FOLDED.get(fold(value))
    if sex is None:
        raise ValidationError("cccd_sex_unknown")
    return sex


def _check_text(value: str, field: str) -> None:
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in value):
        raise ValidationError("cccd_control_characters", field=field)


def _split_fields(fields: list[str]) -> tuple[str, str, str, str, str, str | None, str | None]:
    """Map the fields of one of the accepted layouts to (id, old id, name, dob, sex, address, issue)."""
    if len(fields) >= 7:
        return fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]
    if len(fields) != 6:
        raise ValidationError("cccd_field_count", count=len(fields))
    if not _DIGITS.fullmatch(fields[1]):
        # No old-ID field at all: ID | name | dob | sex | address | issue date.
        return fields[0], "", fields[1], fields[2], fields[3], fields[4], fields[5]
    if _DATE.fullmatch(fields[5]):
        # Old-ID field present, no address: ID | old ID | name | dob | sex | issue date.
        return fields[0], fields[1], fields[2], fields[3], fields[4], None, fields[5]
    # Old-ID field present, no issue date: ID | old ID | name | dob | sex | address.
    return fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], None


def _check_id_against_person(id_number: str, date_of_birth: date, sex: str) -> None:
    # Digit 4 encodes century and sex (0/1: 1900s male/female, 2/3: 2000s, ...), digits 5-6 the
    # last two digits of the birth year.
    century_index = date_of_birth.year // 100 - 19
    expected = 2 * century_index + (1 if sex == FEMALE else 0)
    if int(id_number[3]) != expected:
        raise ValidationError("cccd_id_century_sex")
    if id_number[4:6] != f"{date_of_birth.year % 100:02d}":
        raise ValidationError("cccd_id_birth_year")


def parse_cccd(text: str | bytes, *, today: date | None = None) -> CccdData:
    """Parse the QR text of a citizen ID card, or raise :class:`ValidationError`.

    ``today`` (default: the local date) bounds the date of birth and the issue date. Bytes are
    decoded as UTF-8. Runs on any thread; the error message names the faulty field, never its value.
    """
    cleaned = _clean(text)
    if not cleaned:
        raise ValidationError("cccd_empty")
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise ValidationError("cccd_too_long")
    fields = [nfc(f) or "" for f in cleaned.split("|")]
    raw_id, raw_old, raw_name, raw_dob, raw_sex, raw_address, raw_issue = _split_fields(fields)

    if not _ID.fullmatch(raw_id):
        raise ValidationError("cccd_id_length")
    if raw_id[:3] not in PROVINCE_CODES:
        raise ValidationError("cccd_id_province")
    if raw_old and not _OLD_ID.fullmatch(raw_old):
        raise ValidationError("cccd_old_id_length")
    if not raw_name:
        raise ValidationError("cccd_name_empty")
    _check_text(raw_name, "full_name")
    if not any(c.isalpha() for c in raw_name) or any(c.isdigit() for c in raw_name):
        raise ValidationError("cccd_name_digits")

    today = today or to_local(utcnow()).date()  # Vietnam's date, whatever the PC's time zone
    date_of_birth = _parse_date(raw_dob, "date_of_birth")
    if date_of_birth > today:
        raise ValidationError("cccd_birth_future")
    if date_of_birth < _EARLIEST_BIRTH:
        raise ValidationError("cccd_birth_before_1900")
    sex = _parse_sex(raw_sex)
    _check_id_against_person(raw_id, date_of_birth, sex)

    if raw_address:
        _check_text(raw_address, "address")
    issue_date = _parse_date(raw_issue, "issue_date") if raw_issue else None
    if issue_date is not None:
        if issue_date < date_of_birth:
            raise ValidationError("cccd_issue_before_birth")
        if issue_date > today:
            raise ValidationError("cccd_issue_future")

    return CccdData(
        id_number=raw_id,
        old_id_number=raw_old or None,
        full_name=raw_name,
        date_of_birth=date_of_birth,
        sex=sex,
        address=raw_address or None,
        issue_date=issue_date,
    )
