"""Tables the devices issue adds: the citizens' ratings from the counter keypads.

A rating is stored with what it is about, copied at the moment it is given (the ticket, its dossier,
the officer and the counter), so the reports read one table and a later change of officer at the
counter does not move an old rating. One rating per ticket (a unique index since migration 0015: a
second rating of the same visit is refused); a rating with no ticket (pressed at an idle counter, or
given for a dossier at the return screen) is kept with the counter and officer only.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class Rating(Base):
    """Đánh giá mức độ hài lòng: one key press on a counter's rating keypad (or the screen)."""

    __tablename__ = "ratings"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    counter: Mapped[int] = mapped_column(Integer)
    scale: Mapped[int] = mapped_column(Integer)  # 3 or 5 keys
    score: Mapped[int] = mapped_column(Integer)  # 1 (least satisfied) .. scale
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    ticket_number: Mapped[str | None] = mapped_column(String(12))
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    officer: Mapped[str | None] = mapped_column(String(60))
    source: Mapped[str] = mapped_column(String(40), default="keypad")  # the device name, or "screen"
    __table_args__ = (
        Index("ix_ratings_at", "at"),
        Index("ix_ratings_ticket_id", "ticket_id", unique=True),
        Index("ix_ratings_officer_at", "officer", "at"),
    )
