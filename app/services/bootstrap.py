"""What a new database gets once: the official holiday schedules shipped in resources/."""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from app.actors import SYSTEM
from app.resources import resource
from app.services.calendar import import_schedule
from app.store.models import AuditEntry
from app.store.session import Store

log = logging.getLogger(__name__)


def bootstrap(store: Store) -> None:
    """Seed the calendar overrides unless a schedule was ever imported into this database."""
    with store.write() as session:
        if session.scalar(select(AuditEntry.id).where(AuditEntry.action == "calendar.import").limit(1)):
            return
        data = json.loads(resource("data", "holidays.json").read_text(encoding="utf-8"))
        count = import_schedule(session, SYSTEM, data, source="resources/data/holidays.json")
        log.info("seeded %d official calendar entries", count)
