"""The wizard's pages. Each reads what it shows from ``wizard.info`` (what the database already holds) and
gives back its answers through ``values()``; the wizard writes them all at the end (``ui/setup/wizard.py``).

Keyboard: every field has a mnemonic label (Alt+letter), Enter is Next, tables are edited with F2/typing.
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWizardPage,
)

from ui.common import error_label, set_error
from ui.i18n import arg

ROLE_NAMES = {
    "counter": QT_TRANSLATE_NOOP("RolePage", "Reception counter"),
    "kiosk": QT_TRANSLATE_NOOP("RolePage", "Ticket kiosk"),
    "display": QT_TRANSLATE_NOOP("RolePage", "Display board"),
    "all-in-one": QT_TRANSLATE_NOOP("RolePage", "All in one (counter, kiosk and board on this PC)"),
    "devices": QT_TRANSLATE_NOOP("RolePage", "Technician's devices station"),
    "reports": QT_TRANSLATE_NOOP("RolePage", "Director's reports"),
}
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
WEEKDAYS = (QT_TRANSLATE_NOOP("HoursPage", "Mon"), QT_TRANSLATE_NOOP("HoursPage", "Tue"),
            QT_TRANSLATE_NOOP("HoursPage", "Wed"), QT_TRANSLATE_NOOP("HoursPage", "Thu"),
            QT_TRANSLATE_NOOP("HoursPage", "Fri"), QT_TRANSLATE_NOOP("HoursPage", "Sat"),
            QT_TRANSLATE_NOOP("HoursPage", "Sun"))


def _form(page: QWizardPage) -> QFormLayout:
    form = QFormLayout(page)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _row(form: QFormLayout, text: str, widget, parent) -> None:
    label = QLabel(text, parent)
    label.setBuddy(widget)
    form.addRow(label, widget)


class WelcomePage(QWizardPage):
    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Setting up this computer"))
        self.setSubTitle(self.tr("A few questions, once. Press Enter for the next page, Esc to stop."))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This assistant connects the computer to the center's database, says what the computer is used "
            "for and, on the center's first computer, records the center's name, hours, counters and "
            "administrator. Everything can be changed later by running it again."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui.language"))))
        label = QLabel(self.tr("&Language of the screens:"), self)
        label.setBuddy(self.language)
        row.addWidget(label)
        row.addWidget(self.language, 1)
        layout.addLayout(row)
        note = QLabel(self.tr("A new language shows from the next start of the program."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def values(self) -> dict:
        return {"ui.language": self.language.currentData()}


class DatabasePage(QWizardPage):
    """This PC's SQLite, or the center's PostgreSQL with a connection test and the schema upgrade."""

    def __init__(self, wizard, parent=None) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.setTitle(self.tr("Database"))
        self.setSubTitle(self.tr("Where the center's dossiers and queue are kept."))
        layout = QVBoxLayout(self)
        self.local = QRadioButton(self.tr("&This computer only (one counter, or a test)"), self)
        self.server = QRadioButton(self.tr("The center's &PostgreSQL server (several computers)"), self)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        layout.addWidget(self.local)
        self.local_path = QLabel(self)
        self.local_path.setWordWrap(True)
        layout.addWidget(self.local_path)
        layout.addWidget(self.server)
        form = QFormLayout()
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("192.168.1.10")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("motcua", self)
        self.user = QLineEdit("motcua", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for text, widget in ((self.tr("&Server:"), self.host), (self.tr("P&ort:"), self.port),
                             (self.tr("Data&base name:"), self.database), (self.tr("&User:"), self.user),
                             (self.tr("Pass&word:"), self.password)):
            _row(form, text, widget, self)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("T&est the connection"), self)
        self.upgrade_button = QPushButton(self.tr("&Upgrade the database"), self)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.upgrade_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setObjectName("databaseStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.error = error_label(parent=self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.probe: dict | None = None
        self.test_button.clicked.connect(self._test)
        self.upgrade_button.clicked.connect(self._upgrade)
        self.local.toggled.connect(self._mode_changed)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textEdited.connect(self._forget_probe)
        self.port.valueChanged.connect(self._forget_probe)

    def initializePage(self) -> None:
        url = self._wizard.initial_db_url
        self.local_path.setText(arg(self.tr("File: %1"), str(self._wizard.local_db_path())))
        if url.startswith(("postgresql://", "postgres://")):
            from sqlalchemy.engine import make_url

            parsed = make_url(url)
            self.server.setChecked(True)
            self.host.setText(parsed.host or "")
            self.port.setValue(parsed.port or 5432)
            self.database.setText(parsed.database or "")
            self.user.setText(parsed.username or "")
            self.password.setText(parsed.password or "")
        else:
            self.local.setChecked(True)
        self._mode_changed()

    def uses_server(self) -> bool:
        return self.server.isChecked()

    def url(self) -> str:
        from app.services.setup import postgres_url

        if not self.uses_server():
            return str(self._wizard.local_db_path())
        return postgres_url(self.host.text(), self.port.value(), self.database.text(), self.user.text(), self.password.text())

    def _mode_changed(self, *_args) -> None:
        server = self.uses_server()
        for widget in (self.host, self.port, self.database, self.user, self.password, self.test_button):
            widget.setEnabled(server)
        self._forget_probe()

    def _forget_probe(self, *_args) -> None:
        self.probe = None
        self.upgrade_button.setEnabled(False)
        self.status.setText("")
        set_error(self.error, None)
        self.completeChanged.emit()

    def _test(self) -> None:
        self._run(lambda url: __import__("app.services.setup", fromlist=["x"]).probe_database(url))

    def _upgrade(self) -> None:
        self._run(lambda url: __import__("app.services.setup", fromlist=["x"]).upgrade_database(url))

    def _run(self, fn) -> None:
        from ui.errors import error_text

        try:
            url = self.url()
        except Exception as exc:  # an incomplete form: say what is missing
            set_error(self.error, error_text(exc))
            return
        self._forget_probe()
        self.status.setText(self.tr("Connecting…"))
        self.test_button.setEnabled(False)
        self._wizard.background(lambda: fn(url), self._probed, self._failed)

    def _probed(self, probe: dict) -> None:
        self.probe = probe
        self.test_button.setEnabled(self.uses_server())
        texts = {
            "empty": self.tr("Connected. The database is empty: press Upgrade to create the tables."),
            "behind": self.tr("Connected. The database is at version %1, this program needs %2: press Upgrade."),
            "current": self.tr("Connected. The database is up to date (version %1)."),
            "newer": self.tr("Connected, but the database belongs to a newer version of the program (%1): install that version."),
        }
        state = probe["state"]
        self.status.setText(arg(texts[state], probe["revision"] or "", probe["head"]))
        self.upgrade_button.setEnabled(state in ("empty", "behind"))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import error_text

        self.test_button.setEnabled(self.uses_server())
        self.status.setText("")
        set_error(self.error, error_text(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if not self.uses_server():
            return True
        return self.probe is not None and self.probe["state"] == "current"

    def validatePage(self) -> bool:
        return self._wizard.open_database(self.url())


class RolePage(QWizardPage):
    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This computer's role"))
        self.setSubTitle(self.tr("What this computer is used for at the center."))
        form = _form(self)
        self.role = QComboBox(self)
        for code, name in ROLE_NAMES.items():
            self.role.addItem(self.tr(name), code)
        self.role.setCurrentIndex(max(0, self.role.findData(settings.get("station.role"))))
        self.counter = QSpinBox(self)
        self.counter.setRange(1, 99)
        self.counter.setValue(int(settings.get("station.counter")))
        _row(form, self.tr("&Role:"), self.role, self)
        _row(form, self.tr("&Counter number:"), self.counter, self)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self, *_args) -> None:
        self.counter.setEnabled(self.role.currentData() in ("counter", "all-in-one"))

    def values(self) -> dict:
        return {"station.role": self.role.currentData(), "station.counter": self.counter.value()}


class CenterPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The center"))
        self.setSubTitle(self.tr("Printed on tickets, receipts and notices."))
        form = _form(self)
        self.name = QLineEdit(self)
        self.parent_body = QLineEdit(self)
        self.address = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.agency_id = QLineEdit(self)
        self.agency_id.setPlaceholderText("000.17.22.H56")
        for text, widget in ((self.tr("Center &name:"), self.name), (self.tr("&Governing body:"), self.parent_body),
                             (self.tr("&Address:"), self.address), (self.tr("&Phone:"), self.phone),
                             (self.tr("A&gency identifier:"), self.agency_id)):
            _row(form, text, widget, self)
        self.error = error_label(parent=self)
        form.addRow(self.error)
        self.agency_id.textEdited.connect(lambda _t: set_error(self.error, None))

    def show_values(self, values: dict) -> None:
        self.name.setText(values.get("center.name") or "")
        self.parent_body.setText(values.get("center.parent_body") or "")
        self.address.setText(values.get("center.address") or "")
        self.phone.setText(values.get("center.phone") or "")
        self.agency_id.setText(values.get("center.agency_id") or "")

    def validatePage(self) -> bool:
        from app.codes import validate_agency_id
        from ui.errors import error_text

        if not self.name.text().strip():
            set_error(self.error, self.tr("Enter the center's name."))
            self.name.setFocus()
            return False
        try:
            validate_agency_id(self.agency_id.text().strip())
        except Exception as exc:
            set_error(self.error, error_text(exc))
            self.agency_id.setFocus()
            return False
        return True

    def values(self) -> dict:
        return {"center.name": self.name.text().strip(), "center.parent_body": self.parent_body.text().strip(),
                "center.address": self.address.text().strip(), "center.phone": self.phone.text().strip(),
                "center.agency_id": self.agency_id.text().strip()}


class HoursPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Working hours and hand-over rounds"))
        self.setSubTitle(self.tr("Due dates count only these hours; dossiers go to the departments at each round."))
        form = _form(self)
        self.times = [QTimeEdit(self) for _ in range(4)]
        for edit, value in zip(self.times, ("07:00", "11:30", "13:30", "17:00"), strict=True):
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime.fromString(value, "HH:mm"))
        morning, afternoon = QHBoxLayout(), QHBoxLayout()
        for box, pair in ((morning, self.times[:2]), (afternoon, self.times[2:])):
            box.addWidget(pair[0])
            box.addWidget(QLabel("–", self))
            box.addWidget(pair[1])
            box.addStretch(1)
        label = QLabel(self.tr("&Morning:"), self)
        label.setBuddy(self.times[0])
        form.addRow(label, morning)
        label = QLabel(self.tr("A&fternoon:"), self)
        label.setBuddy(self.times[2])
        form.addRow(label, afternoon)
        days = QHBoxLayout()
        self.days = [QCheckBox(self.tr(name), self) for name in WEEKDAYS]
        for index, box in enumerate(self.days):
            box.setChecked(index < 5)
            days.addWidget(box)
        days.addStretch(1)
        form.addRow(QLabel(self.tr("Working days:"), self), days)
        self.rounds = QLineEdit("09:00, 11:00, 14:00, 16:00", self)
        _row(form, self.tr("&Hand-over rounds:"), self.rounds, self)
        self.error = error_label(parent=self)
        form.addRow(self.error)

    def show_values(self, values: dict) -> None:
        hours = values.get("calendar.working_hours")
        if hours:
            periods = hours.get("periods", {})
            from app.workcal import WEEKDAY_KEYS

            first = next((periods[k] for k in WEEKDAY_KEYS if periods.get(k)), None)
            if first:
                flat = [t for period in first[:2] for t in period]
                for edit, value in zip(self.times, flat, strict=False):
                    edit.setTime(QTime.fromString(value, "HH:mm"))
            for index, key in enumerate(WEEKDAY_KEYS):
                self.days[index].setChecked(bool(periods.get(key)))
        if values.get("handover.rounds"):
            self.rounds.setText(", ".join(values["handover.rounds"]))

    def validatePage(self) -> bool:
        from ui.errors import error_text

        try:
            self.values()
        except Exception as exc:
            set_error(self.error, error_text(exc))
            return False
        set_error(self.error, None)
        return True

    def values(self) -> dict:
        from app.services.setup import parse_rounds, working_hours

        t = [edit.time().toString("HH:mm") for edit in self.times]
        days = [i for i, box in enumerate(self.days) if box.isChecked()]
        return {"calendar.working_hours": working_hours((t[0], t[1]), (t[2], t[3]), days),
                "handover.rounds": parse_rounds(self.rounds.text())}


class CountersPage(QWizardPage):
    """The queue's services (code, name) and the counters serving them (number, name, service codes)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Counters and their services"))
        self.setSubTitle(self.tr("Type in the tables (F2 edits a cell); Ctrl+N adds a row to the table in use."))
        layout = QVBoxLayout(self)
        self.services = self._table([self.tr("Code"), self.tr("Service")])
        self.counters = self._table([self.tr("Number"), self.tr("Counter"), self.tr("Services (codes)")])
        for text, table in ((self.tr("&Services of the queue:"), self.services), (self.tr("C&ounters:"), self.counters)):
            label = QLabel(text, self)
            label.setBuddy(table)
            layout.addWidget(label)
            layout.addWidget(table)
            add = QPushButton(self.tr("Add a row"), self)
            add.clicked.connect(lambda _c=False, t=table: self._add_row(t))
            layout.addWidget(add)
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence("Ctrl+N"), self, self._add_to_focused)
        self.error = error_label(parent=self)
        layout.addWidget(self.error)
        self.show_layout([("A", "Tiếp nhận hồ sơ"), ("B", "Trả kết quả")],
                         [(1, "Quầy 1", ["A", "B"]), (2, "Quầy 2", ["A"])])

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setTabKeyNavigation(False)  # Tab leaves the table: the keyboard reaches the buttons
        return table

    def _add_to_focused(self) -> None:
        self._add_row(self.counters if self.counters.hasFocus() else self.services)

    def _add_row(self, table: QTableWidget) -> None:
        table.insertRow(table.rowCount())
        table.setCurrentCell(table.rowCount() - 1, 0)
        table.setFocus()

    def show_layout(self, services, counters) -> None:
        for table, rows in ((self.services, services), (self.counters, counters)):
            table.setRowCount(0)
            for row in rows:
                self._add_row(table)
                for column, value in enumerate(row):
                    text = ", ".join(value) if isinstance(value, list) else str(value)
                    table.setItem(table.rowCount() - 1, column, QTableWidgetItem(text))

    @staticmethod
    def _cells(table: QTableWidget) -> list[list[str]]:
        rows = []
        for r in range(table.rowCount()):
            cells = [(table.item(r, c).text().strip() if table.item(r, c) else "") for c in range(table.columnCount())]
            if any(cells):
                rows.append(cells)
        return rows

    def validatePage(self) -> bool:
        services = self.layout_values()[0]
        codes = {code for code, _ in services}
        for cells in self._cells(self.counters):
            if not cells[0].isdigit() or int(cells[0]) < 1:
                set_error(self.error, arg(self.tr("Counter number \"%1\" must be a number from 1."), cells[0]))
                return False
            unknown = [c for c in cells[2].replace(";", ",").split(",") if c.strip() and c.strip().upper() not in codes]
            if unknown:
                set_error(self.error, arg(self.tr("No service has the code %1."), ", ".join(unknown)))
                return False
        if any(not code or not name for code, name in services):
            set_error(self.error, self.tr("Every service needs a code and a name."))
            return False
        set_error(self.error, None)
        return True

    def layout_values(self):
        services = [(cells[0].upper(), cells[1]) for cells in self._cells(self.services)]
        counters = [(int(cells[0]), cells[1] or f"Quầy {cells[0]}", [c for c in cells[2].replace(";", ",").split(",") if c.strip()])
                    for cells in self._cells(self.counters) if cells[0].isdigit()]
        return services, counters


class SyncPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Provincial dossier system"))
        self.setSubTitle(self.tr("Leave empty if the center does not send dossiers to the province yet."))
        form = _form(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://dichvucong.example.gov.vn/api")
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for text, widget in ((self.tr("&Address (URL):"), self.url), (self.tr("&User:"), self.username),
                             (self.tr("Pass&word:"), self.password)):
            _row(form, text, widget, self)
        note = QLabel(self.tr("The password is kept in the computer's protected store (keyring), never in a file."), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.error = error_label(parent=self)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        url = self.url.text().strip()
        if url and not url.startswith(("https://", "http://")):
            set_error(self.error, self.tr("The address starts with https://"))
            return False
        set_error(self.error, None)
        return True

    def values(self) -> dict:
        return {"sync.url": self.url.text().strip()}

    def credentials(self) -> tuple[str, str] | None:
        if self.url.text().strip() and self.username.text().strip():
            return self.username.text().strip(), self.password.text()
        return None


class AdminPage(QWizardPage):
    """The center's first administrator (``app.services.users.create_first_admin``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(self.tr("The account that creates the officers' accounts. Keep the password safe."))
        form = _form(self)
        self.username = QLineEdit("admin", self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        for text, widget in ((self.tr("&Sign-in name:"), self.username), (self.tr("&Full name:"), self.display_name),
                             (self.tr("Pass&word:"), self.password), (self.tr("&Repeat the password:"), self.confirm)):
            _row(form, text, widget, self)
        self.error = error_label(parent=self)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        if not self.username.text().strip():
            set_error(self.error, self.tr("Enter a sign-in name."))
            return False
        if len(self.password.text()) < 8:
            set_error(self.error, self.tr("The password needs at least 8 characters."))
            return False
        if self.password.text() != self.confirm.text():
            set_error(self.error, self.tr("The two passwords differ."))
            return False
        set_error(self.error, None)
        return True

    def values(self) -> dict:
        return {"username": self.username.text().strip(), "password": self.password.text(),
                "display_name": self.display_name.text().strip()}
