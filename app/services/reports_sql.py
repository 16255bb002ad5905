"""The aggregate queries behind the reports: every figure is summed in the database (GROUP BY), on SQLite and
PostgreSQL from the same statements; only the few date functions differ, chosen here by dialect.

Local time is Vietnam's fixed UTC+7 (no daylight saving since 1975): a local date or hour is the stored UTC
instant shifted by seven hours (SQLite ``'+7 hours'``, PostgreSQL ``AT TIME ZONE 'Asia/Ho_Chi_Minh'``).

Which thread: workers only (the store thread). Failures: none of their own (SQLAlchemy errors pass up).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement
from sqlalchemy.types import Date, Float, String, Uuid

from app.store.models import Dossier, DossierEvent, Ticket
from app.store.models import OutboxMessage
from app.store.models_devices import Rating
from app.store.models_files import DossierFile

#: the dossier event kinds counted per officer and department
EVENT_KINDS = ("returned", "supplement_requested", "apologized")
SYNC_KIND = "dossier.event"


class Dialect:
    """The date functions of one engine, as SQL expressions."""

    def __init__(self, name: str) -> None:
        self.pg = name == "postgresql"

    def _local(self, col) -> ColumnElement:
        return func.timezone("Asia/Ho_Chi_Minh", col)

    def local_day(self, col) -> ColumnElement:
        """The local date of an instant (a date on PostgreSQL, 'YYYY-MM-DD' text on SQLite: both compare)."""
        if self.pg:
            return cast(self._local(col), Date)  # to_char() costs twice as much over 100,000 rows
        return func.date(col, "+7 hours")

    def local_month(self, col) -> ColumnElement:
        """The local month of an instant: 'YYYY-MM' text on SQLite, the month's first day on PostgreSQL
        (hash-grouped; :func:`month_key` makes it text)."""
        if self.pg:
            return func.date_trunc("month", self._local(col))
        return func.strftime("%Y-%m", col, "+7 hours")

    def utc_hour(self, col) -> ColumnElement:
        """The UTC hour of an instant: the same partition as the local hour (a fixed offset); the caller
        shifts it by seven. On SQLite the stored text's hour digits (``YYYY-MM-DD HH:MM:SS``), which costs a
        third of ``strftime`` over half a million tickets."""
        if self.pg:
            return cast(func.date_part("hour", func.timezone("UTC", col)), Integer)
        return cast(func.substr(type_coerce(col, String), 12, 2), Integer)

    def unsent(self, id_col) -> ColumnElement:
        """The dossier still has an outbox item not sent to the province."""
        if self.pg:
            return id_col.in_(select(cast(OutboxMessage.aggregate_id, Uuid)).where(
                OutboxMessage.status != "sent", OutboxMessage.kind == SYNC_KIND))
        # SQLite keeps a Uuid as 32 hex digits: the (few) waiting ids are converted, not every dossier's.
        hexed = select(func.lower(func.replace(OutboxMessage.aggregate_id, "-", ""))).where(
            OutboxMessage.status != "sent", OutboxMessage.kind == SYNC_KIND)
        return type_coerce(id_col, String).in_(hexed)

    def seconds(self, start, end) -> ColumnElement:
        """``end - start`` in seconds (a float)."""
        if self.pg:  # date_part is double precision; EXTRACT has returned numeric (slower) since PostgreSQL 14
            return func.date_part("epoch", end - start)
        return (func.julianday(end) - func.julianday(start)) * 86400.0


def _n(cond) -> ColumnElement:
    return func.sum(case((cond, 1), else_=0))


def _grouped(by_day, day_expr, columns, sums, where, group):
    """A SELECT of ``columns`` and ``sums`` grouped by ``group`` (and first by the local day when ``by_day``:
    the roll-ups' shape)."""
    if by_day:
        day = day_expr.label("day")
        return select(day, *columns, *sums).where(*where).group_by(day, *group)
    return select(*columns, *sums).where(*where).group_by(*group)


def received_select(d: Dialect, start: datetime, end: datetime, *, by_day: bool = False):
    """Dossiers received in [start, end) (not cancelled) by channel, procedure, department and officer, with
    how many are digitized (a current file of an item) and how many still have an unsent outbox item."""
    # a probe of ix_dossier_files_dossier_id per dossier of the range: a day not rolled up costs its own
    # dossiers, not a list of every current file of the center (IN built that list per statement)
    digitized = select(DossierFile.id).where(DossierFile.dossier_id == Dossier.id,
                                             DossierFile.replaced_at.is_(None)).exists()
    keys = (Dossier.channel, Dossier.procedure_id, Dossier.department_id, Dossier.officer)
    return _grouped(by_day, d.local_day(Dossier.received_at), keys,
                    (func.count().label("received"), _n(digitized).label("digitized"),
                     _n(d.unsent(Dossier.id)).label("unsent")),
                    (Dossier.received_at >= start, Dossier.received_at < end, Dossier.status != "cancelled"), keys)


def received_rows(session: Session, d: Dialect, start: datetime, end: datetime) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(received_select(d, start, end))]


def _decided_filter(start: datetime, end: datetime):
    return and_(Dossier.decided_at >= start, Dossier.decided_at < end, Dossier.status != "cancelled",
                Dossier.refused_at_intake.is_(False), Dossier.due_at.is_not(None))


def _timeliness(d: Dialect):
    early = d.local_day(Dossier.decided_at) < d.local_day(Dossier.due_at)
    late = Dossier.decided_at > Dossier.due_at
    return _n(early).label("early"), _n(and_(~early, ~late)).label("on_time"), _n(late).label("late")


def decided_select(d: Dialect, start: datetime, end: datetime, *, by_day: bool = False):
    """Dossiers decided (finished or refused) in [start, end) by procedure, department and officer: early
    (before the due day), on time (by the due instant), late, and the summed processing seconds."""
    keys = (Dossier.procedure_id, Dossier.department_id, Dossier.officer)
    sums = (func.count().label("decided"), *_timeliness(d),
            func.coalesce(func.sum(cast(d.seconds(Dossier.received_at, Dossier.decided_at), Float)), 0.0).label("seconds"))
    return _grouped(by_day, d.local_day(Dossier.decided_at), keys, sums, (_decided_filter(start, end),), keys)


def decided_rows(session: Session, d: Dialect, start: datetime, end: datetime) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(decided_select(d, start, end))]


def decided_by_month(session: Session, d: Dialect, start: datetime, end: datetime) -> list[dict[str, Any]]:
    month = d.local_month(Dossier.decided_at).label("month")
    stmt = (select(month, func.count().label("decided"), *_timeliness(d))
            .where(_decided_filter(start, end)).group_by(month).order_by(month))
    return [{**dict(r._mapping), "month": month_key(r.month)} for r in session.execute(stmt)]


def month_key(value) -> str:
    return value if isinstance(value, str) else f"{value:%Y-%m}"


def event_select(d: Dialect, start: datetime, end: datetime, *, by_day: bool = False):
    """Returns, supplement requests and apologies made in [start, end), by who made them and the department."""
    keys = (DossierEvent.kind, DossierEvent.actor, DossierEvent.department)
    return _grouped(by_day, d.local_day(DossierEvent.occurred_at), keys, (func.count().label("n"),),
                    (DossierEvent.kind.in_(EVENT_KINDS), DossierEvent.occurred_at >= start,
                     DossierEvent.occurred_at < end), keys)


def event_rows(session: Session, d: Dialect, start: datetime, end: datetime) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(event_select(d, start, end))]


def rating_select(d: Dialect, start: datetime, end: datetime, *, by_day: bool = False):
    """Ratings given in [start, end) by officer, counter, scale, score and source (the ratings section)."""
    keys = (Rating.officer, Rating.counter, Rating.scale, Rating.score, Rating.source)
    return (_grouped(by_day, d.local_day(Rating.at), keys, (func.count().label("n"),),
                     (Rating.at >= start, Rating.at < end), keys)
            # SQLite's planner prefers a skip-scan of ix_ratings_officer_at with a table lookup per rating
            # (2.5x slower on the bench center); the covering index answers from the index alone.
            .with_hint(Rating, "INDEXED BY ix_ratings_report", "sqlite"))


def rating_rows(session: Session, d: Dialect, start: datetime, end: datetime) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(rating_select(d, start, end))]


def ticket_select(d: Dialect, first: date, last: date, *, by_day: bool = False):
    """Tickets of the days [first, last] by service and UTC hour of issue: how many, how many were called
    (and their summed wait), served to the end (and their summed service time), skipped (no-shows)."""
    hour = d.utc_hour(Ticket.issued_at).label("utc_hour")
    called = Ticket.called_at.is_not(None)
    done = and_(Ticket.status == "done", Ticket.called_at.is_not(None), Ticket.finished_at.is_not(None))
    sums = (func.count().label("tickets"), _n(called).label("called"),
            func.sum(case((called, cast(d.seconds(Ticket.issued_at, Ticket.called_at), Float)), else_=0.0)).label("wait"),
            _n(done).label("served"),
            func.sum(case((done, cast(d.seconds(Ticket.called_at, Ticket.finished_at), Float)), else_=0.0)).label("service"),
            _n(Ticket.status == "skipped").label("no_shows"))
    return _grouped(by_day, Ticket.day, (Ticket.service_code, hour), sums, (Ticket.day >= first, Ticket.day <= last),
                    (Ticket.service_code, hour))


def ticket_rows(session: Session, d: Dialect, first: date, last: date) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(ticket_select(d, first, last))]
