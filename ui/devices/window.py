"""The technician's Devices window: every configured device with a status light, discovery, set-up
without a text editor, self-tests, "switch to simulated", the live byte log and the diagnostics zip.

Threads: the devices run on their own workers (a :class:`ui.device_hub.DeviceHub` over the station's
settings); a self-test is a job on the device's own worker (``DeviceOp(device=...)``); discovery and the
diagnostics zip run on the task manager's network pool. Nothing here touches a device or the disk's
slow paths on the GUI thread. The byte log of a serial device is recorded on its worker
(``devices.bytelog``) and drained into the view by a timer.

Settings are written through ``app.services.device_setup.set_device`` (``device.configure``): the new
address is tried on a fresh worker first; it is written when its self-test passes, or when the technician
says to save it anyway.
"""

from __future__ import annotations

import logging
from queue import SimpleQueue
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.device_setup import DEVICE_NAMES
from ui.devices.config_dialog import ConfigDialog, simulated_url
from ui.devices.texts import kind_name, status_words
from ui.tasks import DeviceOp, TaskManager

log = logging.getLogger(__name__)

COLUMNS = ("", "device", "driver", "address", "state", "detail")
LIGHTS = {"ok": "#1e8e3e", "connecting": "#f9ab00", "offline": "#d93025", "error": "#d93025", "stopped": "#9aa0a6"}
DRAIN_MS = 100


class DevicesWindow(QMainWindow):
    """See the module docstring. Signals (GUI thread): ``test_finished(result)``, ``discovered(rows)``,
    ``diagnostics_written(path)``, ``setting_written(name, url)``."""

    test_finished = Signal(dict)
    discovered = Signal(list)
    diagnostics_written = Signal(str)
    setting_written = Signal(str, str)

    def __init__(self, *, settings, actor, tasks: TaskManager | None = None, hub=None, parent: QWidget | None = None,
                 watch_hotplug: bool = True) -> None:
        super().__init__(parent)
        from ui.device_hub import DeviceHub

        self.setObjectName("devicesWindow")
        self.settings = settings
        self.actor = actor
        self.tasks = tasks or TaskManager(None, parent=self)
        self._own_tasks = tasks is None
        kinds = [k for k in DEVICE_NAMES if k != "voice"]
        self.hub = hub or DeviceHub.from_settings(settings, kinds=kinds, parent=self)
        self._add_voice()
        self.results: dict[str, dict[str, Any]] = {}  # name -> last self-test result
        self.byte_logs: dict[str, Any] = {}  # name -> devices.bytelog.ByteLog
        self.previous_url: dict[str, str] = {}  # name -> the real address before "switch to simulated"
        self._bytes: SimpleQueue = SimpleQueue()
        self._hotplug_events: SimpleQueue = SimpleQueue()
        self.preview: QImage | None = None
        self._closed = False
        self.setWindowTitle(self.tr("Devices"))
        self.resize(1100, 720)
        self._build()
        self.hub.device_status_changed.connect(self._status_changed)
        self.hub.device_event.connect(self._device_event)
        self.hub.id_card_read.connect(self._card_read)
        self.hub.id_card_rejected.connect(lambda reason, source: self._note(self.tr("Not an ID card (%1): %2").replace("%1", source).replace("%2", reason)))
        self.hub.start()
        self.refresh_rows()
        self._drain_timer = QTimer(self, interval=DRAIN_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._drain_timer.start()
        self.hotplug = None
        if watch_hotplug:
            from devices.discovery import HotplugWatcher

            self.hotplug = HotplugWatcher(lambda action, info: self._hotplug_events.put((action, info)))
            if not self.hotplug.start():
                self.hotplug = None

    # -- building ------------------------------------------------------------------------------------

    def _add_voice(self) -> None:
        from app.cli.device_tests import clip_dirs
        from devices.selftest import ClipsDevice

        if self.hub.worker("voice") is None:
            self.hub.runtime.add(ClipsDevice(str(clip_dirs(self.settings)[0])))

    def _build(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("deviceTable")
        self.table.setHorizontalHeaderLabels(["", self.tr("Device"), self.tr("Driver"), self.tr("Address"),
                                              self.tr("State"), self.tr("Detail")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 4):  # the light, the device's name, the driver, the state: as wide as their text
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.configure())

        self.discover_button = self._button(self.tr("Discover..."), lambda: self.discover(self.subnet_field.text().strip() or None))
        self.subnet_field = QLineEdit(self)
        self.subnet_field.setObjectName("subnet")
        self.subnet_field.setMinimumWidth(300)  # its hint "máy in mạng trong (vd. 192.168.1.0/24)" is read whole
        self.subnet_field.setPlaceholderText(self.tr("network printers in (e.g. 192.168.1.0/24)"))
        self.subnet_field.setToolTip(self.tr("Only this subnet is probed, on TCP 9100, at most 256 addresses"))
        self.configure_button = self._button(self.tr("Configure..."), self.configure)
        self.test_button = self._button(self.tr("Self-test"), self.run_test)
        self.simulate_button = self._button(self.tr("Switch to simulated"), self.switch_to_simulated)
        self.restore_button = self._button(self.tr("Switch back"), self.switch_back)
        self.diagnostics_button = self._button(self.tr("Export diagnostics..."), self.ask_diagnostics)
        buttons = QHBoxLayout()
        buttons.addWidget(self.subnet_field)
        for button in (self.discover_button, self.configure_button, self.test_button, self.simulate_button,
                       self.restore_button, self.diagnostics_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("testResult")
        self.result_label.setWordWrap(True)
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("scanPreview")
        self.preview_label.setFixedWidth(180)
        self.byte_view = QPlainTextEdit(self)
        self.byte_view.setObjectName("byteLog")
        self.byte_view.setReadOnly(True)
        self.byte_view.setMaximumBlockCount(2000)
        self.byte_view.setStyleSheet("font-family: monospace;")
        self.byte_title = QLabel(self.tr("Bytes sent (→) and received (←)"), self)

        lower = QWidget(self)
        lower_layout = QHBoxLayout(lower)
        log_box = QVBoxLayout()
        log_box.addWidget(self.result_label)
        log_box.addWidget(self.byte_title)
        log_box.addWidget(self.byte_view, 1)
        lower_layout.addLayout(log_box, 1)
        lower_layout.addWidget(self.preview_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        splitter.addWidget(top)
        splitter.addWidget(lower)
        self.setCentralWidget(splitter)
        self._update_buttons()

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- the list ------------------------------------------------------------------------------------

    def rows(self) -> list[dict[str, str]]:
        return self.hub.statuses()

    def refresh_rows(self) -> None:
        keep = self.selected_name()
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._fill(index, row)
        if keep is not None:
            self.select(keep)

    def _fill(self, index: int, row: dict[str, str]) -> None:
        light = QTableWidgetItem("●")
        light.setForeground(QColor(LIGHTS.get(row["status"], LIGHTS["error"])))
        light.setData(Qt.ItemDataRole.UserRole, row["name"])
        cells = [light, QTableWidgetItem(kind_name(row["kind"])), QTableWidgetItem(row["driver"]),
                 QTableWidgetItem(row["url"]), QTableWidgetItem(status_words(row["status"], row["detail"])),
                 QTableWidgetItem(row["detail"])]
        for column, item in enumerate(cells):
            self.table.setItem(index, column, item)

    def _row_of(self, name: str) -> int | None:
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == name:
                return index
        return None

    def select(self, name: str) -> bool:
        index = self._row_of(name)
        if index is None:
            return False
        self.table.selectRow(index)
        return True

    def selected_name(self) -> str | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self.table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def _status_changed(self, name: str, status: str, detail: str) -> None:
        index = self._row_of(name)
        worker = self.hub.worker(name)
        if index is None or worker is None:
            self.refresh_rows()
            return
        self._fill(index, worker.device.describe())

    def _selected(self) -> None:
        self._update_buttons()
        name = self.selected_name()
        self.byte_view.clear()
        if name is None:
            return
        self._watch_bytes(name)
        result = self.results.get(name)
        self.result_label.setText(self._result_text(result) if result else "")

    def _update_buttons(self) -> None:
        name = self.selected_name()
        for button in (self.configure_button, self.test_button, self.simulate_button):
            button.setEnabled(name is not None)
        self.configure_button.setEnabled(name is not None and name != "voice")
        self.simulate_button.setEnabled(name is not None and name != "voice")
        self.restore_button.setEnabled(name in self.previous_url)

    # -- byte log ------------------------------------------------------------------------------------

    def _watch_bytes(self, name: str) -> None:
        """Tap the device's serial link (on its worker) and show what it recorded so far."""
        from devices.bytelog import attach

        worker = self.hub.worker(name)
        if worker is None:
            return
        log_ = self.byte_logs.get(name)
        if log_ is not None:
            self.byte_view.setPlainText("\n".join(log_.lines()))
            return

        def tap(device):  # the device's worker
            found = attach(device)
            if found is not None:
                found.subscribe(lambda entry, n=name: self._bytes.put((n, entry)))
            return found

        DeviceOp(parent=self, op=tap, tasks=self.tasks, device=worker).success(
            lambda found: self._tapped(name, found)).failure(lambda exc: None).run_in_background()

    def _tapped(self, name: str, found) -> None:
        if found is None:
            if self.selected_name() == name:
                self.byte_view.setPlainText(self.tr("This device has no serial link to watch."))
            return
        self.byte_logs[name] = found
        if self.selected_name() == name:
            self.byte_view.setPlainText("\n".join(found.lines()))

    def _drain(self) -> None:
        selected = self.selected_name()
        while not self._bytes.empty():
            name, entry = self._bytes.get_nowait()
            if name == selected:
                self.byte_view.appendPlainText(entry.line())
        while not self._hotplug_events.empty():
            action, info = self._hotplug_events.get_nowait()
            what = " ".join(x for x in (info.get("vendor"), info.get("product"), info.get("node")) if x)
            text = self.tr("Plugged in: %1") if action == "add" else self.tr("Pulled out: %1")
            self.statusBar().showMessage(text.replace("%1", what), 15_000)

    def _device_event(self, event) -> None:
        if event.type == "button":
            self._note(self.tr("%1: key %2 pressed").replace("%1", kind_name(event.kind)).replace("%2", str(event.data.get("key"))))
        elif event.type == "rating":
            self._note(self.tr("%1: score %2 of %3").replace("%1", kind_name(event.kind))
                       .replace("%2", str(event.data.get("score"))).replace("%3", str(event.data.get("scale"))))

    def _note(self, text: str) -> None:
        self.result_label.setText(text)

    def _card_read(self, card, source: str) -> None:
        """A test card's parsed fields (shown here only: never logged, never in the diagnostics)."""
        fields = " · ".join(str(v) for v in (card.full_name, card.id_number, card.date_of_birth.strftime("%d/%m/%Y"),
                                             card.sex, card.address or "") if v)
        self._note(self.tr("ID card read by %1: %2").replace("%1", source).replace("%2", fields))

    # -- self-test -----------------------------------------------------------------------------------

    def run_test(self, name: str | None = None) -> None:
        """The selected device's self-test, on its own worker; ``test_finished(result)`` follows."""
        from app.cli.device_tests import materials
        from devices.selftest import run_self_test

        name = name or self.selected_name()
        worker = self.hub.worker(name) if name else None
        if worker is None:
            return
        if worker.device.status == "error" and not worker.alive:  # a wrong address: nothing to run
            self._tested({"name": name, "kind": worker.device.kind, "driver": worker.device.driver,
                          "url": worker.device.url, "ok": False, "detail": worker.device.detail}, None)
            return
        sink = self._voice_sink() if name == "voice" else None
        mats = materials(self.settings, voice_sink=sink)
        if worker.device.kind == "a4_printer":
            mats.a4_page = mats.extra["a4_page"]()  # rendered here: the worker only sends it
        self.result_label.setText(self.tr("Testing %1...").replace("%1", kind_name(worker.device.kind)))
        DeviceOp(parent=self, op=lambda d: run_self_test(d, mats), tasks=self.tasks, device=worker).success(
            lambda result: self._tested(result, mats)).failure(
            lambda exc: self._tested({"name": name, "kind": worker.device.kind, "ok": False,
                                      "detail": getattr(exc, "message", str(exc))}, mats)).run_in_background()

    def _voice_sink(self):
        if getattr(self, "_sink", None) is None:
            from ui.queue.voice import QtWavSink

            self._sink = QtWavSink(parent=self)
        return self._sink

    def _tested(self, result: dict, mats) -> None:
        self.results[result["name"]] = result
        preview = mats.extra.get("preview") if mats is not None else None
        if preview is not None:
            self._show_preview(preview)
        if self.selected_name() == result["name"]:
            self.result_label.setText(self._result_text(result))
        self.test_finished.emit(result)

    def _result_text(self, result: dict) -> str:
        head = self.tr("Self-test passed") if result.get("ok") else self.tr("Self-test FAILED")
        text = f"{kind_name(result.get('kind', ''))}: {head} — {result.get('detail', '')}"
        if result.get("ok") and result.get("kind") in ("button_box", "rating_keypad"):
            text += "\n" + self.tr("Now press each key: every key pressed shows here, its frame in the byte log.")
        elif result.get("ok") and result.get("kind") == "id_reader":
            text += "\n" + self.tr("Now scan a test card: its fields show here.")
        return text

    def _show_preview(self, image) -> None:
        small = image.convert("L")
        small.thumbnail((170, 240))
        data = small.tobytes()
        self.preview = QImage(data, small.width, small.height, small.width, QImage.Format.Format_Grayscale8).copy()
        self.preview_label.setPixmap(QPixmap.fromImage(self.preview))

    # -- discovery -----------------------------------------------------------------------------------

    def discover(self, subnet: str | None = None) -> None:
        """Ask the machine what is plugged in (network pool); a list to pick from follows."""
        from devices.discovery import discover

        from devices.discovery import MAX_HOSTS

        if subnet:
            import ipaddress

            try:
                too_many = ipaddress.ip_network(subnet, strict=False).num_addresses > MAX_HOSTS
            except ValueError:
                too_many = True
            if too_many:
                self.statusBar().showMessage(self.tr("Give a subnet of at most 256 addresses, e.g. 192.168.1.0/24"), 10_000)
                return
        self.discover_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Looking for devices..."))
        DeviceOp(parent=self, op=lambda: discover(subnet=subnet), tasks=self.tasks).success(self._discovered).failure(
            lambda exc: self._discovered(None)).run_in_background()

    def _discovered(self, found) -> None:
        self.discover_button.setEnabled(True)
        rows = [c.as_dict() for c in found.candidates] if found is not None else []
        self.statusBar().showMessage(self.tr("%n device(s) found", "", len(rows)), 10_000)
        self.candidates = rows
        self.discovered.emit(rows)
        if rows and self.isVisible():
            self.pick_candidate(rows)

    def pick_candidate(self, rows: list[dict]) -> QDialog:
        """A list of what was found; choosing one opens the configuration of the selected device with it."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Devices found"))
        listing = QListWidget(dialog)
        listing.setObjectName("candidates")
        for row in rows:
            item = QListWidgetItem(f"{row['name']} — {row['url']}  ({', '.join(kind_name(k) for k in row['kinds'])})")
            item.setData(Qt.ItemDataRole.UserRole, row)
            listing.addItem(item)
        use = QPushButton(self.tr("Use for the selected device"), dialog)
        use.clicked.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(listing)
        layout.addWidget(use)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            item = listing.currentItem()
            if item is not None:
                self.configure(url=item.data(Qt.ItemDataRole.UserRole)["url"])

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    # -- configuration -------------------------------------------------------------------------------

    def configure(self, name: str | None = None, url: str | None = None) -> ConfigDialog | None:
        """The set-up dialog of the device: its address and options; saving tests it first."""
        name = name or self.selected_name()
        if not name or name == "voice":
            return None
        current = str(self.settings.get(f"devices.{name}") or "")
        dialog = ConfigDialog(name, url if url is not None else current, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply(name, dialog.url()))
        dialog.open()
        return dialog

    def apply(self, name: str, url: str, *, ask: bool = True) -> None:
        """Try ``url`` for device ``name`` on a fresh worker; write it when its self-test passes (or the
        technician saves it anyway); else go back to the old address."""
        from devices.base import DeviceError
        from devices.registry import open_device

        old_url = str(self.settings.get(f"devices.{name}") or "")
        try:
            device = open_device(name, url)
        except DeviceError as exc:
            self._refused(name, exc.message)
            return
        if device is None:  # no address: the station has no such device
            self._write(name, "")
            return
        self.hub.runtime.replace(device)
        self.refresh_rows()
        self.byte_logs.pop(name, None)
        self.select(name)

        def tested(result: dict) -> None:
            if result.get("name") != name:
                return
            self.test_finished.disconnect(tested)
            if result["ok"]:
                self._write(name, url)
            elif ask and self._save_anyway(name, result["detail"]):
                self._write(name, url)
            else:
                self._restore(name, old_url)

        self.test_finished.connect(tested)
        self.run_test(name)

    def _save_anyway(self, name: str, detail: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Self-test failed"),
                          self.tr("%1: %2. Save this address anyway?").replace("%1", kind_name(name)).replace("%2", detail),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save

    def _restore(self, name: str, url: str) -> None:
        from devices.registry import open_device

        try:
            device = open_device(name, url)
        except Exception:  # the old address was broken too: the row shows the new one's state
            return
        if device is not None:
            self.hub.runtime.replace(device)
        self.refresh_rows()

    def _write(self, name: str, url: str) -> None:
        """Write the address through ``set_device``: on the store thread, audited, when the window has the
        station's store (every station); a window without one (a test of the file alone) writes here."""
        from app.services.device_setup import set_device

        if self.tasks.store is None:
            try:
                set_device(self.settings, self.actor, name, url)
            except Exception as exc:
                self._written(name, url, False, exc)
                return
            self._written(name, url, True, None)
            return
        self.tasks.run_store(lambda session: set_device(self.settings, self.actor, name, url, session=session),
                             lambda ok, value: self._written(name, url, ok, value), write=True)

    def _written(self, name: str, url: str, ok: bool, value) -> None:
        if not ok:
            from ui.errors import show_error

            show_error(value, parent=self)
            return
        self.statusBar().showMessage(self.tr("Saved: %1").replace("%1", kind_name(name)), 10_000)
        self.refresh_rows()
        self._update_buttons()
        self.setting_written.emit(name, url)

    def _refused(self, name: str, why: str) -> None:
        self.result_label.setText(f"{kind_name(name)}: {why}")

    def switch_to_simulated(self, name: str | None = None) -> None:
        """Run the device simulated (the counter keeps working while the real one is repaired); the real
        address is kept for "Switch back" while this window is open."""
        name = name or self.selected_name()
        if not name or name == "voice":
            return
        current = str(self.settings.get(f"devices.{name}") or "")
        if not current.lower().startswith("sim:"):
            self.previous_url[name] = current
            log.info("%s: switched to simulated (was %s)", name, current)
        self.apply(name, simulated_url(name), ask=False)

    def switch_back(self, name: str | None = None) -> None:
        name = name or self.selected_name()
        if name in self.previous_url:
            self.apply(name, self.previous_url.pop(name))

    # -- diagnostics ---------------------------------------------------------------------------------

    def ask_diagnostics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export diagnostics"), "motcua-diagnostics.zip", "ZIP (*.zip)")
        if path:
            self.export_diagnostics(path)

    def export_diagnostics(self, path: str) -> None:
        """Write the diagnostics zip (network pool): settings without secrets, the devices, the tests, the log."""
        from pathlib import Path

        from app.logs import TAIL
        from app.services.device_setup import build_diagnostics

        rows = self.rows()
        tests = [dict(r) for r in self.results.values()]
        recent = list(TAIL.lines)
        byte_logs = {name: log_.lines() for name, log_ in self.byte_logs.items()}
        settings, actor = self.settings, self.actor
        DeviceOp(parent=self, op=lambda: build_diagnostics(Path(path), actor, settings=settings, devices=rows,
                                                           self_tests=tests, recent_log=recent, byte_logs=byte_logs),
                 tasks=self.tasks).success(lambda done: self._diagnosed(done["path"])).run_in_background()

    def _diagnosed(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Diagnostics written to %1").replace("%1", path), 15_000)
        self.diagnostics_written.emit(path)

    # -- closing -------------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the hot-plug watcher, the device workers and (if ours) the task manager. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._drain_timer.stop()
        if self.hotplug is not None:
            self.hotplug.stop()
        self.hub.close()
        if self._own_tasks:
            self.tasks.shutdown(wait=True)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)
