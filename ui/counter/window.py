"""The counter window: queue panel on the left; intake, dossiers and the deadline board in the middle; the
menus, shortcuts and the status bar around them. It wires the panels together and owns the TaskManager.

GUI thread only; every store access goes through ``self.tasks`` (``ui.tasks``).
"""

from __future__ import annotations

import dataclasses
import html
import logging
from concurrent.futures import Executor
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.services import handover
from ui.backup import BackupMonitor
from ui.common import StatusIndicator, format_money, local_now, shortcut_rows
from ui.counter.board import BoardPanel
from ui.counter.dossier_view import DossierView
from ui.counter.dossiers import DossierListPanel, HandoverDialog
from ui.counter.intake import IntakeForm
from ui.counter.intake_controller import IntakeController
from ui.counter.print_controller import PrintController
from ui.i18n import arg
from ui.queue.panel import QueuePanel
from ui.sync.controller import SyncController, center_adapter_factory
from ui.sync.counter import OnlineDossiersPanel, SyncStatusBar
from ui.models import CounterContext, load_context
from ui.tasks import QueryOp, StoreOp, TaskManager

log = logging.getLogger(__name__)

CLOCK_MS = 15_000
DIALECTS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
INTAKE, DOSSIERS, BOARD, ONLINE = range(4)
# Wide enough for a priority group's name on one line ("Người cao tuổi") and the counter's buttons.
QUEUE_PANEL_WIDTH = 270


class ShortcutsDialog(QDialog):
    """F1's list: a plain dialog (a message box would squeeze the two columns to its narrow text width)."""

    def __init__(self, title: str, text: str, *, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsBox")
        self.setWindowTitle(title)
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.label.text()


class CounterWindow(QMainWindow):
    """The reception counter. ``print_requested(form, code)`` asks for a form to be printed."""

    #: (form key of printing.FORMS: "receipt", "supplement", "refusal", "apology", "stop"; dossier code)
    print_requested = Signal(str, str)

    def __init__(
        self,
        *,
        store,
        settings,
        tasks: TaskManager | None = None,
        actor: Actor,
        devices=None,
        executor: Executor | None = None,
        device_executor: Executor | None = None,
        sync=None,
    ) -> None:
        """``actor``: the user signed in at this counter (``ui.security.sign_in_at_start``; tests sign in a
        demo account). ``tasks`` and ``devices`` (a ``ui.station.StationDevices``) come from the station
        bootstrap; without ``tasks`` the window makes its own from ``executor`` / ``device_executor`` (tests).
        ``sync``: a ``ui.sync.controller.SyncController``; by default one for the center's provincial URL."""
        super().__init__()
        self.setObjectName("counterWindow")
        self.store = store
        self.settings = settings
        self.confirm_close = False
        self.pending_dialog = None
        self.last_saved_code: str | None = None
        self.context: CounterContext | None = None
        self.devices = devices
        self.tasks = tasks or TaskManager(store, executor=executor, device_executor=device_executor, parent=self)
        # the counter a user works at is where they sign in (station.counter), not a permission
        self._actor = dataclasses.replace(actor, counter=settings.get("station.counter"))
        self.setWindowTitle(arg(self.tr("One-stop counter %1"), self._actor.counter))
        self.resize(1440, 900)

        from PySide6.QtCore import QCoreApplication

        from ui.sync import install_sync_translator

        install_sync_translator(QCoreApplication.instance(), settings.get("ui.language"))
        self.queue_panel = QueuePanel(
            store=store, counter_number=self._actor.counter, actor=self._actor, tasks=self.tasks, parent=self
        )
        self.queue_panel.setMinimumWidth(QUEUE_PANEL_WIDTH)
        self.queue_panel.setMaximumWidth(320)
        self.intake_form = IntakeForm(parent=self)
        self.intake = IntakeController(self.intake_form, self.tasks, self.actor, parent=self)
        self.dossier_list = DossierListPanel(self.tasks, parent=self)
        self.dossier_view = DossierView(self.tasks, self.actor, parent=self)
        self.dossier_stack = QStackedWidget(self)
        self.dossier_stack.addWidget(self.dossier_list)
        self.dossier_stack.addWidget(self.dossier_view)
        self.board = BoardPanel(self.tasks, parent=self)
        self.online_panel = OnlineDossiersPanel(self.tasks, self.actor, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("counterTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.intake_form, self.tr("Intake"))
        self.tabs.addTab(self.dossier_stack, self.tr("Dossiers"))
        self.tabs.addTab(self.board, self.tr("Deadline board"))
        self.tabs.addTab(self.online_panel, self.tr("Online dossiers"))
        self.tabs.setStyleSheet("QTabBar::tab { padding: 6px 18px; font-size: 11pt; }")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.queue_panel)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([QUEUE_PANEL_WIDTH, 1440 - QUEUE_PANEL_WIDTH])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self._build_status_bar()
        from pathlib import Path

        from app.filestore import content_store
        from ui.security.retention import RetentionJob

        files = content_store(store.dialect, Path(settings.data_dir))  # the dossiers' stored files
        if sync is None:
            sync = SyncController(store, self.tasks, center_adapter_factory(store), parent=self, files=files)
        self.sync = sync
        self.retention = RetentionJob(self.tasks, store, files, parent=self)  # the daily anonymization
        self.retention.start()
        self.sync_bar = SyncStatusBar(self.sync, self.sync_indicator, self.skew_label, store=store, tasks=self.tasks, parent=self,
                                      actor=self.actor)
        self._build_menus()
        self._connect()
        from ui.security.station import SessionControls

        self.session = SessionControls(self, self.tasks, self._actor, station=self._actor.counter, menu=self.file_menu)
        self.session.actor_changed.connect(self.set_actor)
        self.load_context()
        self.devices_window = None
        from ui.devices.status import STATION_KINDS

        self.device_status.check(self.tasks, settings, STATION_KINDS["counter"])
        self.sync.start()

    def open_devices(self):
        """The technician's Devices window over this station's settings (technician only)."""
        from PySide6.QtCore import QCoreApplication

        from ui.devices import install_devices_translator
        from ui.devices.window import DevicesWindow

        if not self._actor.may("device.configure"):
            return None
        if self.devices_window is None:
            install_devices_translator(QCoreApplication.instance(), str(self.settings.get("ui.language") or "vi"))
            self.devices_window = DevicesWindow(settings=self.settings, actor=self._actor, tasks=self.tasks)
            self.devices_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.devices_window.destroyed.connect(lambda *_: setattr(self, "devices_window", None))
        self.devices_window.show()
        self.devices_window.raise_()
        return self.devices_window

    def open_backups(self):
        """Tools › Backups: the daily backup's folder and time, the archives, back up now (technician only)."""
        from ui.backup.window import BackupsWindow

        if not self._actor.may("device.configure"):
            return None
        window = BackupsWindow(self.tasks, self.settings, actor=self._actor, parent=self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open()
        return window

    # -- construction ----------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.officer_label = QLabel(self)
        self.officer_label.setObjectName("officerLabel")
        self.counter_label = QLabel(arg(self.tr("Counter %1"), self._actor.counter), self)
        self.counter_label.setObjectName("counterLabel")
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.sync_indicator = StatusIndicator(parent=self)
        self.sync_indicator.setObjectName("syncIndicator")
        self.backup_indicator = StatusIndicator(parent=self)
        self.backup_indicator.setObjectName("backupIndicator")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clockLabel")
        self.skew_label = QLabel(self)
        self.skew_label.setObjectName("clockSkewLabel")
        self.skew_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.pending_prints_button = QPushButton(self)
        self.pending_prints_button.setObjectName("pendingPrints")
        self.pending_prints_button.setFlat(True)
        self.pending_prints_button.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.pending_prints_button.hide()
        self.pending_prints_button.clicked.connect(lambda: self.printing.retry_pending())
        bar.addWidget(self.pending_prints_button)
        from ui.devices.status import DeviceStatusLine

        self.device_status = DeviceStatusLine(self)  # "Máy in biên nhận: hết giấy" (journey 1)
        bar.addWidget(self.device_status)
        self._show_officer()
        for widget in (self.officer_label, self.counter_label, self.database_label, self.sync_indicator, self.skew_label,
                       self.backup_indicator, self.clock_label):
            widget.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(widget)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()
        self.backup = BackupMonitor(self.tasks, self.settings, self.backup_indicator, parent=self)
        self.backup.start()

    def _action(self, menu, text: str, keys: list[str], slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if keys:
            action.setToolTip(f"{tip or text.replace('&', '')} ({', '.join(keys)})")
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def open_setup(self) -> None:
        """File > Set-up: the set-up wizard over this station's settings (ui/setup)."""
        from ui.setup import open_setup_dialog

        open_setup_dialog(self, self.settings)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        self.setup_action = self._action(file_menu, self.tr("Set-&up..."), [], self.open_setup)
        self._action(file_menu, self.tr("&Quit"), ["Ctrl+Q"], self.close)
        file_menu.addSeparator()
        dossier_menu = bar.addMenu(self.tr("&Dossier"))
        self.new_action = self._action(dossier_menu, self.tr("&New dossier"), ["F5", "Ctrl+N"], self.new_intake)
        self.find_action = self._action(dossier_menu, self.tr("&Find dossier"), ["Ctrl+F"], self.find_dossier)
        dossier_menu.addSeparator()
        self.handover_action = self._action(dossier_menu, self.tr("Run a &hand-over round..."), ["F8"], self.ask_handover_round)
        fees_menu = bar.addMenu(self.tr("F&ees"))
        self.pay_action = self._action(fees_menu, self.tr("&Take the fees of the dossier..."), ["F9"], self.take_payment)
        self._action(fees_menu, self.tr("&Cancel a fee receipt..."), [], self.cancel_receipt)
        # the applicant groups' exemptions: for whoever holds fees.configure (shown again at each sign-in)
        self.exemptions_action = self._action(fees_menu, self.tr("&Exemptions and reductions..."), [], self.open_exemptions)
        self.exemptions_action.setVisible(self._actor.may("fees.configure"))
        fees_menu.addSeparator()
        self.complaints_action = self._action(fees_menu, self.tr("Complaints and &feedback register..."), ["Ctrl+K"],
                                              self.show_complaints)
        view_menu = bar.addMenu(self.tr("&View"))
        for index, text, key in ((INTAKE, self.tr("&Intake"), "Ctrl+1"), (DOSSIERS, self.tr("D&ossiers"), "Ctrl+2"), (BOARD, self.tr("Deadline &board"), "Ctrl+3")):
            self._action(view_menu, text, [key], lambda _=False, i=index: self.show_tab(i))
        # The technician's Devices window (for now gated by the permission; sign-in decides who holds it).
        self.devices_action = None
        if self._actor.may("device.configure"):
            tools_menu = bar.addMenu(self.tr("&Tools"))
            self.devices_action = self._action(tools_menu, self.tr("&Devices..."), [], self.open_devices)
            from ui.backup.window import menu_text

            self.backups_action = self._action(tools_menu, menu_text(), [], self.open_backups)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), ["F1"], self.show_shortcuts)

    def _connect(self) -> None:
        self.queue_panel.ticket_called.connect(self.start_intake_for_ticket)
        self.intake.print_requested.connect(self.print_requested)
        self.dossier_view.print_requested.connect(self.print_requested)
        self.printing = PrintController(
            tasks=self.tasks, settings=self.settings, actor=self.actor,
            printer=self.devices.a4_printer if self.devices is not None else None, parent=self,
        )
        self.printing.pending_changed.connect(self._show_pending_prints)
        self.intake.print_requested.connect(lambda form, code: self.printing.request(form, code, preview=False))
        self.dossier_view.print_requested.connect(lambda form, code: self.printing.request(form, code, preview=True))
        self.intake.dossier_saved.connect(lambda summary: self.queue_panel.link_dossier(summary["code"]))
        self.intake.dossier_saved.connect(self._fees_due_after_intake)
        self.dossier_view.dossier_shown.connect(self._fees_due_at_return)
        self.dossier_list.open_requested.connect(self.open_dossier)
        self.board.open_requested.connect(self.open_dossier)
        self.dossier_view.back_requested.connect(self.show_list)
        self.dossier_view.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.board.status_message.connect(lambda text: self.statusBar().showMessage(text, 30_000))
        for view in (self.dossier_list, self.dossier_view, self.board):
            self.tasks.changes_applied.connect(view.on_changes)
        self.tasks.changes_applied.connect(lambda *_: self.refresh_pending())
        self.online_panel.received.connect(self.open_dossier)
        # A finished run may have pulled online dossiers: the list re-reads itself while it is shown.
        self.sync.state_changed.connect(
            lambda state: self.online_panel.refresh() if not state.get("running") and self.tabs.currentIndex() == ONLINE else None)
        self.tabs.currentChanged.connect(self._tab_shown)

    # -- the acting officer and the context --------------------------------------------------------------

    def actor(self) -> Actor:
        """The officer signed in at this counter (GUI thread; the Actor itself is immutable)."""
        return self._actor

    def load_context(self) -> None:
        """Load the catalog, calendar, departments and users once (store thread), then fill the panels."""
        QueryOp(parent=self, op=load_context, tasks=self.tasks).success(self._context_loaded) \
            .with_progress(self.tr("Loading the catalog...")).run_in_background()

    def _context_loaded(self, context: CounterContext) -> None:
        self.context = context
        if not self._actor.display_name:
            full_name = context.users.get(self._actor.username, "")
            self._actor = dataclasses.replace(self._actor, display_name=full_name)
        self._show_officer()
        self.database_label.setText(arg(self.tr("Database: %1"), DIALECTS.get(context.dialect, context.dialect)))
        self.intake.set_context(context)
        self.dossier_view.set_context(context)
        self.dossier_list.set_calendar(context.calendar)
        self.board.set_users(context.users)
        self.dossier_list.refresh()
        self.board.refresh()
        self.refresh_pending()

    def set_actor(self, actor: Actor) -> None:
        """Another user signed in at this counter (at the lock screen): everything acts as them now."""
        self._actor = dataclasses.replace(actor, counter=self._actor.counter)
        self.queue_panel.actor = self._actor
        self.exemptions_action.setVisible(self._actor.may("fees.configure"))
        self._show_officer()
        log.info("counter %s: another user signed in", self._actor.counter)

    def _show_officer(self) -> None:
        name = self._actor.display_name or self._actor.username
        self.officer_label.setText(arg(self.tr("Officer: %1"), name))

    def refresh_pending(self) -> None:
        """A change was saved: the sync indicator re-reads the outbox's counts (on the store thread)."""
        self.sync.refresh_status()

    def _show_pending_prints(self, count: int) -> None:
        self.pending_prints_button.setVisible(bool(count))
        self.pending_prints_button.setText(self.tr("%n print job(s) waiting — click to print again", "", count))

    def _tick(self) -> None:
        self.clock_label.setText(local_now().strftime("%H:%M  %d/%m/%Y"))

    # -- navigation ----------------------------------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        if index == DOSSIERS and self.dossier_stack.currentWidget() is self.dossier_list:
            self.dossier_list.table.setFocus()

    def _tab_shown(self, index: int) -> None:
        """Deadline colours age with the clock: a page shown again is read again (cheap, off the GUI thread)."""
        if self.context is None:
            return
        if index == DOSSIERS and self.dossier_stack.currentWidget() is self.dossier_list:
            self.dossier_list.refresh()
        elif index == BOARD:
            self.board.refresh()
        elif index == ONLINE:
            self.online_panel.refresh()

    def new_intake(self) -> None:
        """F5 / Ctrl+N: a fresh intake form (the banner of the last save stays until the next one)."""
        self.tabs.setCurrentIndex(INTAKE)
        if not self.intake_form.is_dirty():
            self.intake.new_intake()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("New dossier"),
                          self.tr("The form holds unsaved data. Empty it for a new dossier?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.intake.new_intake)
        box.finished.connect(lambda _r: self._forget_dialog(box))
        self.pending_dialog = box
        box.open()

    def start_intake_for_ticket(self, ticket: str) -> None:
        self.tabs.setCurrentIndex(INTAKE)
        if not self.intake_form.is_dirty():
            self.intake.new_intake()
        self.intake.set_ticket(ticket)
        self.intake_form.picker.edit.setFocus()

    def find_dossier(self) -> None:
        self.tabs.setCurrentIndex(DOSSIERS)
        self.show_list()
        self.dossier_list.focus_search()

    def open_dossier(self, code: str) -> None:
        self.tabs.setCurrentIndex(DOSSIERS)
        self.dossier_stack.setCurrentWidget(self.dossier_view)
        self.dossier_view.load(code)
        self.dossier_view.setFocus()

    def show_list(self) -> None:
        self.dossier_stack.setCurrentWidget(self.dossier_list)
        self.dossier_list.table.setFocus()

    # -- hand-over round ---------------------------------------------------------------------------------

    def ask_handover_round(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Hand-over round"),
                          self.tr("Hand every received dossier over to its department now?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.run_handover_round)
        box.finished.connect(lambda _r: self._forget_dialog(box))
        self.pending_dialog = box
        box.open()
        return box

    def run_handover_round(self) -> None:
        actor = self.actor()
        StoreOp(
            parent=self,
            op=lambda session: handover.round_json(handover.run_round(session, actor)),
            changes=lambda result: {"handover": result["round_id"], "dossiers": [d["code"] for dept in result["departments"] for d in dept["dossiers"]]},
            tasks=self.tasks,
        ).success(self._show_handover).with_progress(self.tr("Running the hand-over round...")).run_in_background()

    def _show_handover(self, result: dict) -> None:
        dialog = HandoverDialog(result, self.context.users if self.context else None, parent=self)
        dialog.print_requested.connect(self.printing.request_handover)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.pending_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog) -> None:
        if self.pending_dialog is dialog:
            self.pending_dialog = None

    # -- fees and complaints (ui/counter/fees.py, ui/counter/complaints.py) ----------------------------------

    def current_code(self) -> str | None:
        """The dossier open in the dossier view, else the one this counter saved last."""
        if self.tabs.currentIndex() == 1 and self.dossier_stack.currentWidget() is self.dossier_view and self.dossier_view.code:
            return self.dossier_view.code
        return self.last_saved_code or self.dossier_view.code or None

    def take_payment(self, _checked: bool = False, *, code: str | None = None):
        """F9: the payment dialog for ``code`` (default :meth:`current_code`); the receipt goes to the print queue."""
        from app.services.print_queue import station_name
        from ui.counter.fees import FeePaymentDialog

        code = code or self.current_code()
        if not code:
            self.statusBar().showMessage(self.tr("Open or save a dossier first."), 10_000)
            return None
        dialog = FeePaymentDialog(tasks=self.tasks, actor=self.actor, code=code, data_dir=Path(self.settings.data_dir),
                                  station=station_name(self.settings.get("station.role"), self.settings.get("station.counter")),
                                  parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.receipt_ready.connect(lambda result: self.printing.send(result, 1))
        dialog.paid.connect(lambda p: self.statusBar().showMessage(
            arg(self.tr("Collected %1 for %2"), format_money(p["amount"]), p["code"]), 15_000))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.pending_dialog = dialog
        dialog.open()
        return dialog

    def cancel_receipt(self):
        from ui.counter.fees import CancelReceiptDialog

        dialog = CancelReceiptDialog(tasks=self.tasks, actor=self.actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.cancelled.connect(lambda r: self.statusBar().showMessage(
            arg(self.tr("Receipt %1 cancelled; take the payment again to issue its replacement"), r["receipt"]["receipt"]), 20_000))
        dialog.open()
        return dialog

    def open_exemptions(self):
        """Fees › Exemptions and reductions (fees.configure: the director, the technician)."""
        from ui.counter.exemptions import ExemptionsDialog

        if not self._actor.may("fees.configure"):
            return None
        dialog = ExemptionsDialog(tasks=self.tasks, actor=self.actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_complaints(self):
        """Ctrl+K: the complaints and feedback register."""
        from ui.counter.complaints import ComplaintsDialog

        departments = list(self.context.departments) if self.context is not None else []
        dialog = ComplaintsDialog(tasks=self.tasks, actor=self.actor, departments=departments, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _fees_due_after_intake(self, summary: dict) -> None:
        from app.services import fees

        code = summary["code"]
        self.last_saved_code = code
        def say(owed: dict) -> None:
            if owed["unknown"]:  # a fee the catalog does not price: its amount is typed in the payment dialog
                self.statusBar().showMessage(arg(self.tr("Fees due for %1 set by the regulation — press F9 to type "
                                                         "their amount and collect"), code), 30_000)
            elif owed["amount"]:
                self.statusBar().showMessage(
                    arg(self.tr("Fees due for %1: %2 — press F9 to collect"), code, format_money(owed["amount"])), 30_000)

        QueryOp(parent=self, op=lambda session: fees.due(session, code), tasks=self.tasks).success(say) \
            .failure(lambda exc: None).run_in_background()

    def _fees_due_at_return(self, data: dict) -> None:
        """A dossier whose result is ready (or was just returned) with fees unpaid: say so, F9 takes them."""
        if data.get("status") not in ("finished", "payment_requested", "returned"):
            return
        unpaid = sum((f.get("amount") or 0) * (f.get("quantity") or 1) for f in data.get("fees") or ()
                     if f.get("status") in ("waiting", "unpaid"))
        if unpaid:
            self.statusBar().showMessage(
                arg(self.tr("Fees due for %1: %2 — press F9 to collect"), data["code"], format_money(unpaid)), 30_000)

    # -- help and closing ----------------------------------------------------------------------------------

    def show_shortcuts(self) -> ShortcutsDialog:
        """F1: every shortcut of the window, read from the actions and shortcuts themselves."""
        rows = shortcut_rows(self)
        half = (len(rows) + 1) // 2  # two columns: the whole list fits a 1366×768 screen

        def cells(row: tuple[str, str] | None) -> str:
            if row is None:
                return "<td></td><td></td>"
            return f"<td style='white-space:nowrap'><b>{html.escape(row[0])}</b></td><td>{html.escape(row[1])}</td>"

        lines = [
            f"<tr>{cells(rows[i])}<td width=24></td>{cells(rows[i + half] if i + half < len(rows) else None)}</tr>"
            for i in range(half)
        ]
        text = "<table cellspacing=3>" + "".join(lines) + "</table>"
        box = ShortcutsDialog(self.tr("Keyboard shortcuts"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.confirm_close and self.intake_form.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Quit"), self.tr("The intake form holds unsaved data. Quit anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the timers and the workers (a running store transaction finishes first); idempotent.
        The station bootstrap calls it again after the event loop, whichever way the window ended."""
        self._clock.stop()
        self.backup.stop()
        self.retention.stop()
        self.session.stop()
        self.sync.stop()
        self.board.timer.stop()
        self.queue_panel.shutdown()
        if getattr(self, "devices_window", None) is not None:
            self.devices_window.shutdown()  # its device workers stop before the tasks
        self.tasks.shutdown(wait=True)

