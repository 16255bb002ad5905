"""The set-up wizard driven like a technician would: the first computer of a center on SQLite, a station
joining a configured center, the center's PostgreSQL with the connection test and the upgrade."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.settings import StationSettings, station_file
from ui.i18n import remove_catalogs
from ui.setup.wizard import P_ADMIN, P_CENTER, P_DATABASE, P_DEVICES, P_FINISH, P_HOURS, P_ROLE, P_SYNC


@pytest.fixture
def setup_vi(qapp):
    from ui.catalogs import install_all

    installed = install_all(qapp, "vi")
    yield
    for translator in installed:
        remove_catalogs(qapp, [translator])


@pytest.fixture
def env_keyring(monkeypatch):
    import keyring

    from tests.sync.env_keyring import EnvKeyring

    monkeypatch.setenv("MOTCUA_TEST_KEYRING", "{}")
    previous = keyring.get_keyring()
    keyring.set_keyring(EnvKeyring())
    yield
    keyring.set_keyring(previous)


def make_wizard(qtbot, data_dir, db_url=""):
    from ui.setup import build_setup_wizard
    from ui.tasks import InlineExecutor, TaskManager

    settings = StationSettings(data_dir)
    tasks = TaskManager(None, executor=InlineExecutor())
    wizard = build_setup_wizard(settings, db_url=db_url, tasks=tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, tasks


def test_the_first_computer_of_a_center_on_this_pc(qtbot, tmp_path, setup_vi, env_keyring):
    wizard, tasks = make_wizard(qtbot, tmp_path)
    assert wizard.currentPage().title() == "Cài đặt máy tính này"  # Vietnamese from the setup catalog
    wizard.next()
    assert wizard.currentId() == P_DATABASE and wizard.database.local.isChecked()
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Enter is Next: the database is created on the worker
    assert wizard.currentId() == P_ROLE and (tmp_path / "motcua.sqlite3").exists()
    wizard.role.counter.setValue(4)
    wizard.next()
    assert wizard.currentId() == P_CENTER
    wizard.center.name.setText("Trung tâm Phục vụ hành chính công huyện Hòa Vang")
    wizard.center.agency_id.setText("000.31")
    wizard.next()
    assert wizard.currentId() == P_CENTER and "000.17.22.H56" in wizard.center.error.text()  # refused, stays
    wizard.center.agency_id.setText("000.31.12.H56")
    wizard.next()
    assert wizard.currentId() == P_HOURS
    wizard.hours.rounds.setText("9:00, 15:30")
    wizard.hours.days[5].setChecked(True)  # Saturday morning too
    wizard.next()
    wizard.next()  # the counters page with its defaults (A, B; counters 1 and 2)
    assert wizard.currentId() == P_SYNC
    wizard.sync.url.setText("https://dvc.example.gov.vn/api")
    wizard.sync.username.setText("hoavang")
    wizard.sync.password.setText("bí-mật")
    wizard.next()
    assert wizard.currentId() == (P_ADMIN if wizard.info["needs_admin"] else P_DEVICES)
    if wizard.currentId() == P_ADMIN:
        pytest.importorskip("app.services.users")
        wizard.admin.password.setText("matkhau-123")
        wizard.admin.confirm.setText("matkhau-123")
        wizard.next()
    wizard.devices.table.item(0, 1).setText("tcp://192.168.1.50:9100")
    wizard.next()
    assert wizard.currentId() == P_FINISH and "Hòa Vang" in wizard.finish.summary.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.finished_ok
    wizard.shutdown()

    saved = StationSettings.load(tmp_path)
    assert saved.get("station.counter") == 4 and saved.get("devices.receipt_printer") == "tcp://192.168.1.50:9100"
    assert saved.get("db_url") == ""  # this PC's file, found in the data dir
    from app.services import setup
    from app.store.session import Store

    store = Store.open(str(tmp_path / "motcua.sqlite3"))
    with store.read() as session:
        values = setup.center_values(session)
        services, counters = setup.queue_layout(session)
    store.close()
    assert values["center.agency_id"] == "000.31.12.H56" and values["handover.rounds"] == ["09:00", "15:30"]
    assert values["calendar.working_hours"]["periods"]["sat"]
    assert values["sync.url"] == "https://dvc.example.gov.vn/api"
    assert [code for code, _ in services] == ["A", "B"] and counters[0][2] == ["A", "B"]
    from sync.worker import credentials

    assert credentials("https://dvc.example.gov.vn/api") == ("hoavang", "bí-mật")
    assert "bí-mật" not in station_file(tmp_path).read_text(encoding="utf-8")
    tasks.shutdown()


def test_a_station_joining_a_configured_center_skips_the_center_pages(qtbot, tmp_path, seeded_store, setup_vi):
    from app.services.center import get_all

    url = seeded_store.engine.url.database  # the demo center: agency identifier set
    with seeded_store.read() as session:
        before = get_all(session)
    data_dir = tmp_path / "station2"
    data_dir.mkdir()
    wizard, tasks = make_wizard(qtbot, data_dir)
    wizard.local_db_path = lambda: __import__("pathlib").Path(url)  # the center's file, shared
    wizard.next()
    wizard.next()
    assert wizard.joined() and wizard.currentId() == P_ROLE
    wizard.role.role.setCurrentIndex(wizard.role.role.findData("kiosk"))
    wizard.next()
    assert wizard.currentId() == P_SYNC  # center, hours and counters skipped
    assert wizard.answers()["center"] == {} and wizard.answers()["queue"] is None
    while wizard.currentId() != P_FINISH:
        wizard.next()
    assert "cơ sở dữ liệu của trung tâm" in wizard.finish.summary.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.finished_ok
    wizard.shutdown()
    assert StationSettings.load(data_dir).get("station.role") == "kiosk"
    with seeded_store.read() as session:
        assert get_all(session) == before
    tasks.shutdown()


@pytest.fixture
def pg_database(pg_available):
    """An empty PostgreSQL database of its own (the wizard's form names a database, not a schema)."""
    from sqlalchemy import create_engine, text

    from tests.conftest import PG_URL

    name = f"mc_setup_{uuid.uuid4().hex[:8]}"
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield name
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.mark.pg
def test_the_centers_postgresql_is_tested_and_upgraded_before_next(qtbot, tmp_path, pg_database, setup_vi):
    wizard, tasks = make_wizard(qtbot, tmp_path)
    wizard.next()
    page = wizard.database
    page.server.setChecked(True)
    page.host.setText("127.0.0.1")
    page.database.setText(pg_database)
    page.user.setText("postgres")
    assert not page.isComplete()
    page.test_button.click()
    assert page.probe["state"] == "empty" and page.upgrade_button.isEnabled() and not page.isComplete()
    page.upgrade_button.click()
    assert page.probe["state"] == "current" and page.isComplete()
    wizard.next()
    assert wizard.currentId() == P_ROLE and not wizard.joined()
    assert wizard.answers()["station"]["db_url"] == f"postgresql://postgres@127.0.0.1:5432/{pg_database}"
    page.database.setText("no_such_database_here")
    wizard.back()
    page.test_button.click()
    assert page.probe is None and page.error.isVisible() and "Không kết nối được" in page.error.text()
    wizard.shutdown()
    tasks.shutdown()


def test_the_administrator_page_creates_the_first_admin(qtbot, tmp_path, setup_vi):
    users = pytest.importorskip("app.services.users")  # the users room provides it (integrator)
    wizard, tasks = make_wizard(qtbot, tmp_path)
    wizard.next()
    wizard.next()
    assert wizard.info["needs_admin"]
    wizard.admin.password.setText("short")
    while wizard.currentId() != P_ADMIN:
        if wizard.currentId() == P_CENTER:
            wizard.center.name.setText("Trung tâm")
            wizard.center.agency_id.setText("000.31.12.H56")
        wizard.next()
    wizard.next()
    assert wizard.currentId() == P_ADMIN and wizard.admin.error.isVisible()
    wizard.admin.password.setText("matkhau-123")
    wizard.admin.confirm.setText("matkhau-123")
    while wizard.currentId() != P_FINISH:
        wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    store = wizard.store
    with store.read() as session:
        assert users.has_users(session)
    wizard.shutdown()
    tasks.shutdown()


def test_setup_catalog_is_loaded_with_every_other_at_start_up(qapp):
    from PySide6.QtCore import QCoreApplication

    from ui.catalogs import CATALOGS, install_all

    installed = install_all(qapp, "vi")
    try:
        assert len(installed) >= len(CATALOGS) + 1  # main + each registered catalog (+ Qt's own where shipped)
        assert QCoreApplication.translate("SyncTexts", "Synced") != "Synced"  # the sync catalog too
        assert QCoreApplication.translate("FinishPage", "Ready") == "Sẵn sàng"
    finally:
        for translator in installed:
            remove_catalogs(qapp, [translator])
    assert install_all(qapp, "en") == [] and QCoreApplication.translate("FinishPage", "Ready") == "Ready"


def test_english_screens_keep_vietnamese_dates_and_money(qapp):
    """ui.language = en changes the words only: dates stay dd/mm/yyyy, money keeps the Vietnamese separators."""
    from datetime import date

    from PySide6.QtCore import QCoreApplication

    from ui.catalogs import install_all
    from ui.common import format_date, format_money

    for language, ready in (("en", "Ready"), ("vi", "Sẵn sàng")):
        installed = install_all(qapp, language)
        try:
            assert QCoreApplication.translate("FinishPage", "Ready") == ready
            assert format_date(date(2026, 12, 2)) == "02/12/2026"
            assert format_money(1500000) == "1.500.000 đ"
        finally:
            for translator in installed:
                remove_catalogs(qapp, [translator])


FIRST_RUN = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.cli import main
from ui.setup.wizard import SetupWizard
seen = []
def cancel():
    app = QApplication.instance()
    wizards = [w for w in (app.topLevelWidgets() if app else []) if isinstance(w, SetupWizard) and w.isVisible()]
    if not wizards:
        QTimer.singleShot(50, cancel)
        return
    seen.append(wizards[0].currentPage().title())
    wizards[0].reject()
QApplication.instance() or QApplication(sys.argv[:1])
QTimer.singleShot(50, cancel)
code = main([sys.argv[1]])
print("RESULT " + json.dumps({"code": code, "seen": seen}))
"""


@pytest.mark.parametrize("command", ["counter", "setup"])
def test_a_first_run_opens_the_wizard_and_cancelling_saves_nothing(data_dir, command):
    """``motcua counter`` on a PC never set up (and ``motcua setup`` always) shows the wizard; Esc exits 2.
    In a process of its own, as a station runs: ``main`` takes the whole application down when it returns."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_RUN, command], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)
    [line] = [x for x in done.stdout.splitlines() if x.startswith("RESULT ")]
    result = json.loads(line[7:])
    assert result["code"] == 2, done.stderr[-2000:]
    assert result["seen"] == ["Cài đặt máy tính này"]  # ui.language defaults to vi: the setup catalog was installed
    assert not station_file(data_dir).exists() and not (data_dir / "motcua.sqlite3").exists()
