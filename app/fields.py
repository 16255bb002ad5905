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
            raise ValidationError(f"{where}: has a control or invisible character (U+{ord(ch):04X})")


def text(value: Any, name: str, *, where: str | None = None, required: bool = False) -> str | None:
    """Check one text field: a string (a number is taken as its digits), NFC, inner whitespace collapsed,
    no control or invisible characters, at most the field's length, and the kind's character rule.

    Returns None for an empty optional field; the cleaned value otherwise.
    """
    field = FIELDS[name]
    label = _where(where, field)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(f"{label} is required")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValidationError(f"{label}: must be text, not {type(value).__name__}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(f"{label}: must be text")
        value = str(int(value)) if value == int(value) and abs(value) < 1e30 else repr(value)
    elif isinstance(value, int) and abs(value) >= 10**30:
        raise ValidationError(f"{label}: longer than {field.max_len} characters")
    raw = str(value)
    if len(raw) > field.max_len * 4 + 100:  # refuse a megabyte before normalising it
        raise ValidationError(f"{label}: longer than {field.max_len} characters")
    if not raw.isprintable():  # the common case skips the per-character look-up
        check_chars(raw.replace("\t", " ").replace("\n", " ").replace("\r", " "), label)
    cleaned = " ".join(unicodedata.normalize("NFC", raw).split())
    if not cleaned:
        if required:
            raise ValidationError(f"{label} is required")
        return None
    if len(cleaned) > field.max_len:
        raise ValidationError(f"{label}: longer than {field.max_len} characters")
    return _KIND_RULES[field.kind](cleaned, label)


def _rule_text(value: str, label: str) -> str:
    if not any(c.isalnum() or c in "+-*/#&@" for c in value):
        raise ValidationError(f"{label}: has no letters or digits")
    return value


def _rule_name(value: str, label: str) -> str:
    if not any(c.isalpha() for c in value):
        raise ValidationError(f"{label}: has no letters")
    return value


def _rule_code(value: str, label: str) -> str:
    if not _CODE.match(value):
        raise ValidationError(f"{label}: only letters A-Z, digits, '.', '-' and '_' are allowed")
    return value


def _rule_phone(value: str, label: str) -> str:
    if not _PHONE_CHARS.match(value):
        raise ValidationError(f"{label}: only digits, spaces, '+', '-', '.' and brackets are allowed")
    digits = re.sub(r"[^0-9]", "", value)
    if value.startswith("+84"):
        digits = "0" + digits[2:]
    if not 9 <= len(digits) <= 11:
        raise ValidationError(f"{label}: a phone number has 9 to 11 digits")
    return digits


def _rule_id_number(value: str, label: str) -> str:
    if not _ID_CHARS.match(value):
        raise ValidationError(f"{label}: only digits are allowed")
    digits = re.sub(r"[^0-9]", "", value)
    if len(digits) not in (9, 12):
        raise ValidationError(f"{label}: must have 9 or 12 digits")
    return digits


def _rule_email(value: str, label: str) -> str:
    if not _EMAIL.match(value):
        raise ValidationError(f"{label}: not an e-mail address")
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
        raise ValidationError(f"{where}: must be a whole number")
    if isinstance(value, str):
        if len(value) > 30:
            raise ValidationError(f"{where}: must be a whole number from {minimum} to {maximum}")
        try:
            value = float(value.strip()) if any(c in value for c in ".eE") else int(value.strip())
        except ValueError:
            raise ValidationError(f"{where}: must be a whole number") from None
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            raise ValidationError(f"{where}: must be a whole number")
        if abs(value) > 2**53:
            raise ValidationError(f"{where}: must be a whole number from {minimum} to {maximum}")
        value = int(value)
    if not minimum <= value <= maximum:
        raise ValidationError(f"{where}: must be a whole number from {minimum} to {maximum}")
    return value


def number(value: Any, where: str, *, maximum: float, minimum: float = 0) -> float | int:
    """A finite number between ``minimum`` and ``maximum`` (int when it is whole)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError(f"{where}: must be a number")
    if isinstance(value, str) and len(value) > 30:
        raise ValidationError(f"{where}: must be a number from {minimum:g} to {maximum:g}")
    try:
        result = float(value)
    except (ValueError, OverflowError):
        raise ValidationError(f"{where}: must be a number") from None
    if not math.isfinite(result) or not minimum <= result <= maximum:
        raise ValidationError(f"{where}: must be a number from {minimum:g} to {maximum:g}")
    return int(result) if result == int(result) else result


# --- files at the input boundary -----------------------------------------------------------------


def read_file_bytes(path: Path, *, max_bytes: int, what: str = "file") -> bytes:
    """Read a whole input file, refusing directories, special files and anything over ``max_bytes``."""
    try:
        if path.is_dir():
            raise ValidationError(f"{path}: is a directory, not a {what}")
        if not path.exists():
            raise ValidationError(f"{path}: no such file")
        if not path.is_file():
            raise ValidationError(f"{path}: not a regular file")
        if path.stat().st_size > max_bytes:
            raise ValidationError(f"{path}: larger than {max_bytes // 1_000_000} MB")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise ValidationError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ValidationError(f"{path}: cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > max_bytes:
        raise ValidationError(f"{path}: larger than {max_bytes // 1_000_000} MB")
    return data


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM); anything else is refused with a hint rather than guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"{where}: not UTF-8 text (byte {exc.start + 1}); save the file as UTF-8 (CSV UTF-8 in Excel)"
        ) from None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(text: str, where: str) -> Any:
    """``json.loads`` that fails only with ``ValidationError``: bad syntax, NaN/Infinity, nesting too deep
    for the parser, integers with thousands of digits."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise ValidationError(f"{where}: JSON nested too deeply") from None
    except ValueError as exc:  # NaN, Infinity, a 5,000-digit integer
        raise ValidationError(f"{where}: not valid JSON ({str(exc)[:80]})") from None


def read_json_file(path: str | Path, *, max_bytes: int = MAX_JSON_BYTES) -> Any:
    path = Path(path)
    return parse_json(decode_text(read_file_bytes(path, max_bytes=max_bytes, what="JSON file"), str(path)), str(path))
