"""The deadline board: what is due today, due soon, overdue, late to hand over, supplement notices made
late, and apologies needed — for the center, per department and per officer; and the complaints register's
entries past their deadline (``complaints_overdue``, center only).

One aggregate over a partial covering index (migration 0004: only open dossiers, only the columns the
board needs), so a center with 50,000 open dossiers reads one index and never the dossier rows; the
lists are short index range reads on (status, due_at).
"""

from __future__ import annotations

from collections import Counter as Tally
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, func, select, text
from sqlalchemy.orm import Session

from app.lifecycle import CLOCK_RUNNING, OPEN
from app.services.calendar import load_calendar
from app.store.models import Department, Dossier, DossierParty, Procedure
from app.workcal import VN_TZ, format_local, to_local

CATEGORIES = ("overdue", "due_today", "due_soon", "apology_needed", "handover_late", "supplement_late", "open")
# Written out literally (not as bound parameters) so that SQLite can prove the partial index applies.
OPEN_SQL = "dossiers.status IN ('payment_requested', 'processing', 'received', 'supplement_requested')"
assert OPEN == {"payment_requested", "processing", "received", "supplement_requested"}


def thresholds(session: Session, now: datetime, within_days: int) -> dict[str, datetime]:
    calendar = load_calendar(session)
    local = to_local(now)
    end_of_today = datetime(local.year, local.month, local.day, 23, 59, 59, tzinfo=VN_TZ)
    soon = calendar.add_working_time(calendar.effective_start(now), timedelta(hours=calendar.hours.hours_per_day * within_days))
    return {"now": now, "end_of_today": end_of_today, "soon": max(soon, end_of_today), "apology": now + timedelta(days=1)}


def board(session: Session, *, now: datetime | None = None, within_days: int = 2, list_limit: int = 100) -> dict[str, Any]:
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    t = thresholds(session, now, within_days)
    running = Dossier.status.in_(tuple(sorted(CLOCK_RUNNING)))
    conditions = {
        "overdue": and_(running, Dossier.due_at < t["now"]),
        "due_today": and_(running, Dossier.due_at >= t["now"], Dossier.due_at <= t["end_of_today"]),
        "due_soon": and_(running, Dossier.due_at > t["end_of_today"], Dossier.due_at <= t["soon"]),
        "apology_needed": and_(running, Dossier.apology_count == 0, Dossier.due_at <= t["apology"]),
        # literal statuses, so that SQLite can read the short range of ix_dossiers_open_groups (status = ...)
        "handover_late": and_(text("dossiers.status = 'received'"), Dossier.handover_due_at < t["now"]),
        "supplement_late": and_(text("dossiers.status = 'supplement_requested'"), Dossier.supplement_late.is_(True)),
    }
    open_filter = text(OPEN_SQL)
    # One pass over the open dossiers in the order of the partial covering index ix_dossiers_open_groups
    # (status, department, officer, due...), so the groups stream without a sort; each figure is a
    # FILTERed count (cheaper per row than CASE sums) and the status conditions are applied per group in
    # Python. The center and the per-department and per-officer figures are sums of these few groups.
    due = Dossier.due_at
    stmt = (
        select(
            Dossier.status, Dossier.department_id, Dossier.officer, func.count().label("open"),
            func.count().filter(due < t["now"]).label("before_now"),
            func.count().filter(due <= t["end_of_today"]).label("by_end_of_today"),
            func.count().filter(due <= t["soon"]).label("by_soon"),
            func.count().filter(and_(Dossier.apology_count == 0, due <= t["apology"])).label("apology"),
            func.count().filter(Dossier.handover_due_at < t["now"]).label("handover"),
            func.count().filter(Dossier.supplement_late.is_(True)).label("supplement"),
        )
        .where(open_filter)
        .group_by(Dossier.status, Dossier.department_id, Dossier.officer)
    )
    center: Tally = Tally()
    by_dept: dict[Any, Tally] = {}
    by_officer: dict[Any, Tally] = {}
    for row in session.execute(stmt):
        figures = _group_figures(row)
        center.update(figures)
        by_dept.setdefault(row.department_id or None, Tally()).update(figures)
        by_officer.setdefault(row.officer or None, Tally()).update(figures)
    names = dict(session.execute(select(Department.id, Department.name)).all())

    def counts(tally: Tally) -> dict[str, int]:
        return {name: int(tally.get(name, 0)) for name in CATEGORIES}

    lists: dict[str, list[dict[str, Any]]] = {}
    for name, cond in conditions.items():
        order = Dossier.handover_due_at if name == "handover_late" else Dossier.due_at
        rows = session.execute(
            select(Dossier.id, Dossier.code, Dossier.status, Dossier.due_at, Dossier.officer, Dossier.department_id,
                   Dossier.procedure_id)
            .where(open_filter, cond)
            .order_by(order)
            .limit(list_limit)
        )
        lists[name] = [
            {"code": r.code, "status": r.status, "due_at": format_local(r.due_at) if r.due_at else None,
             "officer": r.officer, "department": names.get(r.department_id), "_id": r.id, "_procedure": r.procedure_id}
            for r in rows
        ]
    _add_names(session, lists)
    center_counts = counts(center)
    # The complaints register's overdue entries (issue 13) are on the board too, as one more tile.
    from app.services import complaints

    late = complaints.overdue(session, now)
    center_counts["complaints_overdue"] = len(late)
    lists["complaints_overdue"] = [
        {"code": c["number"], "status": c["state"], "due_at": c["due_at"], "officer": c["officer_concerned"],
         "department": c["department"], "applicant": c["contact_name"], "procedure": c["content"][:200], "complaint": True}
        for c in late[:list_limit]
    ]
    return {
        "generated_at": format_local(now),
        "within_working_days": within_days,
        "center": center_counts,
        "by_department": sorted(
            ({"department": names.get(k), **counts(v)} for k, v in by_dept.items()),
            key=lambda r: (-r["overdue"], r["department"] or ""),
        ),
        "by_officer": sorted(
            ({"officer": k, **counts(v)} for k, v in by_officer.items()), key=lambda r: (-r["overdue"], r["officer"] or "")
        ),
        "lists": lists,
    }


def _group_figures(row) -> dict[str, int]:
    """The board's figures of one (status, department, officer) group of open dossiers."""
    figures = dict.fromkeys(CATEGORIES, 0)
    figures["open"] = row.open
    if row.status in CLOCK_RUNNING:
        figures["overdue"] = row.before_now
        figures["due_today"] = row.by_end_of_today - row.before_now  # now <= due <= end of today
        figures["due_soon"] = row.by_soon - row.by_end_of_today  # end of today < due <= soon (soon >= end of today)
        figures["apology_needed"] = row.apology
    if row.status == "received":
        figures["handover_late"] = row.handover
    if row.status == "supplement_requested":
        figures["supplement_late"] = row.supplement
    return figures


def _add_names(session: Session, lists: dict[str, list[dict[str, Any]]]) -> None:
    """The applicant's name and the procedure's name of every listed dossier, read in two short queries
    after the lists (the lists themselves stay index range reads)."""
    rows = [r for listed in lists.values() for r in listed]
    ids = {r["_id"] for r in rows}
    procedures = {r["_procedure"] for r in rows}
    applicants = dict(session.execute(
        select(DossierParty.dossier_id, DossierParty.full_name).where(DossierParty.dossier_id.in_(ids), DossierParty.role == "applicant")
    ).all()) if ids else {}
    procedure_names = dict(session.execute(select(Procedure.id, Procedure.name).where(Procedure.id.in_(procedures))).all()) if procedures else {}
    for r in rows:
        r["applicant"] = applicants.get(r.pop("_id"), "")
        r["procedure"] = procedure_names.get(r.pop("_procedure"), "")
