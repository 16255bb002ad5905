"""``motcua counter``, ``kiosk``, ``display``, ``reports`` (the stations' windows) and ``motcua setup`` (the set-up wizard).

A station command on a PC never set up (``app.services.setup.is_first_run``: no ``station.toml``, no
``--db``/``MOTCUA_DB`` and no database file yet) opens the set-up wizard first; cancelling it exits 2 with
nothing saved. ``make run`` seeds the demo database first, so it goes straight to the counter.
"""

from __future__ import annotations

import os
import sys


def _setup(ctx, args) -> bool:
    """Run the wizard; on success reload the station settings it saved. False when it was cancelled."""
    from ui.setup import run_setup

    given = bool(getattr(args, "db", None) or os.environ.get("MOTCUA_DB"))
    if not run_setup(ctx.settings, db_url=ctx.db_url if given else ""):
        sys.stderr.write("motcua: set-up cancelled; nothing was saved\n")
        return False
    from app.settings import StationSettings

    ctx.settings = StationSettings.load(ctx.data_dir)
    ctx.db_url = args.db or ctx.settings.db_url()
    return True


def cmd_setup(ctx, args) -> int:
    """Open the set-up wizard (first run, or again to change the answers)."""
    return 0 if _setup(ctx, args) else 2


def cmd_station(ctx, args) -> int:
    """Open a station window (counter, kiosk, display) on this database."""
    from app.services.setup import is_first_run

    given = bool(args.db or os.environ.get("MOTCUA_DB"))
    if is_first_run(ctx.data_dir, ctx.db_url, db_given=given) and not _setup(ctx, args):
        return 2
    store = ctx.store()
    if args.command == "counter":
        from ui.counter import run_counter

        return run_counter(store, ctx.settings)
    if args.command == "kiosk":
        from ui.kiosk import run_kiosk

        return run_kiosk(store, ctx.settings)
    if args.command == "reports":
        from ui.reports import run_reports

        return run_reports(store, ctx.settings)
    from ui.display import run_display

    return run_display(store, ctx.settings)


def register(sub, add) -> None:
    for station in ("counter", "kiosk", "display", "reports"):
        add(sub, station, cmd_station, f"open the {station} station", json_flag=False)
    add(sub, "setup", cmd_setup, "open the set-up wizard (database, role, center, counters, sync, administrator)",
        json_flag=False)
