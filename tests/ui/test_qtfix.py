"""ui/qtfix.py: after apply(), thousands of void calls and emits do not bring None or True near zero."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal

from ui import qtfix


class Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_cannot_exhaust_the_singletons(qapp):
    qtfix.apply()
    timer, emitter = QTimer(), Emitter()
    none_refs, true_refs = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20_000):  # four times what None has on CPython 3.11 before the fix
        timer.setInterval(5)
        emitter.fired.emit()
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0
    if sys.version_info < (3, 12):
        lost_none, lost_true = none_refs - sys.getrefcount(None), true_refs - sys.getrefcount(True)
        assert qtfix.apply() == (lost_none > 1000 or lost_true > 1000)
    assert qtfix.apply() is qtfix.apply()  # idempotent
