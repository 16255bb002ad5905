"""The manifest of a backup archive (``manifest.json``): what was copied, with sizes and SHA-256, and from what.

A manifest is outside data on restore (a USB disk passed around, an archive copied by hand): :func:`parse`
checks every field before anything is trusted and raises ``ValidationError("backup_manifest_invalid",
reason=...)`` for anything else — never KeyError, TypeError or a half-read manifest. Paths are fixed
shapes (the database's name, ``files/ab/<sha256>``), so no entry can point outside the restored folder.

Which thread: any. Pure functions, no I/O.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.errors import ValidationError

FORMAT = "motcua-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
#: far beyond any center's manifest (a million files are ~150 MB of JSON is not realistic; 64 MB is the cap)
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
SQLITE_NAME = "database/motcua.sqlite3"
PG_DUMP_NAME = "database/motcua.pgdump"
DIALECTS = ("sqlite", "postgresql")
HEX64 = re.compile(r"[0-9a-f]{64}")
STORE_PATH = re.compile(r"files/([0-9a-f]{2})/([0-9a-f]{64})")
REVISION = re.compile(r"[0-9A-Za-z_]{1,32}")
COUNT_KEYS = ("dossiers", "stored_files", "dossier_files")


@dataclass(frozen=True)
class Entry:
    """One member of the archive: its path inside it, size in bytes and SHA-256 (hex)."""

    path: str
    size: int
    sha256: str

    def json(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class Manifest:
    created_at: str
    app_version: str
    schema_revision: str
    dialect: str
    database: Entry
    files: tuple[Entry, ...]
    counts: dict[str, int]
    #: the shared store's items on PostgreSQL (sha256, size): inside the dump, checked when it was made
    store_items: tuple[tuple[str, int], ...] = ()
    #: stored files the database records but the store could not give back whole when the copy was made
    missing: tuple[str, ...] = ()
    format_version: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def entries(self) -> tuple[Entry, ...]:
        return (self.database, *self.files)

    def total_bytes(self) -> int:
        return sum(e.size for e in self.entries())

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "format_version": self.format_version,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "dialect": self.dialect,
            "database": self.database.json(),
            "files": [e.json() for e in self.files],
            "counts": dict(self.counts),
            "missing": list(self.missing),
        }
        if self.dialect == "postgresql":
            doc["store_items"] = [{"sha256": d, "size": s} for d, s in self.store_items]
        return json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")


def _bad(reason: str) -> ValidationError:
    return ValidationError("backup_manifest_invalid", reason=reason)


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(f"{where} must be an object")
    return value


def _str(doc: dict[str, Any], key: str, where: str = "", *, max_len: int = 200) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value or len(value) > max_len or not value.isprintable():
        raise _bad(f"{where}{key} must be a short non-empty text")
    return value


def _size(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**48:
        raise _bad(f"{where} must be a whole number of bytes")
    return value


def _digest(value: Any, where: str) -> str:
    if not isinstance(value, str) or not HEX64.fullmatch(value):
        raise _bad(f"{where} must be 64 lowercase hex digits")
    return value


def _entry(value: Any, where: str) -> Entry:
    doc = _obj(value, where)
    path = doc.get("path")
    if not isinstance(path, str) or len(path) > 200:
        raise _bad(f"{where}.path must be a text")
    return Entry(path, _size(doc.get("size"), f"{where}.size"), _digest(doc.get("sha256"), f"{where}.sha256"))


def parse(data: bytes) -> Manifest:
    """The manifest in ``data`` (the bytes of ``manifest.json``), every field checked; ``ValidationError``
    ``backup_manifest_invalid`` naming the first fault otherwise."""
    if not isinstance(data, (bytes, bytearray)) or len(data) > MAX_MANIFEST_BYTES:
        raise _bad("too large")
    try:
        doc = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad("not UTF-8 JSON") from None
    doc = _obj(doc, "the manifest")
    if doc.get("format") != FORMAT:
        raise _bad(f"format must be {FORMAT!r}")
    version = doc.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise _bad(f"format_version {version!r} is not {FORMAT_VERSION}")
    created_at = _str(doc, "created_at")
    try:
        stamp = datetime.fromisoformat(created_at)
    except ValueError:
        raise _bad("created_at must be an ISO date-time") from None
    if stamp.tzinfo is None:
        raise _bad("created_at must carry its UTC offset")
    app_version = _str(doc, "app_version", max_len=40)
    revision = _str(doc, "schema_revision", max_len=32)
    if not REVISION.fullmatch(revision):
        raise _bad("schema_revision must be a revision identifier")
    dialect = doc.get("dialect")
    if dialect not in DIALECTS:
        raise _bad(f"dialect must be one of {', '.join(DIALECTS)}")
    database = _entry(doc.get("database"), "database")
    if database.path != (SQLITE_NAME if dialect == "sqlite" else PG_DUMP_NAME):
        raise _bad(f"database.path {database.path!r} is not where a {dialect} backup keeps its database")
    files_doc = doc.get("files")
    if not isinstance(files_doc, list):
        raise _bad("files must be a list")
    files: list[Entry] = []
    seen: set[str] = set()
    for i, item in enumerate(files_doc):
        entry = _entry(item, f"files[{i}]")
        match = STORE_PATH.fullmatch(entry.path)
        if not match or match.group(2) != entry.sha256 or match.group(1) != entry.sha256[:2]:
            raise _bad(f"files[{i}].path must be files/<first two of its sha256>/<its sha256>")
        if entry.path in seen:
            raise _bad(f"files[{i}] is listed twice")
        seen.add(entry.path)
        files.append(entry)
    if dialect == "postgresql" and files:
        raise _bad("a postgresql backup keeps its files inside the dump")
    counts_doc = _obj(doc.get("counts"), "counts")
    counts = {key: _size(counts_doc.get(key), f"counts.{key}") for key in COUNT_KEYS}
    missing_doc = doc.get("missing", [])
    if not isinstance(missing_doc, list):
        raise _bad("missing must be a list")
    missing = tuple(_digest(d, f"missing[{i}]") for i, d in enumerate(missing_doc))
    if dialect == "sqlite" and counts["stored_files"] != len(files) + len(missing):
        raise _bad("counts.stored_files does not match the files listed")
    items: list[tuple[str, int]] = []
    if dialect == "postgresql":
        items_doc = doc.get("store_items")
        if not isinstance(items_doc, list):
            raise _bad("store_items must be a list")
        for i, item in enumerate(items_doc):
            item = _obj(item, f"store_items[{i}]")
            items.append((_digest(item.get("sha256"), f"store_items[{i}].sha256"), _size(item.get("size"), f"store_items[{i}].size")))
    return Manifest(created_at=created_at, app_version=app_version, schema_revision=revision, dialect=dialect,
                    database=database, files=tuple(files), counts=counts, store_items=tuple(items), missing=missing)
