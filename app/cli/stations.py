"""``motcua counter``, ``kiosk``, ``display``, ``reports`` (the stations' windows), ``motcua start`` (the window
of this station's role) and ``motcua setup`` (the set-up wizard).

A station command on a PC never set up (``app.services.setup.is_first_run``: no ``station.toml``, no
``--db``/``MOTCUA_DB`` and no database file yet) opens the set-up wizard first; cancelling it exits 2 with
nothing saved, finishing it opens the window of the role the wizard was given (``station.role``:
``app.services.setup.window_of``), whichever station command started it. ``motcua start`` (the installer's
"Một cửa" shortcut) always opens the role's window; ``motcua counter`` and the others on a PC already set up
open the window they name. ``make run`` seeds the demo database first, so it goes straight to the counter.
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
    """Open a station window (counter, kiosk, display, reports; ``start``: the one of the station's role)."""
    from app.services.setup import is_first_run, window_of

    given = bool(args.db or os.environ.get("MOTCUA_DB"))
    window = args.command
    if is_first_run(ctx.data_dir, ctx.db_url, db_given=given):
        if not _setup(ctx, args):
            return 2
        window = "start"  # the role just chosen decides
    if window == "start":
        window = window_of(ctx.settings.get("station.role"))
    return open_window(ctx, window)


def open_window(ctx, window: str) -> int:
    """Run the station ``window`` ("counter", "kiosk", "display", "reports", "devices") until it closes."""
    store = ctx.store()
    if window == "devices":
        from ui.devices import run_devices

        return run_devices(store, ctx.settings)
    if window == "counter":
        from ui.counter import run_counter

        return run_counter(store, ctx.settings)
    if window == "kiosk":
        from ui.kiosk import run_kiosk

        return run_kiosk(store, ctx.settings)
    if window == "reports":
        from ui.reports import run_reports

        return run_reports(store, ctx.settings)
    if window == "display":
        from ui.display import run_display

        return run_display(store, ctx.settings)
    raise ValueError(f"unknown station window {window!r}")


def register(sub, add) -> None:
    for station in ("counter", "kiosk", "display", "reports"):
        add(sub, station, cmd_station, f"open the {station} station", json_flag=False)
    add(sub, "start", cmd_station, "open the window of this station's role (station.role: counter, kiosk, display, "
        "all-in-one, devices, reports)", json_flag=False)
    add(sub, "setup", cmd_setup, "open the set-up wizard (database, role, center, counters, sync, administrator)",
        json_flag=False)
