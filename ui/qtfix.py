"""A work-around for PySide6 6.12.0: every ``SignalInstance.emit()`` from Python drops one reference to
``True`` (it returns ``True`` without taking a reference). After a few hundred emits ``True``'s count
reaches zero and the interpreter aborts ("bool_dealloc: deallocating True or False"), at exit or, in a
long-running station, in the middle of the day.

:func:`emit` emits and gives back what the emit took, measured once at import on a probe signal, so it
is exact on a fixed PySide6 (nothing to give back) and on the broken one. Use it for every ``emit``
that may run often (device events, task results). Any thread. Remove when the PySide6 floor is a
fixed release.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


def _measure(rounds: int = 16) -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):  # give back what the probe itself took
        _incref(True)
    return max(0, round(lost / rounds))


#: References to True that one emit drops (1 on PySide6 6.12.0, 0 on a correct release).
TRUE_REFS_DROPPED_PER_EMIT = _measure()


def emit(signal, *args) -> None:
    """``signal.emit(*args)``, without PySide6 6.12.0's lost reference (any thread)."""
    signal.emit(*args)
    for _ in range(TRUE_REFS_DROPPED_PER_EMIT):
        _incref(True)
