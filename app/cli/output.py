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
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None, default=str) + "\n")


def print_line(text: str) -> None:
    sys.stdout.write(text + "\n")


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


def nonneg_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError(f"must be ≥ 0: {text!r}")
    return int(value) if value == int(value) else value


def nonneg_int(text: str) -> int:
    value = nonneg_number(text)
    if not isinstance(value, int):
        raise argparse.ArgumentTypeError(f"must be a whole number: {text!r}")
    return value


