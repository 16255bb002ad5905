"""The counter's print queue: the status bar reads the table, and a job found "sending" after a stop is
put to the officer ("có thể đã in — in lại?"), never printed again on its own."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services import print_queue as pq

STATION = "counter-3"  # station_settings: role counter, counter 3
PDF = b"%PDF-1.4\n%left over\n"


def left_sending(store, n: int = 1) -> list[int]:
    """Jobs the last run of the counter took and did not finish (it stopped mid-send)."""
    ids = []
    with store.write() as s:
        for i in range(n):
            ids.append(pq.enqueue(s, station=STATION, printer="a4_printer", kind="form:receipt", content_type="pdf",
                                  data=PDF, dossier_code=f"D-{i}", title=f"receipt-D-{i}"))
    for _ in ids:
        with store.write() as s:
            pq.claim_next(s, STATION, "a4_printer")
    return ids


def open_counter(qtbot, store, settings):
    from app.services import users
    from ui.counter import build_counter_window
    from ui.tasks import InlineExecutor

    actor = users.sign_in(store, "canbo1", "demo", station=3)
    window = build_counter_window(store, settings, actor=actor, executor=InlineExecutor())
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("answer", ["again", "printed"])
def test_may_have_printed_is_asked_and_never_printed_on_its_own(qtbot, seeded_store, station_settings, counter_vi, answer):
    [job] = left_sending(seeded_store)
    prompts = []
    window = open_counter(qtbot, seeded_store, station_settings)
    window.printing.doubt_prompt_opened.connect(prompts.append)
    with qtbot.waitSignal(window.printing.doubt_prompt_opened, timeout=5000):
        window.show()
    [box] = prompts
    assert "in lại" in box.text().lower()
    assert window.printing.printer().jobs == []  # not printed while the officer has not answered
    assert window.pending_prints_button.isVisibleTo(window)
    assert "1" in window.pending_prints_button.text()
    with seeded_store.read() as s:
        assert pq.get(s, job)["may_have_printed"] is True
    button = QMessageBox.StandardButton.Yes if answer == "again" else QMessageBox.StandardButton.No
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(button).click()
    qtbot.waitUntil(lambda: not window.pending_prints_button.isVisibleTo(window), timeout=5000)
    printed = window.printing.printer().jobs
    assert [data for _t, _c, data in printed] == ([PDF] if answer == "again" else [])
    with seeded_store.read() as s:
        assert pq.get(s, job)["state"] == "done"


def test_status_bar_counts_jobs_from_the_table(qtbot, seeded_store, station_settings, counter_vi):
    with seeded_store.write() as s:
        for i in range(2):
            pq.enqueue(s, station=STATION, printer="a4_printer", kind="form:receipt", content_type="pdf", data=PDF,
                       title=f"r{i}")
        pq.enqueue(s, station="counter-9", printer="a4_printer", kind="form:receipt", content_type="pdf", data=PDF)
    window = open_counter(qtbot, seeded_store, station_settings)
    window.printing.printer().set_fault("offline")  # the A4 printer is off: the jobs wait
    with qtbot.waitSignal(window.printing.pending_changed, timeout=5000) as signal:
        window.show()
    assert signal.args == [2]
    assert len(window.printing.pending) == 2 and window.pending_prints_button.isVisibleTo(window)
    window.printing.printer().set_fault(None)  # back on
    window.pending_prints_button.click()
    assert [title for title, _c, _d in window.printing.printer().jobs] == ["r0", "r1"]
    assert window.printing.pending == [] and not window.pending_prints_button.isVisibleTo(window)
