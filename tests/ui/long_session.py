"""A long scripted session at the counter, run as its own process through the real command line
(``motcua --data-dir DIR counter``), ended with Ctrl+Q like an officer at the end of the day.

``python -m tests.ui.long_session DATA_DIR ROUNDS``. The data dir must hold a seeded database (the test
prepares it). Every round: issue a ticket and call it (F2), type an intake and save it (the receipt goes
to the simulated printer on the device thread), find the dossier, transfer, finish and return it, run a
hand-over round, look at the board, open F1, open and close a print preview. Work runs on the real worker
threads; the driver waits for the window's task manager to be idle between steps. Exit code: the one of
``motcua``; a step that fails prints to stderr and exits 3.
"""

from __future__ import annotations

import os
import sys
import traceback

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

STEP_MS = 5
TIMEOUT_STEPS = 2000
WAIT = object()  # a step returns it while what it waits for has not happened


class Driver:
    def __init__(self, rounds: int) -> None:
        self.rounds = rounds
        self.steps = []
        self.window = None
        self.waited = 0
        self.step_waits = 0
        for number in range(rounds):
            self.steps += [
                self.issue_and_call, self.intake, self.find_and_open,
                self.scan, self.scanned, self.scan_saved,
                self.act("transfer"), self.act("finish"), self.act("return"), self.handover, self.board,
                self.shortcuts, self.preview, self.sync, self.synced,
            ]
            if number % 3 == 2:
                self.steps.append(self.new_window_pages)
        self.steps.append(self.quit)

    # -- stepping -------------------------------------------------------------------------------------

    def start(self) -> None:
        """With the event loop: what happens before the first step (the window's first paint and loads) is the
        step ``start``."""
        from ui import startup_probe

        if startup_probe.ACTIVE is not None:
            startup_probe.ACTIVE.label = "start"
        self.profile("start")
        QTimer.singleShot(STEP_MS, self.next)

    def idle(self) -> bool:
        from PySide6.QtWidgets import QProgressDialog

        if self.window is None or not self.window.tasks.idle:
            return False
        return not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())

    def next(self) -> None:
        try:
            if self.window is None:
                from ui.counter.window import CounterWindow

                self.window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, CounterWindow)), None)
            if not self.idle():
                self.waited += 1
                if self.waited > TIMEOUT_STEPS:
                    raise RuntimeError("the window never became idle")
                QTimer.singleShot(STEP_MS, self.next)
                return
            self.waited = 0
            step = self.steps.pop(0)
            self.step_waits = self.step_waits + 1 if step is self.__dict__.get("last_step") else 0
            self.last_step = step
            from ui import startup_probe

            name = getattr(step, "__name__", repr(step))
            if startup_probe.ACTIVE is not None:
                startup_probe.ACTIVE.label = name
            self.profile(name)
            if os.environ.get("LONG_SESSION_TRACE"):
                sys.stderr.write(f"step {getattr(step, '__name__', step)}\n")
            if step() is WAIT:  # not there yet: the same step again after STEP_MS
                self.steps.insert(0, step)
                if self.step_waits > TIMEOUT_STEPS * 4:
                    raise RuntimeError(f"step {name} never finished")
            if self.steps:
                QTimer.singleShot(STEP_MS, self.next)
        except Exception:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(3)

    def profile(self, name: str) -> None:
        """``LONG_SESSION_PROFILE=DIR``: the GUI thread under cProfile, one profile per step name (from the step
        until the next one starts: the step and what its workers' results did on the GUI thread), written as
        DIR/<step>.prof when the session quits. For finding a stall, not for timing."""
        out = os.environ.get("LONG_SESSION_PROFILE")
        if not out:
            return
        import cProfile

        profiles = self.__dict__.setdefault("_profiles", {})
        current = self.__dict__.get("_profiling")
        if current is not None:
            current.disable()
        if name == "quit":
            os.makedirs(out, exist_ok=True)
            for step_name, prof in profiles.items():
                prof.dump_stats(os.path.join(out, f"{step_name}.prof"))
            return
        prof = profiles.setdefault(name, cProfile.Profile())
        self._profiling = prof
        prof.enable()

    # -- the steps ----------------------------------------------------------------------------------------

    def issue_and_call(self) -> None:
        from app.actors import Actor
        from app.services import queue

        with self.window.store.write() as session:
            service = queue.services(session)[0]
            queue.set_counter(session, Actor("admin", "admin"), 3, "Quầy 3", [service.code])
            queue.issue(session, Actor("kiosk", "kiosk"), service.code)
        QTest.keyClick(self.window, Qt.Key.Key_F2)

    def intake(self) -> None:
        window = self.window
        window.show_tab(0)
        form = window.intake_form
        picker = form.picker
        picker.edit.setFocus()
        QTest.keyClicks(picker.edit, "giam ho")
        QTest.keyClick(picker.edit, Qt.Key.Key_Return)
        form.name_edit.setText("Nguyễn Văn An")
        form.phone_edit.setText("0905123456")
        for row, entry in enumerate(form.checklist.entries):
            if entry.item.required:
                form.checklist.set_ticked(row, True)
        window.intake.save("receive")

    def find_and_open(self) -> None:
        self.window.show_tab(1)
        self.window.dossier_list.refresh()
        def open_found() -> None:
            self.window.open_dossier(self.window.dossier_list.model.rows[0]["code"])

        self.steps.insert(0, open_found)

    def act(self, action: str):
        def step() -> None:
            window = self.window
            dialog = window.dossier_view.open_action(action)
            if dialog is None:
                return
            if action == "return":
                dialog.collector_id_edit.setText("001089012345")
            dialog.accept()

        step.__name__ = action
        return step

    def scan(self) -> None:
        """Digitize the open dossier: the panel (Ctrl+Shift+D), its first item, a scan on the simulated
        scanner (its own worker thread, the simulator's page delays), then save the pages as the item's PDF."""
        from ui.scan import open_scan_panel
        from ui.scan.worker import _workers

        for worker in _workers.values():  # the officer refills the feeder (the simulated one holds 5 sheets)
            if hasattr(worker.scanner, "load") and worker.scanner.sheets == 0:
                worker.scanner.load(5)
        self.scan_panel = open_scan_panel(self.window.dossier_view, self.window.dossier_view.code)
        self.scan_dialog = None

    def scanned(self):
        panel = self.scan_panel
        if self.scan_dialog is None:
            if not panel.rows:
                return WAIT
            panel.select(panel.rows[0]["item"])
            self.scan_dialog = panel.scan_item()
            self.scan_result = []
            self.scan_dialog.scan_finished.connect(self.scan_result.append)
            self.scan_dialog.start_scan()
            return WAIT
        if not self.scan_result:
            return WAIT
        self.scan_saved_rows = []
        self.scan_dialog.saved.connect(self.scan_saved_rows.append)
        self.scan_dialog.save()
        if os.environ.get("LONG_SESSION_TRACE"):
            outcome = self.scan_result[0]
            sys.stderr.write(f"scanned {len(outcome.pages)} page(s), error {outcome.error!r}; "
                             f"{self.scan_dialog.status_label.text()!r}\n")
        return None

    def scan_saved(self):
        if not self.scan_saved_rows:
            return WAIT
        import shiboken6

        if shiboken6.isValid(self.scan_dialog) and self.scan_dialog.isVisible():
            self.scan_dialog.accept()
        if shiboken6.isValid(self.scan_panel):
            self.scan_panel.close()
        return None

    def sync(self) -> None:
        """Push to the province (the simulator of ``sync.url``, a real HTTP server): "Sync now"."""
        self.window.sync.run_now(by_user=True)

    def synced(self):
        return WAIT if self.window.sync.running else None

    def handover(self) -> None:
        window = self.window
        window.show_list()
        window.ask_handover_round()
        question = window.pending_dialog
        if isinstance(question, QMessageBox):
            question.button(QMessageBox.StandardButton.Yes).click()
        self.steps.insert(0, self.close_dialogs)

    def close_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def board(self) -> None:
        self.window.show_tab(2)
        for category in ("overdue", "due_today", "due_soon"):
            self.window.board.select_category(category)
        self.window.board.refresh(user=True)

    def shortcuts(self) -> None:
        box = self.window.show_shortcuts()
        QTimer.singleShot(STEP_MS, box.close)

    def preview(self) -> None:
        window = self.window
        rows = window.dossier_list.model.rows
        if rows:
            window.printing.request("receipt", rows[0]["code"], preview=True)
        self.steps.insert(0, self.close_dialogs)

    def new_window_pages(self) -> None:
        self.window.new_intake()
        self.window.show_tab(1)
        self.window.show_tab(0)

    def quit(self) -> None:
        self.window.intake_form.reset()
        self.window.activateWindow()
        QApplication.setActiveWindow(self.window) if hasattr(QApplication, "setActiveWindow") else None
        QTest.keyClick(self.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def main() -> int:
    data_dir, rounds = sys.argv[1], int(sys.argv[2])
    driver = Driver(rounds)
    original_exec = QApplication.exec

    def exec_with_driver(*_args):  # the driver starts with the event loop the station runs
        driver.start()
        return original_exec()

    QApplication.exec = exec_with_driver
    from ui.security.dialogs import SignInDialog

    original_sign_in = SignInDialog.exec

    def exec_signing_in(dialog):  # the officer types the demo account's name and password, then Enter
        def type_in():
            dialog.user_field.setText("canbo1")
            dialog.password_field.setText("demo")
            QTest.keyClick(dialog.password_field, Qt.Key.Key_Return)

        QTimer.singleShot(STEP_MS, type_in)
        return original_sign_in(dialog)

    SignInDialog.exec = exec_signing_in
    from app.cli import main as motcua

    code = motcua(["--data-dir", data_dir, "counter"])
    # What is left once the station returned: nothing Qt-owned may reach the interpreter's own teardown.
    import json
    import threading

    import shiboken6

    left = {
        "top_level_widgets": [type(w).__name__ for w in QApplication.topLevelWidgets() if shiboken6.isValid(w)],
        "threads": sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()),
        "excepthook_restored": sys.excepthook is sys.__excepthook__,
    }
    sys.stdout.write("LEFT " + json.dumps(left) + "\n")
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
