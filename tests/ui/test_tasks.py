"""ui.tasks: work runs off the GUI thread (store work serially), results and errors come back on it."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ui import tasks as tasks_module
from ui.tasks import DeviceOp, InlineExecutor, QueryOp, StoreOp, TaskManager, find_task_manager


class FakeStore:
    """Stands in for app.store.session.Store: records which session kind each job got."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def _session(self, kind):
        store = self

        class Ctx:
            def __enter__(self):
                store.opened.append(kind)
                return kind

            def __exit__(self, *exc):
                return False

        return Ctx()

    def write(self):
        return self._session("write")

    def read(self):
        return self._session("read")


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def inline(host):
    host.tasks = TaskManager(FakeStore(), executor=InlineExecutor(), parent=host)
    return host.tasks


@pytest.fixture
def threaded(host):
    host.tasks = TaskManager(FakeStore(), parent=host)
    yield host.tasks
    host.tasks.shutdown(wait=True)


def test_inline_store_op_finishes_before_returning_and_announces_changes(host, inline):
    seen, announced = [], []
    inline.changes_applied.connect(lambda changes, initiator: announced.append((changes, initiator)))
    StoreOp(parent=host, op=lambda session: session + "!", changes={"dossiers": ["X"]}) \
        .success(seen.append).run_in_background()
    assert seen == ["write!"]
    assert announced == [({"dossiers": ["X"]}, host)]
    assert inline.idle


def test_query_op_reads_and_announces_nothing(host, inline):
    seen, announced = [], []
    inline.changes_applied.connect(lambda *args: announced.append(args))
    QueryOp(parent=host, op=lambda session: session).success(seen.append).run_in_background()
    assert seen == ["read"] and announced == []
    assert find_task_manager(host) is inline


def test_changes_may_depend_on_the_result(host, inline):
    announced = []
    inline.changes_applied.connect(lambda changes, initiator: announced.append(changes))
    StoreOp(parent=host, op=lambda s: "CODE-1", changes=lambda code: {"dossiers": [code]}, initiator="me").run_in_background()
    assert announced == [{"dossiers": ["CODE-1"]}]


def test_failure_goes_to_the_failure_callback_or_to_show_error(host, inline, monkeypatch):
    shown, caught = [], []
    monkeypatch.setattr("ui.errors.show_error", lambda exc, *, parent: shown.append((type(exc), parent)))

    def boom(session):
        raise KeyError("x")

    QueryOp(parent=host, op=boom).failure(caught.append).run_in_background()
    assert [type(e) for e in caught] == [KeyError] and shown == []
    QueryOp(parent=host, op=boom).run_in_background()
    assert shown == [(KeyError, host)]


def test_work_runs_on_worker_threads_and_callbacks_on_the_gui_thread(qtbot, host, threaded):
    gui = threading.get_ident()
    where: dict[str, object] = {}

    def op(session):
        where["op"] = (threading.get_ident(), threading.current_thread().name, session)
        return 42

    def done(value):
        where["success"] = threading.get_ident()
        where["value"] = value

    QueryOp(parent=host, op=op).success(done).run_in_background()
    qtbot.waitUntil(lambda: "success" in where, timeout=5000)
    ident, name, session = where["op"]
    assert ident != gui and name.startswith(tasks_module.STORE_THREAD_NAME) and session == "read"
    assert where["success"] == gui and where["value"] == 42


def test_store_work_is_serial_on_one_thread_and_devices_have_their_own_pool(qtbot, host, threaded):
    names: list[str] = []
    done: list[int] = []
    for i in range(5):
        StoreOp(parent=host, op=lambda s, i=i: names.append(threading.current_thread().name) or i) \
            .success(done.append).run_in_background()
    DeviceOp(parent=host, op=lambda: threading.current_thread().name).success(names.append).run_in_background()
    qtbot.waitUntil(lambda: len(done) == 5 and len(names) == 6, timeout=5000)
    assert done == [0, 1, 2, 3, 4]  # in order: one store worker
    store_threads = [n for n in names if n.startswith("motcua-store")]
    assert len(store_threads) == 5 and len(set(store_threads)) == 1
    assert [n for n in names if n.startswith("motcua-device")]
    assert threaded.idle


def test_changes_applied_arrives_after_the_commit(qtbot, host, threaded):
    with qtbot.waitSignal(threaded.changes_applied, timeout=5000) as blocker:
        StoreOp(parent=host, op=lambda s: None, changes={"queue": [1]}).run_in_background()
    assert blocker.args == [{"queue": [1]}, host]
    assert threaded.store.opened == ["write"]


def test_progress_shows_a_busy_cursor_then_a_dialog_and_clears_both(qtbot, host, threaded):
    release = threading.Event()
    finished = []
    QueryOp(parent=host, op=lambda s: release.wait(10)).success(finished.append) \
        .with_progress("Đang tải...").run_in_background()
    assert QGuiApplication.overrideCursor() is None  # nothing at once: no flicker for quick work
    qtbot.waitUntil(lambda: QGuiApplication.overrideCursor() is not None, timeout=3000)
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()), timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: finished == [True], timeout=5000)
    assert QGuiApplication.overrideCursor() is None
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_quick_work_with_progress_shows_nothing(host, inline):
    QueryOp(parent=host, op=lambda s: 1).with_progress("...").run_in_background()
    assert QGuiApplication.overrideCursor() is None


def test_a_closed_window_gets_no_callback_but_views_still_hear_of_the_change(qtbot, threaded):
    parent = QWidget()
    release = threading.Event()
    seen, announced = [], []
    threaded.changes_applied.connect(lambda changes, initiator: announced.append(changes))
    StoreOp(parent=parent, op=lambda s: release.wait(10), changes={"dossiers": ["A"]}, tasks=threaded) \
        .success(seen.append).run_in_background()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent), timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: threaded.idle, timeout=5000)
    assert seen == [] and announced == [{"dossiers": ["A"]}]


def test_no_work_after_shutdown(host, inline):
    inline.shutdown()
    with pytest.raises(RuntimeError):
        QueryOp(parent=host, op=lambda s: 1).run_in_background()
