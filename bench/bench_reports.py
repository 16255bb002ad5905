"""The director's report over a busy month: 200,000 dossiers and 500,000 tickets in the period.

- ``report_month_ms``: ``reports.summary`` of the month with the previous month beside it (every section of
  the document) on SQLite (budget 1,000); ``report_month_ms_pg`` the same on PostgreSQL (budget 1,000).
- ``export_xlsx_ms``: the same summary written as the XLSX file (budget 4,000); ``export_xlsx_ms_pg``.
- ``report_month_one_raw_day_ms``: the same with one day of the month not rolled up (read from the raw rows: a
  day changed since the last refresh, or today in the current month); ``report_month_one_raw_day_ms_pg``.
- ``report_month_cpu_ms``: the CPU time of the SQLite report in this process (load-independent, unlike wall time
  on a shared machine).

The SQLite file is generated once (bulk ``executemany``) and cached in bench/cache/, the daily roll-ups of its
closed days built right after (``report_rollups.refresh``, logged, not measured); the PostgreSQL data is
written with ``COPY`` into the schema ``bench_reports_v<N>`` of the test database, kept between runs (drop the
schema to regenerate it). Medians of 5 runs after a warm-up.

    .venv/bin/python -m bench reports
"""

from __future__ import annotations

import logging
import os
import time
from datetime import date

from bench.util import CACHE, median_of

log = logging.getLogger(__name__)

GENERATOR_VERSION = 2
DOSSIERS, TICKETS = 200_000, 500_000
FIRST, LAST = date(2026, 5, 1), date(2026, 5, 31)
PG_URL = os.environ.get("MOTCUA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SCHEMA = f"bench_reports_v{GENERATOR_VERSION}"


def _fill(store) -> None:
    from app.actors import Actor
    from app.services import demo
    from bench.report_data import context, generate, insert_bulk

    with store.write() as s:
        demo.seed(s, Actor("bench", "admin"))
    with store.read() as s:
        ctx = context(s)
    t = time.perf_counter()
    rows = generate(11, FIRST, LAST, ctx, dossiers=DOSSIERS, tickets=TICKETS, margin_days=0)
    t2 = time.perf_counter()
    insert_bulk(store.engine, rows)
    log.warning("report data: generated in %.1f s, written in %.1f s", t2 - t, time.perf_counter() - t2)


def sqlite_store():
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    path = CACHE / f"reports-{DOSSIERS}-{TICKETS}-v{GENERATOR_VERSION}.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.sqlite3")
        tmp.unlink(missing_ok=True)
        store = Store.open(str(tmp))
        bootstrap(store)
        _fill(store)
        _build_rollups(store)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        store.close()
        tmp.rename(path)
    store = Store.open(str(path))  # migrates the cached file when a new revision (an index) arrived
    _build_rollups(store)
    return store


def _build_rollups(store) -> None:
    """Build the daily roll-ups of the closed days not built yet (kept in the cached file / schema)."""
    from app.services import report_rollups

    t = time.perf_counter()
    with store.write() as s:
        days = report_rollups.refresh(s)
    if days:
        log.warning("report roll-ups: %d days built in %.1f s", days, time.perf_counter() - t)


def pg_store():
    from sqlalchemy import create_engine, text

    from app.services.bootstrap import bootstrap
    from app.store.engine import make_engine
    from app.store.migrate import upgrade
    from app.store.session import Store

    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        exists = conn.execute(text("SELECT 1 FROM information_schema.tables WHERE table_schema = :s AND table_name = 'bench_done'"),
                              {"s": SCHEMA}).first()
        if not exists:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
    admin.dispose()
    sep = "&" if "?" in PG_URL else "?"
    engine = make_engine(f"{PG_URL}{sep}options=-csearch_path%3D{SCHEMA}")
    upgrade(engine)
    store = Store(engine)
    if not exists:
        bootstrap(store)
        _fill(store)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE bench_done (at timestamptz DEFAULT now())")
    _build_rollups(store)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")
    return store


def _measure(store, suffix: str) -> dict[str, float]:
    from app.actors import Actor
    from app.services import reports
    from printing.xlsx_report import render_report_xlsx

    director = Actor("bench", "director")

    def report():
        with store.read() as s:
            return reports.summary(s, director, FIRST, LAST)

    doc = report()
    received = sum(c["dossiers"] for c in doc["channels"])
    tickets = sum(x["tickets"] for x in doc["services"])
    assert received >= 0.95 * DOSSIERS and tickets == TICKETS, (received, tickets)
    figures = {
        f"report_month_ms{suffix}": median_of(report, repeat=5, warmup=1),
        f"export_xlsx_ms{suffix}": median_of(lambda: render_report_xlsx(report()), repeat=5, warmup=1),
    }
    figures[f"report_month_one_raw_day_ms{suffix}"] = _one_raw_day(store, report)
    if not suffix:  # SQLite works in this process: its CPU time does not grow with the machine's load
        cpu = []
        for _ in range(3):
            t = time.process_time()
            report()
            cpu.append(time.process_time() - t)
        figures["report_month_cpu_ms"] = round(sorted(cpu)[1] * 1000, 1)
    return figures


def _one_raw_day(store, report) -> float:
    """The report with one day of the month read from the raw rows (a day changed since the last refresh,
    or today's rows in the current month), then that day rolled up again."""
    from sqlalchemy import delete

    from app.services import report_rollups
    from app.store.models_reports import report_days

    with store.write() as s:
        s.execute(delete(report_days).where(report_days.c.day == date(2026, 5, 15)))
    try:
        return median_of(report, repeat=5, warmup=1)
    finally:
        with store.write() as s:
            report_rollups.refresh(s)


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    store = sqlite_store()
    try:
        figures.update(_measure(store, ""))
    finally:
        store.close()
    try:
        store = pg_store()
    except Exception as exc:  # no server: no PostgreSQL figures
        log.warning("PostgreSQL not reachable, no report_month_ms_pg: %s", exc)
        return figures
    try:
        figures.update(_measure(store, "_pg"))
    finally:
        store.close()
    return figures
