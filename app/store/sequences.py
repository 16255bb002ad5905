"""Named sequences that stay unique across processes and stations on both engines."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.store.models import Sequence


def next_value(session: Session, name: str, *, start: int = 1) -> int:
    """Increment and return the sequence ``name`` inside the caller's transaction.

    One statement, ``INSERT .. ON CONFLICT DO UPDATE SET value = value + 1 RETURNING value``: on
    PostgreSQL the row stays locked until the caller commits (a concurrent caller waits, then sees the
    new value); on SQLite the caller already holds the database write lock (BEGIN IMMEDIATE). A rolled
    back transaction gives its number back; a committed one never reuses it.
    """
    stmt = _next_statement(session.get_bind().dialect.name)
    return int(session.connection().execute(stmt, {"name": name, "start": start}).scalar_one())


@lru_cache(maxsize=4)
def _next_statement(dialect: str):
    """Built once: an intake takes three numbers, and building the statement cost more than running it."""
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    return (
        insert(Sequence)
        .values(name=bindparam("name"), value=bindparam("start"))
        .on_conflict_do_update(index_elements=[Sequence.name], set_={"value": Sequence.value + 1})
        .returning(Sequence.value)
    )


def peek(session: Session, name: str) -> int | None:
    return session.scalar(select(Sequence.value).where(Sequence.name == name))


def ensure_at_least(session: Session, name: str, value: int) -> None:
    """Make the next value of ``name`` larger than ``value`` (kept queue tickets, imported codes).

    One upsert, so two stations doing it at once both succeed (the larger value wins)."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(Sequence).values(name=name, value=value)
    bigger = func.greatest if dialect == "postgresql" else func.max
    session.execute(
        stmt.on_conflict_do_update(index_elements=[Sequence.name], set_={"value": bigger(Sequence.value, stmt.excluded.value)})
    )
