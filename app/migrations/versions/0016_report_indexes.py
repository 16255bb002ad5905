"""report indexes: covering indexes for the director's aggregates (issue 13)

Revision ID: 0016
Revises: 0015
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# The same as app.store.models_reports.REPORT_INDEXES (a migration never imports the models).
INDEXES = {
    "ix_dossiers_report_received": ("dossiers", ["received_at", "status", "channel", "procedure_id", "department_id",
                                                 "officer", "id"]),
    "ix_dossiers_report_decided": ("dossiers", ["decided_at", "status", "refused_at_intake", "due_at", "received_at",
                                                "procedure_id", "department_id", "officer"]),
    "ix_dossier_events_report": ("dossier_events", ["kind", "occurred_at", "actor", "department"]),
    "ix_tickets_report": ("tickets", ["day", "service_code", "status", "issued_at", "called_at", "finished_at"]),
    "ix_ratings_report": ("ratings", ["at", "officer", "counter", "scale", "score"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
