"""The display board for the waiting hall's TV (``motcua display``)."""

from ui.display.window import DisplayWindow, build_display_window, run_display

__all__ = ["DisplayWindow", "build_display_window", "run_display"]
