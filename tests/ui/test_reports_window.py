"""The director's window over a real store: period picker, tables, QtCharts charts, export, progress and
cancel (offscreen, pytest-qt)."""

from __future__ import annotations

from datetime import date

import pytest

from app.actors import Actor

FIRST, LAST = date(2025, 3, 1), date(2025, 3, 31)


@pytest.fixture
def loaded_store(seeded_store):
    from bench.report_data import context, generate, insert_orm

    with seeded_store.write() as s:
        insert_orm(s, generate(5, FIRST, LAST, context(s), dossiers=200, tickets=300))
    return seeded_store


@pytest.fixture
def reports_vi(qapp):
    from ui.reports import install_reports_translator

    yield install_reports_translator(qapp, "vi")  # taken off again by tests/ui/conftest.py


def _window(qtbot, store, executor=None, actor=None):
    from ui.reports.window import ReportsWindow
    from ui.tasks import InlineExecutor, TaskManager

    tasks = TaskManager(store, executor=executor or InlineExecutor())
    window = ReportsWindow(tasks, actor or Actor("giamdoc", "director"))
    qtbot.addWidget(window)
    window.show()
    return window, tasks


def test_the_month_shows_the_figures_in_tables_and_charts(qtbot, loaded_store, reports_vi):
    from app.services import reports

    window, _ = _window(qtbot, loaded_store)
    assert window.show_button.text() == "Xem" and window.kind.currentText() == "Tháng"
    window.set_period("month", date(2025, 3, 14))
    assert window.last.date().toPython() == LAST
    with qtbot.waitSignal(window.report_did_load, timeout=10_000) as got:
        window.show_button.click()
    doc = got.args[0]
    with loaded_store.read() as s:
        assert doc == reports.summary(s, Actor("x", "director"), FIRST, LAST, kind="month")
    ind = window.tables["indicators"]
    assert ind.rowCount() == len(reports.INDICATORS)
    assert ind.horizontalHeaderItem(5).text() == "Công thức"
    names = [ind.item(r, 1).text() for r in range(ind.rowCount())]
    assert "Giải quyết trước hạn và đúng hạn" in names
    row = names.index("Giải quyết trước hạn và đúng hạn")
    assert ind.item(row, 2).text() == f"{doc['indicators']['on_time_rate']['value']:.2f}".replace(".", ",")
    officers = window.tables["officers"]
    assert officers.rowCount() == len(doc["officers"])
    assert {officers.item(r, 0).text(): officers.item(r, 2).text() for r in range(officers.rowCount())} == \
        {r["officer"]: str(r["received"]) for r in doc["officers"]}
    assert set(window.chart_views) == {"wait_by_hour", "on_time_by_month", "satisfaction"}
    pie = window.chart_views["satisfaction"].chart().series()[0]
    assert sum(s.value() for s in pie.slices()) == doc["satisfaction"]["ratings"]
    bars = window.chart_views["wait_by_hour"].chart().series()[0].barSets()[0]
    assert bars.count() == len(doc["hours"])
    assert window.xlsx_button.isEnabled() and window.status.text() == "Đã hiển thị."


def test_export_writes_the_file_off_the_gui_thread(qtbot, loaded_store, tmp_path):
    import openpyxl

    window, _ = _window(qtbot, loaded_store)
    window.set_period("custom", FIRST, LAST)
    with qtbot.waitSignal(window.report_did_load, timeout=10_000):
        window.load()
    for suffix in ("xlsx", "pdf"):
        path = str(tmp_path / f"r.{suffix}")
        with qtbot.waitSignal(window.export_did_finish, timeout=20_000):
            window.export_to(path)
    assert "Chỉ số 766" in openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"


def test_a_cancelled_report_shows_nothing(qtbot, loaded_store):
    window, _ = _window(qtbot, loaded_store)
    seen = []
    original = window._progress

    def progress(done, total):
        seen.append(done)
        original(done, total)
        window.cancel()  # the director presses Cancel after the first step

    window._progress = progress
    window.report_did_load.connect(lambda doc: seen.append("loaded"))
    window.load()
    assert seen == [1] and window.doc is None
    assert window.status.text() == "Cancelled." and window.show_button.isEnabled()
    assert not window.cancel_button.isEnabled()


def test_on_a_worker_thread_the_report_runs_off_the_gui_thread(qtbot, loaded_store):
    import threading

    window, tasks = _window(qtbot, loaded_store, executor=__import__("concurrent.futures").futures.ThreadPoolExecutor(1))
    threads = []
    from app.services import reports

    real = reports.summary

    def watched(*a, **kw):
        threads.append(threading.current_thread())
        return real(*a, **kw)

    reports.summary = watched
    try:
        with qtbot.waitSignal(window.report_did_load, timeout=20_000):
            window.load()
    finally:
        reports.summary = real
        tasks.shutdown(wait=True)
    assert threads and threads[0] is not threading.main_thread()


def test_an_officer_sees_only_their_row(qtbot, loaded_store):
    window, _ = _window(qtbot, loaded_store, actor=Actor("canbo1", "officer"))
    window.set_period("custom", FIRST, LAST)
    with qtbot.waitSignal(window.report_did_load, timeout=10_000):
        window.load()
    officers = window.tables["officers"]
    assert [officers.item(r, 0).text() for r in range(officers.rowCount())] == ["canbo1"]
    assert window.tables["indicators"].rowCount() == 0 and window.chart_views == {}


def test_the_reports_station_command_is_registered():
    from app.cli import build_parser

    args = build_parser().parse_args(["reports"])
    assert args.command == "reports"
