"""Output shared by the command groups: one JSON document, plain lines, files written atomically,
and argparse value types."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None, default=str) + "\n")


def print_line(text: str) -> None:
    sys.stdout.write(text + "\n")


def write_out(path: str, data: bytes) -> None:
    import os

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


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


