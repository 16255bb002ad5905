"""The persistent print queue: one row per job, committed before a byte goes to the printer.

States: ``queued`` (waiting) → ``sending`` (committed just before the bytes go out) → ``done``, or
``failed`` (the printer refused: offline, paper out...; the job still waits and goes out in order when
the printer returns). A job found in ``sending`` when its printer's sender starts again was being sent
when the station stopped: it is marked ``in_doubt`` and never sent again on its own; the officer decides
("có thể đã in — in lại?"). See ``app/services/print_queue.py``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class PrintJob(Base):
    __tablename__ = "print_jobs"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    station: Mapped[str] = mapped_column(String(40))  # e.g. "counter-3", "kiosk-1"
    printer: Mapped[str] = mapped_column(String(40))  # the station's printer name, e.g. "receipt_printer"
    kind: Mapped[str] = mapped_column(String(40))  # what is printed: "ticket", "slip:receipt", "form:receipt"...
    content_type: Mapped[str] = mapped_column(String(10))  # escpos | pdf
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    ticket: Mapped[str | None] = mapped_column(String(12))  # a queue number such as A012
    title: Mapped[str] = mapped_column(String(120), default="")
    copies: Mapped[int] = mapped_column(Integer, default=1)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default="queued")  # queued | sending | done | failed
    in_doubt: Mapped[bool] = mapped_column(Boolean, default=False)  # found in "sending" after a stop
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(20))  # a DeviceError kind: offline, paper_out...
    last_error_detail: Mapped[str | None] = mapped_column(Text)  # for the technician, never matched
    sending_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    __table_args__ = (Index("ix_print_jobs_station_printer_state_id", "station", "printer", "state", "id"),)
