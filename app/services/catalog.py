"""The procedure catalog: import (all or nothing) and listing in the canonical JSON form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload

from app.actors import Actor
from app.errors import NotFoundError
from app.services.audit import audit
from app.store.models import Department, Procedure, ProcedureDocument, ProcedureFee
from app.store.session import caches
from app.store.types import utcnow
from app.text import fold, nfc


def department_by_name(session: Session, name: str, *, create: bool = False) -> Department | None:
    name = nfc(name)
    dept = session.scalar(select(Department).where(Department.name == name))
    if dept is None and create:
        dept = Department(name=name)
        session.add(dept)
        session.flush()
    return dept


# Rows per query and per flush: SQLite refuses a statement with more than 32,766 parameters (999 on
# older builds), and one flush of a whole national catalog holds every row in memory at once.
IMPORT_BATCH = 500


def import_procedures(
    session: Session, actor: Actor, procedures: list[dict[str, Any]], *,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Create or update procedures from validated canonical dicts (``catalog_io``). Unknown departments
    are created. Returns counts of created and updated procedures.

    Works in batches of ``IMPORT_BATCH`` inside the caller's one transaction (still all or nothing);
    ``progress(done, total)`` is called after each batch."""
    actor.require("catalog.import")
    codes = [p["code"] for p in procedures]
    existing: dict[str, Procedure] = {}
    for start in range(0, len(codes), IMPORT_BATCH):
        chunk = codes[start:start + IMPORT_BATCH]
        existing.update((p.code, p) for p in session.scalars(select(Procedure).where(Procedure.code.in_(chunk))))
    departments = {
        name: department_by_name(session, name, create=True)
        for name in {item["department"] for item in procedures if item.get("department")}
    }
    created = updated = 0
    for done, item in enumerate(procedures, start=1):
        if done % IMPORT_BATCH == 0:
            session.flush()
            if progress is not None:
                progress(done, len(procedures))
        proc = existing.get(item["code"])
        if proc is None:
            proc = Procedure(code=item["code"])
            session.add(proc)
            created += 1
        else:
            updated += 1
        dept = departments.get(item.get("department"))
        proc.local_code = item.get("local_code")
        proc.name = item["name"]
        proc.name_folded = fold(item["name"])
        proc.field = item["field"]
        proc.department = dept
        proc.urgent = item["urgent"]
        proc.time_amount = item["processing_time"]["amount"]
        proc.time_unit = item["processing_time"]["unit"]
        proc.after_15h_next_day = item["after_15h_next_day"]
        proc.supplement_notice_days = item.get("supplement_notice_days", 3)
        proc.verified = item.get("verified", True)
        proc.extra = {k: v for k, v in item.items() if k.startswith("x_") or k in ("notes", "source", "demo")}
        proc.active = True
        proc.updated_at = utcnow()  # always an UPDATE, so the version (and the intake cache key) moves on
        proc.documents = [
            ProcedureDocument(
                position=i,
                code=d["code"],
                name=d["name"],
                originals=d["originals"],
                certified_copies=d["certified_copies"],
                photocopies=d["photocopies"],
                required=d["required"],
                alternative_group=d["alternative_group"],
            )
            for i, d in enumerate(item["documents"], start=1)
        ]
        proc.fees = [
            ProcedureFee(position=i, name=f["name"], kind=f["kind"], amount=f["amount"], per=f["per"])
            for i, f in enumerate(item["fees"], start=1)
        ]
    session.flush()
    if progress is not None:
        progress(len(procedures), len(procedures))
    audit(session, actor, "catalog.import", None, created=created, updated=updated)
    return {"created": created, "updated": updated}


def procedure_json(proc: Procedure) -> dict[str, Any]:
    amount = proc.time_amount
    if amount is not None:
        amount = float(amount)
        amount = int(amount) if amount == int(amount) else amount
    return {
        "code": proc.code,
        "local_code": proc.local_code,
        "name": proc.name,
        "field": proc.field,
        "department": proc.department.name if proc.department else None,
        "urgent": proc.urgent,
        "processing_time": {"amount": amount, "unit": proc.time_unit},
        "after_15h_next_day": proc.after_15h_next_day,
        "supplement_notice_days": proc.supplement_notice_days,
        "verified": proc.verified,
        "fees": [{"name": f.name, "kind": f.kind, "amount": f.amount, "per": f.per} for f in proc.fees],
        "documents": [
            {
                "code": d.code,
                "name": d.name,
                "originals": d.originals,
                "certified_copies": d.certified_copies,
                "photocopies": d.photocopies,
                "required": d.required,
                "alternative_group": d.alternative_group,
            }
            for d in proc.documents
        ],
    }


def list_procedures(session: Session, *, active_only: bool = True) -> list[Procedure]:
    stmt = select(Procedure).order_by(Procedure.field, Procedure.code)
    if active_only:
        stmt = stmt.where(Procedure.active.is_(True))
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class ChecklistItem:
    """A procedure's document item as plain values (cached between intakes)."""

    code: str
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    required: bool
    alternative_group: str | None


@dataclass(frozen=True)
class FeeItem:
    name: str
    kind: str
    amount: int | None
    per: str


def procedure_for_intake(session: Session, code: str) -> tuple[Procedure, tuple[ChecklistItem, ...], tuple[FeeItem, ...]]:
    """The procedure row and its checklist and fees. The checklist and fees are cached per procedure
    version (an import bumps it) in the store's caches, so an intake reads one row instead of three queries'
    worth."""
    stmt = select(Procedure).where(Procedure.code == code.strip()).options(lazyload(Procedure.documents), lazyload(Procedure.fees))
    proc = session.scalar(stmt)
    if proc is None:
        raise NotFoundError("procedure_not_found", code=code)
    key = (proc.id, proc.version)
    cache = caches(session).intake
    cached = cache.get(key)
    if cached is None:
        docs = session.scalars(select(ProcedureDocument).where(ProcedureDocument.procedure_id == proc.id).order_by(ProcedureDocument.position))
        fees = session.scalars(select(ProcedureFee).where(ProcedureFee.procedure_id == proc.id).order_by(ProcedureFee.position))
        cached = (
            tuple(ChecklistItem(d.code, d.name, d.originals, d.certified_copies, d.photocopies, d.required, d.alternative_group) for d in docs),
            tuple(FeeItem(f.name, f.kind, f.amount, f.per) for f in fees),
        )
        if len(cache) > 2000:
            cache.clear()
        cache[key] = cached
    return proc, cached[0], cached[1]


def get_procedure(session: Session, code: str) -> Procedure:
    proc = session.scalar(select(Procedure).where(Procedure.code == code.strip()))
    if proc is None:
        raise NotFoundError("procedure_not_found", code=code)
    return proc


def search_procedures(session: Session, text: str, *, limit: int = 30) -> list[Procedure]:
    """Procedures whose code starts with, or whose folded name contains every word of, ``text``."""
    words = fold(text).split()
    stmt = select(Procedure).where(Procedure.active.is_(True))
    if words:
        conds = [Procedure.name_folded.contains(w) for w in words]
        from sqlalchemy import and_, or_

        stmt = stmt.where(or_(Procedure.code.startswith(text.strip()), and_(*conds)))
    return list(session.scalars(stmt.order_by(Procedure.field, Procedure.code).limit(limit)))
