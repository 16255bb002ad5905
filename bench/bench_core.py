"""Core figures: due_date_us, code_issue_ms, raw_sqlite_commit_ms, version_start_ms."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

from bench.util import median_of


def run() -> dict[str, float]:
    from app.codes import LocalDailyIssuer
    from app.holidays import HolidayTable, load_schedule
    from app.resources import resource
    from app.store.session import Store
    from app.workcal import VN_TZ, WorkCalendar

    calendar = WorkCalendar(holidays=HolidayTable(load_schedule(resource("data", "holidays.json"))))
    received = datetime(2026, 2, 12, 10, 17, tzinfo=VN_TZ)
    calendar.due(received, 5, "working_days")
    figures = {"due_date_us": median_of(lambda: calendar.due(received, 5, "working_days"), repeat=2000, scale=1e6)}

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.sqlite3"))
        issuer = LocalDailyIssuer()

        def issue():
            with store.write() as session:
                issuer.issue(session, agency="000.31.12.H56", local_day=date(2026, 5, 5))

        figures["code_issue_ms"] = median_of(issue, repeat=200)
        store.close()

        con = sqlite3.connect(str(Path(tmp) / "raw.sqlite3"), isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

        def raw():
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO t (v) VALUES ('x')")
            con.execute("COMMIT")

        figures["raw_sqlite_commit_ms"] = median_of(raw, repeat=200)
        con.close()

    figures["version_start_ms"] = median_of(
        lambda: subprocess.run([sys.executable, "-m", "app", "--version"], check=True, capture_output=True), repeat=10
    )
    return figures
