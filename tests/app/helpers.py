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
