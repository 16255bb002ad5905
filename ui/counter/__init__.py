"""The reception counter station: ``run_counter`` for the command line, ``build_counter_window`` for tests."""

from __future__ import annotations

import logging
import sys
from concurrent.futures import Executor

log = logging.getLogger(__name__)

__all__ = ["build_counter_window", "open_counter", "run_counter"]


def build_counter_window(store, settings, *, executor: Executor | None = None):
    """A CounterWindow over an opened, migrated ``store`` (needs a QApplication; GUI thread).

    ``executor``: tests pass ``ui.tasks.InlineExecutor()`` so every operation finishes before returning.
    """
    from ui.counter.window import CounterWindow

    return CounterWindow(store=store, settings=settings, executor=executor)


def _install_excepthook(window) -> None:
    """An exception escaping a slot is logged and shown like any other error, never as a traceback."""
    from ui.errors import show_error

    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        try:
            show_error(exc.with_traceback(tb), parent=window)
        except Exception:  # the hook itself must never raise
            log.exception("could not show an error")

    sys.excepthook = hook


def open_counter(store, settings, *, argv: list[str] | None = None):
    """Everything ``run_counter`` does before the event loop: the QApplication (if none), the translators
    (``ui.language``), the error hook, and the window shown maximised. Returns the window (GUI thread)."""
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from ui.fonts import install_text_room
    from ui.queue import install_all_translators

    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("motcua")
    app.setApplicationDisplayName("Một cửa")
    app.setApplicationVersion(__version__)
    install_all_translators(app, settings.get("ui.language"))
    install_text_room(app)  # stacked Vietnamese diacritics are never cut (ui.fonts; issue 8)
    window = build_counter_window(store, settings)
    window.confirm_close = True
    _install_excepthook(window)
    window.showMaximized()
    log.info("counter window open (counter %s)", settings.get("station.counter"))
    return window


def run_counter(store, settings, *, argv: list[str] | None = None) -> int:
    """Open the counter window and run the event loop; returns the exit code.

    ``store``: an opened and migrated ``app.store.session.Store``; ``settings``: the station settings
    (``station.counter``, ``station.officer``, ``ui.language``). Logging is set up by the caller.
    """
    from PySide6.QtWidgets import QApplication

    open_counter(store, settings, argv=argv)
    return QApplication.instance().exec()
