"""The station's role chooses its window: ``motcua start`` opens the window of ``station.role``, and a first
run's wizard writes the role and its window opens right after, whichever station command started it.

Each start is a real process (a station's ``main`` takes the whole application down when it returns), with
the start-up probe (``MOTCUA_STARTUP_PROBE``) noting which window was painted and quitting then."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.setup import ROLE_WINDOWS, ROLES, window_of
from app.settings import StationSettings, station_file

ROOT = Path(__file__).resolve().parents[2]
WINDOW_CLASSES = {"counter": "CounterWindow", "kiosk": "KioskWindow", "display": "DisplayWindow",
                  "reports": "ReportsWindow", "devices": "DevicesWindow"}


def test_every_role_has_a_window():
    assert set(ROLE_WINDOWS) == set(ROLES)
    assert set(ROLE_WINDOWS.values()) <= set(WINDOW_CLASSES)
    assert window_of("all-in-one") == "counter" and window_of("reports") == "reports"
    assert window_of("") == "counter" and window_of("unknown") == "counter"


def _start(data_dir: Path, tmp_path: Path, args: list[str], script: str = "", timeout: int = 120) -> dict:
    probe = tmp_path / "probe.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "MOTCUA_DATA_DIR": str(data_dir),
           "MOTCUA_STARTUP_PROBE": str(probe), "MOTCUA_STARTUP_PROBE_SIGNIN": "demo:demo"}
    env.pop("MOTCUA_DB", None)
    code = (script or "") + f"\nfrom app.cli import main\nraise SystemExit(main({args!r}))\n"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    assert probe.exists(), done.stderr[-3000:]
    return json.loads(probe.read_text())


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """A seeded demo database file, copied into each station's data folder."""
    from app.actors import Actor
    from app.services import demo
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    path = tmp_path_factory.mktemp("roles") / "motcua.sqlite3"
    store = Store.open(str(path))
    bootstrap(store)
    with store.write() as session:
        demo.seed(session, Actor("quantri", "admin", "Quản trị"))
    store.close()
    return path


@pytest.mark.parametrize("role", ROLES)
def test_start_opens_the_window_of_the_stored_role(tmp_path, demo_db, role):
    import shutil

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(demo_db, data_dir / "motcua.sqlite3")
    settings = StationSettings(data_dir)
    settings.set("station.role", role)
    settings.save()
    result = _start(data_dir, tmp_path, ["start"])
    assert result["window"] == WINDOW_CLASSES[ROLE_WINDOWS[role]]
    others = set(WINDOW_CLASSES.values()) - {result["window"]}
    assert not others & set(result["windows"])  # no other station window was opened on the way


# Drives the wizard like a technician: this PC's database, the role given on the command line, the center's
# name and identifier, the administrator; Finish. Then the station must open the role's window.
DRIVE_WIZARD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard
from ui.setup.wizard import P_ADMIN, P_CENTER, P_FINISH, P_ROLE, SetupWizard
ROLE = sys.argv[1]
done = set()
def drive():
    app = QApplication.instance()
    wizards = [w for w in app.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()]
    if wizards:
        w = wizards[0]
        page = w.currentId()
        if page == P_ROLE and page not in done:
            w.role.role.setCurrentIndex(w.role.role.findData(ROLE))
            done.add(page)
        if page == P_CENTER and page not in done:
            w.center.name.setText("Trung tâm Phục vụ hành chính công huyện Hòa Vang")
            w.center.agency_id.setText("000.31.12.H56")
            done.add(page)
        if page == P_ADMIN and page not in done:
            w.admin.password.setText("matkhau-123")
            w.admin.confirm.setText("matkhau-123")
            done.add(page)
        button = w.button(QWizard.WizardButton.FinishButton if page == P_FINISH else QWizard.WizardButton.NextButton)
        if button.isEnabled() and button.isVisible():
            button.click()
    if not done or wizards:
        QTimer.singleShot(100, drive)
QApplication.instance() or QApplication(sys.argv[:1])
QTimer.singleShot(100, drive)
"""


@pytest.mark.parametrize(("command", "role"), [("counter", "display"), ("reports", "kiosk")])
def test_the_first_run_wizard_writes_the_role_and_its_window_opens(tmp_path, command, role):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    script = DRIVE_WIZARD.replace("sys.argv[1]", repr(role))
    result = _start(data_dir, tmp_path, [command], script, timeout=180)
    assert StationSettings.load(data_dir).get("station.role") == role
    assert station_file(data_dir).exists()
    assert "SetupWizard" in result["windows"] and result["window"] == WINDOW_CLASSES[ROLE_WINDOWS[role]]
