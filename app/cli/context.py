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

    def store(self, *, migrate: bool = True):
        if self._store is None:
            from app.store.session import Store

            self._store = Store.open(self.db_url, migrate=migrate)
            if migrate and self._store.dialect == "sqlite":
                from app.services.bootstrap import bootstrap

                bootstrap(self._store)
        return self._store

    def admin(self):
        from app.actors import Actor

        return Actor(CLI_ACTOR_NAME, "admin", "Dòng lệnh")

    def officer(self):
        from app.actors import Actor

        return Actor(
            self.settings.get("station.officer"), "officer", counter=self.settings.get("station.counter")
        )

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
