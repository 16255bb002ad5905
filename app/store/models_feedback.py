"""The complaints and feedback register (sổ tiếp nhận phản ánh, kiến nghị) of issue 13.

Each entry records how it came in (counter, phone, hotline, kiosk), who sent it and how to reach them,
what it says, where it was routed (the center itself when ``department_id`` is NULL, else a department),
its deadline in working days, the answer and when and how the citizen was told.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class Complaint(Base):
    """Phản ánh, kiến nghị: one entry of the register."""

    __tablename__ = "complaints"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(20))  # "PAKN-2026-0001", yearly sequence
    kind: Mapped[str] = mapped_column(String(12), default="feedback")  # feedback (phản ánh) | proposal (kiến nghị)
    channel: Mapped[str] = mapped_column(String(10))  # counter | phone | hotline | kiosk
    received_at: Mapped[datetime]
    received_by: Mapped[str] = mapped_column(String(60))
    counter: Mapped[int | None] = mapped_column(Integer)
    contact_name: Mapped[str] = mapped_column(Text)
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    contact_email: Mapped[str | None] = mapped_column(String(120))
    contact_address: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    officer_concerned: Mapped[str | None] = mapped_column(String(60))  # the officer it is about, if any
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))  # NULL: the center
    due_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(10), default="open")  # open | answered | closed (citizen told)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]
    answered_by: Mapped[str | None] = mapped_column(String(60))
    informed_at: Mapped[datetime | None]
    informed_via: Mapped[str | None] = mapped_column(String(10))  # phone | sms | email | letter | counter
    informed_by: Mapped[str | None] = mapped_column(String(60))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("number", name="uq_complaints_number"),
        Index("ix_complaints_state_due_at", "state", "due_at"),
        Index("ix_complaints_received_at", "received_at"),
    )
