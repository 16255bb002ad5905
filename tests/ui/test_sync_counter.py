"""The counter's sync parts against a real simulator: the status bar follows the SyncController (click: the
sync window), the clock warning, each dossier's own sync state, and the online dossiers pulled from the
province received at the counter."""

from __future__ import annotations

import pytest
import requests
from PySide6.QtCore import Qt

from app.actors import Actor
from sync.adapter import NationalAdapter
from sync.push import set_state
from tests.sync.conftest import INTAKE, receive_many, start_sim
from ui.sync.controller import SyncController
from ui.tasks import InlineExecutor, TaskManager

OFFICER = Actor("canbo1", "officer", counter=3)


@pytest.fixture
def sim(tmp_path):
    handle = start_sim(tmp_path)
    yield handle
    handle.process.terminate()
    handle.process.wait(10)


@pytest.fixture
def window(qtbot, seeded_store, station_settings, counter_vi, sim, signed_in):
    from ui.counter.window import CounterWindow

    tasks = TaskManager(seeded_store, executor=InlineExecutor())
    adapter = NationalAdapter(sim.url, username="motcua", password="motcua", timeout=(1, 3))
    controller = SyncController(seeded_store, tasks, lambda: adapter)
    win = CounterWindow(store=seeded_store, settings=station_settings, tasks=tasks, sync=controller, actor=signed_in)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()  # the sync catalog the window installed is taken off by tests/ui/conftest.py


def test_the_status_bar_follows_the_sync_and_opens_its_window(qtbot, window, seeded_store, sim):
    receive_many(seeded_store, OFFICER, 2)
    sim.faults(1.0, "503")
    window.sync.run_now()
    assert window.sync_indicator.state == "warn" and "Ngoại tuyến" in window.sync_indicator.text()
    sim.faults(0.0)
    from sync.push import retry

    retry(seeded_store)
    window.sync.run_now()
    assert window.sync_indicator.state == "ok" and sim.stats()["dossiers"] == 2
    assert not window.skew_label.isVisible()
    # The worker stored a clock 15 minutes off the province's Date header: the status bar says so.
    set_state(seeded_store, "clock.skew_s", -900.0)
    window.sync.refresh_status()
    assert window.skew_label.isVisible()
    assert window.skew_label.text() == "Đồng hồ máy lệch 15 phút so với hệ thống tỉnh"
    qtbot.mouseClick(window.sync_indicator, Qt.MouseButton.LeftButton)
    assert window.sync_bar.window is not None and window.sync_bar.window.isVisible()


def test_an_online_dossier_is_received_from_its_list_and_shows_its_sync_state(qtbot, window, seeded_store, sim):
    province_code = sim.admin("add-online", **INTAKE)["code"]
    window.sync.run_now()  # the pull brings it
    window.show_tab(3)
    panel = window.online_panel
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == province_code
    assert panel.table.item(0, 2).text() == INTAKE["applicant"]["full_name"]
    opened = []
    panel.received.connect(opened.append)
    panel.receive_selected()
    assert len(opened) == 1 and panel.table.rowCount() == 0
    view = window.dossier_view
    assert view.data["code"] == opened[0] and view.data["channel"] == "online"
    assert view.sync_label.text() == "Đang chờ gửi lên tỉnh"  # its intake waits in the outbox
    window.sync.run_now()
    window.open_dossier(opened[0])
    assert view.sync_label.text() == "Đã gửi lên tỉnh"
    assert sim.stats()["dossiers"] == 1
    # A second one with missing papers: the officer asks for a supplement instead; it leaves the list.
    sim.admin("add-online", **INTAKE)
    window.sync.run_now()
    window.show_tab(3)
    assert panel.table.rowCount() == 1
    panel.ask_supplement("Thiếu bản sao CCCD")
    assert panel.table.rowCount() == 0
    window.sync.run_now()
    assert sim.stats()["online_dossiers"] == 1 and sim.stats()["dossiers"] == 1  # still online at the province


def test_a_conflict_is_shown_and_the_officer_takes_the_provinces_status(qtbot, window, seeded_store, sim):
    from sqlalchemy import select

    from app.errors import RuleError
    from app.services import dossiers, province
    from app.store.models_sync import SyncConflict
    from sync.pull import pull_once
    from sync.push import retry
    from sync.worker import status
    from tests.sync.conftest import MON

    (code,) = receive_many(seeded_store, OFFICER, 1)
    window.sync.run_now()
    with seeded_store.write() as s:  # a local change not yet sent
        dossiers.act(s, OFFICER, code, "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)
    sim.admin("set-status", code=code, status="finished", note="Đã ký kết quả")
    assert pull_once(seeded_store, window.sync.adapter())["conflict"] == 1
    assert status(seeded_store)["conflicts"] == 1
    dialog = window.sync_bar.open_window().open_conflicts()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == code
    assert dialog.table.item(0, 3).text() == "Đã ký kết quả"
    dialog.resolve("take_remote")
    assert dialog.table.rowCount() == 0 and status(seeded_store)["conflicts"] == 0
    with seeded_store.read() as s:
        assert dossiers.get_dossier(s, code).status == "finished"
    with pytest.raises(RuleError) as caught, seeded_store.write() as s:
        province.resolve_conflict(s, OFFICER, s.scalar(select(SyncConflict.id)), "keep_local")
    assert caught.value.code == "sync_conflict_resolved"
    # Both sides end on the province's status once the queued changes go (the transfer, then the decision).
    retry(seeded_store)
    window.sync.run_now()
    assert status(seeded_store)["pending"] == 0
    held = requests.get(f"{sim.url}/api/v1/TraCuuHoSo", params={"MaHoSo": code},
                        headers={"Authorization": f"Bearer {window.sync.adapter().token}"}, timeout=5).json()["data"]
    assert held["TrangThaiHoSo"] == 9
