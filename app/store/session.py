"""The store: an engine plus short sessions, one transaction each.

``store.write()`` is a unit of work: everything in it commits together or not at all (SQLite takes the
write lock at BEGIN). ``store.read()`` never writes. Stale versions become ``StaleVersionError``.
Which thread: any worker thread; never hold a session across threads.

The caches of what rarely changes (a procedure's checklist, the calendar, a few settings, the days already
closed) belong to the store (:class:`StoreCaches`, reached from a session by :func:`caches`), not to the
process: two stores on one engine — tests that each roll back their own transaction — never see each
other's days or catalogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.errors import StaleVersionError, StoreError
from app.store.engine import explain_db_error, make_engine, verify_sqlite


@dataclass
class StoreCaches:
    """What the services remember between units of work of one store. Plain dicts: each entry is written
    whole, so worker threads sharing the store see an old value or a new one, never half of one."""

    #: (override count, latest import, working hours) -> WorkCalendar (``services.calendar``)
    calendars: dict[tuple, Any] = field(default_factory=dict)
    #: (procedure id, version) -> (checklist items, fee items) (``services.catalog``)
    intake: dict[tuple, tuple] = field(default_factory=dict)
    #: center setting key -> (monotonic time read, value) (``services.queue``)
    settings: dict[str, tuple[float, Any]] = field(default_factory=dict)
    #: local days whose queue closing already ran (``services.queue``)
    closed_days: set[date] = field(default_factory=set)


def caches(session: Session) -> StoreCaches:
    """The caches of the store ``session`` came from; a session made elsewhere gets its own, for its life."""
    found = session.info.get("caches")
    if found is None:
        found = session.info["caches"] = StoreCaches()
    return found


class Store:
    def __init__(self, engine: Engine, *, connection: Connection | None = None) -> None:
        """``connection``: tests bind every session to one connection inside an outer transaction that
        they roll back afterwards; each unit of work is then a savepoint."""
        self.engine = engine
        self.caches = StoreCaches()
        info = {"caches": self.caches}
        self.readonly = False
        if connection is not None:
            self._writer = sessionmaker(bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint",
                                        info=info)
            self._reader = self._writer
        else:
            self._writer = sessionmaker(bind=engine, expire_on_commit=False, info=info)
            self._reader = sessionmaker(bind=engine.execution_options(readonly=True), expire_on_commit=False, info=info)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True, readonly: bool = False) -> Store:
        """Open a database; on SQLite verify the pragmas and (``migrate``) bring the schema up to date.

        ``readonly`` (the reading commands): the database must exist and be on this code's schema
        revision; nothing is created, converted to WAL or migrated, and ``write()`` is refused. A file
        that is not a motcua database is refused in either mode before anything is written to it.
        """
        from app.store import migrate as migrations

        engine = make_engine(url, readonly=readonly)
        try:
            if engine.dialect.name == "sqlite":
                verify_sqlite(engine)
            if readonly:
                migrations.check_revision(engine)
            elif migrate:
                migrations.prepare(engine)
        except DBAPIError as exc:
            engine.dispose()
            raise explain_db_error(exc) or exc
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine)
        store.readonly = readonly
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self.readonly:
            raise StoreError("database_opened_read_only")
        session = self._writer()
        try:
            with session.begin():
                yield session
        except StaleDataError as exc:
            raise StaleVersionError() from exc
        except DBAPIError as exc:
            raise explain_db_error(exc) or exc
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader()
        try:
            yield session
        except DBAPIError as exc:
            raise explain_db_error(exc) or exc
        finally:
            session.close()  # ends the transaction without expiring what was loaded

    def close(self) -> None:
        self.engine.dispose()
