"""The front door: ``motcua [--db URL] [--data-dir DIR] COMMAND``.

Exit codes: 0 success; 2 bad input or a rule that refuses (one clear line on stderr, one per bad row
for imports, never a traceback); 1 an unexpected failure (the traceback goes to the log file).
``--json`` prints one JSON document on stdout.

This is the only module of ``app`` that may import the other rooms, and only inside the command that
needs them, so that ``motcua --version`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import AppError, ValidationError

log = logging.getLogger("motcua.cli")

CLI_ACTOR_NAME = "cli"


class Context:
    """What every command gets: the data dir, the station settings and a lazily opened store."""

    def __init__(self, args: argparse.Namespace) -> None:
        from app.settings import StationSettings, resolve_data_dir

        self.args = args
        self.data_dir = resolve_data_dir(args.data_dir)
        self.settings = StationSettings.load(self.data_dir)
        self.db_url = args.db or self.settings.db_url()
        self._store = None

    def store(self, *, migrate: bool = True):
        if self._store is None:
            from app.store.session import Store

            self._store = Store.open(self.db_url, migrate=migrate)
            if migrate and self._store.dialect == "sqlite":
                from app.services.bootstrap import bootstrap

                bootstrap(self._store)
        return self._store

    def admin(self):
        from app.actors import Actor

        return Actor(CLI_ACTOR_NAME, "admin", "Dòng lệnh")

    def officer(self):
        from app.actors import Actor

        return Actor(
            self.settings.get("station.officer"), "officer", counter=self.settings.get("station.counter")
        )

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None, default=str) + "\n")


# --- commands ----------------------------------------------------------------------------------------


def cmd_db_upgrade(ctx: Context, args) -> int:
    from app.services.bootstrap import bootstrap
    from app.store import migrate

    store = ctx.store(migrate=False)
    backup = migrate.upgrade(store.engine)
    bootstrap(store)
    result = {"revision": migrate.current_revision(store.engine), "backup": backup}
    if args.json:
        emit(result)
    else:
        print_line(f"database at revision {result['revision']}" + (f" (backup: {backup})" if backup else ""))
    return 0


def cmd_db_status(ctx: Context, args) -> int:
    from app.store import migrate

    store = ctx.store(migrate=False)
    result = {
        "dialect": store.dialect,
        "revision": migrate.current_revision(store.engine),
        "head": migrate.head_revision(),
    }
    result["up_to_date"] = result["revision"] == result["head"]
    emit(result) if args.json else print_line(" ".join(f"{k}={v}" for k, v in result.items()))
    return 0


def cmd_demo_seed(ctx: Context, args) -> int:
    from app.services import demo

    with ctx.store().write() as session:
        counts = demo.seed(session, ctx.admin())
    emit(counts) if args.json else print_line(f"demo data loaded: {counts['created']} procedures created, {counts['updated']} updated")
    return 0


def cmd_catalog_import(ctx: Context, args) -> int:
    from app.catalog_io import read_catalog
    from app.services import catalog

    procedures = read_catalog(Path(args.path))
    with ctx.store().write() as session:
        counts = catalog.import_procedures(session, ctx.admin(), procedures)
    emit(counts) if args.json else print_line(f"{counts['created']} created, {counts['updated']} updated")
    return 0


def cmd_catalog_list(ctx: Context, args) -> int:
    from app.services import catalog

    with ctx.store().read() as session:
        items = [catalog.procedure_json(p) for p in catalog.list_procedures(session)]
    if args.json:
        emit(items)
    else:
        for p in items:
            print_line(f"{p['code']:<12} {p['field']:<20} {p['name']}")
    return 0


def cmd_calendar_due(ctx: Context, args) -> int:
    from app.services import catalog
    from app.services.calendar import load_calendar
    from app.workcal import format_local, parse_local

    received = parse_local(args.from_)
    explicit = [
        (args.working_days, "working_days"),
        (args.working_hours, "working_hours"),
        (args.days, "days"),
        (0 if args.same_day else None, "same_day"),
    ]
    explicit = [(amount, unit) for amount, unit in explicit if amount is not None]
    if len(explicit) > 1:
        raise ValidationError("give only one of --working-days, --working-hours, --days, --same-day")
    with ctx.store().read() as session:
        calendar = load_calendar(session)
        after_15 = False
        amount = unit = None
        if args.procedure:
            proc = catalog.get_procedure(session, args.procedure)
            after_15 = proc.after_15h_next_day
            amount = float(proc.time_amount) if proc.time_amount is not None else None
            unit = proc.time_unit
        if explicit:
            amount, unit = explicit[0]
        if unit is None:
            raise ValidationError("give --working-days, --working-hours, --days, --same-day or --procedure")
        if amount is None and unit != "same_day":
            raise ValidationError(f"procedure {args.procedure} has no processing time in the catalog; give an amount")
    due = calendar.due(received, amount or 0, unit, after_15h_next_day=after_15)
    text = format_local(due)
    emit({"due_at": text}) if args.json else print_line(text)
    return 0


def cmd_calendar_import(ctx: Context, args) -> int:
    from app.services.calendar import import_schedule

    path = Path(args.file)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ValidationError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValidationError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValidationError(f"{path}: expected a JSON object with 'years'")
    with ctx.store().write() as session:
        count = import_schedule(session, ctx.admin(), data, source=path.name)
    emit({"imported": count}) if args.json else print_line(f"{count} calendar entries imported")
    return 0


def cmd_calendar_holidays(ctx: Context, args) -> int:
    from app.services.calendar import holidays_json, load_calendar

    if not 1900 <= args.year <= 2199:
        raise ValidationError("--year must be between 1900 and 2199")
    with ctx.store().read() as session:
        calendar = load_calendar(session)
    items = holidays_json(calendar, args.year)
    if args.json:
        emit(items)
    else:
        for item in items:
            print_line(f"{item['date']}  {'(làm bù) ' if item.get('working') else ''}{item['name']}")
    return 0


def cmd_calendar_lunar(ctx: Context, args) -> int:
    from datetime import date

    from app.lunar import solar_to_lunar

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise ValidationError(f"not a date (YYYY-MM-DD): {args.date!r}") from None
    lunar = solar_to_lunar(day)
    result = {"day": lunar.day, "month": lunar.month, "year": lunar.year, "leap": lunar.leap}
    emit(result) if args.json else print_line(f"{lunar.day}/{lunar.month}{' nhuận' if lunar.leap else ''}/{lunar.year}")
    return 0


def cmd_cccd_parse(ctx: Context, args) -> int:
    from app.cccd import parse_cccd

    text = sys.stdin.read() if args.text == "-" else args.text
    data = parse_cccd(text).to_json()
    emit(data) if args.json else print_line(" | ".join(f"{k}: {v}" for k, v in data.items()))
    return 0


def _write_out(path: str, data: bytes) -> None:
    import os

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def cmd_print_form(ctx: Context, args) -> int:
    from app.services import archive
    from app.services.print_data import form_data
    from printing.from_data import render_form_data

    store = ctx.store()
    with store.write() as session:
        dossier, values = form_data(session, args.code, args.form)
        data, row, reprinted = archive.reprint_or_render(
            session, ctx.data_dir, ctx.officer(), dossier, f"form:{args.form}", lambda: render_form_data(values)
        )
        digest = row.sha256
    _write_out(args.out, data)
    result = {"form": args.form, "code": dossier.code, "out": args.out, "sha256": digest, "bytes": len(data),
              "reprint": reprinted}
    emit(result) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_print_register(ctx: Context, args) -> int:
    from datetime import date

    from app.services.print_data import register_data
    from printing.from_data import render_register_data

    try:
        start, end = date.fromisoformat(args.from_), date.fromisoformat(args.to)
    except ValueError:
        raise ValidationError("--from and --to take dates as YYYY-MM-DD") from None
    with ctx.store().read() as session:
        values = register_data(session, start, end)
    data = render_register_data(values)
    _write_out(args.out, data)
    emit({"out": args.out, "bytes": len(data)}) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_print_handover(ctx: Context, args) -> int:
    from app.services.print_data import handover_data
    from printing.from_data import render_handover_data

    with ctx.store().read() as session:
        values = handover_data(session, args.round)
    data = render_handover_data(values)
    _write_out(args.out, data)
    emit({"out": args.out, "bytes": len(data)}) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_print_ticket(ctx: Context, args) -> int:
    from datetime import datetime, timezone

    import printing
    from app.services import center
    from app.store.models import QueueService
    from printing.model import TicketDoc

    number = args.number.strip().upper()
    if not (number[:1].isalpha() and number.isascii() and number.isalnum()):
        raise ValidationError(f"--number {args.number!r} is not a queue number like A012")
    with ctx.store().read() as session:
        service = session.get(QueueService, args.service.strip().upper())
        if service is None:
            raise ValidationError(f"no queue service {args.service!r}")
        now = datetime.now(timezone.utc)
        ticket = TicketDoc(
            center_name=center.get(session, "center.name"), number=number, service_name=service.name,
            issued_at=now, waiting_ahead=0, qr_text=f"{number}|{now.date().isoformat()}",
        )
    data = printing.render_ticket(ticket, width_mm=args.width, fmt=args.format)
    _write_out(args.out, data)
    emit({"out": args.out, "bytes": len(data)}) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_speak(ctx: Context, args) -> int:
    from app.numbers_vi import announcement_clips, announcement_text
    from app.resources import resource
    from devices.voice import ClipLibrary, build_announcement

    if args.counter < 1:
        raise ValidationError("--counter must be 1 or more")
    keys = announcement_clips(args.number, args.counter)
    dirs = [Path(p) for p in (ctx.settings.get("voice.sounds_dir"), str(ctx.data_dir / "sounds")) if p]
    library = ClipLibrary([d for d in dirs if d.is_dir()] + [resource("sounds")])
    data = build_announcement(keys, library)
    _write_out(args.out, data)
    result = {"out": args.out, "text": announcement_text(args.number, args.counter), "bytes": len(data)}
    emit(result) if args.json else print_line(f"{args.out}: {result['text']}")
    return 0


def cmd_station(ctx: Context, args) -> int:
    """Open a station window (counter, kiosk, display) on this database."""
    store = ctx.store()
    if args.command == "counter":
        from ui.counter import run_counter

        return run_counter(store, ctx.settings)
    if args.command == "kiosk":
        from ui.kiosk import run_kiosk

        return run_kiosk(store, ctx.settings)
    from ui.display import run_display

    return run_display(store, ctx.settings)


# --- plumbing ----------------------------------------------------------------------------------------


def print_line(text: str) -> None:
    sys.stdout.write(text + "\n")


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="motcua", description="Một cửa: reception counters of a public administrative service center")
    parser.add_argument("--version", action="version", version=f"motcua {__version__}")
    parser.add_argument("--db", help="database URL (postgresql://...) or SQLite path (env MOTCUA_DB)")
    parser.add_argument("--data-dir", help="data folder (env MOTCUA_DATA_DIR)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(group, name: str, func: Callable, help_text: str, json_flag: bool = True):
        p = group.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print one JSON document")
        return p

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="sub", metavar="ACTION", required=True)
    add(db, "upgrade", cmd_db_upgrade, "migrate the database schema to this version")
    add(db, "status", cmd_db_status, "show the schema revision")

    demo = sub.add_parser("demo", help="demo data").add_subparsers(dest="sub", metavar="ACTION", required=True)
    add(demo, "seed", cmd_demo_seed, "load the demo center, departments, officers and catalog (idempotent)")

    cat = sub.add_parser("catalog", help="procedure catalog").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(cat, "import", cmd_catalog_import, "import procedures from JSON, CSV or XLSX (all or nothing)")
    p.add_argument("path")
    add(cat, "list", cmd_catalog_list, "list procedures")

    cal = sub.add_parser("calendar", help="working-time calendar").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(cal, "due", cmd_calendar_due, "compute a due date-time")
    p.add_argument("--from", dest="from_", required=True, metavar="ISO_DATETIME")
    p.add_argument("--working-days", type=_nonneg_number)
    p.add_argument("--working-hours", type=_nonneg_number)
    p.add_argument("--days", type=_nonneg_int)
    p.add_argument("--same-day", action="store_true")
    p.add_argument("--procedure", metavar="CODE")
    p = add(cal, "import", cmd_calendar_import, "load official day-off schedules (holidays.json format)")
    p.add_argument("file")
    p = add(cal, "holidays", cmd_calendar_holidays, "list the non-weekend days off of a year")
    p.add_argument("--year", type=int, required=True)
    p = add(cal, "lunar", cmd_calendar_lunar, "Vietnamese lunar date of a solar date")
    p.add_argument("date", metavar="YYYY-MM-DD")

    cccd = sub.add_parser("cccd", help="citizen ID card").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(cccd, "parse", cmd_cccd_parse, "parse the QR text of a citizen ID card ('-' reads stdin)")
    p.add_argument("text")

    pr = sub.add_parser("print", help="print forms, lists and tickets to a file").add_subparsers(dest="sub", metavar="WHAT", required=True)
    for form in ("receipt", "supplement", "refusal", "apology", "stop", "control"):
        p = add(pr, form, cmd_print_form, f"form '{form}' of a dossier as PDF")
        p.set_defaults(form=form)
        p.add_argument("code")
        p.add_argument("--out", required=True)
    p = add(pr, "register", cmd_print_register, "the tracking register (form 07) of a date range")
    p.add_argument("--from", dest="from_", required=True, metavar="DATE")
    p.add_argument("--to", required=True, metavar="DATE")
    p.add_argument("--out", required=True)
    p = add(pr, "handover", cmd_print_handover, "the hand-over lists of a round")
    p.add_argument("--round", type=int, required=True)
    p.add_argument("--out", required=True)
    p = add(pr, "ticket", cmd_print_ticket, "a queue ticket")
    p.add_argument("--number", required=True)
    p.add_argument("--service", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--format", choices=("escpos", "png"), default="escpos")
    p.add_argument("--width", type=int, choices=(58, 80), default=80)

    p = add(sub, "speak", cmd_speak, "render a call announcement to a WAV file")
    p.add_argument("--number", required=True)
    p.add_argument("--counter", type=int, required=True)
    p.add_argument("--out", required=True)
    for station in ("counter", "kiosk", "display"):
        add(sub, station, cmd_station, f"open the {station} station", json_flag=False)

    from app import cli_dossier, cli_queue

    cli_dossier.register(sub, add)
    cli_queue.register(sub, add)
    for register in EXTRA_COMMANDS:
        register(sub, add)
    return parser


def _nonneg_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError(f"must be ≥ 0: {text!r}")
    return int(value) if value == int(value) else value


def _nonneg_int(text: str) -> int:
    value = _nonneg_number(text)
    if not isinstance(value, int):
        raise argparse.ArgumentTypeError(f"must be a whole number: {text!r}")
    return value


# Modules that register more commands: each holds argparse definitions only, importing its handlers'
# heavy dependencies inside the handlers, so that building the parser stays cheap.
EXTRA_COMMANDS: list[Callable] = []


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (already printed, exit 2)
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    ctx = None
    try:
        ctx = Context(args)
        from app.logs import setup_logging

        setup_logging(ctx.data_dir / "logs", to_stderr=args.verbose)
        return int(args.func(ctx, args) or 0)
    except ValidationError as exc:
        lines = getattr(exc, "lines", None) or [str(exc)]
        for line in lines:
            sys.stderr.write(f"motcua: {line}\n")
        return 2
    except AppError as exc:
        sys.stderr.write(f"motcua: {exc}\n")
        return 2 if exc.__class__.__name__ == "SchemaMismatchError" else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the one place that catches everything: log it, say one line
        log.exception("unexpected failure in %s", getattr(args, "command", "?"))
        sys.stderr.write(f"motcua: unexpected error: {exc.__class__.__name__}: {exc}\n")
        return 1
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    sys.exit(main())
