"""``motcua print queue`` / ``print retry`` / ``print send``: the persistent print queue of this station.

Registered under the ``print`` group by :mod:`app.cli.prints` (one line). The station is
``<station.role>-<station.counter>`` of the station settings unless ``--station`` names another; printers
are the station's ``devices.<name>`` settings (receipt_printer, ticket_printer, a4_printer).
"""

from __future__ import annotations

import sys

from app.cli.output import emit, print_line
from app.errors import RuleError, ValidationError


def _station(ctx, args) -> str:
    from app.services.print_queue import station_name

    return args.station or station_name(ctx.settings.get("station.role"), ctx.settings.get("station.counter"))


def cmd_print_queue(ctx, args) -> int:
    from app.services import print_queue as pq

    station = _station(ctx, args)
    states = [args.state] if args.state else (None if args.all else ["queued", "sending", "failed"])
    with ctx.store().read() as session:
        rows = pq.jobs(session, station=station, printer=args.printer, states=states, limit=args.limit)
        counts = pq.counts(session, station)
    if args.json:
        emit({"station": station, **counts, "jobs": rows})
        return 0
    for job in rows:
        doubt = "  may have printed — retry?" if job["may_have_printed"] else ""
        error = f"  ({job['last_error']})" if job["last_error"] else ""
        what = job["dossier_code"] or job["ticket"] or job["title"] or ""
        print_line(f"{job['id']:>6}  {job['state']:<8} {job['printer']:<16} {job['kind']:<16} {what}{error}{doubt}")
    print_line(f"{counts['waiting']} waiting, {counts['in_doubt']} may have printed")
    return 0


def thermal_width(ctx, printer: str | None) -> dict:
    """``width_mm``/``width_dots`` for the receipt printer ``printer`` from its capability profile
    (``?profile=`` in its setting; building it opens nothing); the generic 80 mm without one."""
    from devices.base import DeviceError
    from devices.printer import open_printer

    url = ctx.settings.get(f"devices.{printer}") if printer else ""
    if not url:
        return {"width_mm": 80}
    try:
        device = open_printer(url, name=printer)
    except DeviceError:
        return {"width_mm": 80}
    profile = device.profile
    return {"width_mm": device.paper_mm, "width_dots": profile.width_dots if profile is not None else None}


def rerender(ctx, session, job: dict, content_type: str, printer: str | None = None) -> bytes:
    """The job's document in ``content_type`` for a printer of the other kind (journey 9: the slip goes
    to the A4 printer). Only dossier receipts exist in both forms; anything else is refused."""
    from app.services import archive
    from app.services.print_data import form_data
    from printing.from_data import dossier as dossier_doc
    from printing.from_data import render_form_data, template

    form = job["kind"].split(":", 1)[1] if ":" in job["kind"] else job["kind"]
    if form != "receipt" or not job["dossier_code"]:
        raise RuleError("print_job_only_as", job=job['id'], kind=job['kind'], content_type=job['content_type'])
    dossier, values = form_data(session, job["dossier_code"], "receipt")
    if content_type == "pdf":
        data, _row, _reprint = archive.reprint_or_render(
            session, ctx.data_dir, ctx.officer(), dossier, "form:receipt", lambda: render_form_data(values)
        )
        return data
    import printing

    return printing.render_receipt_slip(dossier_doc(values["dossier"]), template(values["template"]),
                                        **thermal_width(ctx, printer))


def cmd_print_retry(ctx, args) -> int:
    from app.services import print_queue as pq

    with ctx.store().write() as session:
        job = pq.get(session, args.job)
        target = args.printer or job["printer"]
        wanted = pq.content_type_of(target) if args.printer else job["content_type"]
        if wanted != job["content_type"]:
            data = rerender(ctx, session, job, wanted, target)
            result = pq.retry(session, args.job, printer=target, content_type=wanted, data=data, by=ctx.officer())
        else:
            result = pq.retry(session, args.job, printer=target, by=ctx.officer())
    emit(result) if args.json else print_line(f"job {result['id']} queued on {result['printer']}")
    return 0


def cmd_print_send(ctx, args) -> int:
    """Send this station's waiting jobs of one printer now (the counter and kiosk do it on their own)."""
    from app.services import print_queue as pq
    from devices.base import DeviceError
    from devices.document_printer import open_document_printer
    from devices.printer import open_printer

    kind = pq.content_type_of(args.printer)
    url = ctx.settings.get(f"devices.{args.printer}")
    if not url:
        raise ValidationError("printer_not_configured", printer=args.printer)
    try:
        if kind == "pdf":
            device = open_document_printer(url, spool_dir=ctx.data_dir / "spool")
        else:
            device = open_printer(url, name=args.printer)
    except DeviceError as exc:
        raise ValidationError("printer_setting_invalid", printer=args.printer, message=exc.message) from None
    sender = pq.QueueSender(ctx.store(), station=_station(ctx, args), printer_name=args.printer, printer=device)
    try:
        result = sender.pump()
    finally:
        close = getattr(device, "close", None)
        if close:
            close()
    out = {"sent": result.sent, "failed_job": result.failed_job, "error": result.error_kind, "may_have_printed": sender.in_doubt}
    emit(out) if args.json else print_line(f"{len(result.sent)} sent" + (f"; job {result.failed_job}: {result.error_kind}" if result.failed_job else ""))
    if result.failed_job is not None:
        sys.stderr.write(f"motcua: print job {result.failed_job} not printed: {result.error_kind}\n")
        return 1
    return 0


def register_print(pr, add) -> None:
    """Add the queue commands to the ``print`` group's subparsers ``pr``."""
    p = add(pr, "queue", cmd_print_queue, "this station's print jobs and their state")
    p.add_argument("--station", help="another station's queue, e.g. kiosk-1")
    p.add_argument("--printer", help="only this printer's jobs")
    p.add_argument("--state", choices=("queued", "sending", "done", "failed"))
    p.add_argument("--all", action="store_true", help="done jobs too")
    p.add_argument("--limit", type=int, default=200)
    p = add(pr, "retry", cmd_print_retry, "print a job again (a failed one, or one that may have printed)")
    p.add_argument("job", type=int, metavar="JOB")
    p.add_argument("--printer", metavar="NAME", help="send it to another printer (receipt_printer, a4_printer...)")
    p = add(pr, "send", cmd_print_send, "send this station's waiting jobs of one printer now")
    p.add_argument("--printer", metavar="NAME", default="receipt_printer")
    p.add_argument("--station", help="another station's queue, e.g. kiosk-1")
