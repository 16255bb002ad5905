"""Indexes the reports read (issue 13; migration 0016): each lets one aggregate of
``app.services.reports_sql`` read only an index, in the period's range, instead of the table.

Figures measured on the bench center (200,000 dossiers, 500,000 tickets in a month) are in docs/NOTES.md.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Float, Index, Integer, String, Table, text

from app.store.models import Base, Dossier, DossierEvent, OutboxMessage, Ticket
from app.store.models_devices import Rating
from app.store.types import UTCDateTime

#: name -> (table, columns); the migration creates the same
REPORT_INDEXES = {
    "ix_dossiers_report_received": ("dossiers", ("received_at", "status", "channel", "procedure_id", "department_id",
                                                 "officer", "id")),
    "ix_dossiers_report_decided": ("dossiers", ("decided_at", "status", "refused_at_intake", "due_at", "received_at",
                                                "procedure_id", "department_id", "officer")),
    "ix_dossier_events_report": ("dossier_events", ("kind", "occurred_at", "actor", "department")),
    "ix_tickets_report": ("tickets", ("day", "service_code", "status", "issued_at", "called_at", "finished_at")),
    "ix_ratings_report": ("ratings", ("at", "officer", "counter", "scale", "score", "source")),  # source: 0019
}
_TABLES = {"dossiers": Dossier, "dossier_events": DossierEvent, "tickets": Ticket, "ratings": Rating}

for _name, (_table, _cols) in REPORT_INDEXES.items():
    Index(_name, *(getattr(_TABLES[_table], c) for c in _cols))


# --- daily roll-ups (migration 0019) --------------------------------------------------------------------
# One row per (local day, group) of what each aggregate of ``reports_sql`` counts; ``app.services.report_rollups``
# builds them for closed days and the reports read them instead of the raw rows. ``report_days`` lists the days
# whose roll-ups are complete: the triggers of migration 0019 delete a day from it, in the same transaction,
# whenever a row that one of its figures counts is written, so a day is read from the roll-ups only while
# nothing under it changed.

report_days = Table(
    "report_days", Base.metadata,
    Column("day", Date, primary_key=True),
    Column("built_at", UTCDateTime(), nullable=False),
)
report_received_days = Table(
    "report_received_days", Base.metadata,
    Column("day", Date, nullable=False), Column("channel", String(12), nullable=False),
    Column("procedure_id", Integer, nullable=False), Column("department_id", Integer),
    Column("officer", String(60)), Column("received", Integer, nullable=False),
    Column("digitized", Integer, nullable=False), Column("unsent", Integer, nullable=False),
    Index("ix_report_received_days_day", "day"),
)
report_decided_days = Table(
    "report_decided_days", Base.metadata,
    Column("day", Date, nullable=False), Column("procedure_id", Integer, nullable=False),
    Column("department_id", Integer), Column("officer", String(60)),
    Column("decided", Integer, nullable=False), Column("early", Integer, nullable=False),
    Column("on_time", Integer, nullable=False), Column("late", Integer, nullable=False),
    Column("seconds", Float, nullable=False),
    Index("ix_report_decided_days_day", "day"),
)
report_event_days = Table(
    "report_event_days", Base.metadata,
    Column("day", Date, nullable=False), Column("kind", String(30), nullable=False),
    Column("actor", String(60), nullable=False), Column("department", String(200)),
    Column("n", Integer, nullable=False),
    Index("ix_report_event_days_day", "day"),
)
report_rating_days = Table(
    "report_rating_days", Base.metadata,
    Column("day", Date, nullable=False), Column("officer", String(60)), Column("counter", Integer),
    Column("scale", Integer, nullable=False), Column("score", Integer, nullable=False),
    Column("source", String(40), nullable=False), Column("n", Integer, nullable=False),
    Index("ix_report_rating_days_day", "day"),
)
report_ticket_days = Table(
    "report_ticket_days", Base.metadata,
    Column("day", Date, nullable=False), Column("service_code", String(12), nullable=False),
    Column("utc_hour", Integer, nullable=False), Column("tickets", Integer, nullable=False),
    Column("called", Integer, nullable=False), Column("wait", Float, nullable=False),
    Column("served", Integer, nullable=False), Column("service", Float, nullable=False),
    Column("no_shows", Integer, nullable=False),
    Index("ix_report_ticket_days_day", "day"),
)

#: the outbox items still to send, by dossier: what the "synced" figure of a day not rolled up probes
UNSENT = "status <> 'sent'"
Index("ix_outbox_unsent", OutboxMessage.kind, OutboxMessage.aggregate_id,
      sqlite_where=text(UNSENT), postgresql_where=text(UNSENT))
