"""The set-up wizard: page order, the database opened after the database page, and the answers written at
the end in one go (center settings, services and counters, the administrator in one unit of work; the sync
credentials to the keyring; ``station.toml`` last, so a wizard stopped half-way leaves a first run).

A station joining a center whose database already holds the center's settings skips the center, hours
and counters pages and keeps what the database says. Slow work (connecting, upgrading, writing) runs on a
worker of the task manager (``DeviceOp`` without a device: the network pool). GUI thread only.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

from ui.setup.devices_page import DevicesPage
from ui.setup.pages import AdminPage, CenterPage, CountersPage, DatabasePage, HoursPage, RolePage, SyncPage, WelcomePage

log = logging.getLogger(__name__)

(P_WELCOME, P_DATABASE, P_ROLE, P_CENTER, P_HOURS, P_COUNTERS, P_SYNC, P_ADMIN, P_DEVICES, P_FINISH) = range(10)
SETUP_ACTOR = ("setup", "admin", "Trình hướng dẫn cài đặt")


def users_service():
    """``app.services.users`` (the users room), or None while it does not exist."""
    try:
        from app.services import users
    except ImportError:
        return None
    return users


class FinishPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Press Finish to save. Nothing is saved before."))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("setupSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.summary.setText(self.wizard().summary())

    def validatePage(self) -> bool:
        return self.wizard().apply()


class SetupWizard(QWizard):
    def __init__(self, settings, *, db_url: str = "", tasks=None, parent=None) -> None:
        super().__init__(parent)
        from ui.tasks import TaskManager

        self.settings = settings
        self.initial_db_url = db_url or settings.get("db_url") or ""
        self._own_tasks = tasks is None
        self.tasks = tasks or TaskManager(None, parent=self)
        self.store = None
        self.info: dict[str, Any] = {}
        self._opened_url: str | None = None
        self._applied = False
        self.finished_ok = False
        self.setWindowTitle(self.tr("Một cửa — set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.welcome = WelcomePage(settings)
        self.database = DatabasePage(self)
        self.role = RolePage(settings)
        self.center = CenterPage()
        self.hours = HoursPage()
        self.counters = CountersPage()
        self.sync = SyncPage()
        self.admin = AdminPage()
        self.devices = DevicesPage(self, settings)
        self.finish = FinishPage()
        for page_id, page in ((P_WELCOME, self.welcome), (P_DATABASE, self.database), (P_ROLE, self.role),
                              (P_CENTER, self.center), (P_HOURS, self.hours), (P_COUNTERS, self.counters),
                              (P_SYNC, self.sync), (P_ADMIN, self.admin), (P_DEVICES, self.devices),
                              (P_FINISH, self.finish)):
            self.setPage(page_id, page)
        self.setStartId(P_WELCOME)
        buttons = QWizard.WizardButton
        for button, text in ((buttons.BackButton, self.tr("< &Back")), (buttons.NextButton, self.tr("&Next >")),
                             (buttons.FinishButton, self.tr("&Finish")), (buttons.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)  # Qt ships no Vietnamese QWizard texts
        self.resize(760, 560)

    # -- helpers for the pages ----------------------------------------------------------------------

    def local_db_path(self) -> Path:
        return Path(self.settings.data_dir) / "motcua.sqlite3"

    def background(self, fn, on_success, on_failure) -> None:
        from ui.tasks import DeviceOp

        DeviceOp(parent=self, op=fn, tasks=self.tasks).success(on_success).failure(on_failure).run_in_background()

    def joined(self) -> bool:
        """Whether the database already holds a center's settings (this station joins that center)."""
        return bool(self.info.get("joined"))

    # -- the database ---------------------------------------------------------------------------------

    def open_database(self, url: str) -> bool:
        """The database page's Next: open (and on SQLite create or migrate) the database on a worker, read
        what it already holds, then go on. Returns True when ``url`` is the one already open."""
        if self._opened_url == url and self.store is not None:
            return True
        self.database.status.setText(self.tr("Opening the database…"))
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)

        def opened(result) -> None:
            store, info = result
            if self.store is not None:
                self.store.close()
            self.store, self.info, self._opened_url = store, info, url
            self._show_database_values()
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            self.next()

        def failed(exc: BaseException) -> None:
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            self.database._failed(exc)

        self.background(lambda: open_and_read(url), opened, failed)
        return False

    def _show_database_values(self) -> None:
        values = self.info["center"]
        self.center.show_values(values)
        self.hours.show_values(values)
        if self.info["services"]:
            self.counters.show_layout(self.info["services"], self.info["counters"])
        self.sync.url.setText(values.get("sync.url") or "")

    # -- page order ---------------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current == P_ROLE and self.joined():
            return P_SYNC
        if current == P_SYNC and not self.info.get("needs_admin"):
            return P_DEVICES
        if current == P_FINISH:
            return -1
        return current + 1

    # -- the end ----------------------------------------------------------------------------------

    def summary(self) -> str:
        role = self.role.role.currentText()
        where = self.tr("the center's server") if self.database.uses_server() else self.tr("this computer")
        name = self.info.get("center", {}).get("center.name") if self.joined() else self.center.name.text()
        lines = [self.tr("Center: %1").replace("%1", name or ""), self.tr("Role: %1").replace("%1", role),
                 self.tr("Database: %1").replace("%1", where)]
        if self.joined():
            lines.append(self.tr("The center's settings are taken from its database."))
        return "\n".join(lines)

    def answers(self) -> dict[str, Any]:
        """Everything the wizard will write (also for tests)."""
        center = {} if self.joined() else {**self.center.values(), **self.hours.values()}
        sync_url = self.sync.values()["sync.url"]
        if sync_url != (self.info.get("center", {}).get("sync.url") or ""):
            center["sync.url"] = sync_url
        queue = None if self.joined() else self.counters.layout_values()
        station = {**self.welcome.values(), **self.role.values(), **self.devices.values(),
                   "db_url": "" if not self.database.uses_server() else self._opened_url}
        admin = self.admin.values() if self.info.get("needs_admin") else None
        return {"center": center, "queue": queue, "station": station, "admin": admin,
                "credentials": self.sync.credentials(), "sync_url": sync_url}

    def apply(self) -> bool:
        """The finish page's Finish: write everything on a worker, then close the wizard."""
        if self._applied:
            return True
        answers = self.answers()
        store, settings = self.store, self.settings
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def done(_result) -> None:
            self._applied = True
            self.finished_ok = True
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.accept()

        def failed(exc: BaseException) -> None:
            from ui.errors import error_text

            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.finish.summary.setText(error_text(exc))

        self.background(lambda: write_answers(store, settings, answers), done, failed)
        return False

    def shutdown(self) -> None:
        """Close the database and the wizard's own task manager (idempotent)."""
        if self._own_tasks:
            self.tasks.shutdown(wait=True)
            self._own_tasks = False
        if self.store is not None:
            self.store.close()
            self.store = None


# --- worker-thread work (no Qt) ------------------------------------------------------------------------


def open_and_read(url: str):
    """Open ``url`` (SQLite: create or migrate it; PostgreSQL: it must be up to date) and read what the
    wizard shows: whether the center is configured, its settings, services, counters, users."""
    from app.services.bootstrap import bootstrap
    from app.services.setup import center_configured, center_values, queue_layout
    from app.store.session import Store

    store = Store.open(url)
    try:
        if store.dialect == "sqlite":
            bootstrap(store)
        users = users_service()
        with store.read() as session:
            services, counters = queue_layout(session)
            info = {"joined": center_configured(session), "center": center_values(session),
                    "services": services, "counters": counters,
                    "needs_admin": users is not None and not users.has_users(session)}
    except BaseException:
        store.close()
        raise
    return store, info


def write_answers(store, settings, answers: dict[str, Any]) -> None:
    from app.actors import Actor
    from app.services.setup import apply_center, apply_queue

    actor = Actor(*SETUP_ACTOR)
    with store.write() as session:
        apply_center(session, actor, answers["center"])
        if answers["queue"] is not None:
            apply_queue(session, actor, *answers["queue"])
        if answers["admin"]:
            users_service().create_first_admin(session, answers["admin"]["username"], answers["admin"]["password"],
                                               display_name=answers["admin"]["display_name"])
    if answers["credentials"]:
        from sync.worker import store_credentials

        store_credentials(answers["sync_url"], *answers["credentials"])
    for key, value in answers["station"].items():
        settings.set(key, value)
    settings.save()
    log.info("set-up saved (role %s)", answers["station"].get("station.role"))
