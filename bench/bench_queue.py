"""Queue benchmark: issuing a ticket, calling under load, the board's latency, the voice.

``run()`` returns (milliseconds):

- ``ticket_issue_ms``: median of one ``queue.issue`` unit of work on SQLite, commit included (budget 5);
- ``call_next_p99_ms_pg_10``: 10 processes, each a counter with its own engine, on PostgreSQL (a fresh schema,
  dropped afterwards) press F2 together, 40 rounds: p99 over every call (budget 50); ``call_next_median_ms_pg_10``
  beside it. ``..._saturated``: the same calls back to back without waiting for each other (on a 2-core machine
  that measures CPU queueing between ten busy processes more than the database). No figures when PostgreSQL
  does not answer. ``..._pg_1``: one caller alone, the cost of a call without contention;
- ``display_latency_ms``: a call committed in one process until the board's :class:`CallWatcher` in this
  process emits it; median over 20 calls at random moments, SQLite file (budget 1000);
  ``display_latency_max_ms`` beside it;
- ``announce_render_ms``: ``build_announcement`` of "A012" at counter 3 from the shipped clips (budget 50).

The PostgreSQL URL is ``MOTCUA_TEST_PG_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.util import median_of, percentile  # noqa: E402

log = logging.getLogger(__name__)

PG_URL = os.environ.get("MOTCUA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BUDGETS = {"ticket_issue_ms": 5.0, "call_next_p99_ms_pg_10": 50.0, "display_latency_ms": 1000.0, "announce_render_ms": 50.0}
CALLERS = 10
CALLS_EACH = 40
WARMUP_CALLS = 2  # per caller, untimed
DISPLAY_CALLS = 20


def _seeded_store(url: str):
    from app.actors import Actor
    from app.services import demo
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    if url.startswith("postgresql"):  # a shared server is migrated explicitly ("motcua db upgrade")
        from app.store.engine import make_engine
        from app.store.migrate import upgrade

        engine = make_engine(url)
        upgrade(engine)
        store = Store(engine)
    else:
        store = Store.open(url)
    bootstrap(store)
    with store.write() as session:
        demo.seed(session, Actor("admin", "admin"))
    return store


# --- ticket issue ----------------------------------------------------------------------------------


def ticket_issue_ms(tmp: Path) -> float:
    from app.actors import Actor
    from app.services import queue

    store = _seeded_store(str(tmp / "issue.sqlite3"))
    kiosk = Actor("kiosk", "kiosk")
    services = iter(["A", "B", "C", "D"] * 1000)

    def issue():
        with store.write() as session:
            queue.issue(session, kiosk, next(services))

    try:
        return median_of(issue, repeat=200, warmup=5)
    finally:
        store.close()


# --- call next on PostgreSQL -----------------------------------------------------------------------


def _schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


def _pg_admin(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _caller(url: str, counter: int, calls: int, barrier, results, together: bool) -> None:
    """One counter's PC (own process, own engine): F2 ``calls`` times; puts (counter, ms list, numbers).

    ``together``: every call waits for the nine others, so the ten calls of a round start at the same instant
    (ten officers pressing F2 at once: the worst contention for the same tickets). Otherwise the calls follow
    each other as fast as the process can go (a saturation test: on a small machine it mostly measures CPU
    queueing between the ten processes).
    """
    from app.actors import Actor
    from app.services import queue
    from app.store.engine import make_engine
    from app.store.session import Store

    store = Store(make_engine(url))
    officer = Actor(f"canbo{counter}", "officer")
    with store.read() as session:  # open the connection before the clock starts
        queue.services(session)
    barrier.wait()
    times, numbers = [], []
    for index in range(WARMUP_CALLS + calls):
        if together or index == WARMUP_CALLS:
            barrier.wait()
        started = time.perf_counter()
        with store.write() as session:
            ticket = queue.call_next(session, officer, counter)
            number = ticket.number if ticket is not None else None
        if index >= WARMUP_CALLS:  # the day's first call and a cold statement cache are not the steady state
            times.append((time.perf_counter() - started) * 1000)
        numbers.append(number)
    store.close()
    results.put((counter, times, numbers))


def _prepare_pg(url: str) -> None:
    from app.actors import Actor
    from app.services import queue

    store = _seeded_store(url)
    admin, kiosk = Actor("admin", "admin"), Actor("kiosk", "kiosk")
    with store.write() as session:
        for number in range(5, CALLERS + 1):
            queue.set_counter(session, admin, number, f"Quầy {number}", ["A", "B", "C"])
    with store.write() as session:
        for i in range(CALLERS * (CALLS_EACH + WARMUP_CALLS)):
            queue.issue(session, kiosk, "ABC"[i % 3], priority="elderly" if i % 7 == 0 else None)
    store.close()


def _run_callers(url: str, *, together: bool, callers: int = CALLERS) -> list[float]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(callers, timeout=120)  # a crashed caller must not hang the others
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_caller, args=(url, c, CALLS_EACH, barrier, results, together)) for c in range(1, callers + 1)
    ]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for w in workers:
        w.join(60)
    numbers = [n for _c, _t, ns in outcomes for n in ns if n is not None]
    if len(numbers) != len(set(numbers)):
        raise AssertionError("a ticket was called at two counters")
    expected = callers * (CALLS_EACH + WARMUP_CALLS)
    if len(numbers) != expected:
        raise AssertionError(f"{expected - len(numbers)} calls found no ticket")
    return [t for _c, ts, _n in outcomes for t in ts]


def call_next_pg() -> dict[str, float]:
    try:
        _pg_admin("SELECT 1")
    except Exception as exc:  # no server: no figure, said on stderr
        sys.stderr.write(f"bench_queue: PostgreSQL not reachable at {PG_URL}: {exc}\n")
        return {}
    figures: dict[str, float] = {}
    for callers, together, suffix in ((CALLERS, True, "_10"), (CALLERS, False, "_10_saturated"), (1, True, "_1")):
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        _pg_admin(f'CREATE SCHEMA "{schema}"')
        try:
            url = _schema_url(schema)
            _prepare_pg(url)
            times = _run_callers(url, together=together, callers=callers)
        finally:
            _pg_admin(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        figures[f"call_next_p99_ms_pg{suffix}"] = round(percentile(times, 99), 3)
        figures[f"call_next_median_ms_pg{suffix}"] = round(statistics.median(times), 3)
    return figures


# --- display latency -------------------------------------------------------------------------------


def _station(path: str, calls: int, ready, out) -> None:
    """Another station (own process): at random moments issue a ticket and call it; puts (number, wall time
    just after the commit)."""
    from app.actors import Actor
    from app.services import queue
    from app.store.session import Store

    store = Store.open(path, migrate=False)
    kiosk, officer = Actor("kiosk", "kiosk"), Actor("canbo2", "officer")
    rng = random.Random(7)
    ready.wait(30)
    for _ in range(calls):
        time.sleep(rng.uniform(0.1, 0.45))
        with store.write() as session:
            queue.issue(session, kiosk, "B")
        with store.write() as session:
            number = queue.call_next(session, officer, 2).number
        out.put((number, time.time()))
    store.close()


def display_latency(tmp: Path) -> dict[str, float]:
    from app.store.session import Store
    from ui.queue.watcher import wait_for_calls

    path = str(tmp / "board.sqlite3")
    _seeded_store(path).close()
    store = Store.open(path, migrate=False)
    ctx = mp.get_context("spawn")
    ready, out = ctx.Event(), ctx.Queue()
    station = ctx.Process(target=_station, args=(path, DISPLAY_CALLS, ready, out))
    station.start()
    seen = wait_for_calls(store, DISPLAY_CALLS, on_ready=ready.set)  # 250 ms polling, exactly as the board
    station.join(30)
    committed = dict(out.get(timeout=5) for _ in range(DISPLAY_CALLS))
    store.close()
    latencies = [(seen[n] - t) * 1000 for n, t in committed.items() if n in seen]
    if len(latencies) != DISPLAY_CALLS:
        raise AssertionError(f"the board missed {DISPLAY_CALLS - len(latencies)} calls")
    return {
        "display_latency_ms": round(statistics.median(latencies), 3),
        "display_latency_max_ms": round(max(latencies), 3),
    }


# --- voice -----------------------------------------------------------------------------------------


def announce_render_ms() -> float:
    from app.numbers_vi import announcement_clips
    from app.resources import resource
    from devices.voice import ClipLibrary, build_announcement

    library = ClipLibrary([resource("sounds")])
    keys = announcement_clips("A012", 3)
    assert not library.missing(keys)
    return median_of(lambda: build_announcement(keys, library), repeat=50)


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        figures["ticket_issue_ms"] = ticket_issue_ms(Path(tmp))
        figures.update(display_latency(Path(tmp)))
    figures.update(call_next_pg())
    figures["announce_render_ms"] = announce_render_ms()
    for key, budget in BUDGETS.items():
        if key in figures and figures[key] > budget:
            sys.stderr.write(f"bench_queue: {key} = {figures[key]} ms is over its budget of {budget} ms\n")
    return figures


if __name__ == "__main__":
    import json

    sys.stdout.write(json.dumps(run(), indent=2, sort_keys=True) + "\n")
