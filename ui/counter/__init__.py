"""The reception counter station: ``run_counter`` for the command line, ``build_counter_window`` for tests."""

from __future__ import annotations

import logging
from concurrent.futures import Executor

log = logging.getLogger(__name__)

__all__ = ["build_counter_window", "open_counter", "run_counter"]


def build_counter_window(store, settings, *, actor, executor: Executor | None = None, station=None):
    """A CounterWindow over an opened, migrated ``store`` for the signed-in ``actor`` (needs a QApplication;
    GUI thread).

    ``station``: the :class:`ui.station.Station` giving the task manager and the A4 printer; None builds
    the window's own from ``settings`` (tests). ``executor``: tests pass ``ui.tasks.InlineExecutor()`` so
    every operation finishes before returning (only without ``station``).
    """
    from ui.counter.window import CounterWindow
    from ui.station import open_devices

    if station is not None:
        return CounterWindow(store=store, settings=settings, actor=actor, tasks=station.tasks, devices=station.devices)
    return CounterWindow(store=store, settings=settings, actor=actor, executor=executor,
                         devices=open_devices("counter", settings))


def open_counter(store, settings, *, argv: list[str] | None = None, station=None, actor=None):
    """Everything ``run_counter`` does before the event loop: the station (application, translators in
    ``ui.language``, error hook, tasks, devices) and the window shown maximised. Returns the window; its
    ``station`` attribute is the :class:`ui.station.Station` (GUI thread). The user signs in first (the
    first run creates the administrator); None when the sign-in was cancelled."""
    from ui.station import open_station

    from ui.security import sign_in_at_start

    station = station or open_station("counter", store, settings, argv=argv)
    actor = actor or sign_in_at_start(station.tasks, settings)  # tests pass one signed in already
    if actor is None:  # the sign-in was cancelled: no window
        return None
    window = build_counter_window(store, settings, actor=actor, station=station)
    window.station = station
    window.confirm_close = True
    station.window = window
    window.showMaximized()
    log.info("counter window open (counter %s)", settings.get("station.counter"))
    return window


def run_counter(store, settings, *, argv: list[str] | None = None) -> int:
    """Open the counter window and run the event loop; returns the exit code. Everything the station
    built is taken down before this returns (``ui.station.Station.run``).

    ``store``: an opened and migrated ``app.store.session.Store``; ``settings``: the station settings
    (``station.counter``, ``ui.language``); the user signs in first (``ui.security``). Logging is set up by the caller.
    """
    window = open_counter(store, settings, argv=argv)
    if window is None:
        return 0
    station = window.station
    del window  # the station holds it, and deletes it before returning
    return station.run(station.window)
