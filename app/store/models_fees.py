"""Tables of the fees work (issue 13): payments, their items, fee receipts and exemptions.

A payment records money taken for some of a dossier's fees (``dossier_fees``) at intake or at return:
the gross amount, the exemption or reduction applied (copied with its legal basis at the time), the
amount taken, the means and the officer, counter and station. Every payment of money gets one fee
receipt (biên lai) whose number comes from one sequence per receipt series (``app.store.sequences``),
drawn in the payment's own transaction: a rolled back payment gives its number back, a committed one
never reuses it, so the numbers of a series neither repeat nor skip across stations.

A receipt is never edited. A wrong one is cancelled with a reason (its payment becomes ``void`` and the
fees are due again) and the next payment of the same dossier is its replacement (``replaced_by``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class FeeExemption(Base):
    """Miễn, giảm phí, lệ phí for one applicant group (poor households, people with meritorious services,
    children...): a percentage or a fixed amount off, and the legal text that grants it."""

    __tablename__ = "fee_exemptions"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    percent: Mapped[int | None] = mapped_column(Integer)  # 1..100; NULL when ``fixed_amount`` is set
    fixed_amount: Mapped[int | None] = mapped_column(BigInteger)  # đồng off the total
    legal_basis: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class FeePayment(Base):
    """Money taken for a dossier's fees (or the record that nothing was due after an exemption)."""

    __tablename__ = "fee_payments"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    dossier_code: Mapped[str] = mapped_column(String(64))
    department_id: Mapped[int | None] = mapped_column(Integer)  # the dossier's, copied for the monthly totals
    stage: Mapped[str] = mapped_column(String(10))  # intake | return
    gross: Mapped[int] = mapped_column(BigInteger)
    exemption_code: Mapped[str | None] = mapped_column(String(20))
    exemption_name: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    reduction: Mapped[int] = mapped_column(BigInteger, default=0)
    amount: Mapped[int] = mapped_column(BigInteger)  # what was taken: gross - reduction
    means: Mapped[str] = mapped_column(String(10))  # cash | transfer | online
    reference: Mapped[str | None] = mapped_column(String(80))
    payer: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(String(60))
    counter: Mapped[int | None] = mapped_column(Integer)
    station: Mapped[str | None] = mapped_column(String(40))
    paid_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(10), default="valid")  # valid | void
    __table_args__ = (Index("ix_fee_payments_paid_at", "paid_at"),)


class FeePaymentItem(Base):
    """One fee of a payment; ``net`` is its share after the reduction (the shares add up to the amount)."""

    __tablename__ = "fee_payment_items"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    payment_id: Mapped[int] = mapped_column(BigId, ForeignKey("fee_payments.id", ondelete="CASCADE"), index=True)
    dossier_fee_id: Mapped[int] = mapped_column(BigId, ForeignKey("dossier_fees.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))  # phi | le_phi
    gross: Mapped[int] = mapped_column(BigInteger)
    net: Mapped[int] = mapped_column(BigInteger)


class FeeReceipt(Base):
    """Biên lai thu tiền phí, lệ phí: form, series (ký hiệu) and number, never edited."""

    __tablename__ = "fee_receipts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    payment_id: Mapped[int] = mapped_column(BigId, ForeignKey("fee_payments.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(40))  # mẫu số
    series: Mapped[str] = mapped_column(String(20))  # ký hiệu: one number sequence per series
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(60))  # "AA-26P 0000012": what the officer types to cancel
    state: Mapped[str] = mapped_column(String(10), default="issued")  # issued | cancelled
    issued_at: Mapped[datetime]
    issued_by: Mapped[str] = mapped_column(String(60))
    cancelled_at: Mapped[datetime | None]
    cancelled_by: Mapped[str | None] = mapped_column(String(60))
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    replaced_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("fee_receipts.id"))
    __table_args__ = (
        UniqueConstraint("series", "number", name="uq_fee_receipts_series_number"),
        Index("ix_fee_receipts_issued_at", "issued_at"),
    )
