"""Daily roll-ups of the director's figures (issue 13): each aggregate of :mod:`app.services.reports_sql`,
pre-grouped per local day, for the closed days (before today).

- :func:`refresh` (a write unit of work) builds every closed day not listed in ``report_days``: it deletes
  what the roll-up tables hold for those days, inserts them again from the raw rows (one grouped
  ``INSERT … SELECT`` per table and run of days) and lists the days. Today is never built.
- The triggers of migration 0019 delete a day from ``report_days`` in the same transaction as any write to a
  row one of its figures counts (a dossier, its file or event, a ticket, a rating), so a listed day's
  roll-ups are always what the raw rows would give.
- :class:`Source` answers a report: the listed days of the period from the roll-ups, every other day
  (today, a day changed since, a day never built) from the raw rows, the two concatenated — the report only
  adds grouped rows up, so rows of both kinds mix. :func:`rows_of` is the same for a provider (the ratings
  section).

PostgreSQL: :func:`refresh` first locks ``report_days`` against the triggers' deletes (SHARE ROW EXCLUSIVE):
a change committed while a day is being built would otherwise be missed by the build and its delete of the
day would find nothing yet. The lock waits for writers already under way and holds new ones for the build
(one day of rows: a fraction of a second). SQLite writers are serialized anyway.

Which thread: workers only (the store thread). Failures: none of their own (SQLAlchemy errors pass up).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, text
from sqlalchemy.orm import Session

from app.services import reports_sql as q
from app.services.reports_periods import Period
from app.store.models import Dossier, DossierEvent, Ticket
from app.store.models_devices import Rating
from app.store.models_reports import (report_days, report_decided_days, report_event_days, report_rating_days,
                                      report_received_days, report_ticket_days)
from app.workcal import VN_TZ, to_local

Range = tuple[date, date]
#: days built per unit of work by the callers that loop (the window, ``motcua report refresh``)
REFRESH_CHUNK = 31

#: roll-up name -> (table, builder of the raw SELECT, the key columns, the summed columns)
ROLLUPS: dict[str, tuple[Any, Any, tuple[str, ...], tuple[str, ...]]] = {
    "received": (report_received_days, q.received_select, ("channel", "procedure_id", "department_id", "officer"),
                 ("received", "digitized", "unsent")),
    "decided": (report_decided_days, q.decided_select, ("procedure_id", "department_id", "officer"),
                ("decided", "early", "on_time", "late", "seconds")),
    "events": (report_event_days, q.event_select, ("kind", "actor", "department"), ("n",)),
    "ratings": (report_rating_days, q.rating_select, ("officer", "counter", "scale", "score", "source"), ("n",)),
    "tickets": (report_ticket_days, q.ticket_select, ("service_code", "utc_hour"),
                ("tickets", "called", "wait", "served", "service", "no_shows")),
}


def local_today(now: datetime | None = None) -> date:
    return (now or datetime.now(timezone.utc)).astimezone(VN_TZ).date()


def runs(days: list[date]) -> list[Range]:
    """Sorted days as runs of consecutive days: [(first, last), …]."""
    out: list[Range] = []
    for day in sorted(days):
        if out and day == out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], day)
        else:
            out.append((day, day))
    return out


def built_days(session: Session, first: date, last: date) -> set[date]:
    rows = session.execute(select(report_days.c.day).where(report_days.c.day >= first, report_days.c.day <= last))
    return {_as_date(r[0]) for r in rows}


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _raw(builder, d: q.Dialect, a: date, b: date, **kw):
    if builder is q.ticket_select:
        return builder(d, a, b, **kw)
    p = Period("custom", a, b)
    return builder(d, p.start, p.end, **kw)


# --- building ------------------------------------------------------------------------------------------

def _first_day(session: Session) -> date | None:
    """The earliest local day any figure counts a row of (None: no rows at all)."""
    instants = [
        select(func.min(Dossier.received_at)), select(func.min(Dossier.decided_at)),
        select(func.min(DossierEvent.occurred_at)).where(DossierEvent.kind.in_(q.EVENT_KINDS)),
        select(func.min(Rating.at)),
    ]
    days = [to_local(v).date() for v in (session.execute(s).scalar() for s in instants) if v is not None]
    ticket_day = session.execute(select(func.min(Ticket.day))).scalar()
    if ticket_day is not None:
        days.append(_as_date(ticket_day))
    return min(days) if days else None


def refresh(session: Session, *, today: date | None = None, now: datetime | None = None,
            limit: int | None = None) -> int:
    """Build the roll-ups of the closed days (from the first day with rows to the day before ``today``) not
    listed in ``report_days``, newest first, at most ``limit`` of them; how many days were built.
    Idempotent; cheap when nothing changed. A first build of years of rows is done in pieces (``limit``), one
    unit of work each, so that counters are not held up behind one long write."""
    d = q.Dialect(session.get_bind().dialect.name)
    if d.pg:
        session.execute(text("LOCK TABLE report_days IN SHARE ROW EXCLUSIVE MODE"))
    today = today or local_today(now)
    first = _first_day(session)
    last = today - timedelta(days=1)
    if first is None or first > last:
        return 0
    built = built_days(session, first, last)
    todo = [last - timedelta(days=i) for i in range((last - first).days + 1)]
    todo = [day for day in todo if day not in built][:limit]
    stamp = now or datetime.now(timezone.utc)
    for a, b in runs(todo):
        build(session, d, a, b)
        session.execute(insert(report_days), [{"day": a + timedelta(days=i), "built_at": stamp}
                                              for i in range((b - a).days + 1)])
    return len(todo)


def build(session: Session, d: q.Dialect, a: date, b: date) -> None:
    """Replace the roll-up rows of the days [a, b] with what the raw rows give (``report_days`` untouched)."""
    for table, builder, keys, sums in ROLLUPS.values():
        session.execute(delete(table).where(table.c.day >= a, table.c.day <= b))
        stmt = _raw(builder, d, a, b, by_day=True)
        session.execute(insert(table).from_select(["day", *keys, *sums], stmt))


def rebuild(session: Session, *, today: date | None = None, now: datetime | None = None) -> int:
    """Forget every roll-up and build them all again (the check that incremental equals from scratch)."""
    if q.Dialect(session.get_bind().dialect.name).pg:
        session.execute(text("LOCK TABLE report_days IN SHARE ROW EXCLUSIVE MODE"))
    session.execute(delete(report_days))
    for table, *_ in ROLLUPS.values():
        session.execute(delete(table))
    return refresh(session, today=today, now=now)


# --- reading -------------------------------------------------------------------------------------------

def rows_of(session: Session, name: str, first: date, last: date) -> list[dict[str, Any]]:
    """The grouped rows of roll-up ``name`` over the local days [first, last] (see :data:`ROLLUPS`)."""
    return Source(session, q.Dialect(session.get_bind().dialect.name), first, last).rows(name)


class Source:
    """The grouped rows of one period's days: roll-ups for the days listed as built, raw rows for the rest."""

    def __init__(self, session: Session, d: q.Dialect, first: date, last: date) -> None:
        self.session, self.d, self.first, self.last = session, d, first, last
        built = built_days(session, first, last)
        # read once, here: a refresh committing between two statements must not count a day twice
        self.built = runs(list(built))
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        self.raw = runs([day for day in days if day not in built])

    def rows(self, name: str) -> list[dict[str, Any]]:
        table, builder, keys, sums = ROLLUPS[name]
        out: list[dict[str, Any]] = []
        if self.built:
            cols = [table.c[k] for k in keys]
            stmt = (select(*cols, *(func.sum(table.c[s]).label(s) for s in sums))
                    .where(or_(*(table.c.day.between(a, b) for a, b in self.built))).group_by(*cols))
            out.extend(dict(r._mapping) for r in self.session.execute(stmt))
        for a, b in self.raw:
            out.extend(dict(r._mapping) for r in self.session.execute(_raw(builder, self.d, a, b)))
        return out

    def months(self) -> list[dict[str, Any]]:
        """Dossiers decided per local month (early, on time, late), in month order."""
        keys = ("decided", "early", "on_time", "late")
        merged: dict[str, dict[str, Any]] = {}

        def add(month: str, row) -> None:
            x = merged.setdefault(month, {"month": month, **dict.fromkeys(keys, 0)})
            for k in keys:
                x[k] += int(row[k] or 0)

        if self.built:
            t = report_decided_days
            month = (func.date_trunc("month", t.c.day) if self.d.pg else func.substr(t.c.day, 1, 7)).label("month")
            stmt = (select(month, *(func.sum(t.c[k]).label(k) for k in keys))
                    .where(or_(*(t.c.day.between(a, b) for a, b in self.built))).group_by(month))
            for r in self.session.execute(stmt):
                add(q.month_key(r.month), r._mapping)
        for a, b in self.raw:
            p = Period("custom", a, b)
            for r in q.decided_by_month(self.session, self.d, p.start, p.end):
                add(r["month"], r)
        return [merged[m] for m in sorted(merged)]
