"""Dossier search: code, ID number, phone and Vietnamese-insensitive applicant names, newest first.

Indexes per field: codes, ID numbers and phones are ordinary B-tree indexes searched by prefix range
(``>= q AND < q + '\\x7f'``, which both engines serve from the index); names are folded
(``app.text.fold``: diacritics and đ removed) and searched word by word with prefix matching in a
full-text index — SQLite FTS5 (``dossier_fts``, whose rowid is the dossier's serial so that "newest first"
is the index order) or PostgreSQL's built-in ``to_tsvector('simple', ...)`` GIN index.
"""

from __future__ import annotations

import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session, joinedload, lazyload

from app.store.models import Dossier, Procedure
from app.text import digits_only, fold

DEFAULT_LIMIT = 50
CODE_HINT = re.compile(r"^[0-9A-Za-z]{1,4}[.\-]")


def classify(query: str) -> str:
    """'code', 'digits' (ID number or phone) or 'name'."""
    q = query.strip()
    if CODE_HINT.match(q) and any(c.isdigit() for c in q):
        return "code"
    compact = q.replace(" ", "").replace("+84", "0")
    if compact.isdigit():
        return "digits"
    return "name"


def search(session: Session, query: str, *, limit: int = DEFAULT_LIMIT, include_cancelled: bool = False) -> list[Dossier]:
    q = query.strip()
    if not q:
        return []
    limit = max(1, min(limit, 500))
    kind = classify(q)
    if kind == "code":
        ids = _prefix(session, Dossier.code, q.upper(), limit)
    elif kind == "digits":
        digits = digits_only(q.replace("+84", "0", 1))
        ids = _prefix(session, Dossier.search_id_number, digits, limit) + _prefix(session, Dossier.search_phone, digits, limit)
    else:
        ids = _names(session, q, limit)
    if not ids:
        return []
    # A hit list shows the code, status, dates, applicant, procedure and department: load those (one
    # select-in for the parties) and leave the checklist, fees, history and the procedure's own
    # catalog lists to load only if someone asks for them.
    procedure = joinedload(Dossier.procedure)
    stmt = select(Dossier).where(Dossier.serial.in_(set(ids))).options(
        lazyload(Dossier.documents), lazyload(Dossier.fees), lazyload(Dossier.events),
        procedure.lazyload(Procedure.documents), procedure.lazyload(Procedure.fees),
        procedure.lazyload(Procedure.department),
    )
    if not include_cancelled:
        stmt = stmt.where(Dossier.status != "cancelled")
    rows = list(session.scalars(stmt))
    rows.sort(key=lambda d: (d.received_at, d.serial or 0), reverse=True)
    return rows[:limit]


def _prefix(session: Session, column, value: str, limit: int) -> list[int]:
    stmt = (
        select(Dossier.serial)
        .where(column >= value, column < value + "\x7f")
        .order_by(Dossier.serial.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def _names(session: Session, query: str, limit: int) -> list[int]:
    words = [w for w in re.split(r"[^a-z0-9]+", fold(query)) if w]
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        match = " AND ".join(f'"{w}"*' for w in words)
        sql = text("SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH :m ORDER BY rowid DESC LIMIT :n")
        return list(session.scalars(sql, {"m": match, "n": limit}))
    tsquery = " & ".join(f"{w}:*" for w in words)
    sql = text(
        "SELECT serial FROM dossiers WHERE to_tsvector('simple', search_name) @@ to_tsquery('simple', :q) "
        "ORDER BY serial DESC LIMIT :n"
    )
    return list(session.scalars(sql, {"q": tsquery, "n": limit}))
