"""Pulling from the province: changes after our cursor, applied page by page; the cursor is stored in the
same transaction as the changes it brought, so a crash mid-pull repeats at most one page (and applying a
page twice changes nothing). A cursor the server no longer knows starts a full resync from the beginning.

Which thread: the sync worker's. No network call inside a transaction.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from app.services import province
from app.services.audit import audit
from sync.adapter import SendFailure
from sync.push import SYNC_ACTOR, get_state

log = logging.getLogger(__name__)

CURSOR_KEY = "pull.cursor"


_DIGITS = re.compile(r"[0-9]{1,18}")


def _status_code(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
        return int(value)
    return None


def _check_page(page) -> None:
    """``SendFailure("contract")`` for a page the contract's schema lets through but that cannot be applied:
    a cursor that is not a number, a code too long for the store, a status change without a status number."""
    if not _DIGITS.fullmatch(str(page.cursor or "0")):
        raise SendFailure("contract", "changes: the cursor is not a number", retry=True)
    for change in page.items:
        if not isinstance(change.code, str) or not 1 <= len(change.code) <= 64:
            raise SendFailure("contract", f"changes: item {change.seq}: MaHoSo must be 1-64 characters", retry=True)
        if not 0 <= change.seq < 10**18:
            raise SendFailure("contract", "changes: an item's seq is out of range", retry=True)
        if change.type == "status":
            if _status_code(change.data.get("TrangThaiHoSo")) is None:
                raise SendFailure("contract", f"changes: item {change.seq}: TrangThaiHoSo is not a status number",
                                  retry=True)
            history = change.data.get("history")
            if history is not None and not isinstance(history, dict):
                raise SendFailure("contract", f"changes: item {change.seq}: history is not an object", retry=True)


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
        _check_page(page)  # before any transaction: a page we cannot apply changes nothing
        counts["pages"] += 1
        last = int(cursor or 0)
        with store.write() as session:
            for change in sorted(page.items, key=lambda c: c.seq):
                if change.seq <= last:
                    continue  # a page delivered twice, or out of order
                if change.type == "online":
                    outcome = province.add_online(session, change.code, change.data)
                elif change.type == "status":
                    outcome = province.apply_status(session, change.code, _status_code(change.data["TrangThaiHoSo"]),
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
