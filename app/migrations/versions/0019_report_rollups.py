"""report roll-ups: daily pre-aggregates of the director's figures, kept honest by triggers (issue 13)

Revision ID: 0019
Revises: 0018

Five tables hold, per local day, what each aggregate of ``app.services.reports_sql`` counts (dossiers received,
decided, their events, ratings, tickets); ``report_days`` lists the days whose roll-ups are complete.
``app.services.report_rollups.refresh`` builds closed days (before today); a report reads a listed day from
the roll-ups and every other day (today, a day never built, a day changed since) from the raw rows.

The triggers below delete a day from ``report_days`` in the same transaction as any write to a row that one
of that day's figures counts (a dossier, its file, event or waiting outbox item, a ticket, a rating), whoever
writes it (the services, Core updates, the sync worker, an import):
a stale roll-up is never read. A write to today's rows (every intake, call and finish) deletes nothing and
costs one primary-key probe of a small table.

Existing databases: nothing is filled here; the first refresh (the reports window, ``motcua report
refresh``) builds every closed day. Until then reports read the raw rows, as before, and are as exact.
"""

from alembic import op
import sqlalchemy as sa

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# The same tables as app.store.models_reports (a migration never imports the models).
TABLES = {
    "report_received_days": [("channel", sa.String(12), False), ("procedure_id", sa.Integer(), False),
                             ("department_id", sa.Integer(), True), ("officer", sa.String(60), True),
                             ("received", sa.Integer(), False), ("digitized", sa.Integer(), False),
                             ("unsent", sa.Integer(), False)],
    "report_decided_days": [("procedure_id", sa.Integer(), False), ("department_id", sa.Integer(), True),
                            ("officer", sa.String(60), True), ("decided", sa.Integer(), False),
                            ("early", sa.Integer(), False), ("on_time", sa.Integer(), False),
                            ("late", sa.Integer(), False), ("seconds", sa.Float(), False)],
    "report_event_days": [("kind", sa.String(30), False), ("actor", sa.String(60), False),
                          ("department", sa.String(200), True), ("n", sa.Integer(), False)],
    "report_rating_days": [("officer", sa.String(60), True), ("counter", sa.Integer(), True),
                           ("scale", sa.Integer(), False), ("score", sa.Integer(), False),
                           ("source", sa.String(40), False), ("n", sa.Integer(), False)],
    "report_ticket_days": [("service_code", sa.String(12), False), ("utc_hour", sa.Integer(), False),
                           ("tickets", sa.Integer(), False), ("called", sa.Integer(), False),
                           ("wait", sa.Float(), False), ("served", sa.Integer(), False),
                           ("service", sa.Float(), False), ("no_shows", sa.Integer(), False)],
}
UNSENT = "status <> 'sent'"
RATINGS_INDEX = ["at", "officer", "counter", "scale", "score"]
EVENT_KINDS = "('returned', 'supplement_requested', 'apologized')"

#: the dossier columns each roll-up groups or counts by (a change to another column moves no figure)
RECEIVED_COLS = ("received_at", "status", "channel", "procedure_id", "department_id", "officer")
DECIDED_COLS = ("decided_at", "due_at", "received_at", "status", "refused_at_intake", "procedure_id",
                "department_id", "officer")
TICKET_COLS = ("day", "service_code", "status", "issued_at", "called_at", "finished_at")
RATING_COLS = ("at", "officer", "counter", "scale", "score", "source")
EVENT_COLS = ("kind", "occurred_at", "actor", "department")
FILE_COLS = ("dossier_id", "replaced_at")
OUTBOX_COLS = ("kind", "aggregate_id", "status")
SYNC_KIND = "'dossier.event'"
#: a dossier id as the outbox writes it (PostgreSQL's cast must not fail inside a writer's transaction)
UUID_RE = "'^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$'"

TRIGGER_NAMES = [
    ("dossiers", "trg_report_dossiers_ins"), ("dossiers", "trg_report_dossiers_del"),
    ("dossiers", "trg_report_dossiers_received"), ("dossiers", "trg_report_dossiers_decided"),
    ("dossier_files", "trg_report_files_ins"), ("dossier_files", "trg_report_files_upd"),
    ("dossier_files", "trg_report_files_del"),
    ("dossier_events", "trg_report_events_ins"), ("dossier_events", "trg_report_events_upd"),
    ("dossier_events", "trg_report_events_del"),
    ("tickets", "trg_report_tickets_ins"), ("tickets", "trg_report_tickets_upd"), ("tickets", "trg_report_tickets_del"),
    ("ratings", "trg_report_ratings_ins"), ("ratings", "trg_report_ratings_upd"), ("ratings", "trg_report_ratings_del"),
    ("outbox", "trg_report_outbox_ins"), ("outbox", "trg_report_outbox_upd"), ("outbox", "trg_report_outbox_del"),
]


def _changed(cols, *, pg: bool) -> str:
    op_ = "IS DISTINCT FROM" if pg else "IS NOT"
    parts = []
    for c in cols:
        if c == "status":  # only "cancelled or not" (a dossier) / "sent or not" (an outbox item) matters
            flag = "sent" if "aggregate_id" in cols else "cancelled"
            parts.append(f"(OLD.status = '{flag}') {op_} (NEW.status = '{flag}')")
        else:
            parts.append(f"OLD.{c} {op_} NEW.{c}")
    return " OR ".join(parts)


# --- SQLite: the trigger bodies are plain statements ---------------------------------------------------

def _sq_day(expr: str) -> str:
    return f"date({expr}, '+7 hours')"


def _sq_forget(*days: str) -> str:
    return f"DELETE FROM report_days WHERE day IN ({', '.join(days)});"


def _sq_file_day(row: str) -> str:
    return f"(SELECT {_sq_day('received_at')} FROM dossiers WHERE id = {row}.dossier_id)"


def _sq_outbox_day(row: str) -> str:
    return (f"(SELECT {_sq_day('received_at')} FROM dossiers "
            f"WHERE id = lower(replace({row}.aggregate_id, '-', '')))")


def _sqlite_triggers() -> list[str]:
    def trg(name, when, table, body, cond=None):
        return f"CREATE TRIGGER {name} AFTER {when} ON {table} {f'WHEN {cond} ' if cond else ''}BEGIN {body} END"

    kinds_new, kinds_old = f"NEW.kind IN {EVENT_KINDS}", f"OLD.kind IN {EVENT_KINDS}"
    return [
        trg("trg_report_dossiers_ins", "INSERT", "dossiers",
            _sq_forget(_sq_day("NEW.received_at"), _sq_day("NEW.decided_at"))),
        trg("trg_report_dossiers_del", "DELETE", "dossiers",
            _sq_forget(_sq_day("OLD.received_at"), _sq_day("OLD.decided_at"))),
        trg("trg_report_dossiers_received", f"UPDATE OF {', '.join(RECEIVED_COLS)}", "dossiers",
            _sq_forget(_sq_day("OLD.received_at"), _sq_day("NEW.received_at")), _changed(RECEIVED_COLS, pg=False)),
        trg("trg_report_dossiers_decided", f"UPDATE OF {', '.join(DECIDED_COLS)}", "dossiers",
            _sq_forget(_sq_day("OLD.decided_at"), _sq_day("NEW.decided_at")),
            f"(OLD.decided_at IS NOT NULL OR NEW.decided_at IS NOT NULL) AND ({_changed(DECIDED_COLS, pg=False)})"),
        trg("trg_report_files_ins", "INSERT", "dossier_files", _sq_forget(_sq_file_day("NEW"))),
        trg("trg_report_files_upd", f"UPDATE OF {', '.join(FILE_COLS)}", "dossier_files",
            _sq_forget(_sq_file_day("OLD"), _sq_file_day("NEW")), _changed(FILE_COLS, pg=False)),
        trg("trg_report_files_del", "DELETE", "dossier_files", _sq_forget(_sq_file_day("OLD"))),
        trg("trg_report_events_ins", "INSERT", "dossier_events", _sq_forget(_sq_day("NEW.occurred_at")), kinds_new),
        trg("trg_report_events_upd", f"UPDATE OF {', '.join(EVENT_COLS)}", "dossier_events",
            _sq_forget(_sq_day("OLD.occurred_at"), _sq_day("NEW.occurred_at")),
            f"({kinds_new} OR {kinds_old}) AND ({_changed(EVENT_COLS, pg=False)})"),
        trg("trg_report_events_del", "DELETE", "dossier_events", _sq_forget(_sq_day("OLD.occurred_at")), kinds_old),
        trg("trg_report_tickets_ins", "INSERT", "tickets", _sq_forget("NEW.day")),
        trg("trg_report_tickets_upd", f"UPDATE OF {', '.join(TICKET_COLS)}", "tickets",
            _sq_forget("OLD.day", "NEW.day"), _changed(TICKET_COLS, pg=False)),
        trg("trg_report_tickets_del", "DELETE", "tickets", _sq_forget("OLD.day")),
        trg("trg_report_ratings_ins", "INSERT", "ratings", _sq_forget(_sq_day("NEW.at"))),
        trg("trg_report_ratings_upd", f"UPDATE OF {', '.join(RATING_COLS)}", "ratings",
            _sq_forget(_sq_day("OLD.at"), _sq_day("NEW.at")), _changed(RATING_COLS, pg=False)),
        trg("trg_report_ratings_del", "DELETE", "ratings", _sq_forget(_sq_day("OLD.at"))),
        trg("trg_report_outbox_ins", "INSERT", "outbox", _sq_forget(_sq_outbox_day("NEW")),
            f"NEW.kind = {SYNC_KIND} AND NEW.status <> 'sent'"),
        trg("trg_report_outbox_upd", f"UPDATE OF {', '.join(OUTBOX_COLS)}", "outbox",
            _sq_forget(_sq_outbox_day("OLD"), _sq_outbox_day("NEW")),
            f"(OLD.kind = {SYNC_KIND} OR NEW.kind = {SYNC_KIND}) AND ({_changed(OUTBOX_COLS, pg=False)})"),
        trg("trg_report_outbox_del", "DELETE", "outbox", _sq_forget(_sq_outbox_day("OLD")),
            f"OLD.kind = {SYNC_KIND} AND OLD.status <> 'sent'"),
    ]


# --- PostgreSQL: one trigger function per table, called per row ----------------------------------------

def _pg_day(expr: str) -> str:
    return f"({expr} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"


def _pg_function(name: str, body: str) -> str:
    return (f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{body}\n"
            "RETURN NULL;\nEND\n$$")


def _pg_forget(*days: str) -> str:
    return f"DELETE FROM report_days WHERE day IN ({', '.join(days)});"


def _pg_file_day(row: str) -> str:
    return f"(SELECT {_pg_day('received_at')} FROM dossiers WHERE id = {row}.dossier_id)"


def _pg_outbox(row: str) -> str:
    return (f"IF {row}.kind = {SYNC_KIND} AND {row}.aggregate_id ~ {UUID_RE} THEN DELETE FROM report_days WHERE day = "
            f"(SELECT {_pg_day('received_at')} FROM dossiers WHERE id = {row}.aggregate_id::uuid); END IF;")


PG_FUNCTIONS = {
    "report_forget_dossier": (
        f"IF TG_OP <> 'INSERT' THEN {_pg_forget(_pg_day('OLD.received_at'), _pg_day('OLD.decided_at'))} END IF;\n"
        f"IF TG_OP <> 'DELETE' THEN {_pg_forget(_pg_day('NEW.received_at'), _pg_day('NEW.decided_at'))} END IF;"),
    "report_forget_dossier_received": _pg_forget(_pg_day("OLD.received_at"), _pg_day("NEW.received_at")),
    "report_forget_dossier_decided": _pg_forget(_pg_day("OLD.decided_at"), _pg_day("NEW.decided_at")),
    "report_forget_file": (f"IF TG_OP <> 'INSERT' THEN {_pg_forget(_pg_file_day('OLD'))} END IF;\n"
                           f"IF TG_OP <> 'DELETE' THEN {_pg_forget(_pg_file_day('NEW'))} END IF;"),
    "report_forget_event": (f"IF TG_OP <> 'INSERT' THEN {_pg_forget(_pg_day('OLD.occurred_at'))} END IF;\n"
                            f"IF TG_OP <> 'DELETE' THEN {_pg_forget(_pg_day('NEW.occurred_at'))} END IF;"),
    "report_forget_ticket": ("IF TG_OP <> 'INSERT' THEN DELETE FROM report_days WHERE day = OLD.day; END IF;\n"
                             "IF TG_OP <> 'DELETE' THEN DELETE FROM report_days WHERE day = NEW.day; END IF;"),
    "report_forget_rating": (f"IF TG_OP <> 'INSERT' THEN {_pg_forget(_pg_day('OLD.at'))} END IF;\n"
                             f"IF TG_OP <> 'DELETE' THEN {_pg_forget(_pg_day('NEW.at'))} END IF;"),
    "report_forget_outbox": (f"IF TG_OP <> 'INSERT' THEN {_pg_outbox('OLD')} END IF;\n"
                             f"IF TG_OP <> 'DELETE' THEN {_pg_outbox('NEW')} END IF;"),
}


def _pg_triggers() -> list[str]:
    def trg(name, when, table, fn, cond=None):
        return (f"CREATE TRIGGER {name} AFTER {when} ON {table} FOR EACH ROW "
                f"{f'WHEN ({cond}) ' if cond else ''}EXECUTE FUNCTION {fn}()")

    kinds_new, kinds_old = f"NEW.kind IN {EVENT_KINDS}", f"OLD.kind IN {EVENT_KINDS}"
    return [
        trg("trg_report_dossiers_ins", "INSERT", "dossiers", "report_forget_dossier"),
        trg("trg_report_dossiers_del", "DELETE", "dossiers", "report_forget_dossier"),
        trg("trg_report_dossiers_received", f"UPDATE OF {', '.join(RECEIVED_COLS)}", "dossiers",
            "report_forget_dossier_received", _changed(RECEIVED_COLS, pg=True)),
        trg("trg_report_dossiers_decided", f"UPDATE OF {', '.join(DECIDED_COLS)}", "dossiers",
            "report_forget_dossier_decided",
            f"(OLD.decided_at IS NOT NULL OR NEW.decided_at IS NOT NULL) AND ({_changed(DECIDED_COLS, pg=True)})"),
        trg("trg_report_files_ins", "INSERT", "dossier_files", "report_forget_file"),
        trg("trg_report_files_upd", f"UPDATE OF {', '.join(FILE_COLS)}", "dossier_files", "report_forget_file",
            _changed(FILE_COLS, pg=True)),
        trg("trg_report_files_del", "DELETE", "dossier_files", "report_forget_file"),
        trg("trg_report_events_ins", "INSERT", "dossier_events", "report_forget_event", kinds_new),
        trg("trg_report_events_upd", f"UPDATE OF {', '.join(EVENT_COLS)}", "dossier_events", "report_forget_event",
            f"({kinds_new} OR {kinds_old}) AND ({_changed(EVENT_COLS, pg=True)})"),
        trg("trg_report_events_del", "DELETE", "dossier_events", "report_forget_event", kinds_old),
        trg("trg_report_tickets_ins", "INSERT", "tickets", "report_forget_ticket"),
        trg("trg_report_tickets_upd", f"UPDATE OF {', '.join(TICKET_COLS)}", "tickets", "report_forget_ticket",
            _changed(TICKET_COLS, pg=True)),
        trg("trg_report_tickets_del", "DELETE", "tickets", "report_forget_ticket"),
        trg("trg_report_ratings_ins", "INSERT", "ratings", "report_forget_rating"),
        trg("trg_report_ratings_upd", f"UPDATE OF {', '.join(RATING_COLS)}", "ratings", "report_forget_rating",
            _changed(RATING_COLS, pg=True)),
        trg("trg_report_ratings_del", "DELETE", "ratings", "report_forget_rating"),
        trg("trg_report_outbox_ins", "INSERT", "outbox", "report_forget_outbox",
            f"NEW.kind = {SYNC_KIND} AND NEW.status <> 'sent'"),
        trg("trg_report_outbox_upd", f"UPDATE OF {', '.join(OUTBOX_COLS)}", "outbox", "report_forget_outbox",
            f"(OLD.kind = {SYNC_KIND} OR NEW.kind = {SYNC_KIND}) AND ({_changed(OUTBOX_COLS, pg=True)})"),
        trg("trg_report_outbox_del", "DELETE", "outbox", "report_forget_outbox",
            f"OLD.kind = {SYNC_KIND} AND OLD.status <> 'sent'"),
    ]


def upgrade() -> None:
    op.create_table("report_days", sa.Column("day", sa.Date(), primary_key=True),
                    sa.Column("built_at", sa.DateTime(timezone=True), nullable=False))
    for table, columns in TABLES.items():
        op.create_table(table, sa.Column("day", sa.Date(), nullable=False),
                        *(sa.Column(name, type_, nullable=null) for name, type_, null in columns))
        op.create_index(f"ix_{table}_day", table, ["day"])
    op.create_index("ix_outbox_unsent", "outbox", ["kind", "aggregate_id"],
                    sqlite_where=sa.text(UNSENT), postgresql_where=sa.text(UNSENT))
    # the ratings section (app.services.ratings) groups by source too: the covering index covers it
    op.drop_index("ix_ratings_report", table_name="ratings")
    op.create_index("ix_ratings_report", "ratings", RATINGS_INDEX + ["source"])
    if op.get_bind().dialect.name == "postgresql":
        for name, body in PG_FUNCTIONS.items():
            op.execute(_pg_function(name, body))
        statements = _pg_triggers()
    else:
        statements = _sqlite_triggers()
    for sql in statements:
        op.execute(sql)


def downgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for table, name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER {name} ON {table}" if pg else f"DROP TRIGGER {name}")
    if pg:
        for name in PG_FUNCTIONS:
            op.execute(f"DROP FUNCTION {name}()")
    op.drop_index("ix_outbox_unsent", table_name="outbox")
    op.drop_index("ix_ratings_report", table_name="ratings")
    op.create_index("ix_ratings_report", "ratings", RATINGS_INDEX)
    for table in TABLES:
        op.drop_index(f"ix_{table}_day", table_name=table)
        op.drop_table(table)
    op.drop_table("report_days")
