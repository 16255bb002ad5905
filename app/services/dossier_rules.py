"""Dossier rules as pure functions: the checklist against the procedure's documents, and the dates
(appointment, hand-over deadline) from the working-time calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.errors import ValidationError
from app.services.dossier_input import DocumentInput
from app.store.models import (
    Procedure,
    ProcedureDocument,
)
from app.text import fold
from app.workcal import VN_TZ, WorkCalendar, to_local

# --- checklist -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistRow:
    item: Any  # ProcedureDocument or catalog.ChecklistItem
    originals: int
    certified_copies: int
    photocopies: int

    @property
    def satisfied(self) -> bool:
        """A better kind stands in for a lesser one: an original for a certified copy or a photocopy."""
        d = self.item
        return (
            self.originals >= d.originals
            and self.originals + self.certified_copies >= d.originals + d.certified_copies
            and self.originals + self.certified_copies + self.photocopies
            >= max(1, d.originals + d.certified_copies + d.photocopies)
        )


def match_item(items, key: str, procedure_code: str):
    """Find a checklist item by code, or by name when the folded name matches exactly one item.

    ``items``: the procedure's document items (ORM rows or ``catalog.ChecklistItem``)."""
    for item in items:
        if item.code.upper() == key.upper():
            return item
    folded = fold(key)
    hits = [item for item in items if fold(item.name) == folded]
    if not hits:
        hits = [item for item in items if folded and folded in fold(item.name)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ValidationError("document_item_unknown", procedure_code=procedure_code, key=key)
    raise ValidationError("document_item_ambiguous", key=key, procedure_code=procedure_code)


def checklist(items, documents: list[DocumentInput], procedure_code: str) -> tuple[list[ChecklistRow], list]:
    """The rows received (one per catalog item) and the required items still missing."""
    received: dict[str, DocumentInput] = {}
    for doc in documents:
        item = match_item(items, doc.item, procedure_code)
        if item.code in received:
            raise ValidationError("document_item_twice", code=item.code)
        received[item.code] = doc
    rows = []
    for item in items:
        doc = received.get(item.code)
        rows.append(ChecklistRow(item, doc.originals if doc else 0, doc.certified_copies if doc else 0, doc.photocopies if doc else 0))
    missing: list = []
    groups: dict[str, list[ChecklistRow]] = {}
    for row in rows:
        if row.item.alternative_group:
            groups.setdefault(row.item.alternative_group, []).append(row)
        elif row.item.required and not row.satisfied:
            missing.append(row.item)
    for members in groups.values():
        if any(r.item.required for r in members) and not any(r.satisfied for r in members):
            missing.extend(r.item for r in members if r.item.required)
    return rows, missing


def missing_text(missing: list[ProcedureDocument]) -> str:
    return "; ".join(f"{d.code} {d.name}" for d in missing)


# --- computing dates -----------------------------------------------------------------------------


def compute_due(calendar: WorkCalendar, procedure: Procedure, start: datetime) -> datetime | None:
    if procedure.time_amount is None and procedure.time_unit != "same_day":
        return None
    amount = float(procedure.time_amount or 0)
    return calendar.due(start, amount, procedure.time_unit, after_15h_next_day=procedure.after_15h_next_day)


def handover_deadline(calendar: WorkCalendar, received: datetime, rounds: list[str]) -> datetime:
    """Decree 61 art. 18: same working day, or the start of the next one when received after 15:00."""
    local = to_local(received)
    day = local.date()
    periods = calendar.periods_on(day)
    if periods and local.time().hour < 15 and local <= periods[-1][1]:
        return periods[-1][1]
    nxt = calendar.next_working_day(day)
    first = calendar.periods_on(nxt)[0][0]
    if rounds:
        hh, mm = (int(x) for x in sorted(rounds)[0].split(":"))
        return max(first, datetime(nxt.year, nxt.month, nxt.day, hh, mm, tzinfo=VN_TZ))
    return first


def is_working_instant(calendar: WorkCalendar, when: datetime) -> bool:
    local = to_local(when)
    return any(start <= local <= end for start, end in calendar.periods_on(local.date()))
