"""Field rules: one place for every input field's type, length and characters.

Everything a person or a file types into the core goes through these checks — the command line, the
windows (``ui/`` calls the same functions before it submits), the catalog importers and the coming sync
and import paths — so that a field accepted at one door is accepted at every door, and a database never
sees what it cannot hold (PostgreSQL refuses a 1 MB ``varchar(200)``; SQLite would store it).

Pure functions, any thread. Failures: ``ValidationError`` whose message starts with the field's name
and never repeats the value (it may be personal data, and it may hold terminal escapes).

To add a field: one ``Field`` in ``FIELDS`` below, with its kind and its length in characters (the
column's length when it has one).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import ValidationError

# Characters no field may hold once whitespace has been collapsed: controls (NUL, ESC and the C1 block
# included), format characters (zero-width spaces and joiners, bidirectional overrides, BOM), lone
# surrogates, private use and unassigned code points.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_PHONE_CHARS = re.compile(r"^\+?[0-9 .\-()]+$")
_ID_CHARS = re.compile(r"^[0-9 .\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_]*$")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | name | code | phone | id_number | email
    max_len: int


def _fields(*items: Field) -> dict[str, Field]:
    return {f.name: f for f in items}


FIELDS = _fields(
    # parties (dossier_parties)
    Field("full_name", "name", 200),
    Field("id_number", "id_number", 20),
    Field("phone", "phone", 20),
    Field("email", "email", 120),
    Field("address", "text", 500),
    # dossiers and their actions
    Field("procedure_code", "code", 40),
    Field("item", "text", 500),
    Field("note", "text", 2000),
    Field("reason", "text", 2000),
    Field("department", "text", 200),
    Field("collector_name", "name", 200),
    Field("tracking", "text", 60),
    # catalog
    Field("code", "code", 40),
    Field("local_code", "text", 60),
    Field("name", "text", 2000),
    Field("field", "text", 120),
    Field("doc_code", "code", 40),
    Field("alternative_group", "text", 40),
    Field("fee_name", "text", 1000),
    # queue
    Field("service", "code", 20),
    Field("ticket_number", "code", 20),
    Field("pause_reason", "text", 200),
)

# Counts and amounts: the columns are 32-bit integers (fees 64-bit); far below either.
MAX_COPIES = 1_000  # originals, certified copies, photocopies of one paper
MAX_SETS = 100
MAX_FEE = 10**12  # VND
MAX_NOTICE_DAYS = 365
MAX_COUNTER = 9_999
# Processing times (catalog and ``calendar due``): anything larger is a typing slip, and the calendar
# walks day by day.
MAX_TIME = {"working_days": 3_650, "working_hours": 3_650 * 24, "days": 36_500, "same_day": 0}

# Files read at the input boundary.
MAX_JSON_BYTES = 5_000_000
MAX_CATALOG_BYTES = 20_000_000


def _where(where: str | None, field: Field) -> str:
    return where or field.name


def check_chars(value: str, where: str) -> None:
    """Refuse lone surrogates and control/format/unassigned characters (after whitespace collapse)."""
    for ch in value:
        if unicodedata.category(ch) in _FORBIDDEN_CATEGORIES:
            raise ValidationError("field_control_character", where=where, codepoint=f"{ord(ch):04X}")


def text(value: Any, name: str, *, where: str | None = None, required: bool = False) -> str | None:
    """Check one text field: a string (a number is taken as its digits), NFC, inner whitespace collapsed,
    no control or invisible characters, at most the field's length, and the kind's character rule.

    Returns None for an empty optional field; the cleaned value otherwise.
    """
    field = FIELDS[name]
    label = _where(where, field)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("field_required", label=label, field=label)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValidationError("field_not_text", label=label, field=label, kind=type(value).__name__)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError("field_not_text", label=label, field=label)
        value = str(int(value)) if value == int(value) and abs(value) < 1e30 else repr(value)
    elif isinstance(value, int) and abs(value) >= 10**30:
        raise ValidationError("field_too_long", label=label, field=label, max_len=field.max_len)
    raw = str(value)
    if len(raw) > field.max_len * 4 + 100:  # refuse a megabyte before normalising it
        raise ValidationError("field_too_long", label=label, field=label, max_len=field.max_len)
    if not raw.isprintable():  # the common case skips the per-character look-up
        check_chars(raw.replace("\t", " ").replace("\n", " ").replace("\r", " "), label)
    cleaned = " ".join(unicodedata.normalize("NFC", raw).split())
    if not cleaned:
        if required:
            raise ValidationError("field_required", label=label, field=label)
        return None
    if len(cleaned) > field.max_len:
        raise ValidationError("field_too_long", label=label, field=label, max_len=field.max_len)
    return _KIND_RULES[field.kind](cleaned, label)


def _rule_text(value: str, label: str) -> str:
    if not any(c.isalnum() or c in "+-*/#&@" for c in value):
        raise ValidationError("field_no_letters_or_digits", label=label, field=label)
    return value


def _rule_name(value: str, label: str) -> str:
    if not any(c.isalpha() for c in value):
        raise ValidationError("field_no_letters", label=label, field=label)
    return value


def _rule_code(value: str, label: str) -> str:
    if not _CODE.match(value):
        raise ValidationError("field_code_characters", label=label, field=label)
    return value


def _rule_phone(value: str, label: str) -> str:
    if not _PHONE_CHARS.match(value):
        raise ValidationError("phone_characters", label=label, field=label)
    digits = re.sub(r"[^0-9]", "", value)
    if value.startswith("+84"):
        digits = "0" + digits[2:]
    if not 9 <= len(digits) <= 11:
        raise ValidationError("phone_digit_count", label=label, field=label)
    return digits


def _rule_id_number(value: str, label: str) -> str:
    if not _ID_CHARS.match(value):
        raise ValidationError("field_digits_only", label=label, field=label)
    digits = re.sub(r"[^0-9]", "", value)
    if len(digits) not in (9, 12):
        raise ValidationError("id_number_digit_count", label=label, field=label)
    return digits


def _rule_email(value: str, label: str) -> str:
    if not _EMAIL.match(value):
        raise ValidationError("email_not_an_address", label=label, field=label)
    return value


_KIND_RULES = {
    "text": _rule_text,
    "name": _rule_name,
    "code": _rule_code,
    "phone": _rule_phone,
    "id_number": _rule_id_number,
    "email": _rule_email,
}


def whole(value: Any, where: str, *, maximum: int, minimum: int = 0, default: int | None = 0) -> int | None:
    """A whole number between ``minimum`` and ``maximum``: an int, an integral float or its text.

    ``None`` and "" give ``default``. Booleans, lists, infinities and 10**20 are refused.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError("field_not_whole", where=where)
    if isinstance(value, str):
        if len(value) > 30:
            raise ValidationError("field_whole_out_of_range", where=where, minimum=minimum, maximum=maximum)
        try:
            value = float(value.strip()) if any(c in value for c in ".eE") else int(value.strip())
        except ValueError:
            raise ValidationError("field_not_whole", where=where) from None
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            raise ValidationError("field_not_whole", where=where)
        if abs(value) > 2**53:
            raise ValidationError("field_whole_out_of_range", where=where, minimum=minimum, maximum=maximum)
        value = int(value)
    if not minimum <= value <= maximum:
        raise ValidationError("field_whole_out_of_range", where=where, minimum=minimum, maximum=maximum)
    return value


def number(value: Any, where: str, *, maximum: float, minimum: float = 0) -> float | int:
    """A finite number between ``minimum`` and ``maximum`` (int when it is whole)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError("field_not_number", where=where)
    if isinstance(value, str) and len(value) > 30:
        raise ValidationError("field_number_out_of_range", where=where, minimum=minimum, maximum=maximum)
    try:
        result = float(value)
    except (ValueError, OverflowError):
        raise ValidationError("field_not_number", where=where) from None
    if not math.isfinite(result) or not minimum <= result <= maximum:
        raise ValidationError("field_number_out_of_range", where=where, minimum=minimum, maximum=maximum)
    return int(result) if result == int(result) else result


# --- files at the input boundary -----------------------------------------------------------------


def read_file_bytes(path: Path, *, max_bytes: int, what: str = "file") -> bytes:
    """Read a whole input file, refusing directories, special files and anything over ``max_bytes``."""
    try:
        if path.is_dir():
            raise ValidationError("path_is_directory", path=path, what=what)
        if not path.exists():
            raise ValidationError("file_not_found", path=path)
        if not path.is_file():
            raise ValidationError("file_not_regular", path=path)
        if path.stat().st_size > max_bytes:
            raise ValidationError("file_too_large", path=path, mb=max_bytes // 1_000_000)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise ValidationError("file_permission_denied", path=path) from None
    except OSError as exc:
        raise ValidationError("file_unreadable", path=path, reason=exc.strerror or exc.__class__.__name__) from None
    if len(data) > max_bytes:
        raise ValidationError("file_too_large", path=path, mb=max_bytes // 1_000_000)
    return data


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM); anything else is refused with a hint rather than guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError("file_not_utf8", where=where, byte=exc.start + 1) from None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(text: str, where: str) -> Any:
    """``json.loads`` that fails only with ``ValidationError``: bad syntax, NaN/Infinity, nesting too deep
    for the parser, integers with thousands of digits."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ValidationError("json_invalid_at", where=where, lineno=exc.lineno, colno=exc.colno) from None
    except RecursionError:
        raise ValidationError("json_too_deep", where=where) from None
    except ValueError as exc:  # NaN, Infinity, a 5,000-digit integer
        raise ValidationError("json_invalid", where=where, detail=str(exc)[:80]) from None


def read_json_file(path: str | Path, *, max_bytes: int = MAX_JSON_BYTES) -> Any:
    path = Path(path)
    return parse_json(decode_text(read_file_bytes(path, max_bytes=max_bytes, what="JSON file"), str(path)), str(path))
