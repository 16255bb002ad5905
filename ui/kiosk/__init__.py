"""The kiosk: take a queue ticket, look up a dossier (``motcua kiosk``)."""

from ui.kiosk.window import KioskWindow, build_kiosk_window, run_kiosk

__all__ = ["KioskWindow", "build_kiosk_window", "run_kiosk"]
