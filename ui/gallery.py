"""Every window and dialog of the program, built with demo data: one registry for the screenshot script
(``ui/screenshots.py``, ``make screenshots``) and the test that walks every screen for untranslated,
unfilled or cut text (``tests/ui/test_screens.py``).

A room adds its windows with :func:`register` (or by appending a :class:`Screen` to :data:`SCREENS`):
``build(ctx)`` returns a widget, not yet shown, over ``ctx.store`` (the demo center with some dossiers and
tickets), ``ctx.settings`` and ``ctx.tasks`` (an inline task manager: everything has finished when a call
returns). Integrator: the users, audit, backups, fees, reports, devices and sync windows go here.

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


@dataclass
class GalleryContext:
    store: Any
    settings: Any
    data_dir: Path
    tasks: Any = None
    keep: list[Any] = field(default_factory=list)  # what a built screen needs alive (parent windows)

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
    kiosk = Actor("kiosk", "kiosk")
    with store.write() as session:
        for service in ("A", "A", "B", "A", "C", "B"):
            queue.issue(session, kiosk, service)
    with store.write() as session:
        queue.call_next(session, officer, 1)
        queue.call_next(session, Actor("canbo2", "officer", counter=2), 2)
    settings = StationSettings(data_dir, {"station.counter": 1, "ui.language": "vi"})
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
    register(Screen("display", _display, TV))
    register(Screen("sync", _sync, dialog=True))
    register(Screen("scan", _scan, dialog=True))
    for page, name in ((P_WELCOME, "welcome"), (P_DATABASE, "database"), (P_ROLE, "role"), (P_CENTER, "center"),
                       (P_HOURS, "hours"), (P_COUNTERS, "counters"), (P_SYNC, "sync"), (P_DEVICES, "devices")):
        register(Screen(f"setup-{name}", lambda c, p=page: _setup(c, p), dialog=True, manual=name in ("database", "center", "counters")))


_builtin()
