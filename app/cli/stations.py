"""``motcua counter``, ``kiosk``, ``display`` and ``reports``: the stations' windows."""

from __future__ import annotations


def cmd_station(ctx, args) -> int:
    """Open a station window (counter, kiosk, display) on this database."""
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
