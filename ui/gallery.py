"""Every window and dialog of the program, built with demo data: one registry for the screenshot script
(``ui/screenshots.py``, ``make screenshots``) and the test that walks every screen for untranslated,
unfilled or cut text (``tests/ui/test_screens.py``).

A room adds its windows with :func:`register` (or by appending a :class:`Screen` to :data:`SCREENS`):
``build(ctx)`` returns a widget, not yet shown, over ``ctx.store`` (the demo center with some dossiers and
tickets), ``ctx.settings`` and ``ctx.tasks`` (an inline task manager: everything has finished when a call
returns).

GUI thread only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.actors import Actor

DESKTOP = ((1366, 768), (1920, 1080))
TV = ((1920, 1080),)
PORTRAIT = ((1080, 1920),)


@dataclass
class Screen:
    name: str  # the PNG's stem: docs/manual/img/<name>-<w>x<h>.png
    build: Callable[[GalleryContext], QWidget]
    sizes: tuple[tuple[int, int], ...] = DESKTOP
    dialog: bool = False  # shown at its own size (the screen size is the window behind it)
    manual: bool = True  # used by the manual (committed PNG)
    known_problem: str = ""  # a fault the walk finds that another change is fixing: the walk expects it (strict)


@dataclass
class GalleryContext:
    store: Any
    settings: Any
    data_dir: Path
    tasks: Any = None
    keep: list[Any] = field(default_factory=list)  # what a built screen needs alive (parent windows)
    history: Any = None  # a second demo store with months of history (the reports), made at first use

    @property
    def officer(self) -> Actor:
        return Actor("canbo1", "officer", "Nguyễn Thị Lan", counter=1)


SCREENS: list[Screen] = []


def register(screen: Screen) -> Screen:
    """Add a screen (a room's own windows); a name is registered once."""
    if any(s.name == screen.name for s in SCREENS):
        raise ValueError(f"screen {screen.name!r} is registered already")
    SCREENS.append(screen)
    return screen


# --- the demo data ---------------------------------------------------------------------------------

SAMPLE_PEOPLE = (
    ("Nguyễn Văn Đức", "001089012345", "0905123456"),
    ("Trần Thị Ánh Tuyết", "048192003411", "0914555777"),
    ("Lê Hoàng Phúc", "046200008812", "0935222888"),
    ("Phạm Thị Hồng Nhung", "049301000123", "0983111222"),
    ("Huỳnh Quốc Bảo", "048095006677", "0905987654"),
)

COMPLAINTS = (
    {"kind": "feedback", "channel": "counter", "contact_name": "Trần Văn Lộc", "contact_phone": "0905332114",
     "content": "Hẹn trả kết quả ngày 25/11 nhưng đến nay chưa nhận được, đề nghị trung tâm kiểm tra.",
     "department": "Phòng Kinh tế"},
    {"kind": "proposal", "channel": "hotline", "contact_name": "Nguyễn Thị Thu Hà", "contact_phone": "0914778012",
     "content": "Đề nghị bố trí thêm ghế chờ và nước uống tại khu vực quầy hộ tịch vào buổi sáng.",
     "department": "Trung tâm Phục vụ hành chính công"},
    {"kind": "feedback", "channel": "phone", "contact_name": "Lê Minh Khoa", "contact_phone": "0935667123",
     "content": "Cán bộ hướng dẫn tận tình, thủ tục nhanh gọn.", "department": "Văn phòng HĐND và UBND xã"},
)


def make_context(data_dir: Path) -> GalleryContext:
    """A fresh SQLite demo center in ``data_dir`` with dossiers and queue tickets (GUI thread)."""
    from app.services import demo, dossiers, queue
    from app.services.bootstrap import bootstrap
    from app.settings import StationSettings
    from app.store.session import Store
    from ui.tasks import InlineExecutor, TaskManager

    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store.open(str(data_dir / "motcua.sqlite3"))
    bootstrap(store)
    admin = Actor("quantri", "admin", "Quản trị")
    with store.write() as session:
        demo.seed(session, admin)
    catalog = json.loads((Path(__file__).resolve().parents[1] / "resources" / "data" / "demo_catalog.json").read_text("utf-8"))
    usable = [p for p in catalog["procedures"] if p.get("processing_time") and p.get("documents")]
    officer = Actor("canbo1", "officer", "Nguyễn Thị Lan", counter=1)
    for index, (name, id_number, phone) in enumerate(SAMPLE_PEOPLE):
        procedure = usable[index % len(usable)]
        items = [{"item": d["code"], "originals": 1} for d in procedure["documents"] if not d.get("optional")]
        request = dossiers.parse_intake({"procedure_code": procedure["code"], "documents": items,
                                         "applicant": {"full_name": name, "id_number": id_number, "phone": phone}})
        with store.write() as session:
            dossiers.receive(session, officer, request, on_missing="request-supplement", reason="Thiếu bản sao")
    with store.write() as session:  # a marriage registration: its fee has a rate (the payment dialog)
        married = next(p for p in catalog["procedures"] if p["code"] == "1.000894")
        items = [{"item": d["code"], "originals": 1} for d in married["documents"] if not d.get("optional")]
        request = dossiers.parse_intake({"procedure_code": married["code"], "documents": items,
                                         "applicant": {"full_name": "Võ Thị Kim Oanh", "id_number": "048197004521",
                                                       "phone": "0932456789"}})
        dossiers.receive(session, officer, request)
    from app.services import complaints

    with store.write() as session:
        for entry in COMPLAINTS:
            complaints.add(session, officer, dict(entry))
    kiosk = Actor("kiosk", "kiosk")
    with store.write() as session:
        for service in ("A", "A", "B", "A", "C", "B"):
            queue.issue(session, kiosk, service)
    with store.write() as session:
        queue.call_next(session, officer, 1)
        queue.call_next(session, Actor("canbo2", "officer", counter=2), 2)
    from app.services import province

    with store.write() as session:  # two online dossiers the province sent (the counter's "online" tab)
        for number, (name, id_number, phone) in enumerate(SAMPLE_PEOPLE[3:], start=1):
            procedure = usable[(number + 2) % len(usable)]
            province.add_online(session, f"H56.99-{number:06d}", {"intake": {
                "procedure_code": procedure["code"], "channel": "online",
                "applicant": {"full_name": name, "id_number": id_number, "phone": phone}}})
    usb = data_dir / "usb"  # the daily backup's folder (a USB disk), with today's backup in it
    usb.mkdir(exist_ok=True)
    settings = StationSettings(data_dir, {"station.counter": 1, "ui.language": "vi", "backup.folder": str(usb)})
    from app.services import backups

    backups.run_scheduled(str(data_dir / "motcua.sqlite3"), data_dir, settings)
    return GalleryContext(store=store, settings=settings, data_dir=data_dir,
                          tasks=TaskManager(store, executor=InlineExecutor()))


# --- the program's own screens ---------------------------------------------------------------------


def _counter(ctx: GalleryContext, tab: int = 0):
    from ui.counter import build_counter_window
    from ui.tasks import InlineExecutor

    from app.services import users

    officer = users.sign_in(ctx.store, "canbo1", "demo", station=ctx.settings.get("station.counter"))  # a demo account
    window = build_counter_window(ctx.store, ctx.settings, executor=InlineExecutor(), actor=officer)
    window.show_tab(tab)
    return window


def _counter_dialog(ctx: GalleryContext, open_dialog: Callable[[Any], QWidget]):
    window = _counter(ctx)
    window.resize(1366, 768)
    window.show()
    ctx.keep.append(window)
    return open_dialog(window)


def _dossier(ctx: GalleryContext):
    window = _counter(ctx)
    with ctx.store.read() as session:
        window.open_dossier(_first_code(session))
    return window


def _action(ctx: GalleryContext, action: str):
    window = _dossier(ctx)
    window.resize(1366, 768)
    window.show()
    ctx.keep.append(window)
    dialog = window.dossier_view.open_action(action)
    if dialog is None:
        raise LookupError(f"action {action!r} is not allowed on the demo dossier")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the walk closes and deletes it
    return dialog


def _kiosk(ctx):
    from ui.kiosk.window import build_kiosk_window
    from ui.tasks import InlineExecutor

    return build_kiosk_window(ctx.store, ctx.settings, executor=InlineExecutor())


def _kiosk_lookup(ctx):
    """The kiosk's look-up page with the answer for the first demo dossier (its code typed on the keypad)."""
    window = _kiosk(ctx)
    with ctx.store.read() as session:
        code = _first_code(session)
    window.show_lookup()
    window.lookup_field.setText(code)
    window.look_up()
    window._home_timer.stop()  # the screenshot is taken later than a citizen's idle time allows
    return window


def _kiosk_rating(ctx, step: str):
    """The kiosk's rating page: the levels for the ticket served at counter 1, or the ticket step with the
    answer to a number not given today (nothing is stored: the demo data stay as they are)."""
    window = _kiosk(ctx)
    window.show_rating()
    window.rating.ticket_field.setText("A001" if step == "levels" else "C099")
    window.rating.submit_ticket()
    window._home_timer.stop()  # the screenshot is taken later than a citizen's idle time allows
    return window


def _display(ctx):
    from ui.display.window import build_display_window

    return build_display_window(ctx.store, ctx.settings)


def _sync(ctx):
    from ui.sync.window import SyncWindow

    return SyncWindow(ctx.store, ctx.tasks)


def _scan(ctx):
    from ui.scan.panel import ScanPanel

    with ctx.store.read() as session:
        code = _first_code(session)
    return ScanPanel(ctx.tasks, lambda: ctx.officer, code, ctx.settings)


def _first_code(session) -> str:
    from sqlalchemy import select

    from app.store.models import Dossier

    return session.scalar(select(Dossier.code).order_by(Dossier.id).limit(1))


def _setup(ctx, page: int):
    from ui.setup import build_setup_wizard
    from ui.setup.wizard import P_CENTER

    data_dir = ctx.data_dir / f"setup-{page}"
    data_dir.mkdir(exist_ok=True)
    from app.settings import StationSettings

    wizard = build_setup_wizard(StationSettings(data_dir), tasks=ctx.tasks)
    wizard.restart()
    while wizard.currentId() <= page:
        if wizard.currentId() == P_CENTER:
            wizard.center.name.setText("Trung tâm Phục vụ hành chính công huyện Hòa Vang")
            wizard.center.parent_body.setText("ỦY BAN NHÂN DÂN HUYỆN HÒA VANG")
            wizard.center.address.setText("Thôn Dương Lâm 1, xã Hòa Phong, huyện Hòa Vang, TP Đà Nẵng")
            wizard.center.agency_id.setText("000.31.12.H56")
        if wizard.currentId() == page:
            break
        before = wizard.currentId()
        wizard.next()
        if wizard.currentId() == before:
            break
    ctx.keep.append(wizard)
    return wizard


def _signed_in(ctx: GalleryContext, username: str):
    from app.services import users

    return users.sign_in(ctx.store, username, "demo", station=ctx.settings.get("station.counter"))  # a demo account


def _users(ctx: GalleryContext):
    from ui.security.users_window import UsersWindow

    window = UsersWindow(ctx.tasks, _signed_in(ctx, "quantri"))
    window.table.selectRow(1)
    return window


def _user_dialog(ctx: GalleryContext, kind: str):
    from ui.security.users_window import ResetPasswordDialog, UserDialog

    admin = _signed_in(ctx, "quantri")
    if kind == "add":
        return UserDialog(ctx.tasks, admin)
    if kind == "roles":
        return UserDialog(ctx.tasks, admin, username="canbo2", roles=["officer", "receptionist"])
    return ResetPasswordDialog(ctx.tasks, admin, "canbo2")


def _sign_in(ctx: GalleryContext, kind: str):
    from ui.security.dialogs import ChangePasswordDialog, FirstAdminDialog, SignInDialog

    if kind == "first-admin":
        return FirstAdminDialog(ctx.tasks)
    if kind == "password":
        return ChangePasswordDialog(ctx.tasks, _signed_in(ctx, "canbo1"))
    dialog = SignInDialog(ctx.tasks, station=ctx.settings.get("station.counter"), username="canbo1")
    return dialog


def _locked(ctx: GalleryContext):
    window = _counter(ctx)
    window.session.idle.lock()
    window.session.idle.panel.password_field.setFocus()
    return window


def _reports(ctx: GalleryContext, tab: int):
    """The director's window over a month of the demo center's history (its own database: the history's
    dossiers carry no applicant, they are not for the counter's screens)."""
    from datetime import timedelta

    from ui.common import local_now
    from ui.reports.window import ReportsWindow
    from ui.tasks import InlineExecutor, TaskManager

    store = _history_store(ctx)
    tasks = TaskManager(store, executor=InlineExecutor())
    ctx.keep.append(tasks)
    window = ReportsWindow(tasks, _signed_in(ctx, "giamdoc"))
    last_month = local_now().date().replace(day=1) - timedelta(days=1)  # Vietnam's today, not the PC's
    window.set_period("month", last_month.replace(day=1))
    window.load()
    window.tabs.setCurrentIndex(tab)
    return window


def _history_store(ctx: GalleryContext):
    if ctx.history is not None:
        return ctx.history
    from datetime import timedelta

    from app.services import demo
    from app.services.bootstrap import bootstrap
    from app.store.session import Store
    from bench.report_data import context, generate, insert_orm
    from ui.common import local_now

    store = Store.open(str(ctx.data_dir / "history.sqlite3"))
    bootstrap(store)
    with store.write() as session:
        demo.seed(session, Actor("quantri", "admin", "Quản trị"))
    last = local_now().date().replace(day=1) - timedelta(days=1)
    first = (last.replace(day=1) - timedelta(days=150)).replace(day=1)  # the six months the chart shows
    with store.write() as session:
        insert_orm(session, generate(7, first, last, context(session), dossiers=1500, tickets=3000))
    ctx.history = store
    ctx.keep.append(store)
    return store


def _devices(ctx: GalleryContext):
    from ui.devices.window import DevicesWindow

    window = DevicesWindow(settings=ctx.settings, actor=_signed_in(ctx, "kythuat"), tasks=ctx.tasks,
                           watch_hotplug=False)
    window.select("receipt_printer") or window.table.selectRow(0)
    return window


def _device_config(ctx: GalleryContext):
    from ui.devices.config_dialog import ConfigDialog

    return ConfigDialog("receipt_printer", "serial:usb=1a86:7523?protocol=stx-xor&baud=9600")


def _fees(ctx: GalleryContext, kind: str):
    def open_dialog(window):
        if kind == "pay":
            with ctx.store.read() as session:
                code = _fee_code(session)
            return window.take_payment(code=code)
        if kind == "cancel":
            return window.cancel_receipt()
        if kind == "complaints":
            return window.show_complaints()
        from ui.counter.complaints import NewComplaintDialog

        return NewComplaintDialog(list(window.context.departments) if window.context else [], parent=window)

    dialog = _counter_dialog(ctx, open_dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the walk closes and deletes it
    return dialog


DEMO_EXEMPTIONS = (
    ("HN", "Hộ nghèo", 100, None, "Điểm a khoản 2 Điều 3 Thông tư 281/2016/TT-BTC", True),
    ("NCC", "Gia đình người có công với cách mạng", None, 10_000, "Pháp lệnh Ưu đãi người có công với cách mạng 2020", True),
    ("NKT", "Người khuyết tật", 50, None, "Nghị quyết của HĐND tỉnh về phí, lệ phí", False),
)


def _exemptions(ctx: GalleryContext):
    """Fees › Exemptions and reductions, as the director sees it, with three groups (one no longer in use)."""
    from app.services import fees

    director = _signed_in(ctx, "giamdoc")
    with ctx.store.write() as session:
        for code, name, percent, amount, basis, active in DEMO_EXEMPTIONS:
            fees.set_exemption(session, director, code, name=name, percent=percent, fixed_amount=amount,
                               legal_basis=basis, active=active)

    def open_dialog(window):
        window.set_actor(director)
        dialog = window.open_exemptions()
        dialog.view.selectRow(1)
        return dialog

    dialog = _counter_dialog(ctx, open_dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog


def _fees_unpriced(ctx: GalleryContext):
    """The payment dialog for a dossier whose fee the catalog does not price (a marital status certificate:
    "mức do HĐND cấp tỉnh quyết định"), its amount typed."""
    from app.services import dossiers

    catalog = json.loads((Path(__file__).resolve().parents[1] / "resources" / "data" / "demo_catalog.json").read_text("utf-8"))
    procedure = next(p for p in catalog["procedures"] if p["code"] == "1.004873")
    request = dossiers.parse_intake({
        "procedure_code": procedure["code"], "documents": [{"item": d["code"], "originals": 1} for d in procedure["documents"]],
        "applicant": {"full_name": "Đặng Thị Mỹ Linh", "id_number": "048196001234", "phone": "0905246810"}})
    with ctx.store.write() as session:
        code = dossiers.receive(session, ctx.officer, request).code

    def open_dialog(window):
        dialog = window.take_payment(code=code)
        edit = next(iter(dialog.prices.values()))
        edit.setText("30000")
        edit.editingFinished.emit()
        return dialog

    dialog = _counter_dialog(ctx, open_dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog


def _fee_code(session) -> str:
    from sqlalchemy import select

    from app.store.models import Dossier

    return session.scalar(select(Dossier.code).order_by(Dossier.received_at.desc()).limit(1))  # the marriage registration


def _backups(ctx: GalleryContext):
    from ui.backup.window import BackupsWindow

    return BackupsWindow(ctx.tasks, ctx.settings)


def _online(ctx: GalleryContext):
    window = _counter(ctx)
    window.show_tab(3)
    return window


def _queue_dialog(ctx: GalleryContext, kind: str):
    from ui.queue.panel import PauseDialog

    def open_dialog(window):
        if kind == "transfer":
            window.queue_panel.refresh() if hasattr(window.queue_panel, "refresh") else None
            return window.queue_panel.open_transfer_dialog()
        return PauseDialog(parent=window)

    dialog = _counter_dialog(ctx, open_dialog)
    if dialog is None:
        raise LookupError("no ticket is being served at the demo counter")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog


def _conflicts(ctx: GalleryContext):
    from ui.sync.conflicts import ConflictsDialog

    return ConflictsDialog(ctx.tasks, lambda: ctx.officer)


def _handover(ctx: GalleryContext):
    """The hand-over round's result (the round is run on the demo data: registered last)."""
    from app.services import handover
    from ui.counter.dossiers import HandoverDialog

    with ctx.store.write() as session:
        result = handover.round_json(handover.run_round(session, ctx.officer))
    return _counter_dialog(ctx, lambda w: HandoverDialog(result, w.context.users if w.context else None, parent=w))


def _builtin() -> None:
    from ui.setup.wizard import P_CENTER, P_COUNTERS, P_DATABASE, P_DEVICES, P_HOURS, P_ROLE, P_SYNC, P_WELCOME

    register(Screen("counter-intake", lambda c: _counter(c, 0)))
    register(Screen("counter-dossiers", lambda c: _counter(c, 1)))
    register(Screen("counter-board", lambda c: _counter(c, 2)))
    register(Screen("counter-dossier", _dossier))
    for action in ("transfer", "request_supplement", "refuse", "withdraw"):
        register(Screen(f"action-{action.replace('_', '-')}", lambda c, a=action: _action(c, a), dialog=True,
                        manual=False))
    register(Screen("counter-shortcuts", lambda c: _counter_dialog(c, lambda w: w.show_shortcuts()), dialog=True))
    register(Screen("kiosk", _kiosk, PORTRAIT))
    register(Screen("kiosk-lookup", _kiosk_lookup, PORTRAIT))
    register(Screen("kiosk-rating", lambda c: _kiosk_rating(c, "levels"), PORTRAIT))
    register(Screen("kiosk-rating-ticket", lambda c: _kiosk_rating(c, "ticket"), PORTRAIT, manual=False))
    register(Screen("display", _display, TV))
    register(Screen("sync", _sync, dialog=True))
    register(Screen("scan", _scan, dialog=True))
    for page, name in ((P_WELCOME, "welcome"), (P_DATABASE, "database"), (P_ROLE, "role"), (P_CENTER, "center"),
                       (P_HOURS, "hours"), (P_COUNTERS, "counters"), (P_SYNC, "sync"), (P_DEVICES, "devices")):
        register(Screen(f"setup-{name}", lambda c, p=page: _setup(c, p), dialog=True,
                        manual=name in ("database", "role", "center", "counters")))
    register(Screen("counter-online", _online))
    register(Screen("counter-locked", _locked, sizes=DESKTOP[:1]))
    for kind in ("sign-in", "first-admin", "password"):
        register(Screen(kind, lambda c, k=kind: _sign_in(c, k), dialog=True, manual=kind != "password"))
    register(Screen("users", _users, dialog=True))
    for kind in ("add", "roles", "reset"):
        register(Screen(f"user-{kind}", lambda c, k=kind: _user_dialog(c, k), dialog=True, manual=kind == "add"))
    register(Screen("reports", lambda c: _reports(c, 0)))
    register(Screen("reports-charts", lambda c: _reports(c, 5), sizes=DESKTOP[:1]))
    register(Screen("devices", _devices))
    register(Screen("device-config", _device_config, dialog=True, manual=False))
    register(Screen("backups", _backups, dialog=True))
    for kind in ("pay", "cancel", "complaints", "complaint-new"):
        register(Screen(f"fees-{kind}" if kind in ("pay", "cancel") else kind, lambda c, k=kind: _fees(c, k),
                        dialog=True, manual=kind == "pay"))
    register(Screen("fees-exemptions", _exemptions, dialog=True))
    register(Screen("fees-pay-unpriced", _fees_unpriced, dialog=True, manual=False))
    for kind in ("transfer", "pause"):
        register(Screen(f"queue-{kind}", lambda c, k=kind: _queue_dialog(c, k), dialog=True, manual=False))
    register(Screen("sync-conflicts", _conflicts, dialog=True, manual=False))
    register(Screen("handover", _handover, dialog=True, manual=False))  # last: the round changes the dossiers


_builtin()
