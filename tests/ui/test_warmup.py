"""Qt's enums are made in idle slices (ui/warmup.py): the walk ends, no slice is long, and afterwards reaching
an enum no longer makes a class."""

from __future__ import annotations

import enum
import time


def test_the_walk_makes_the_enums_in_short_slices(qtbot, monkeypatch):
    from ui import warmup

    slices = []
    original = warmup.EnumWarmup._slice

    def timed(self):
        started = time.perf_counter()
        original(self)
        slices.append(time.perf_counter() - started)

    monkeypatch.setattr(warmup.EnumWarmup, "_slice", timed)
    job = warmup.EnumWarmup()
    job.start()
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert job.walked > 500 and not job.timer.isActive()
    # a slice is ~4 ms; one class can take longer on its own (the Qt namespace: ~14 ms), a loaded machine more
    assert sorted(slices)[-4] < 0.02
    made = []
    create = enum.EnumType._create_

    def spy(enum_class, class_name, *args, **kwargs):  # notes a class being made, and still makes it
        made.append(class_name)
        return create(enum_class, class_name, *args, **kwargs)

    monkeypatch.setattr(enum.EnumType, "_create_", spy)
    from PySide6.QtWidgets import QHeaderView, QSizePolicy, QStyle

    assert QHeaderView.ResizeMode.Stretch and QSizePolicy.Policy.Expanding and QStyle.StateFlag.State_Enabled
    assert made == []  # already there: nothing made on first use
    job.deleteLater()
