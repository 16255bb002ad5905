"""SQLAlchemy 2.0 typed models: one schema for SQLite and PostgreSQL.

Every mutable row carries ``version`` (SQLAlchemy's ``version_id_col``): an UPDATE names the version it
read, so a second station acting on the same row gets ``StaleDataError`` -> ``StaleVersionError``
("changed by someone else") instead of silently overwriting the first.

Instants are stored as UTC (``UTCDateTime``); dates of the local calendar (birth dates, holidays) as DATE.
History rows (dossier events, audit, outbox) are append-only.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Table,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.store.types import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# An auto-increment primary key that is BIGINT on PostgreSQL and INTEGER (rowid) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def ByteOrder(length: int):  # noqa: N802 - a type factory, read like a type
    """Text compared byte by byte, for columns searched by prefix ranges (migration 0005)."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}




# --- reference data -----------------------------------------------------------------------------


class Department(Base):
    """Phòng chuyên môn / cơ quan có thẩm quyền: where dossiers are decided."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str | None] = mapped_column(String(40))
    head_name: Mapped[str | None] = mapped_column(String(120))
    head_title: Mapped[str | None] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Procedure(Base):
    """Thủ tục hành chính (TTHC): one catalog entry."""

    __tablename__ = "procedures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    local_code: Mapped[str | None] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(120))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    time_amount: Mapped[float | None] = mapped_column(Numeric(8, 2))
    time_unit: Mapped[str] = mapped_column(String(20), default="working_days")
    after_15h_next_day: Mapped[bool] = mapped_column(Boolean, default=False)
    supplement_notice_days: Mapped[int] = mapped_column(Integer, default=3)
    verified: Mapped[bool] = mapped_column(Boolean, default=True)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    department: Mapped[Department | None] = relationship(lazy="joined")
    documents: Mapped[list[ProcedureDocument]] = relationship(
        cascade="all, delete-orphan", order_by="ProcedureDocument.position", lazy="selectin"
    )
    fees: Mapped[list[ProcedureFee]] = relationship(
        cascade="all, delete-orphan", order_by="ProcedureFee.position", lazy="selectin"
    )


class ProcedureDocument(Base):
    """Thành phần hồ sơ: a required (or optional) document item of a procedure."""

    __tablename__ = "procedure_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    alternative_group: Mapped[str | None] = mapped_column(String(40))


class ProcedureFee(Base):
    """Phí / lệ phí of a procedure. ``amount`` is NULL where the amount is set elsewhere (unknown)."""

    __tablename__ = "procedure_fees"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))  # phi | le_phi
    amount: Mapped[int | None] = mapped_column(BigInteger)
    per: Mapped[str] = mapped_column(String(10), default="dossier")  # dossier | copy | page


# --- center configuration --------------------------------------------------------------------------


class CenterSetting(Base):
    """A center-wide setting (see ``app.settings.CENTER``), shared by every station."""

    __tablename__ = "center_settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class CalendarOverride(Base):
    """An official day-off schedule entry (holiday, compensatory, swap_off, makeup_workday)."""

    __tablename__ = "calendar_overrides"
    date: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class Sequence(Base):
    """Named counters (daily dossier sequence per agency, register entries...).

    Incremented with one atomic ``INSERT .. ON CONFLICT DO UPDATE .. RETURNING`` inside the caller's
    transaction, which locks the row until commit on both engines: never max()+1.
    """

    __tablename__ = "sequences"
    name: Mapped[str] = mapped_column(String(160), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, nullable=False)


# --- dossiers --------------------------------------------------------------------------------------


class Dossier(Base):
    """Hồ sơ: one application by one applicant for one procedure."""

    __tablename__ = "dossiers"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(ByteOrder(64), unique=True)
    code_issuer: Mapped[str] = mapped_column(String(40))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    status_before_supplement: Mapped[str | None] = mapped_column(String(24))
    applicant_type: Mapped[str] = mapped_column(String(12), default="citizen")
    channel: Mapped[str] = mapped_column(String(12), default="in_person")
    delivery: Mapped[str] = mapped_column(String(12), default="counter")
    sets: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(index=True)
    clock_started_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    original_due_at: Mapped[datetime | None]
    apology_count: Mapped[int] = mapped_column(Integer, default=0)
    transferred_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    officer: Mapped[str | None] = mapped_column(String(60), index=True)
    counter: Mapped[int | None] = mapped_column(Integer)
    register_book: Mapped[str | None] = mapped_column(String(20))
    register_entry: Mapped[int | None] = mapped_column(Integer)
    # Entry order across the center (sequence "dossier_serial"): the search index's row id, newest first.
    serial: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    # When the paper dossier must have reached its department (same working day / next morning).
    handover_due_at: Mapped[datetime | None]
    # A supplement request made after the procedure's notice limit (3 working days by default).
    supplement_late: Mapped[bool] = mapped_column(Boolean, default=False)
    refused_at_intake: Mapped[bool] = mapped_column(Boolean, default=False)
    # Denormalised search keys of the applicant (text.fold / digits); see services.search.
    search_name: Mapped[str] = mapped_column(Text, default="")
    search_id_number: Mapped[str | None] = mapped_column(ByteOrder(20), index=True)
    search_phone: Mapped[str | None] = mapped_column(ByteOrder(20), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
    # NB: on SQLite, migration 0002 puts full-text triggers on this table; a later batch_alter_table
    # (which recreates the table) must create them again.
    __table_args__ = (
        Index("ix_dossiers_status_due_at", "status", "due_at"),
        # The deadline board reads only this (migration 0004).
        Index(
            "ix_dossiers_open_board", "due_at", "status", "handover_due_at", "apology_count", "supplement_late",
            "department_id", "officer", "code",
            sqlite_where=text("status IN ('payment_requested', 'processing', 'received', 'supplement_requested')"),
            postgresql_where=text("status IN ('payment_requested', 'processing', 'received', 'supplement_requested')"),
        ),
        # The board's counts, grouped in index order (migration 0018).
        Index(
            "ix_dossiers_open_groups", "status", "department_id", "officer", "due_at", "handover_due_at",
            "apology_count", "supplement_late",
            sqlite_where=text("status IN ('payment_requested', 'processing', 'received', 'supplement_requested')"),
            postgresql_where=text("status IN ('payment_requested', 'processing', 'received', 'supplement_requested')"),
        ),
    )

    procedure: Mapped[Procedure] = relationship(lazy="joined")
    department: Mapped[Department | None] = relationship(lazy="joined")
    parties: Mapped[list[DossierParty]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    documents: Mapped[list[DossierDocument]] = relationship(
        cascade="all, delete-orphan", order_by="DossierDocument.position", lazy="selectin"
    )
    fees: Mapped[list[DossierFee]] = relationship(
        cascade="all, delete-orphan", order_by="DossierFee.position", lazy="selectin"
    )
    events: Mapped[list[DossierEvent]] = relationship(order_by="DossierEvent.seq", lazy="selectin")


class DossierParty(Base):
    """The applicant (chủ hồ sơ) and, when different, the submitter (người nộp)."""

    __tablename__ = "dossier_parties"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(12))  # applicant | submitter
    full_name: Mapped[str] = mapped_column(String(200))
    id_number: Mapped[str | None] = mapped_column(String(20))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("dossier_id", "role", name="uq_dossier_parties_role"),)


class DossierDocument(Base):
    """A document item as received (counts) against the procedure's checklist."""

    __tablename__ = "dossier_documents"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    alternative_group: Mapped[str | None] = mapped_column(String(40))


class DossierFee(Base):
    """A fee due on a dossier and its collection state."""

    __tablename__ = "dossier_fees"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int | None] = mapped_column(BigInteger)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    collection: Mapped[str] = mapped_column(String(12), default="before")  # before | after | exempt | none
    method: Mapped[str | None] = mapped_column(String(12))  # cash | transfer | online
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    paid_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class DossierEvent(Base):
    """Append-only history: what the province receives as processing history."""

    __tablename__ = "dossier_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(24))
    occurred_at: Mapped[datetime]
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    department: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    __table_args__ = (UniqueConstraint("dossier_id", "seq", name="uq_dossier_events_seq"),)


class ArchivedDocument(Base):
    """A printed or scanned file kept with a dossier, keyed by its SHA-256."""

    __tablename__ = "archived_documents"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("dossiers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    media_type: Mapped[str] = mapped_column(String(60), default="application/pdf")
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(60))


# --- sync and audit --------------------------------------------------------------------------------


class OutboxMessage(Base):
    """A change waiting to reach the province, written in the same transaction as the change."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(40))
    aggregate_id: Mapped[str] = mapped_column(String(64))
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # pending -> sending (claimed under a lease) -> sent | attention (a refusal a person must look at)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    # The dossier's history sequence number of this event: items of one dossier go out in this order.
    aggregate_version: Mapped[int | None] = mapped_column(Integer)
    lease_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    # The wire calls rendered at the first send, kept so that a resend under the same key is byte-identical,
    # with each call's acknowledgement.
    wire: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(String(40))  # code of the last failure (Vietnamese text in ui/)
    __table_args__ = (Index("ix_outbox_status_id", "status", "id"), Index("ix_outbox_aggregate_id_id", "aggregate_id", "id"))


class AuditEntry(Base):
    """Who did what, hash-chained and append-only (``app.services.audit``): ``seq`` counts from 1 without
    gaps, ``hash`` is SHA-256 over the entry's canonical form including ``prev_hash``. Ids only, never
    personal data. On PostgreSQL a trigger refuses UPDATE and DELETE (migration 0014)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    at_local: Mapped[str] = mapped_column(String(40), default="")  # Vietnam time, ISO 8601 with +07:00
    actor: Mapped[str] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(40))  # e.g. "counter-3"
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str | None] = mapped_column(String(100))  # the object's id (dossier code, ticket number...)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class HandoverRound(Base):
    """One hand-over round (luân chuyển): the paper dossiers collected and handed to departments."""

    __tablename__ = "handover_rounds"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    run_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    items: Mapped[list[HandoverItem]] = relationship(cascade="all, delete-orphan", lazy="selectin", order_by="HandoverItem.id")


class HandoverItem(Base):
    """A dossier handed over in a round, to one department."""

    __tablename__ = "handover_items"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("handover_rounds.id", ondelete="CASCADE"), index=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    result: Mapped[str | None] = mapped_column(String(10))  # early | on_time | late (against handover_due_at)
    dossier: Mapped[Dossier] = relationship(lazy="joined")
    department: Mapped[Department | None] = relationship(lazy="joined")


# --- queue -----------------------------------------------------------------------------------------


class QueueService(Base):
    """A queue service (A Hộ tịch, B Chứng thực...) with its own daily number sequence."""

    __tablename__ = "queue_services"
    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class PriorityGroup(Base):
    """Who is called first: elderly, people with disabilities, pregnant women, people with small children."""

    __tablename__ = "priority_groups"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    weight: Mapped[int] = mapped_column(Integer, default=1)  # higher is called first among priority tickets
    active: Mapped[bool] = mapped_column(Boolean, default=True)


counter_services = Table(
    "counter_services",
    Base.metadata,
    Column("counter_number", ForeignKey("counters.number", ondelete="CASCADE"), primary_key=True),
    Column("service_code", ForeignKey("queue_services.code", ondelete="CASCADE"), primary_key=True),
)


class Counter(Base):
    """Quầy: serves a set of services; holds the ticket being served."""

    __tablename__ = "counters"
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    pause_reason: Mapped[str | None] = mapped_column(Text)
    officer: Mapped[str | None] = mapped_column(String(60))
    current_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", name="fk_counters_current_ticket"))
    # Priority calls in a row that passed over a waiting normal ticket (see queue.call_next).
    priority_streak: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
    services: Mapped[list[QueueService]] = relationship(secondary=counter_services, lazy="select", order_by="QueueService.position")


class Ticket(Base):
    """Số thứ tự: one queue ticket."""

    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    service_code: Mapped[str] = mapped_column(ForeignKey("queue_services.code"))
    number: Mapped[str] = mapped_column(String(12))
    seq: Mapped[int] = mapped_column(Integer)
    priority_group: Mapped[str | None] = mapped_column(ForeignKey("priority_groups.code"))
    priority_weight: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="waiting")  # waiting | serving | skipped | done | cancelled
    issued_at: Mapped[datetime]
    place_at: Mapped[datetime]  # its place in the queue; kept on transfer and requeue
    target_counter: Mapped[int | None] = mapped_column(Integer)
    counter: Mapped[int | None] = mapped_column(Integer)
    called_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    skipped_at: Mapped[datetime | None]
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    dossier_codes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_tickets_status_service_place", "status", "service_code", "place_at"),
        UniqueConstraint("day", "number", name="uq_tickets_day_number"),
    )


class QueueCall(Base):
    """Every call and recall, in order: what the display board and the voice announce."""

    __tablename__ = "queue_calls"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    number: Mapped[str] = mapped_column(String(12))
    service_code: Mapped[str] = mapped_column(String(3))
    counter: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10), default="call")  # call | recall

from app.store import models_sync  # noqa: E402,F401  (sync bookkeeping tables share the metadata)
from app.store import models_files  # noqa: E402,F401  (stored files share the metadata)
from app.store import models_forms  # noqa: E402,F401  (notice numbers: complete metadata)
from app.store import models_queue_events  # noqa: E402,F401 - the queue's change feed (issue 8)
from app.store import models_devices  # noqa: E402,F401  (ratings: the metadata must be complete)
from app.store import models_print as _models_print  # noqa: E402,F401  (print queue)
from app.store import models_fees  # noqa: E402,F401  (fees: payments, receipts, exemptions)
from app.store import models_feedback  # noqa: E402,F401  (the complaints register)
from app.store.models_users import User  # noqa: E402,F401  (users and sign-in, issue 12)
from app.store import models_reports as _models_reports  # noqa: E402,F401  (the reports' indexes)
from app.store import models_audit  # noqa: E402,F401  (the audit chain's head)
