"""The sync room's windows against a real simulator: the indicator's states, going offline and coming back
when the probe answers, the sync window's reasons in Vietnamese, retry and export."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QWidget

from app.actors import Actor
from sync.adapter import NationalAdapter
from tests.sync.conftest import receive_many, start_sim
from ui.sync.controller import SyncController
from ui.sync.texts import reason_text, status_line
from ui.sync.window import SyncWindow
from ui.tasks import InlineExecutor, TaskManager

OFFICER = Actor("canbo1", "officer", counter=1)


@pytest.fixture
def sim(tmp_path):
    handle = start_sim(tmp_path)
    yield handle
    handle.process.terminate()
    handle.process.wait(10)


@pytest.fixture
def host(qtbot, seeded_store):
    widget = QWidget()
    widget.tasks = TaskManager(seeded_store, executor=InlineExecutor(), parent=widget)
    qtbot.addWidget(widget)
    return widget



@pytest.fixture(autouse=True)
def _english(qapp):
    """These tests read the sync texts in English: a window built by an earlier test may have left the
    sync catalog installed (the counter installs it itself)."""
    from ui.i18n import installed_catalogs, remove_catalogs
    from ui.sync import SYNC_CATALOG

    remove_catalogs(qapp, [t for (name, _), t in installed_catalogs().items() if name == SYNC_CATALOG])
    yield

def test_states_read_as_sentences(qapp):
    assert status_line({"pending": 3}, online=False, running=False) == ("warn", "Offline · 3 waiting to be sent")
    assert status_line({"needs_attention": 2}, online=True, running=False)[0] == "error"
    assert status_line({}, online=True, running=True)[1] == "Syncing…"
    assert status_line({}, online=True, running=False) == ("ok", "Synced")
    for code in ("network", "tls", "contract", "422", "E_EXISTS", "something-new"):
        assert reason_text(code)


def test_offline_then_back_when_the_probe_answers(qtbot, seeded_store, host, sim, tmp_path):
    receive_many(seeded_store, OFFICER, 3)
    sim.faults(1.0, "503")
    adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1, 2))
    states = []
    controller = SyncController(seeded_store, host.tasks, lambda: adapter, parent=host, probe_interval_ms=50)
    controller.state_changed.connect(states.append)
    controller.start()
    assert controller.online is False and states[-1]["pending"] == 3 and controller.probe_timer.isActive()
    assert status_line(states[-1], online=False, running=False)[0] == "warn"
    sim.faults(0.0)
    # The probe answers again: the controller runs at once, without waiting for its timer.
    from sqlalchemy import select

    from app.store.models import OutboxMessage

    with seeded_store.write() as s:  # the backoff of the failed items would otherwise hold them for a while
        for row in s.scalars(select(OutboxMessage)):
            row.next_attempt_at = None
    qtbot.waitUntil(lambda: controller.online is True and states[-1].get("sent") == 3, timeout=10_000)
    assert not controller.probe_timer.isActive() and sim.stats()["dossiers"] == 3
    controller.stop()


def test_sync_window_lists_reasons_retries_and_exports(qtbot, seeded_store, host, sim, tmp_path):
    receive_many(seeded_store, OFFICER, 2)
    sim.faults(1.0, "item_422")
    adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1, 2))
    controller = SyncController(seeded_store, host.tasks, lambda: adapter, parent=host)
    controller.start()
    window = SyncWindow(seeded_store, host.tasks, controller, parent=host)
    window.state.setCurrentIndex(1)  # needs attention
    assert window.table.rowCount() >= 1
    assert window.table.item(0, 5).text() == reason_text("422")
    out = tmp_path / "sync.csv"
    window.export(str(out))
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(rows) == window.table.rowCount() + 1 and rows[1][1].startswith("000.")
    sim.faults(0.0)
    window.table.selectAll()  # every refused item (one per request of that run)
    window.retry_selected()
    window.state.setCurrentIndex(4)  # sent
    assert window.table.rowCount() == 2
    controller.stop()
