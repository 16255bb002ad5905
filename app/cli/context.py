"""What every command gets: the data dir, the station settings, a lazily opened store and the actor.

The actor is the signed-in user once the database has users: ``--user NAME`` (or ``MOTCUA_USER``) with the
password in ``MOTCUA_PASSWORD`` or on stdin (asked with getpass on a terminal). A command that writes to
such a database without a valid user is refused (``user_required``, exit 2) at its first write; reading
commands need no user. ``db upgrade``, ``demo seed``, the first ``user add --role admin`` and the station
windows (which sign in on screen) are exempt (``NO_SIGN_IN``). A database without users keeps the old
behaviour: the command line acts as the local ``cli`` administrator / officer.
"""

from __future__ import annotations

import argparse
import os
import sys

CLI_ACTOR_NAME = "cli"
USER_ENV = "MOTCUA_USER"
PASSWORD_ENV = "MOTCUA_PASSWORD"  # secrets: allow (the variable's name)
#: commands that run without a signed-in user (``args.command``, ``args.sub``)
NO_SIGN_IN = {("db", "upgrade"), ("db", "status"), ("demo", "seed"), ("user", "add"),
              ("counter", None), ("kiosk", None), ("display", None), ("reports", None), ("devices", None),
              ("start", None)}


class Context:
    """What every command gets: the data dir, the station settings and a lazily opened store."""

    def __init__(self, args: argparse.Namespace) -> None:
        from app.settings import StationSettings, resolve_data_dir

        self.args = args
        self.data_dir = resolve_data_dir(args.data_dir)
        self.settings = StationSettings.load(self.data_dir)
        self.db_url = args.db or self.settings.db_url()
        self._store = None
        self._actor = None
        self._has_users: bool | None = None
        self._stdin_lines: list[str] | None = None

    def store(self, *, migrate: bool = True, readonly: bool = False):
        """The store, opened once. Reading commands pass ``readonly``: an existing database is opened
        read-only (a missing one, an old schema or another application's file is refused, nothing is
        created, converted or migrated); the others open it for writing and bring it up to date, and
        their first write needs the signed-in user (when the database has users)."""
        if self._store is None:
            from app.store.session import Store

            self._store = Store.open(self.db_url, migrate=migrate and not readonly, readonly=readonly)
            if migrate and not readonly and self._store.dialect == "sqlite":
                from app.services.bootstrap import bootstrap

                bootstrap(self._store)
            if not readonly and self._command() not in NO_SIGN_IN:
                self._guard_writes(self._store)
        return self._store

    def _command(self) -> tuple[str | None, str | None]:
        return getattr(self.args, "command", None), getattr(self.args, "sub", None)

    def _guard_writes(self, store) -> None:
        write = store.write

        def guarded():
            self.signed_in()
            return write()

        store.write = guarded  # the instance's write: every write of this command goes through the check
        self._plain_write = write

    def has_users(self) -> bool:
        if self._has_users is None:
            from app.services import users

            store = self.store() if self._store is None else self._store
            try:
                with store.read() as session:
                    self._has_users = users.has_users(session)
            except Exception:  # an old schema read-only: no users table yet
                self._has_users = False
        return self._has_users

    def username(self) -> str:
        return (getattr(self.args, "user", None) or os.environ.get(USER_ENV) or "").strip()

    def stdin_line(self, prompt: str) -> str:
        """One line of stdin (a password), asked with getpass when stdin is a terminal."""
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            return getpass.getpass(prompt)
        line = sys.stdin.readline() if sys.stdin is not None else ""
        return line.rstrip("\r\n")

    def signed_in(self):
        """The signed-in user's actor (signing in on first use), or None when the database has no users;
        ``user_required`` (exit 2) when it has users and no valid user was given."""
        if self._actor is not None:
            return self._actor
        if not self.has_users():
            return None
        from app.errors import RuleError
        from app.services import users

        name = self.username()
        if not name:
            raise RuleError("user_required")
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            password = self.stdin_line(f"password for {name}: ")
        store = self._store
        station = self.settings.get("station.counter")
        if store is not None and store.readonly:
            # A reading command: the sign-in itself is still recorded (lock-out counters, the audit), through a
            # short-lived writer on the same database; the command's own store stays read-only.
            from app.store.session import Store

            writer = Store.open(self.db_url, migrate=False)
            try:
                self._actor = users.sign_in(writer, name, password, station=station)
            finally:
                writer.close()
            return self._actor

        class _Plain:  # sign in through the store's own write, not the guarded one
            write = staticmethod(getattr(self, "_plain_write", store.write))

        self._actor = users.sign_in(_Plain, name, password, station=station)
        return self._actor

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
        actor = self.signed_in() if self._command() not in NO_SIGN_IN else None
        if actor is not None:
            return actor
        from app.actors import Actor

        return Actor(CLI_ACTOR_NAME, "admin", "Dòng lệnh")

    def technician(self):
        """The technician at this station's command line (device set-up)."""
        from app.actors import Actor

        return Actor(CLI_ACTOR_NAME, "technician", "Kỹ thuật viên")

    def officer(self):
        actor = self.signed_in() if self._command() not in NO_SIGN_IN else None
        if actor is not None:
            return actor
        from app.actors import Actor

        return Actor(CLI_ACTOR_NAME, "officer", "Dòng lệnh", counter=self.settings.get("station.counter"))

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
