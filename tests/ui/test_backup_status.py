"""The daily backup at the counter: the status bar shows the last success ("Sao lưu: 02/12 17:30"), amber when
it is older than two days or the folder (the USB disk) is missing; the timer's run writes a real backup."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.services import backups


@pytest.fixture
def backup_vi(qapp):
    from ui.backup import install_backup_translator

    install_backup_translator(qapp, "vi")


def test_texts_for_each_state(backup_vi):
    from ui.backup import status_text

    last = datetime(2026, 12, 2, 10, 30, tzinfo=timezone.utc)  # 17:30 in Vietnam
    assert status_text(backups.BackupStatus("ok", last, None)) == ("ok", "Sao lưu: 02/12 17:30")
    assert status_text(backups.BackupStatus("warn", last, "stale")) == ("warn", "Sao lưu: 02/12 17:30 (đã quá hai ngày)")
    assert status_text(backups.BackupStatus("warn", last, "folder_missing")) == (
        "warn", "Sao lưu: không thấy thư mục (ổ USB chưa cắm?)")
    assert status_text(backups.BackupStatus("warn", None, "never"))[1] == "Sao lưu: chưa có bản nào"
    assert status_text(backups.BackupStatus("warn", None, "not_set"))[1] == "Sao lưu: chưa đặt thư mục"
    assert status_text(backups.BackupStatus("warn", last, "failed"))[1] == "Sao lưu: 02/12 17:30 (lần gần nhất bị lỗi)"


def test_the_counter_runs_the_due_backup_and_shows_it(qtbot, seeded_store, station_settings, counter_vi, backup_vi,
                                                      tmp_path, signed_in):
    from ui.counter import build_counter_window
    from ui.tasks import InlineExecutor

    usb = tmp_path / "usb"
    usb.mkdir()
    station_settings.set("backup.folder", str(usb))
    station_settings.set("backup.time", "00:00")  # due as soon as the window opens
    window = build_counter_window(seeded_store, station_settings, executor=InlineExecutor(), actor=signed_in)
    qtbot.addWidget(window)
    indicator = window.backup_indicator
    qtbot.waitUntil(lambda: window.backup.last_status is not None and not window.backup.running)
    made = backups.archives(usb)
    assert len(made) == 1
    assert window.backup.last_status.level == "ok"
    shown = backups.load_state(station_settings.data_dir)["last_success"]
    from ui.backup import when_text

    assert indicator.state == "ok" and f"Sao lưu: {when_text(datetime.fromisoformat(shown))}" in indicator.text()
    # Not due again the same day: the next check writes nothing new.
    window.backup.check()
    assert len(backups.archives(usb)) == 1
    # The USB disk unplugged: a warning.
    made[0].unlink()
    usb.rmdir()
    window.backup.check()
    assert indicator.state == "warn" and "không thấy thư mục" in indicator.text()
    window.shutdown()


def test_an_old_backup_is_a_warning_in_the_status_bar(qtbot, counter_window, station_settings, tmp_path, backup_vi):
    usb = tmp_path / "usb2"
    usb.mkdir()
    station_settings.set("backup.folder", str(usb))
    three_days = datetime.now(timezone.utc) - timedelta(days=3)
    backups.record_success(station_settings.data_dir, {"path": str(usb / "x.zip")}, three_days)
    counter_window.backup.show(backups.status(station_settings, station_settings.data_dir))
    text = counter_window.backup_indicator.text()
    assert counter_window.backup_indicator.state == "warn" and "đã quá hai ngày" in text
