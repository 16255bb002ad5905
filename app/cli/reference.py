"""``motcua catalog ...``, ``calendar ...`` and ``cccd parse``: the reference data and rules."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.output import emit, int_in, nonneg_int, nonneg_number, print_line, when_text
from app.errors import ValidationError


def cmd_catalog_import(ctx, args) -> int:
    from app.catalog_io import read_catalog
    from app.services import catalog

    procedures = read_catalog(Path(args.path))

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and total > catalog.IMPORT_BATCH:  # a terminal only: scripts get one line
            sys.stderr.write(f"\r{done}/{total}" + ("\n" if done == total else ""))

    with ctx.store().write() as session:
        counts = catalog.import_procedures(session, ctx.admin(), procedures, progress=progress)
    emit(counts) if args.json else print_line(f"{counts['created']} created, {counts['updated']} updated")
    return 0


def cmd_catalog_list(ctx, args) -> int:
    from app.services import catalog

    with ctx.store(readonly=True).read() as session:
        items = [catalog.procedure_json(p) for p in catalog.list_procedures(session)]
    if args.json:
        emit(items)
    else:
        for p in items:
            print_line(f"{p['code']:<12} {p['field']:<20} {p['name']}")
    return 0


def _calendar_session(ctx):
    """A read-only session, or None when there is no database yet and the calendar shipped with the
    application will do (a reading command never creates a database)."""
    from contextlib import nullcontext

    if not ctx.database_exists():
        return nullcontext(None)
    return ctx.store(readonly=True).read()


def _shipped_calendar():
    import json

    from app.holidays import HolidayTable, parse_schedule
    from app.resources import resource
    from app.workcal import WorkCalendar, WorkingHours

    data = json.loads(resource("data", "holidays.json").read_text(encoding="utf-8"))
    return WorkCalendar(WorkingHours(), HolidayTable(parse_schedule(data)))


def cmd_calendar_due(ctx, args) -> int:
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
        raise ValidationError("cli_one_amount_only")
    if args.procedure and not ctx.database_exists():
        raise ValidationError("cli_procedure_no_database", procedure=args.procedure, db_url=ctx.db_url)
    with _calendar_session(ctx) as session:
        calendar = load_calendar(session) if session is not None else _shipped_calendar()
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
            raise ValidationError("cli_amount_missing")
        if amount is None and unit != "same_day":
            raise ValidationError("cli_procedure_no_time", procedure=args.procedure)
    due = calendar.due(received, amount or 0, unit, after_15h_next_day=after_15)
    text = format_local(due)
    emit({"due_at": text}) if args.json else print_line(text)
    return 0


def cmd_calendar_import(ctx, args) -> int:
    from app.services.calendar import import_schedule

    from app.fields import read_json_file

    path = Path(args.file)
    data = read_json_file(path)
    if not isinstance(data, dict):
        raise ValidationError("holidays_file_invalid", path=path)
    with ctx.store().write() as session:
        count = import_schedule(session, ctx.admin(), data, source=path.name)
    emit({"imported": count}) if args.json else print_line(f"{count} calendar entries imported")
    return 0


def cmd_calendar_holidays(ctx, args) -> int:
    from app.services.calendar import holidays_json, load_calendar

    if not 1900 <= args.year <= 2199:
        raise ValidationError("cli_year_out_of_range")
    with _calendar_session(ctx) as session:
        calendar = load_calendar(session) if session is not None else _shipped_calendar()
    items = holidays_json(calendar, args.year)
    if args.json:
        emit(items)
    else:
        for item in items:
            print_line(f"{item['date']}  {'(làm bù) ' if item.get('working') else ''}{item['name']}")
    return 0


def cmd_calendar_lunar(ctx, args) -> int:
    from datetime import date

    from app.lunar import solar_to_lunar

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise ValidationError("cli_date_invalid", date=args.date) from None
    lunar = solar_to_lunar(day)
    result = {"day": lunar.day, "month": lunar.month, "year": lunar.year, "leap": lunar.leap}
    emit(result) if args.json else print_line(f"{lunar.day}/{lunar.month}{' nhuận' if lunar.leap else ''}/{lunar.year}")
    return 0


def cmd_cccd_parse(ctx, args) -> int:
    from app.cccd import parse_cccd

    text = sys.stdin.read() if args.text == "-" else args.text
    data = parse_cccd(text).to_json()
    emit(data) if args.json else print_line(" | ".join(f"{k}: {v}" for k, v in data.items()))
    return 0


def register(sub, add) -> None:
    cat = sub.add_parser("catalog", help="procedure catalog").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(cat, "import", cmd_catalog_import, "import procedures from JSON, CSV or XLSX (all or nothing)")
    p.add_argument("path")
    add(cat, "list", cmd_catalog_list, "list procedures")

    cal = sub.add_parser("calendar", help="working-time calendar").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(cal, "due", cmd_calendar_due, "compute a due date-time")
    p.add_argument("--from", dest="from_", type=when_text, required=True, metavar="ISO_DATETIME")
    p.add_argument("--working-days", type=nonneg_number)
    p.add_argument("--working-hours", type=nonneg_number)
    p.add_argument("--days", type=nonneg_int)
    p.add_argument("--same-day", action="store_true")
    p.add_argument("--procedure", metavar="CODE")
    p = add(cal, "import", cmd_calendar_import, "load official day-off schedules (holidays.json format)")
    p.add_argument("file")
    p = add(cal, "holidays", cmd_calendar_holidays, "list the non-weekend days off of a year")
    p.add_argument("--year", type=int_in(1900, 2199), required=True)
    p = add(cal, "lunar", cmd_calendar_lunar, "Vietnamese lunar date of a solar date")
    p.add_argument("date", metavar="YYYY-MM-DD")

    cccd = sub.add_parser("cccd", help="citizen ID card").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(cccd, "parse", cmd_cccd_parse, "parse the QR text of a citizen ID card ('-' reads stdin)")
    p.add_argument("text")
