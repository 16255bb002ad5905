"""UI fixtures: a seeded SQLite store (demo center), station settings, the Vietnamese translators and the
real counter window running every operation inline (no threads, no sleeps)."""

from __future__ import annotations

import pytest

from app.actors import Actor


@pytest.fixture(autouse=True)
def _catalogs_as_before():
    """Every test leaves the application's translation catalogs as it found them: a catalog a window,
    a station or a fixture installed during the test is taken off again (ui.i18n's registry), so the
    next test of this worker reads the language it asks for, whatever ran before it."""
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import installed_catalogs, remove_catalogs

    before = installed_catalogs()
    yield
    app = QCoreApplication.instance()
    if app is not None:
        remove_catalogs(app, [t for key, t in installed_catalogs().items() if before.get(key) is not t])


@pytest.fixture
def seeded_store(sqlite_store):
    """The demo center (departments, officers, catalog) in a fresh SQLite file."""
    from app.services import demo

    with sqlite_store.write() as session:
        demo.seed(session, Actor("admin", "admin"))
    return sqlite_store


@pytest.fixture
def signed_in(seeded_store):
    """The demo officer ``canbo1`` really signed in (password ``demo``) at counter 3: windows are built
    with it instead of showing the sign-in dialog."""
    from app.services import users

    return users.sign_in(seeded_store, "canbo1", "demo", station=3)


@pytest.fixture
def station_settings(tmp_path):
    from app.settings import StationSettings

    return StationSettings(tmp_path, {"station.counter": 3, "ui.language": "vi"})


@pytest.fixture
def counter_vi(qapp):
    """The counter's Vietnamese catalog installed for one test, removed afterwards."""
    from ui.i18n import install_translators

    yield install_translators(qapp, "vi")  # taken off by _catalogs_as_before, with the catalogs the window adds


@pytest.fixture
def counter_window(qtbot, seeded_store, station_settings, counter_vi, signed_in):
    """The real counter window over the seeded store, shown and active, with an inline executor."""
    from ui.counter import build_counter_window
    from ui.tasks import InlineExecutor

    window = build_counter_window(seeded_store, station_settings, actor=signed_in, executor=InlineExecutor())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window
