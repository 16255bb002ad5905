"""A work-around for PySide6 6.12.0 on CPython 3.11: its bindings drop a reference to ``None`` on every call
of a method that returns nothing (``label.setText``, ``timer.start``...) and to ``True`` on every
``signal.emit()``. CPython 3.12 made these objects immortal, so there the lost references are harmless;
on 3.11 ``None`` (about 5,000 references at start) reaches zero after a few thousand calls and the
interpreter aborts ("none_dealloc: deallocating None" / "bool_dealloc"), at exit or, in a station that
runs all day, in the middle of the day.

:func:`apply` measures the loss once on a probe and, only where it is real (CPython < 3.12 and a lossy
PySide6), gives ``None``, ``True`` and ``False`` 2**40 extra references: what 3.12's immortal objects
are in effect. Call it once at start-up on the GUI thread (``TaskManager``, the device hub and the wedge
filter call it, so every window has it); idempotent. Drop this module when the project requires
CPython >= 3.12 or a PySide6 release without the bug.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Signal

IMMORTAL = 1 << 40
_applied: bool | None = None


class _Probe(QObject):
    fired = Signal()


def loss(rounds: int = 8) -> tuple[int, int]:
    """(references to None lost per void call, to True per emit)."""
    probe, timer = _Probe(), QTimer()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(rounds):
        timer.setInterval(1)
        probe.fired.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    return round(lost_none / rounds), round(lost_true / rounds)


def _add_references(obj: object, count: int) -> None:
    # ob_refcnt is the first field of every object (CPython < 3.12, non-debug build).
    ctypes.c_ssize_t.from_address(id(obj)).value += count


def apply() -> bool:
    """Make the singletons immortal if PySide6 loses references to them here; True if it did."""
    global _applied
    if _applied is None:
        _applied = False
        if sys.version_info < (3, 12) and sys.implementation.name == "cpython" and any(loss()):
            for obj in (None, True, False):
                _add_references(obj, IMMORTAL)
            _applied = True
    return _applied
