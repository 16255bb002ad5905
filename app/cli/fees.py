"""``motcua fees pay|cancel|day|due|month``: fee payments at the counter and the drawer report.

- ``fees pay CODE --amount N --means cash|transfer|online [--reference R] [--exemption G] [--stage intake|return]``:
  the amount must be exactly what is due (after the exemption); prints the receipt number. Exit 2 when
  refused (a wrong amount, nothing due, a transfer without its reference...).
- ``fees cancel RECEIPT --reason T``: RECEIPT is "SERIES NUMBER" as printed, or the number in the current
  series; the fees become due again and the next payment of the dossier replaces the receipt.
- ``fees day --date DATE [--counter N] [--officer U] --json``: what each drawer should hold, by means (an
  officer sees their own drawer only).
- ``--price POS=N`` (pay, due; repeatable): the amount in đồng of a fee the catalog does not price
  ("theo quy định"), by its position.
- ``fees due CODE``, ``fees month --year Y --month M``: what a dossier owes; the month per department and kind.
- ``fees exemption GROUP --name N --legal-basis T --percent P|--amount N``, ``fees exemptions``: the applicant
  groups' exemptions and reductions (the center's set-up; the command line acts as admin).
"""

from __future__ import annotations

from app.cli.output import emit, int_in, print_line
from app.errors import ValidationError


def _station(ctx) -> str:
    from app.services.print_queue import station_name

    return station_name(ctx.settings.get("station.role"), ctx.settings.get("station.counter"))


def _positions(text: str) -> list[int]:
    import argparse

    parts = [x.strip() for x in text.split(",") if x.strip()]
    if not parts or len(parts) > 50 or not all(x.isdigit() and len(x) < 4 for x in parts):
        raise argparse.ArgumentTypeError("fee positions separated by commas, e.g. 1,3")
    return [int(x) for x in parts]


def _price(text: str) -> tuple[int, int]:
    import argparse

    position, _, amount = text.partition("=")
    if not (position.strip().isdigit() and len(position.strip()) < 4 and amount.strip().isdigit() and len(amount.strip()) < 14):
        raise argparse.ArgumentTypeError("a fee's position and its amount in đồng, e.g. 2=50000")
    return int(position), int(amount)


def _money(n: int) -> str:
    return f"{n:,}".replace(",", ".") + " đ"


def cmd_pay(ctx, args) -> int:
    from app.services import fees

    with ctx.store().write() as session:
        result = fees.pay(session, ctx.officer(), args.code, amount=args.amount, means=args.means, reference=args.reference,
                          exemption=args.exemption, stage=args.stage, items=args.items, amounts=dict(args.price or ()),
                          station=_station(ctx))
    receipt = result["receipt"]["receipt"] if result["receipt"] else "-"
    emit(result) if args.json else print_line(f"{result['code']} {_money(result['amount'])} {result['means']} biên lai {receipt}")
    return 0


def cmd_cancel(ctx, args) -> int:
    from app.services import fees

    with ctx.store().write() as session:
        result = fees.cancel(session, ctx.officer(), args.receipt, reason=args.reason)
    emit(result) if args.json else print_line(f"{result['receipt']['receipt']} cancelled ({result['code']}, {_money(result['amount'])})")
    return 0


def cmd_day(ctx, args) -> int:
    from datetime import date

    from app.services import fees

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise ValidationError("cli_date_invalid", date=args.date) from None
    with ctx.store(readonly=True).read() as session:
        report = fees.day_report_for(session, ctx.officer(), day, counter=args.counter, officer=args.officer)
    if args.json:
        emit(report)
    else:
        for d in report["drawers"]:
            means = " ".join(f"{m}={_money(d['by_means'][m])}" for m in fees.MEANS)
            print_line(f"quầy {d['counter'] or '-'} {d['officer']}: {means} tổng {_money(d['total'])}")
        print_line(f"{report['date']}: {_money(report['total'])}, tiền mặt {_money(report['drawer_cash'])}, "
                   f"{len(report['receipts_issued'])} biên lai, {len(report['receipts_cancelled'])} hủy")
    return 0


def cmd_due(ctx, args) -> int:
    from app.services import fees

    with ctx.store(readonly=True).read() as session:
        result = fees.due(session, args.code, stage=args.stage, exemption=args.exemption, items=args.items,
                          amounts=dict(args.price or ()))
    if args.json:
        emit(result)
    elif result["unknown"]:
        print_line(f"{result['code']} {result['stage']}: chưa có mức thu của khoản {', '.join(map(str, result['unknown']))} (--price)")
    else:
        print_line(f"{result['code']} {result['stage']}: {_money(result['amount'])}")
    return 0


def cmd_month(ctx, args) -> int:
    from app.services import fees

    ctx.officer().require("fees.report")
    with ctx.store(readonly=True).read() as session:
        result = fees.month_totals(session, args.year, args.month)
    if args.json:
        emit(result)
    else:
        for r in result["by_department"]:
            print_line(f"{r['department'] or '-'}: phí {_money(r['phi'])}, lệ phí {_money(r['le_phi'])}")
        print_line(f"{args.year}-{args.month:02d}: {_money(result['total'])}")
    return 0


def cmd_exemption(ctx, args) -> int:
    from app.services import fees

    if (args.percent is None) == (args.amount is None):
        raise ValidationError("fee_exemption_invalid", code=args.code)
    with ctx.store().write() as session:
        row = fees.set_exemption(session, ctx.admin(), args.code, name=args.name, legal_basis=args.legal_basis,
                                 percent=args.percent, fixed_amount=args.amount, active=not args.inactive)
    emit(row) if args.json else print_line(f"{row['code']} {row['name']}")
    return 0


def cmd_exemptions(ctx, args) -> int:
    from app.services import fees

    with ctx.store(readonly=True).read() as session:
        rows = fees.exemptions(session, active_only=False)
    if args.json:
        emit(rows)
    else:
        for r in rows:
            off = f"{r['percent']}%" if r["percent"] is not None else _money(r["fixed_amount"])
            print_line(f"{r['code']:<10} -{off:<10} {r['name']} ({r['legal_basis']}){'' if r['active'] else ' [off]'}")
    return 0


def register(sub, add) -> None:
    group = sub.add_parser("fees", help="fee payments, receipts and the drawer report").add_subparsers(
        dest="sub", metavar="WHAT", required=True)
    p = add(group, "pay", cmd_pay, "take the payment of what a dossier owes and issue the fee receipt")
    p.add_argument("code")
    p.add_argument("--amount", type=int_in(0, 10**12), required=True, metavar="N", help="đồng, exactly what is due")
    p.add_argument("--means", choices=("cash", "transfer", "online"), required=True)
    p.add_argument("--reference", metavar="R", help="the transfer's or online payment's transaction code")
    p.add_argument("--exemption", metavar="GROUP", help="the applicant group's exemption code")
    p.add_argument("--stage", choices=("intake", "return"), help="default: return once decided, else intake")
    p.add_argument("--items", type=_positions, metavar="1,3", help="only these fees (their positions); default: all due")
    p.add_argument("--price", type=_price, action="append", metavar="POS=N", help="the amount of a fee the catalog does not price")
    p = add(group, "cancel", cmd_cancel, "cancel a wrong fee receipt (a new one is issued by paying again)")
    p.add_argument("receipt", metavar="RECEIPT")
    p.add_argument("--reason", required=True, metavar="T")
    p = add(group, "day", cmd_day, "the day's drawers by payment means")
    p.add_argument("--date", required=True, metavar="DATE")
    p.add_argument("--counter", type=int_in(1, 999))
    p.add_argument("--officer")
    p = add(group, "due", cmd_due, "what a dossier owes now")
    p.add_argument("code")
    p.add_argument("--exemption", metavar="GROUP")
    p.add_argument("--stage", choices=("intake", "return"))
    p.add_argument("--items", type=_positions, metavar="1,3")
    p.add_argument("--price", type=_price, action="append", metavar="POS=N")
    p = add(group, "exemption", cmd_exemption, "add or change an applicant group's exemption or reduction")
    p.add_argument("code", metavar="GROUP")
    p.add_argument("--name", required=True)
    p.add_argument("--legal-basis", required=True, metavar="TEXT")
    p.add_argument("--percent", type=int_in(1, 100))
    p.add_argument("--amount", type=int_in(1, 10**12), help="a fixed amount off, in đồng")
    p.add_argument("--inactive", action="store_true", help="no longer offered")
    add(group, "exemptions", cmd_exemptions, "the exemptions and reductions configured")
    p = add(group, "month", cmd_month, "a month's totals per department and fee kind")
    p.add_argument("--year", type=int_in(2000, 2999), required=True)
    p.add_argument("--month", type=int_in(1, 12), required=True)
