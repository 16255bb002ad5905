"""What a new database gets once: the official holiday schedules shipped in resources/."""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from app.actors import SYSTEM
from app.resources import resource
from app.services.calendar import import_schedule
from app.store.models import AuditEntry
from app.store.sequences import ensure_at_least, peek
from app.store.session import Store

log = logging.getLogger(__name__)


#: a sequence row that says "done": read at every start-up (one primary-key look-up, no write)
DONE_MARKER = "bootstrap:holidays"


def bootstrap(store: Store) -> None:
    """Seed the calendar overrides unless a schedule was ever imported into this database.

    Every station start calls this: once the marker is there it costs one read, no write transaction (and
    so no fsync) and no look through the audit log."""
    with store.read() as session:
        if peek(session, DONE_MARKER) is not None:
            return
    if store.readonly:
        return
    with store.write() as session:
        if peek(session, DONE_MARKER) is not None:
            return
        # databases made before the marker: any earlier import counts
        if not session.scalar(select(AuditEntry.id).where(AuditEntry.action == "calendar.import").limit(1)):
            data = json.loads(resource("data", "holidays.json").read_text(encoding="utf-8"))
            count = import_schedule(session, SYSTEM, data, source="resources/data/holidays.json")
            log.info("seeded %d official calendar entries", count)
        ensure_at_least(session, DONE_MARKER, 1)
