"""What every command gets: the data dir, the station settings, a lazily opened store and the actor."""

from __future__ import annotations

import argparse

CLI_ACTOR_NAME = "cli"


class Context:
    """What every command gets: the data dir, the station settings and a lazily opened store."""

    def __init__(self, args: argparse.Namespace) -> None:
        from app.settings import StationSettings, resolve_data_dir

        self.args = args
        self.data_dir = resolve_data_dir(args.data_dir)
        self.settings = StationSettings.load(self.data_dir)
        self.db_url = args.db or self.settings.db_url()
        self._store = None

    def store(self, *, migrate: bool = True, readonly: bool = False):
        """The store, opened once. Reading commands pass ``readonly``: an existing database is opened
        read-only (a missing one, an old schema or another application's file is refused, nothing is
        created, converted or migrated); the others open it for writing and bring it up to date."""
        if self._store is None:
            from app.store.session import Store

            self._store = Store.open(self.db_url, migrate=migrate and not readonly, readonly=readonly)
            if migrate and not readonly and self._store.dialect == "sqlite":
                from app.services.bootstrap import bootstrap

                bootstrap(self._store)
        return self._store

    def database_exists(self) -> bool:
        """False only for a SQLite file that is missing or empty (a server database is asked when opened)."""
        from pathlib import Path

        from app.store.engine import normalize_url

        url = normalize_url(self.db_url)
        if not url.startswith("sqlite:///"):
            return True
        path = Path(url[len("sqlite:///"):])
        return path.is_file() and path.stat().st_size > 0

    def admin(self):
        from app.actors import Actor

        return Actor(CLI_ACTOR_NAME, "admin", "Dòng lệnh")

    def technician(self):
        """The technician at this station's command line (device set-up)."""
        from app.actors import Actor

        return Actor(CLI_ACTOR_NAME, "technician", "Kỹ thuật viên")

    def officer(self):
        from app.actors import Actor

        return Actor(
            self.settings.get("station.officer"), "officer", counter=self.settings.get("station.counter")
        )

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
