"""``motcua report ...``: the director's figures as one JSON document, as an XLSX or PDF file, and the
tracking register (form 07) as XLSX."""

from __future__ import annotations

from app.cli.output import check_out, emit, print_line, write_out
from app.errors import ValidationError


def _dates(args):
    from datetime import date

    try:
        return date.fromisoformat(args.from_), date.fromisoformat(args.to)
    except ValueError:
        raise ValidationError("cli_dates_invalid") from None


def cmd_summary(ctx, args) -> int:
    from app.services import reports

    first, last = _dates(args)
    with ctx.store(readonly=True).read() as session:
        doc = reports.summary(session, ctx.admin(), first, last)
    if args.json:
        emit(doc)
        return 0
    from printing.report_layout import INDICATOR_NAMES

    print_line(f"{first.isoformat()} .. {last.isoformat()}")
    for key, ind in doc["indicators"].items():
        value = "-" if ind["value"] is None else f"{ind['value']}{'' if ind['unit'] == 'days' else ' %'}"
        print_line(f"  {key:22} {value:>10}  ({INDICATOR_NAMES[key]})")
    return 0


def render(doc: dict, suffix: str, template: dict) -> bytes:
    """The report document as the bytes of an .xlsx or .pdf file."""
    if suffix == ".xlsx":
        from printing.xlsx_report import render_report_xlsx

        return render_report_xlsx(doc)
    from printing.from_data import template as make_template
    from printing.pdf_report import render_report_pdf

    return render_report_pdf(doc, make_template(template))


def _suffix(path: str, allowed: tuple[str, ...]) -> str:
    from pathlib import Path

    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise ValidationError("report_out_kind", path=path)
    return suffix


def cmd_export(ctx, args) -> int:
    from app.services import reports
    from app.services.print_data import load_template

    check_out(args.out)
    suffix = _suffix(args.out, (".xlsx", ".pdf"))
    first, last = _dates(args)
    with ctx.store(readonly=True).read() as session:
        doc = reports.export_document(session, ctx.admin(), first, last)
        template = load_template(session)
    data = render(doc, suffix, template)
    write_out(args.out, data)
    emit({"out": args.out, "bytes": len(data)}) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_register(ctx, args) -> int:
    from app.services.print_data import register_data
    from printing.xlsx_report import render_register_xlsx

    check_out(args.out)
    _suffix(args.out, (".xlsx",))
    first, last = _dates(args)
    with ctx.store(readonly=True).read() as session:
        values = register_data(session, first, last)
    data = render_register_xlsx(values)
    write_out(args.out, data)
    result = {"out": args.out, "bytes": len(data), "rows": len(values["rows"])}
    emit(result) if args.json else print_line(f"{args.out} ({len(values['rows'])} dossiers, {len(data)} bytes)")
    return 0


def cmd_refresh(ctx, args) -> int:
    """Build the daily roll-ups of the closed days not built yet, a month of days per unit of work."""
    from app.services import report_rollups

    store = ctx.store()
    ctx.admin().require("report.view")
    days = 0
    while True:
        with store.write() as session:
            built = report_rollups.refresh(session, limit=report_rollups.REFRESH_CHUNK)
        days += built
        if built < report_rollups.REFRESH_CHUNK:
            break
    emit({"days": days}) if args.json else print_line(f"{days} days rolled up")
    return 0


def register(sub, add) -> None:
    rp = sub.add_parser("report", help="the director's reports").add_subparsers(dest="sub", metavar="WHAT", required=True)
    add(rp, "refresh", cmd_refresh, "build the daily roll-ups of the closed days not built yet (reports read them)")
    for name, func, text in (
        ("summary", cmd_summary, "the figures of a period (Decision 766 indicators, officers, services)"),
        ("export", cmd_export, "the figures of a period as an .xlsx or .pdf file"),
        ("register", cmd_register, "the tracking register (form 07) of a date range as .xlsx"),
    ):
        p = add(rp, name, func, text)
        p.add_argument("--from", dest="from_", required=True, metavar="DATE")
        p.add_argument("--to", required=True, metavar="DATE")
        if name != "summary":
            p.add_argument("--out", required=True, metavar="PATH")
