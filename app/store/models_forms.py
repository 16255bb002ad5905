"""Numbers given to printed notices (form 05, Thông báo dừng giải quyết hồ sơ).

A notice number is drawn once from a yearly sequence when the notice is first printed and kept here
against the event the notice tells about, so that a reprint carries the very same number and no
number is given twice (unique per kind and year).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class NoticeNumber(Base):
    """The number of the notice printed for one dossier event."""

    __tablename__ = "notice_numbers"
    event_id: Mapped[int] = mapped_column(BigId, ForeignKey("dossier_events.id", ondelete="CASCADE"), primary_key=True,
                                          autoincrement=False)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # stop
    year: Mapped[int] = mapped_column(Integer)  # Vietnam's year of the notice's date
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(80))  # as printed after "Số: ", e.g. "07/TB-TTPVHCC"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(60))
    __table_args__ = (UniqueConstraint("kind", "year", "number", name="uq_notice_numbers_kind_year_number"),)
