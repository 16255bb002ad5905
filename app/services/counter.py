"""What the counter window reads: the context it loads once (catalog, calendar, departments, officers) and
the dossier lists shown before and after a search. Plain values only (dataclasses, dicts), never ORM
objects, so a result can cross to the GUI thread after its session closed.

Every function takes a session and runs wherever its caller runs it (the counter: the store thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import select

from app.lifecycle import CLOCK_RUNNING
from app.services import dossiers as dossier_service
from app.services import search as search_service
from app.services.calendar import load_calendar
from app.services.catalog import ChecklistItem, FeeItem, list_procedures
from app.store.models import Dossier, Procedure, User
from app.text import fold
from app.workcal import VN_TZ, WorkCalendar, to_local

LIST_LIMIT = 50

# A procedure's checklist item and fee as plain values: the core's own (what intake caches too).
DocItem = ChecklistItem


@dataclass(frozen=True)
class ProcedureInfo:
    """A catalog entry as the counter needs it (duck-compatible with Procedure for compute_due/checklist)."""

    code: str
    local_code: str | None
    name: str
    field: str
    department: str | None
    time_amount: float | None
    time_unit: str
    after_15h_next_day: bool
    documents: tuple[DocItem, ...]
    fees: tuple[FeeItem, ...]
    search_key: str = ""

    @property
    def has_time(self) -> bool:
        return self.time_amount is not None or self.time_unit == "same_day"


def procedure_info(proc: Procedure) -> ProcedureInfo:
    return ProcedureInfo(
        code=proc.code,
        local_code=proc.local_code,
        name=proc.name,
        field=proc.field,
        department=proc.department.name if proc.department else None,
        time_amount=float(proc.time_amount) if proc.time_amount is not None else None,
        time_unit=proc.time_unit,
        after_15h_next_day=proc.after_15h_next_day,
        documents=tuple(
            DocItem(d.code, d.name, d.originals, d.certified_copies, d.photocopies, d.required, d.alternative_group)
            for d in proc.documents
        ),
        fees=tuple(FeeItem(f.name, f.kind, f.amount, f.per) for f in proc.fees),
        search_key=fold(proc.name),
    )


@dataclass
class CounterContext:
    """What the counter window loads once at start."""

    procedures: list[ProcedureInfo]
    calendar: WorkCalendar
    departments: list[str]
    users: dict[str, str]  # username -> full name
    dialect: str

    def procedure(self, code: str) -> ProcedureInfo | None:
        return next((p for p in self.procedures if p.code == code), None)


def user_names(session) -> dict[str, str]:
    """Every user's full name by username."""
    return {u.username: u.full_name for u in session.scalars(select(User))}


def load_context(session) -> CounterContext:
    return CounterContext(
        procedures=[procedure_info(p) for p in list_procedures(session)],
        calendar=load_calendar(session),
        departments=dossier_service.department_names(session),
        users=user_names(session),
        dialect=session.get_bind().dialect.name,
    )


# --- dossier lists -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListFilter:
    status: str | None = None
    due: str | None = None  # None | "overdue" | "due_today"


def _end_of_today(now: datetime) -> datetime:
    local = to_local(now)
    return datetime.combine(local.date(), time(23, 59, 59), tzinfo=VN_TZ)


def _row(d: Dossier) -> dict[str, Any]:
    row = dossier_service.summary_json(d)
    row["department"] = d.department.name if d.department else None
    return row


def latest_dossiers(session, flt: ListFilter, now: datetime, *, limit: int = LIST_LIMIT) -> list[dict[str, Any]]:
    """The newest dossiers matching ``flt`` (the list shown before anything is searched)."""
    stmt = select(Dossier)
    if flt.status:
        stmt = stmt.where(Dossier.status == flt.status)
    else:
        stmt = stmt.where(Dossier.status != "cancelled")
    if flt.due == "overdue":
        stmt = stmt.where(Dossier.status.in_(CLOCK_RUNNING), Dossier.due_at < now)
    elif flt.due == "due_today":
        stmt = stmt.where(Dossier.status.in_(CLOCK_RUNNING), Dossier.due_at >= now, Dossier.due_at <= _end_of_today(now))
    stmt = stmt.order_by(Dossier.received_at.desc()).limit(limit)
    return [_row(d) for d in session.scalars(stmt)]


def _as_datetime(value: datetime | str | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return to_local(value)


def matches_filter(row: dict[str, Any], flt: ListFilter, now: datetime) -> bool:
    if flt.status and row["status"] != flt.status:
        return False
    if flt.due:
        due = _as_datetime(row.get("due_at"))
        if row["status"] not in CLOCK_RUNNING or due is None:
            return False
        if flt.due == "overdue":
            return due < now
        return now <= due <= _end_of_today(now)
    return True


def search_dossiers(session, text: str, flt: ListFilter, now: datetime, *, limit: int = LIST_LIMIT) -> list[dict[str, Any]]:
    """Dossiers found by code, name, ID number or phone (the search service), then filtered."""
    rows = [_row(d) for d in search_service.search(session, text, limit=limit, include_cancelled=flt.status == "cancelled")]
    return [r for r in rows if matches_filter(r, flt, now)]
