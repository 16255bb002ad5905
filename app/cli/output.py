"""Output shared by the command groups: one JSON document, plain lines, files written atomically,
and argparse value types."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.errors import ValidationError


def emit(data: Any) -> None:
    # json escapes C0 controls itself; safe_text turns C1 controls and bidi overrides into \\uXXXX escapes,
    # which are valid JSON too.
    sys.stdout.write(safe_text(json.dumps(data, ensure_ascii=False, indent=None, default=str)) + "\n")


def safe_text(text: str) -> str:
    """Control and invisible characters (terminal escapes, NUL, bidi overrides) shown as ``\\uXXXX``, so a
    stored value cannot drive the officer's terminal; Vietnamese letters stay as they are."""
    if text.isprintable():
        return text
    import unicodedata

    return "".join(
        c if c == " " or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else f"\\u{ord(c):04x}"
        for c in text
    )


def print_line(text: str) -> None:
    sys.stdout.write(safe_text(text) + "\n")


def check_out(path: str) -> Path:
    """The ``--out`` target, refused early (ValidationError, exit 2) when it names a directory, so that
    nothing is rendered or archived for a file that cannot be written."""
    target = Path(path)
    if not path or target.is_dir() or path.endswith(("/", "\\")):
        raise ValidationError("out_is_directory", path=path)
    return target


def write_out(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file in the same folder, then a rename).

    The temporary file holds citizen data: it is removed on every failure (the error, then
    ValidationError for exit 2: the target is a directory, the folder cannot be made or written...).
    """
    import os
    import tempfile

    target = check_out(path)
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ValidationError("out_write_failed", path=path, reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


# Far beyond any real processing time; the calendar walks day by day, so 1e300 days would never end.
MAX_AMOUNT = 36_500


def nonneg_number(text: str) -> float:
    import math

    try:
        value = float(text) if len(text) <= 30 else math.nan
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:30]!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a finite number: {text[:30]!r}")
    if not 0 <= value <= MAX_AMOUNT * 24:
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_AMOUNT * 24}: {text[:30]!r}")
    return int(value) if value == int(value) else value


def nonneg_int(text: str) -> int:
    value = nonneg_number(text)
    if not isinstance(value, int):
        raise argparse.ArgumentTypeError(f"must be a whole number: {text[:30]!r}")
    return value


def int_in(low: int, high: int):
    """An argparse type: a whole number from ``low`` to ``high`` (a counter, a limit, a version)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip()) if len(text) <= 20 else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}: {text[:30]!r}")
        return value

    parse.__name__ = "whole number"
    return parse


def when_text(text: str) -> str:
    """An argparse type for a date-time argument: short printable text (parsed later by the command)."""
    if len(text) > 40 or not text.isprintable():
        raise argparse.ArgumentTypeError("a date-time: YYYY-MM-DDTHH:MM[+07:00]")
    return text


def field_text(name: str, *, required: bool = False):
    """An argparse type checked by the field rules of ``app.fields`` (length, characters)."""

    def parse(text: str) -> str | None:
        from app import fields
        from app.errors import ValidationError

        try:
            return fields.text(text, name, required=required)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = name
    return parse


