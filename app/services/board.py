"""The deadline board: what is due today, due soon, overdue, late to hand over, supplement notices made
late, and apologies needed — for the center, per department and per officer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.lifecycle import CLOCK_RUNNING, OPEN
from app.services.calendar import load_calendar
from app.store.models import Department, Dossier
from app.workcal import VN_TZ, format_local, to_local

CATEGORIES = ("overdue", "due_today", "due_soon", "apology_needed", "handover_late", "supplement_late", "open")


def thresholds(session: Session, now: datetime, within_days: int) -> dict[str, datetime]:
    calendar = load_calendar(session)
    local = to_local(now)
    end_of_today = datetime(local.year, local.month, local.day, 23, 59, 59, tzinfo=VN_TZ)
    soon = calendar.add_working_time(calendar.effective_start(now), timedelta(hours=calendar.hours.hours_per_day * within_days))
    return {"now": now, "end_of_today": end_of_today, "soon": max(soon, end_of_today), "apology": now + timedelta(days=1)}


def board(session: Session, *, now: datetime | None = None, within_days: int = 2, list_limit: int = 100) -> dict[str, Any]:
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    t = thresholds(session, now, within_days)
    running = Dossier.status.in_(CLOCK_RUNNING)
    conditions = {
        "overdue": and_(running, Dossier.due_at < t["now"]),
        "due_today": and_(running, Dossier.due_at >= t["now"], Dossier.due_at <= t["end_of_today"]),
        "due_soon": and_(running, Dossier.due_at > t["end_of_today"], Dossier.due_at <= t["soon"]),
        "apology_needed": and_(running, Dossier.apology_count == 0, Dossier.due_at <= t["apology"]),
        "handover_late": and_(Dossier.status == "received", Dossier.handover_due_at < t["now"]),
        "supplement_late": and_(Dossier.status == "supplement_requested", Dossier.supplement_late.is_(True)),
        "open": Dossier.status.in_(OPEN),
    }
    columns = [func.sum(case((cond, 1), else_=0)).label(name) for name, cond in conditions.items()]
    open_filter = Dossier.status.in_(OPEN)

    def totals(*group) -> list:
        stmt = select(*group, *columns).where(open_filter)
        if group:
            stmt = stmt.group_by(*group)
        return list(session.execute(stmt))

    def counts(row, offset: int) -> dict[str, int]:
        return {name: int(row[offset + i] or 0) for i, name in enumerate(conditions)}

    center_row = totals()[0]
    dept_names = dict(session.execute(select(Department.id, Department.name)).all())
    by_department = [
        {"department": dept_names.get(row[0]), **counts(row, 1)} for row in totals(Dossier.department_id)
    ]
    by_officer = [{"officer": row[0], **counts(row, 1)} for row in totals(Dossier.officer)]
    lists: dict[str, list[dict[str, Any]]] = {}
    for name in ("overdue", "due_today", "due_soon", "apology_needed", "handover_late", "supplement_late"):
        stmt = (
            select(Dossier.code, Dossier.status, Dossier.due_at, Dossier.officer, Dossier.department_id)
            .where(open_filter, conditions[name])
            .order_by(Dossier.due_at.asc().nulls_last() if name != "handover_late" else Dossier.handover_due_at.asc())
            .limit(list_limit)
        )
        lists[name] = [
            {"code": r.code, "status": r.status, "due_at": format_local(r.due_at) if r.due_at else None,
             "officer": r.officer, "department": dept_names.get(r.department_id)}
            for r in session.execute(stmt)
        ]
    return {
        "generated_at": format_local(now),
        "within_working_days": within_days,
        "center": counts(center_row, 0),
        "by_department": sorted(by_department, key=lambda r: -r["overdue"]),
        "by_officer": sorted(by_officer, key=lambda r: -r["overdue"]),
        "lists": lists,
    }
