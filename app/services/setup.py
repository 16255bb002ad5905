"""First-run set-up: what the wizard (``ui/setup``) asks, checked and written here (no Qt).

- :func:`is_first_run`: no ``station.toml`` and no database (``motcua counter`` opens the wizard then);
- :func:`probe_database` / :func:`upgrade_database`: the database page's connection test and ``db upgrade``;
- :func:`center_configured`: a station joining a center whose database already holds its settings skips
  the center pages and takes them from there;
- :func:`apply_center` / :func:`apply_queue`: the center's settings, services and counters, in one unit of
  work with the caller's session.

Which thread: any (the wizard calls the slow ones on a worker).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import StoreError, ValidationError

ROLES = ("counter", "kiosk", "display", "all-in-one", "devices", "reports")
# The window each role opens (``motcua start``, and any station command right after the first-run wizard):
# the all-in-one PC works at the counter window (its board tab, the queue panel); the devices station is the
# technician's Devices window.
ROLE_WINDOWS = {"counter": "counter", "kiosk": "kiosk", "display": "display", "all-in-one": "counter",
                "devices": "devices", "reports": "reports"}
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# The center settings the wizard asks; a station joining a configured center takes them from the database.
CENTER_KEYS = ("center.name", "center.parent_body", "center.address", "center.phone", "center.agency_id",
               "calendar.working_hours", "handover.rounds", "sync.url")


def is_first_run(data_dir: Path, db_url: str, *, db_given: bool) -> bool:
    """True when this PC was never set up: no ``station.toml`` in ``data_dir``, no database named on the
    command line or in ``MOTCUA_DB``, and the embedded SQLite file missing or empty. ``make run`` seeds the
    demo database first, so it never sees the wizard."""
    from app.settings import station_file
    from app.store.engine import normalize_url

    if station_file(data_dir).exists() or db_given:
        return False
    url = normalize_url(db_url)
    if not url.startswith("sqlite:///"):
        return False
    path = Path(url[len("sqlite:///"):])
    return not (path.is_file() and path.stat().st_size > 0)


def window_of(role: str | None) -> str:
    """The station window of a ``station.role`` (an unknown or empty role: the counter)."""
    return ROLE_WINDOWS.get(str(role or "").strip(), "counter")


def postgres_url(host: str, port: int, database: str, user: str, password: str) -> str:
    """A ``postgresql://`` URL for the station settings (special characters escaped)."""
    from sqlalchemy.engine import URL

    if not host.strip() or not database.strip() or not user.strip():
        raise ValidationError("setup_database_incomplete")
    url = URL.create("postgresql", username=user.strip(), password=password or None, host=host.strip(),
                     port=int(port), database=database.strip())
    return url.render_as_string(hide_password=False)


def probe_database(url: str) -> dict[str, Any]:
    """Connect once and say where the schema stands: ``{"dialect", "revision", "head", "state"}`` with
    ``state`` one of ``empty`` (no schema yet), ``behind`` (needs ``db upgrade``), ``current``, ``newer``
    (written by a newer version: refused). A database that cannot be reached raises
    ``database_unreachable`` with the driver's one-line reason."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    from app.store import migrate
    from app.store.engine import make_engine

    engine = make_engine(url)
    try:
        try:
            revision = migrate.current_revision(engine)
        except (OperationalError, DBAPIError) as exc:
            detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError("database_unreachable", detail=detail) from None
        head = migrate.head_revision()
        if revision is None:
            state = "empty"
        elif revision == head:
            state = "current"
        elif revision in migrate.known_revisions():
            state = "behind"
        else:
            state = "newer"
        return {"dialect": engine.dialect.name, "revision": revision, "head": head, "state": state}
    finally:
        engine.dispose()


def upgrade_database(url: str) -> dict[str, Any]:
    """``motcua db upgrade`` for the wizard (advisory lock on PostgreSQL, backup copy on SQLite); then the
    probe again."""
    from app.store import migrate
    from app.store.engine import make_engine

    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    return probe_database(url)


def center_configured(session: Session) -> bool:
    """Whether this database already holds a center's own settings (its agency identifier is set)."""
    from app.store.models import CenterSetting

    row = session.get(CenterSetting, "center.agency_id")
    return row is not None and bool(row.value)


def center_values(session: Session) -> dict[str, Any]:
    """The center settings the wizard shows (the database's, or the defaults)."""
    from app.services.center import get_all

    values = get_all(session)
    return {key: values[key] for key in CENTER_KEYS}


def parse_rounds(text: str) -> list[str]:
    """``"09:00, 11:00 14:00"`` -> ``["09:00", "11:00", "14:00"]`` (sorted, no repeats); a bad time
    raises ``setup_round_bad``."""
    rounds = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        if len(part) == 4 and part[1] == ":":
            part = "0" + part
        if not _TIME.match(part):
            raise ValidationError("setup_round_bad", value=part)
        rounds.append(part)
    return sorted(set(rounds))


def working_hours(morning: tuple[str, str], afternoon: tuple[str, str] | None, weekdays: list[int]) -> dict:
    """The ``calendar.working_hours`` config for the same periods on each of ``weekdays`` (0 = Monday)."""
    from app.workcal import WEEKDAY_KEYS, WorkingHours

    periods = [list(morning)] + ([list(afternoon)] if afternoon else [])
    config = {"periods": {WEEKDAY_KEYS[d]: periods for d in sorted(set(weekdays))}, "hours_per_day": 8}
    return WorkingHours.from_config(config).to_config()  # validated, and in the canonical form


def apply_center(session: Session, actor: Actor, values: dict[str, Any]) -> None:
    """Write the center settings the wizard collected (each checked by ``center.set_value``)."""
    from app.services.center import set_value

    actor.require("center.set")
    for key, value in values.items():
        set_value(session, actor, key, value)


def apply_queue(session: Session, actor: Actor, services: list[tuple[str, str]],
                counters: list[tuple[int, str, list[str]]]) -> None:
    """Create or update the queue's services and the counters that serve them."""
    from app.services.queue import set_counter, set_service

    actor.require("queue.set_counter")
    for position, (code, name) in enumerate(services):
        set_service(session, actor, code.strip().upper(), name.strip(), position=position)
    session.flush()
    for number, name, codes in counters:
        set_counter(session, actor, int(number), name.strip(), [c.strip().upper() for c in codes if c.strip()])


def queue_layout(session: Session) -> tuple[list[tuple[str, str]], list[tuple[int, str, list[str]]]]:
    """The services and counters already in the database, in the shape :func:`apply_queue` takes."""
    from app.store.models import Counter, QueueService

    services = [(s.code, s.name) for s in session.scalars(select(QueueService).order_by(QueueService.position))]
    counters = [(c.number, c.name, sorted(s.code for s in c.services))
                for c in session.scalars(select(Counter).order_by(Counter.number))]
    return services, counters
