"""Pulling from the province: changes after our cursor, applied page by page; the cursor is stored in the
same transaction as the changes it brought, so a crash mid-pull repeats at most one page (and applying a
page twice changes nothing). A cursor the server no longer knows starts a full resync from the beginning.

Which thread: the sync worker's. No network call inside a transaction.
"""

from __future__ import annotations

import logging
from typing import Any

from app.services import province
from app.services.audit import audit
from sync.push import SYNC_ACTOR, get_state

log = logging.getLogger(__name__)

CURSOR_KEY = "pull.cursor"


def pull_once(store, adapter, *, limit: int = 200, max_pages: int = 1000) -> dict[str, Any]:
    from app.store.models_sync import SyncState

    counts = {"applied": 0, "conflict": 0, "unknown": 0, "same": 0, "stale": 0, "added": 0, "pages": 0, "resync": 0}
    with store.read() as session:
        cursor = str(get_state(session, CURSOR_KEY, "0"))
    for _ in range(max_pages):
        page = adapter.changes(cursor, limit)  # network: outside any transaction
        if page.expired:
            counts["resync"] += 1
            cursor = "0"
            if counts["resync"] > 1:
                break
            continue
        counts["pages"] += 1
        last = int(cursor or 0)
        with store.write() as session:
            for change in sorted(page.items, key=lambda c: c.seq):
                if change.seq <= last:
                    continue  # a page delivered twice, or out of order
                if change.type == "online":
                    outcome = province.add_online(session, change.code, change.data)
                elif change.type == "status":
                    outcome = province.apply_status(session, change.code, int(change.data["TrangThaiHoSo"]),
                                                    change.data.get("history"))
                else:
                    outcome = "unknown"
                counts[outcome] = counts.get(outcome, 0) + 1
                last = change.seq
            cursor = str(max(last, int(page.cursor or 0)))
            audit(session, SYNC_ACTOR, "sync.pull", None, cursor=cursor, changes=len(page.items),
                  applied=counts["applied"], conflicts=counts["conflict"])
            row = session.get(SyncState, CURSOR_KEY)
            if row is None:
                session.add(SyncState(key=CURSOR_KEY, value=cursor))
            else:
                row.value = cursor
        if not page.more:
            break
    return counts
