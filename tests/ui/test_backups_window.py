"""The technician's Backups window: settings written to station.toml (checked first), the archives listed,
"Back up now" makes a real archive through the daily run (folder checked, recorded), Vietnamese texts."""

from __future__ import annotations

import pytest

from app.settings import StationSettings


@pytest.fixture
def backup_vi(qapp):
    from ui.backup import install_backup_translator

    yield install_backup_translator(qapp, "vi")  # taken off again by tests/ui/conftest.py


def _window(qtbot, seeded_store, data_dir, actor=None):
    from ui.backup.window import BackupsWindow
    from ui.tasks import InlineExecutor, TaskManager

    settings = StationSettings(data_dir, {"db_url": str(data_dir / "motcua.sqlite3")})
    tasks = TaskManager(seeded_store, executor=InlineExecutor(), device_executor=InlineExecutor())
    window = BackupsWindow(tasks, settings, actor=actor)
    qtbot.addWidget(window)
    window.show()
    return window, settings, tasks


def test_settings_are_checked_and_saved_and_back_up_now_makes_an_archive(qtbot, tmp_path, backup_vi):
    from app.actors import Actor
    from app.services import backups, demo
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    store = Store.open(str(data_dir / "motcua.sqlite3"))
    bootstrap(store)
    with store.write() as session:
        demo.seed(session, Actor("quantri", "admin"))
    window, settings, tasks = _window(qtbot, store, data_dir, actor=Actor("kythuat", "technician"))
    assert window.windowTitle() == "Sao lưu" and window.now_button.text() == "Sao lưu &ngay"
    assert "chưa đặt thư mục" in window.status_line.text()
    window.now_button.click()
    assert window.message.text() == "Hãy chọn thư mục sao lưu trước." and not list(data_dir.glob("**/*.zip"))
    usb = tmp_path / "usb"
    usb.mkdir()
    window.folder.setText(str(usb))
    window.time.setText("25:00")
    assert not window.save() and window.message.text()  # refused, nothing written
    assert settings.get("backup.time") == "17:30" and StationSettings.load(data_dir).get("backup.folder") == ""
    window.time.setText("18:15")
    window.keep.setValue(7)
    assert window.save() and window.message.text() == "Đã lưu."
    saved = StationSettings.load(data_dir)
    assert (saved.get("backup.folder"), saved.get("backup.time"), saved.get("backup.keep")) == (str(usb), "18:15", 7)
    from app.services import audit_chain

    with store.read() as session:  # the change is audited: who, which keys, to what
        [entry] = [e for e in audit_chain.entries(session, Actor("g", "director")) if e["action"] == "station_setting.set"]
    assert entry["actor"] == "kythuat" and entry["detail"]["values"] == {
        "backup.folder": str(usb), "backup.time": "18:15", "backup.keep": "7"}
    assert window.save()  # nothing changed: nothing more audited
    with store.read() as session:
        assert len([e for e in audit_chain.entries(session, Actor("g", "director"))
                    if e["action"] == "station_setting.set"]) == 1
    window.now_button.click()
    [archive] = backups.archives(usb)
    assert window.message.text().startswith("Đã sao lưu lúc")
    assert window.table.rowCount() == 1 and window.table.item(0, 0).text() == archive.name
    assert backups.status(settings, data_dir).problem is None and "Sao lưu:" in window.status_line.text()
    tasks.shutdown()
    store.close()



def test_the_counters_tools_menu_opens_it_for_a_technician_only(qtbot, seeded_store, tmp_path, backup_vi):
    from app.services import users
    from ui.backup.window import BackupsWindow
    from ui.counter import build_counter_window
    from ui.tasks import InlineExecutor

    settings = StationSettings(tmp_path, {"station.counter": 1})
    opened = {}
    for name in ("kythuat", "canbo1"):
        actor = users.sign_in(seeded_store, name, "demo", station=1)
        window = build_counter_window(seeded_store, settings, executor=InlineExecutor(), actor=actor)
        qtbot.addWidget(window)
        opened[name] = window.open_backups()
        if name == "kythuat":
            assert window.backups_action.text() == "&Sao lưu..."
            opened[name].close()
        window.shutdown()
    assert isinstance(opened["kythuat"], BackupsWindow) and opened["canbo1"] is None


def test_someone_who_may_not_change_the_station_is_refused_and_nothing_is_written(qtbot, seeded_store, tmp_path,
                                                                                  backup_vi):
    from app.actors import Actor

    window, settings, tasks = _window(qtbot, seeded_store, tmp_path, actor=Actor("canbo1", "officer"))
    usb = tmp_path / "usb"
    usb.mkdir()
    window.folder.setText(str(usb))
    assert not window.save() and window.message.text()
    assert settings.get("backup.folder") == "" and not (tmp_path / "station.toml").exists()
    tasks.shutdown()
