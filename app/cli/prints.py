"""``motcua print ...`` and ``motcua speak``: forms, lists, tickets and announcements to files."""

from __future__ import annotations

from pathlib import Path

from app.cli.output import check_out, emit, print_line, write_out
from app.errors import ValidationError


def cmd_print_form(ctx, args) -> int:
    from app.services import archive
    from app.services.print_data import form_data
    from printing.from_data import render_form_data

    check_out(args.out)
    store = ctx.store()
    officer = ctx.officer()
    with store.write() as session:
        dossier, values = form_data(session, args.code, args.form, actor=officer.username)
        data, row, reprinted = archive.reprint_or_render(
            session, ctx.data_dir, officer, dossier, f"form:{args.form}", lambda: render_form_data(values)
        )
        digest = row.sha256
    write_out(args.out, data)
    result = {"form": args.form, "code": dossier.code, "out": args.out, "sha256": digest, "bytes": len(data),
              "reprint": reprinted}
    emit(result) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_print_register(ctx, args) -> int:
    from datetime import date

    from app.services.print_data import register_data
    from printing.from_data import render_register_data

    check_out(args.out)
    try:
        start, end = date.fromisoformat(args.from_), date.fromisoformat(args.to)
    except ValueError:
        raise ValidationError("cli_dates_invalid") from None
    with ctx.store().read() as session:
        values = register_data(session, start, end)
    data = render_register_data(values)
    write_out(args.out, data)
    emit({"out": args.out, "bytes": len(data)}) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_print_handover(ctx, args) -> int:
    from app.services.print_data import handover_data
    from printing.from_data import render_handover_data

    check_out(args.out)
    with ctx.store().read() as session:
        values = handover_data(session, args.round)
    data = render_handover_data(values)
    write_out(args.out, data)
    emit({"out": args.out, "bytes": len(data)}) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_print_ticket(ctx, args) -> int:
    import printing
    from app.services.print_data import plain_ticket_doc
    from printing.from_data import ticket

    check_out(args.out)
    with ctx.store().read() as session:
        values = plain_ticket_doc(session, args.number, args.service)
    data = printing.render_ticket(ticket(values), width_mm=args.width, fmt=args.format)
    write_out(args.out, data)
    emit({"out": args.out, "bytes": len(data)}) if args.json else print_line(f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_print_fee_receipt(ctx, args) -> int:
    from app.services import archive, fees
    from app.services.dossier_events import get_dossier
    from printing.fee_receipt import render_fee_receipt_data

    check_out(args.out)
    officer = ctx.officer()
    officer.require("document.print")
    with ctx.store().write() as session:
        values = fees.receipt_print_data(session, args.code)
        data = render_fee_receipt_data(values)
        dossier = get_dossier(session, args.code)
        row = archive.keep(session, ctx.data_dir, officer, data, kind=f"fee_receipt:{values['receipt']['number']}",
                           dossier_id=dossier.id)
        digest = row.sha256
    write_out(args.out, data)
    receipt = f"{values['receipt']['series']} {values['receipt']['number']}"
    result = {"code": dossier.code, "receipt": receipt, "copies": values["copies"], "out": args.out, "sha256": digest,
              "bytes": len(data)}
    emit(result) if args.json else print_line(f"{args.out} ({len(data)} bytes, {receipt})")
    return 0


def cmd_speak(ctx, args) -> int:
    from app.numbers_vi import announcement_clips, announcement_text
    from app.resources import resource
    from devices.voice import ClipLibrary, build_announcement

    check_out(args.out)
    if args.counter < 1:
        raise ValidationError("cli_counter_invalid")
    keys = announcement_clips(args.number, args.counter)
    dirs = [Path(p) for p in (ctx.settings.get("voice.sounds_dir"), str(ctx.data_dir / "sounds")) if p]
    library = ClipLibrary([d for d in dirs if d.is_dir()] + [resource("sounds")])
    data = build_announcement(keys, library)
    write_out(args.out, data)
    result = {"out": args.out, "text": announcement_text(args.number, args.counter), "bytes": len(data)}
    emit(result) if args.json else print_line(f"{args.out}: {result['text']}")
    return 0


def register(sub, add) -> None:
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
    p = add(pr, "fee-receipt", cmd_print_fee_receipt, "the dossier's fee receipt (biên lai) as PDF")
    p.add_argument("code")
    p.add_argument("--out", required=True)
    from app.cli.print_jobs import register_print  # the print queue: queue, retry, send

    register_print(pr, add)

    p = add(sub, "speak", cmd_speak, "render a call announcement to a WAV file")
    p.add_argument("--number", required=True)
    p.add_argument("--counter", type=int, required=True)
    p.add_argument("--out", required=True)
