"""Fees at the counter: what is due, payment at intake and at return, receipts, exemptions and the reports.

- :func:`due` — what a dossier owes now (after an exemption, if one is chosen); a fee whose amount the
  catalog does not give ("theo quy định", set by the provincial council) is priced by the officer
  (``amounts``), else it is listed as unknown and nothing can be paid;
- :func:`pay` — take the money: the amount must be exactly what is due; the fees become paid and a fee
  receipt (biên lai) is numbered from the series' sequence in the same transaction (no repeat, no gap);
- :func:`cancel` — a wrong receipt is cancelled with a reason, never edited; its fees are due again and
  the dossier's next payment is its replacement (``replaced_by``); both are audited;
- :func:`day_report` — what each drawer should hold, by means; :func:`month_totals` — per department and
  fee kind; :func:`report_section` — the figures of a period for the reports.

Amounts are integers in đồng. Days are Vietnam's calendar days. Which thread: workers only (the store
thread). Failures: ValidationError and its subclasses, each with a code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import center
from app.services.audit import audit
from app.services.dossier_events import get_dossier
from app.store.models import Department, Dossier, DossierFee, DossierParty
from app.store.models_fees import FeeExemption, FeePayment, FeePaymentItem, FeeReceipt
from app.store.sequences import next_value
from app.text import nfc
from app.workcal import VN_TZ, format_local

MEANS = ("cash", "transfer", "online")
STAGES = ("intake", "return")
KINDS = ("phi", "le_phi")
PAYABLE_STATUS = ("waiting", "unpaid")
NUMBER_DIGITS = 7
MAX_ENTERED = 10**12  # đồng: an amount typed at the counter above this is a typing slip


# --------------------------------------------------------------------------------------- exemptions


def set_exemption(
    session: Session, actor: Actor, code: str, *, name: str, legal_basis: str, percent: int | None = None,
    fixed_amount: int | None = None, active: bool = True,
) -> dict[str, Any]:
    """Add or change the exemption (miễn) or reduction (giảm) of an applicant group."""
    actor.require("fees.configure")
    code = nfc(code).strip().upper()
    name, legal_basis = nfc(name).strip(), nfc(legal_basis).strip()
    if not code or not name or not legal_basis or len(code) > 20:
        raise ValidationError("fee_exemption_invalid", code=code)
    if (percent is None) == (fixed_amount is None):
        raise ValidationError("fee_exemption_invalid", code=code)
    if percent is not None and (isinstance(percent, bool) or not isinstance(percent, int) or not 1 <= percent <= 100):
        raise ValidationError("fee_exemption_invalid", code=code)
    if fixed_amount is not None and (isinstance(fixed_amount, bool) or not isinstance(fixed_amount, int) or fixed_amount < 1):
        raise ValidationError("fee_exemption_invalid", code=code)
    row = session.get(FeeExemption, code)
    if row is None:
        row = FeeExemption(code=code)
        session.add(row)
    row.name, row.legal_basis, row.percent, row.fixed_amount, row.active = name, legal_basis, percent, fixed_amount, active
    session.flush()
    audit(session, actor, "fees.configure", f"exemption:{code}", name=name, percent=percent, fixed_amount=fixed_amount,
          legal_basis=legal_basis, active=active)
    return exemption_json(row)


def exemption_json(e: FeeExemption) -> dict[str, Any]:
    return {"code": e.code, "name": e.name, "percent": e.percent, "fixed_amount": e.fixed_amount,
            "legal_basis": e.legal_basis, "active": e.active}


def exemptions(session: Session, *, active_only: bool = True) -> list[dict[str, Any]]:
    stmt = select(FeeExemption).order_by(FeeExemption.code)
    if active_only:
        stmt = stmt.where(FeeExemption.active.is_(True))
    return [exemption_json(e) for e in session.scalars(stmt)]


def reduction_of(gross: int, exemption: FeeExemption | None) -> int:
    """Đồng taken off ``gross``: a percentage of it rounded down to the đồng, or a fixed amount (at most
    the whole)."""
    if exemption is None or gross <= 0:
        return 0
    if exemption.percent is not None:
        return gross * exemption.percent // 100
    return min(int(exemption.fixed_amount or 0), gross)


def _exemption(session: Session, code: str | None) -> FeeExemption | None:
    if code is None or not str(code).strip():
        return None
    row = session.get(FeeExemption, nfc(code).strip().upper())
    if row is None or not row.active:
        raise NotFoundError("fee_exemption_not_found", exemption=code)
    return row


# --------------------------------------------------------------------------------------- what is due


def _stage(dossier: Dossier, stage: str | None) -> str:
    if stage is None:
        return "return" if dossier.decided_at is not None else "intake"
    if stage not in STAGES:
        raise ValidationError("fee_stage_invalid", stage=stage)
    return stage


def _payable(session: Session, dossier: Dossier, stage: str, items: Sequence[int] | None = None) -> list[DossierFee]:
    """The fees due at ``stage``; ``items``: only these positions (a copy fee "if requested" is left out
    unless asked for), each of which must be due."""
    collections = ("before",) if stage == "intake" else ("before", "after")
    rows = list(session.scalars(
        select(DossierFee)
        .where(DossierFee.dossier_id == dossier.id, DossierFee.status.in_(PAYABLE_STATUS),
               DossierFee.collection.in_(collections))
        .order_by(DossierFee.position)
    ).all())
    if items is None:
        return rows
    wanted = set()
    for position in items:
        if isinstance(position, bool) or not isinstance(position, int):
            raise ValidationError("fee_item_not_due", position=position)
        wanted.add(position)
    missing = sorted(wanted - {f.position for f in rows})
    if missing:
        raise RuleError("fee_item_not_due", position=missing[0])
    return [f for f in rows if f.position in wanted]


def _entered(fees: Sequence[DossierFee], amounts: Mapping[int, int] | None) -> dict[int, int]:
    """The officer's amounts (đồng for one unit, > 0) of the fees among ``fees`` whose amount the catalog
    does not give, by position. An amount for a priced fee is refused (``fee_amount_fixed``): the catalog's
    rate is not typed over."""
    entered: dict[int, int] = {}
    by_position = {f.position: f for f in fees}
    for position, value in (amounts or {}).items():
        fee = by_position.get(position)
        if fee is None:
            raise RuleError("fee_item_not_due", position=position)
        if fee.amount is not None:
            raise RuleError("fee_amount_fixed", name=fee.name)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ENTERED:
            raise ValidationError("fee_amount_entered_invalid", name=fee.name)
        entered[position] = value
    return entered


def _gross(fee: DossierFee, entered: Mapping[int, int] | None = None) -> int:
    amount = fee.amount if fee.amount is not None else (entered or {}).get(fee.position)
    if amount is None:
        raise RuleError("fee_amount_unknown", name=fee.name)
    return int(amount) * int(fee.quantity or 1)


def due(session: Session, code: str, *, stage: str | None = None, exemption: str | None = None,
        items: Sequence[int] | None = None, amounts: Mapping[int, int] | None = None) -> dict[str, Any]:
    """What ``code`` owes at ``stage`` (intake: the fees collected before processing; return: everything
    still unpaid; None: return once the dossier is decided, else intake), after ``exemption``.

    ``amounts`` {position: đồng} prices the fees the catalog does not (each item's ``open`` is True); one
    still unpriced is listed in ``unknown`` with ``amount`` None, and then ``gross``, ``reduction`` and
    ``amount`` are None too: nothing can be paid until it is priced."""
    dossier = get_dossier(session, code)
    stage = _stage(dossier, stage)
    ex = _exemption(session, exemption)
    fees = _payable(session, dossier, stage, items)
    entered = _entered(fees, amounts)
    unknown = [f.position for f in fees if f.amount is None and f.position not in entered]
    rows = [{"position": f.position, "name": f.name, "kind": f.kind, "quantity": int(f.quantity or 1),
             "open": f.amount is None, "amount": None if f.position in unknown else _gross(f, entered)} for f in fees]
    gross = None if unknown else sum(r["amount"] for r in rows)
    reduction = None if gross is None else reduction_of(gross, ex)
    return {
        "code": dossier.code,
        "stage": stage,
        "items": rows,
        "unknown": unknown,
        "gross": gross,
        "exemption": exemption_json(ex) if ex else None,
        "reduction": reduction,
        "amount": None if gross is None else gross - reduction,
        "payer": _payer(session, dossier),
    }


def _payer(session: Session, dossier: Dossier) -> str:
    names = dict(session.execute(
        select(DossierParty.role, DossierParty.full_name).where(DossierParty.dossier_id == dossier.id)
    ).all())
    return names.get("submitter") or names.get("applicant") or ""


def _shares(gross: list[int], amount: int) -> list[int]:
    """Split ``amount`` (at most the total) over items in proportion to ``gross``: each item gets its share
    rounded down, and the đồng left go one each to the items with the largest remainders (so no item gets
    more than its own gross, and a 0 đ item gets nothing)."""
    total = sum(gross)
    if total == 0:
        return [0] * len(gross)
    out = [g * amount // total for g in gross]
    left = amount - sum(out)
    by_remainder = sorted(range(len(gross)), key=lambda i: (-(gross[i] * amount % total), i))
    for i in by_remainder[:left]:
        out[i] += 1
    return out


# --------------------------------------------------------------------------------------- pay and cancel


def pay(
    session: Session,
    actor: Actor,
    code: str,
    *,
    amount: int,
    means: str,
    reference: str | None = None,
    exemption: str | None = None,
    stage: str | None = None,
    items: Sequence[int] | None = None,
    amounts: Mapping[int, int] | None = None,
    station: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Take ``amount`` đồng for what ``code`` owes at ``stage``; returns :func:`payment_json` (with the receipt).

    ``amounts`` {position: đồng for one unit}: what the officer charges for a fee whose amount the catalog
    does not give (as in :func:`due`); it is recorded in the payment's items (and so on the receipt and in
    the reports) and in the audit entry, not in the dossier's fee, which keeps "set by the regulation": a
    cancelled receipt's fee is priced again at its next payment.

    Refused: an amount other than what is due (``fee_amount_mismatch``), nothing due, a fee whose amount
    is unknown and not entered, an entered amount for a priced fee, a transfer or online payment without
    its reference."""
    actor.require("fees.pay")
    if means not in MEANS:
        raise ValidationError("fee_means_invalid", means=means, known=", ".join(MEANS))
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError("fee_amount_invalid", amount=amount)
    reference = nfc(reference or "").strip() or None
    if means != "cash" and reference is None:
        raise ValidationError("fee_reference_required", means=means)
    if reference is not None and len(reference) > 80:
        raise ValidationError("fee_reference_invalid")
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    dossier = get_dossier(session, code, lock=True)
    if dossier.status == "cancelled":
        raise RuleError("fee_dossier_cancelled", code=dossier.code)
    stage = _stage(dossier, stage)
    ex = _exemption(session, exemption)
    fees = _payable(session, dossier, stage, items)
    if not fees:
        raise RuleError("fee_nothing_due", code=dossier.code)
    entered = _entered(fees, amounts)
    gross_items = [_gross(f, entered) for f in fees]
    gross = sum(gross_items)
    reduction = reduction_of(gross, ex)
    owed = gross - reduction
    if amount != owed:
        raise RuleError("fee_amount_mismatch", amount=amount, due=owed)
    payment = FeePayment(
        dossier_id=dossier.id, dossier_code=dossier.code, department_id=dossier.department_id, stage=stage,
        gross=gross, exemption_code=ex.code if ex else None, exemption_name=ex.name if ex else None,
        legal_basis=ex.legal_basis if ex else None, reduction=reduction, amount=owed, means=means,
        reference=reference, payer=_payer(session, dossier), officer=actor.username, counter=actor.counter,
        station=station, paid_at=now, state="valid",
    )
    session.add(payment)
    session.flush()
    for fee, g, net in zip(fees, gross_items, _shares(gross_items, owed), strict=True):
        session.add(FeePaymentItem(payment_id=payment.id, dossier_fee_id=fee.id, name=fee.name, kind=fee.kind, gross=g, net=net))
        fee.status, fee.method, fee.paid_at = "paid", means, now
    receipt = None
    if owed > 0:
        receipt = _issue(session, actor, payment, now)
    session.flush()
    audit(session, actor, "fees.pay", f"dossier:{dossier.code}", payment=payment.id, amount=owed, gross=gross,
          reduction=reduction, exemption=payment.exemption_code, means=means, reference=reference,
          receipt=receipt.text if receipt else None,
          entered={str(k): v for k, v in sorted(entered.items())} or None)
    return payment_json(session, payment)


def _issue(session: Session, actor: Actor, payment: FeePayment, now: datetime) -> FeeReceipt:
    settings = center.get_all(session)
    series = nfc(settings["fees.receipt_series"]).strip() or "BL"
    number = next_value(session, f"fee_receipt:{series}")
    receipt = FeeReceipt(
        payment_id=payment.id, form=nfc(settings["fees.receipt_form"]).strip(), series=series, number=number,
        text=f"{series} {number:0{NUMBER_DIGITS}d}", state="issued", issued_at=now, issued_by=actor.username,
    )
    session.add(receipt)
    session.flush()
    # The dossier's last cancelled receipt not yet replaced is replaced by this one.
    replaced = session.scalars(
        select(FeeReceipt)
        .join(FeePayment, FeePayment.id == FeeReceipt.payment_id)
        .where(FeePayment.dossier_id == payment.dossier_id, FeeReceipt.state == "cancelled", FeeReceipt.replaced_by.is_(None))
        .order_by(FeeReceipt.cancelled_at.desc(), FeeReceipt.id.desc())
        .limit(1)
    ).first()
    if replaced is not None:
        replaced.replaced_by = receipt.id
    return receipt


def find_receipt(session: Session, ref: str | int) -> FeeReceipt:
    """A receipt by its id, its full text ("AA-26P 0000012") or its number in the current series."""
    text = nfc(str(ref)).strip()
    row = None
    if text.isdigit():
        series = nfc(center.get(session, "fees.receipt_series")).strip() or "BL"
        row = session.scalars(select(FeeReceipt).where(FeeReceipt.series == series, FeeReceipt.number == int(text))).first()
    elif text:
        row = session.scalars(select(FeeReceipt).where(FeeReceipt.text == " ".join(text.split()))).first()
    if row is None:
        raise NotFoundError("fee_receipt_not_found", receipt=str(ref))
    return row


def cancel(session: Session, actor: Actor, ref: str | int, *, reason: str, now: datetime | None = None) -> dict[str, Any]:
    """Cancel a receipt (never edited): the payment becomes void and its fees are due again."""
    actor.require("fees.cancel")
    reason = nfc(reason or "").strip()
    if len(reason) < 3:
        raise ValidationError("fee_cancel_reason_required")
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    receipt = find_receipt(session, ref)
    if receipt.state == "cancelled":
        raise RuleError("fee_receipt_cancelled", receipt=receipt.text)
    payment = session.get(FeePayment, receipt.payment_id)
    receipt.state, receipt.cancelled_at, receipt.cancelled_by, receipt.cancel_reason = "cancelled", now, actor.username, reason
    payment.state = "void"
    fee_ids = session.scalars(select(FeePaymentItem.dossier_fee_id).where(FeePaymentItem.payment_id == payment.id)).all()
    for fee in session.scalars(select(DossierFee).where(DossierFee.id.in_(fee_ids))):
        fee.status, fee.method, fee.paid_at = "waiting", None, None
    session.flush()
    audit(session, actor, "fees.cancel", f"receipt:{receipt.text}", dossier=payment.dossier_code, amount=payment.amount,
          reason=reason)
    return payment_json(session, payment)


def receipt_json(r: FeeReceipt, session: Session | None = None) -> dict[str, Any]:
    replacement = session.get(FeeReceipt, r.replaced_by).text if session is not None and r.replaced_by else None
    return {
        "id": r.id, "receipt": r.text, "form": r.form, "series": r.series, "number": r.number, "state": r.state,
        "issued_at": format_local(r.issued_at), "issued_by": r.issued_by,
        "cancelled_at": format_local(r.cancelled_at) if r.cancelled_at else None, "cancel_reason": r.cancel_reason,
        "replaced_by": replacement,
    }


def payment_json(session: Session, p: FeePayment) -> dict[str, Any]:
    items = session.scalars(select(FeePaymentItem).where(FeePaymentItem.payment_id == p.id).order_by(FeePaymentItem.id))
    receipt = session.scalars(select(FeeReceipt).where(FeeReceipt.payment_id == p.id)).first()
    return {
        "id": p.id, "code": p.dossier_code, "stage": p.stage, "state": p.state,
        "items": [{"name": i.name, "kind": i.kind, "gross": i.gross, "net": i.net} for i in items],
        "gross": p.gross, "exemption": p.exemption_code, "exemption_name": p.exemption_name,
        "legal_basis": p.legal_basis, "reduction": p.reduction, "amount": p.amount, "means": p.means,
        "reference": p.reference, "payer": p.payer, "officer": p.officer, "counter": p.counter, "station": p.station,
        "paid_at": format_local(p.paid_at), "receipt": receipt_json(receipt, session) if receipt else None,
    }


def payments_of(session: Session, code: str) -> list[dict[str, Any]]:
    dossier = get_dossier(session, code)
    rows = session.scalars(select(FeePayment).where(FeePayment.dossier_id == dossier.id).order_by(FeePayment.id))
    return [payment_json(session, p) for p in rows]


def receipt_print_data(session: Session, code: str) -> dict[str, Any]:
    """``{"receipt": ..., "template": ..., "copies": n}`` for ``printing.fee_receipt.render_fee_receipt_data``:
    the dossier's last issued (not cancelled) receipt."""
    from app.numbers_vi import amount_in_words
    from app.services.print_data import _officer_name, load_template  # the officer's full name, as on the forms

    dossier = get_dossier(session, code)
    receipt = session.scalars(
        select(FeeReceipt).join(FeePayment, FeePayment.id == FeeReceipt.payment_id)
        .where(FeePayment.dossier_id == dossier.id, FeeReceipt.state == "issued")
        .order_by(FeeReceipt.id.desc()).limit(1)
    ).first()
    if receipt is None:
        raise NotFoundError("fee_receipt_none", code=dossier.code)
    payment = session.get(FeePayment, receipt.payment_id)
    items = session.scalars(select(FeePaymentItem).where(FeePaymentItem.payment_id == payment.id).order_by(FeePaymentItem.id))
    settings = center.get_all(session)
    copies = settings["fees.receipt_copies"] if settings["fees.receipt_copies"] in (2, 3) else 3
    return {
        "receipt": dict(
            form=receipt.form, series=receipt.series, number=f"{receipt.number:0{NUMBER_DIGITS}d}",
            tax_code=settings["fees.tax_code"] or "", dossier_code=dossier.code, payer=payment.payer,
            payer_address=session.scalar(select(DossierParty.address).where(
                DossierParty.dossier_id == dossier.id, DossierParty.role == "applicant")) or "",
            items=[dict(name=i.name, kind=i.kind, amount=i.net) for i in items],
            amount_words=amount_in_words(payment.amount), gross=payment.gross, reduction=payment.reduction, exemption=payment.exemption_name or "",
            legal_basis=payment.legal_basis or "", amount=payment.amount, means=payment.means,
            reference=payment.reference or "", paid_at=payment.paid_at, collector=_officer_name(session, payment.officer),
        ),
        "template": load_template(session),
        "copies": copies,
    }


# --------------------------------------------------------------------------------------- reports


def local_window(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, end+1 00:00) in Vietnam's time, as UTC instants (both days included)."""
    lo = datetime.combine(start, time(0), tzinfo=VN_TZ).astimezone(timezone.utc)
    hi = datetime.combine(end + timedelta(days=1), time(0), tzinfo=VN_TZ).astimezone(timezone.utc)
    return lo, hi


def _by_means(rows) -> dict[str, int]:
    out = dict.fromkeys(MEANS, 0)
    for means, total in rows:
        out[means] = out.get(means, 0) + int(total or 0)
    return out


def day_report(session: Session, day: date, *, counter: int | None = None, officer: str | None = None) -> dict[str, Any]:
    """What should be in each drawer at the end of ``day`` (valid payments of that day, by means), per
    counter and officer; receipts issued and cancelled that day. ``drawer`` is the cash to hand over."""
    lo, hi = local_window(day, day)
    where = [FeePayment.paid_at >= lo, FeePayment.paid_at < hi, FeePayment.state == "valid"]
    if counter is not None:
        where.append(FeePayment.counter == counter)
    if officer is not None:
        where.append(FeePayment.officer == officer)
    rows = session.execute(
        select(FeePayment.counter, FeePayment.officer, FeePayment.means, func.count(), func.sum(FeePayment.amount))
        .where(*where).group_by(FeePayment.counter, FeePayment.officer, FeePayment.means)
    ).all()
    drawers: dict[tuple, dict[str, Any]] = {}
    for c, o, means, n, total in rows:
        d = drawers.setdefault((c, o), {"counter": c, "officer": o, "payments": 0, "by_means": dict.fromkeys(MEANS, 0)})
        d["payments"] += int(n)
        d["by_means"][means] += int(total or 0)
    for d in drawers.values():
        d["total"] = sum(d["by_means"].values())
        d["drawer_cash"] = d["by_means"]["cash"]
    by_means = _by_means((m, sum(d["by_means"][m] for d in drawers.values())) for m in MEANS)
    rwhere = []
    if counter is not None:
        rwhere.append(FeePayment.counter == counter)
    if officer is not None:
        rwhere.append(FeePayment.officer == officer)
    base = select(FeeReceipt, FeePayment).join(FeePayment, FeePayment.id == FeeReceipt.payment_id).where(*rwhere)
    issued = session.execute(base.where(FeeReceipt.issued_at >= lo, FeeReceipt.issued_at < hi).order_by(FeeReceipt.number)).all()
    cancelled = session.execute(
        base.where(FeeReceipt.cancelled_at >= lo, FeeReceipt.cancelled_at < hi).order_by(FeeReceipt.number)
    ).all()
    return {
        "date": day.isoformat(),
        "counter": counter,
        "officer": officer,
        "by_means": by_means,
        "total": sum(by_means.values()),
        "drawer_cash": by_means["cash"],
        "payments": sum(d["payments"] for d in drawers.values()),
        "drawers": sorted(drawers.values(), key=lambda d: (d["counter"] or 0, d["officer"] or "")),
        "receipts_issued": [r.text for r, _ in issued],
        "receipts_cancelled": [
            {"receipt": r.text, "code": p.dossier_code, "amount": p.amount, "means": p.means, "reason": r.cancel_reason,
             "cancelled_by": r.cancelled_by}
            for r, p in cancelled
        ],
    }


def day_report_for(session: Session, actor: Actor, day: date, *, counter: int | None = None,
                   officer: str | None = None) -> dict[str, Any]:
    """:func:`day_report` as ``actor`` may see it: an officer sees their own drawer only."""
    actor.require("fees.report")
    if not actor.roles & {"director", "admin", "system"}:  # an officer (only): their own drawer
        if officer not in (None, actor.username):
            raise RuleError("fees_report_own_only", username=actor.username)
        officer = actor.username
    return day_report(session, day, counter=counter, officer=officer)


def _kind_rows(session: Session, lo: datetime, hi: datetime):
    return session.execute(
        select(FeePayment.department_id, FeePaymentItem.kind, func.count(), func.sum(FeePaymentItem.net))
        .join(FeePaymentItem, FeePaymentItem.payment_id == FeePayment.id)
        .where(FeePayment.paid_at >= lo, FeePayment.paid_at < hi, FeePayment.state == "valid")
        .group_by(FeePayment.department_id, FeePaymentItem.kind)
    ).all()


def _department_kind(session: Session, lo: datetime, hi: datetime) -> tuple[list[dict[str, Any]], dict[str, int]]:
    names = dict(session.execute(select(Department.id, Department.name)).all())
    per: dict[Any, dict[str, Any]] = {}
    by_kind = dict.fromkeys(KINDS, 0)
    for dept, kind, n, total in _kind_rows(session, lo, hi):
        row = per.setdefault(dept, {"department": names.get(dept), "department_id": dept, "items": 0,
                                    **dict.fromkeys(KINDS, 0)})
        row[kind] = row.get(kind, 0) + int(total or 0)
        row["items"] += int(n)
        by_kind[kind] = by_kind.get(kind, 0) + int(total or 0)
    for row in per.values():
        row["total"] = sum(row[k] for k in by_kind)
    return sorted(per.values(), key=lambda r: r["department"] or ""), by_kind


def month_totals(session: Session, year: int, month: int) -> dict[str, Any]:
    """Valid payments of one month per department and fee kind (phí / lệ phí), for the bank and treasury."""
    if not 1 <= month <= 12:
        raise ValidationError("fee_month_invalid", month=month)
    first = date(year, month, 1)
    last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    lo, hi = local_window(first, last)
    rows, by_kind = _department_kind(session, lo, hi)
    means = _by_means(session.execute(
        select(FeePayment.means, func.sum(FeePayment.amount))
        .where(FeePayment.paid_at >= lo, FeePayment.paid_at < hi, FeePayment.state == "valid").group_by(FeePayment.means)
    ).all())
    return {"year": year, "month": month, "by_department": rows, "by_kind": by_kind, "by_means": means,
            "total": sum(by_kind.values())}


def report_section(session: Session, start: date, end: date) -> dict[str, Any]:
    """The fee figures of [start, end] (both days included, Vietnam's days) for the reports, JSON-ready.

    Keys: ``from``, ``to``, ``total``, ``payments``, ``by_means`` {cash, transfer, online},
    ``by_counter`` [{counter, payments, total, cash, transfer, online}], ``by_officer`` (same with officer),
    ``by_department`` [{department, department_id, phi, le_phi, total, items}], ``by_kind`` {phi, le_phi},
    ``reductions`` {payments, amount}, ``receipts`` {issued, cancelled}. Only valid (not cancelled)
    payments count in the amounts."""
    lo, hi = local_window(start, end)
    valid = (FeePayment.paid_at >= lo, FeePayment.paid_at < hi, FeePayment.state == "valid")

    def grouped(column) -> list[dict[str, Any]]:
        rows = session.execute(
            select(column, FeePayment.means, func.count(), func.sum(FeePayment.amount)).where(*valid)
            .group_by(column, FeePayment.means)
        ).all()
        out: dict[Any, dict[str, Any]] = {}
        for key, means, n, total in rows:
            r = out.setdefault(key, {column.key: key, "payments": 0, "total": 0, **dict.fromkeys(MEANS, 0)})
            r["payments"] += int(n)
            r["total"] += int(total or 0)
            r[means] += int(total or 0)
        key = column.key
        return sorted(out.values(), key=lambda r: (r[key] is None, r[key] if r[key] is not None else 0))

    by_counter = grouped(FeePayment.counter)
    by_means = _by_means((m, sum(r[m] for r in by_counter)) for m in MEANS)
    departments, by_kind = _department_kind(session, lo, hi)
    reductions = session.execute(
        select(func.count(), func.sum(FeePayment.reduction)).where(*valid, FeePayment.reduction > 0)
    ).one()
    issued = session.scalar(select(func.count()).select_from(FeeReceipt).where(FeeReceipt.issued_at >= lo, FeeReceipt.issued_at < hi))
    cancelled = session.scalar(
        select(func.count()).select_from(FeeReceipt).where(FeeReceipt.cancelled_at >= lo, FeeReceipt.cancelled_at < hi)
    )
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "total": sum(by_means.values()),
        "payments": sum(r["payments"] for r in by_counter),
        "by_means": by_means,
        "by_counter": by_counter,
        "by_officer": grouped(FeePayment.officer),
        "by_department": departments,
        "by_kind": by_kind,
        "reductions": {"payments": int(reductions[0] or 0), "amount": int(reductions[1] or 0)},
        "receipts": {"issued": int(issued or 0), "cancelled": int(cancelled or 0)},
    }
