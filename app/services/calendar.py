"""The center's working-time calendar: working hours (center setting) + official schedule overrides."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.holidays import DayOff, HolidayTable, parse_schedule
from app.services import center
from app.services.audit import audit
from app.store.models import CalendarOverride
from app.store.session import caches
from app.workcal import WorkCalendar, WorkingHours

def load_calendar(session: Session, *, settings: dict[str, Any] | None = None) -> WorkCalendar:
    """The calendar every station of the center computes with.

    Rebuilt only when the overrides or the working hours change (two small queries decide), so the
    per-date caches inside survive from one dossier to the next (in the store's caches).
    """
    count, latest = session.execute(select(func.count(), func.max(CalendarOverride.imported_at))).one()
    config = settings["calendar.working_hours"] if settings is not None else center.get(session, "calendar.working_hours")
    key = (count, latest, repr(config))
    cache = caches(session).calendars
    cached = cache.get(key)
    if cached is not None:
        return cached
    overrides = [DayOff(r.date, r.name, r.kind) for r in session.scalars(select(CalendarOverride))]
    hours = WorkingHours.from_config(config) if config else WorkingHours()
    calendar = WorkCalendar(hours, HolidayTable(overrides))
    if len(cache) > 16:
        cache.clear()
    cache[key] = calendar
    return calendar


def import_schedule(session: Session, actor: Actor, data: dict[str, Any], *, source: str | None = None) -> int:
    """Load official schedules (format of shared/data/holidays.json); replaces the years it names."""
    actor.require("calendar.import_holidays")
    entries = parse_schedule(data)
    years = sorted({e.date.year for e in entries} | {int(y) for y in (data.get("years") or {}) if str(y).isdigit()})
    for year in years:
        session.execute(
            delete(CalendarOverride).where(
                CalendarOverride.date >= date(year, 1, 1), CalendarOverride.date <= date(year, 12, 31)
            )
        )
    for entry in entries:
        session.add(CalendarOverride(date=entry.date, name=entry.name, kind=entry.kind, source=source))
    audit(session, actor, "calendar.import", source, years=years, entries=len(entries))
    return len(entries)


def holidays_json(calendar: WorkCalendar, year: int) -> list[dict[str, Any]]:
    """Non-weekend days off of ``year`` (and make-up working days with ``working: true``)."""
    out = []
    for day in calendar.holidays.schedule(year):
        if day.kind == "makeup_workday":
            out.append({"date": day.date.isoformat(), "name": day.name, "working": True})
        elif day.date.weekday() < 5:
            out.append({"date": day.date.isoformat(), "name": day.name})
    return out
