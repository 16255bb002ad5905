"""Helpers for tests that cannot take fixtures (hypothesis state machines build their own store)."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from app.actors import Actor


@lru_cache(maxsize=1)
def seeded_template() -> Path:
    """A migrated SQLite file with the demo center, made once per process; copy it, never write to it."""
    from app.services import demo
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    path = Path(tempfile.mkdtemp()) / "template.sqlite3"
    store = Store.open(str(path))
    bootstrap(store)
    with store.write() as s:
        demo.seed(s, Actor("admin", "admin"))
    store.close()
    return path


def run_in_processes(target, args_list: list[tuple], *, timeout: float = 180) -> list:
    """Run ``target(*args, out)`` in one spawned process per ``args`` (real processes, not threads: each has
    its own engine, as stations do); every process puts one list on ``out``; returns them joined."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, out)) for args in args_list]
    for p in procs:
        p.start()
    results = [item for _ in procs for item in out.get(timeout=timeout)]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    return results


def fresh_logging():
    """A context in which ``app.logs.setup_logging`` configures logging again (to this test's data dir);
    the handlers it adds are closed and the earlier configuration restored afterwards."""
    import contextlib
    import logging

    @contextlib.contextmanager
    def manage():
        root = logging.getLogger()
        handlers, configured, level = list(root.handlers), getattr(root, "_motcua_configured", False), root.level
        root._motcua_configured = False  # type: ignore[attr-defined]
        try:
            yield
        finally:
            for handler in [h for h in root.handlers if h not in handlers]:
                root.removeHandler(handler)
                handler.close()
            root._motcua_configured = configured  # type: ignore[attr-defined]
            root.setLevel(level)

    return manage()
