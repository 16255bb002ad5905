"""Indexes the reports read (issue 13; migration 0016): each lets one aggregate of
``app.services.reports_sql`` read only an index, in the period's range, instead of the table.

Figures measured on the bench center (200,000 dossiers, 500,000 tickets in a month) are in docs/NOTES.md.
"""

from __future__ import annotations

from sqlalchemy import Index

from app.store.models import Dossier, DossierEvent, Ticket
from app.store.models_devices import Rating

#: name -> (table, columns); the migration creates the same
REPORT_INDEXES = {
    "ix_dossiers_report_received": ("dossiers", ("received_at", "status", "channel", "procedure_id", "department_id",
                                                 "officer", "id")),
    "ix_dossiers_report_decided": ("dossiers", ("decided_at", "status", "refused_at_intake", "due_at", "received_at",
                                                "procedure_id", "department_id", "officer")),
    "ix_dossier_events_report": ("dossier_events", ("kind", "occurred_at", "actor", "department")),
    "ix_tickets_report": ("tickets", ("day", "service_code", "status", "issued_at", "called_at", "finished_at")),
    "ix_ratings_report": ("ratings", ("at", "officer", "counter", "scale", "score")),
}
_TABLES = {"dossiers": Dossier, "dossier_events": DossierEvent, "tickets": Ticket, "ratings": Rating}

for _name, (_table, _cols) in REPORT_INDEXES.items():
    Index(_name, *(getattr(_TABLES[_table], c) for c in _cols))
