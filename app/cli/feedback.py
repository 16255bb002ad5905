"""``motcua rate`` and ``motcua complaint add|answer|inform|list|overdue``: satisfaction and the register.

- ``rate --ticket A012 --score 1..5 [--scale 3|5]``: one rating for that visit (the latest ticket with this
  number); a second one is refused (exit 2). The scale defaults to the center's ``ratings.scale``.
- ``complaint add --file F.json``: one entry of the complaints and feedback register (keys of
  ``app.services.complaints.FIELDS``); prints its number and deadline.
- ``complaint answer ID --text T``; ``complaint inform ID --via phone|sms|email|letter|counter``.
- ``complaint list [--state open|answered|closed]``, ``complaint overdue``.
"""

from __future__ import annotations

from app.cli.output import emit, int_in, print_line


def cmd_rate(ctx, args) -> int:
    from app.services import ratings

    with ctx.store().write() as session:
        result = ratings.record(session, ctx.officer(), ticket=args.ticket, score=args.score, scale=args.scale, source="cli")
    emit(result) if args.json else print_line(f"{result['ticket']} {result['score']}/{result['scale']} {result['level']}")
    return 0


def _line(c: dict) -> str:
    return f"{c['number']} {c['state']} hạn {c['due_at']} {c['contact_name']}"


def cmd_add(ctx, args) -> int:
    from app.errors import ValidationError
    from app.fields import read_json_file
    from app.services import complaints

    data = read_json_file(args.file)
    if not isinstance(data, dict):
        raise ValidationError("complaint_not_object")
    with ctx.store().write() as session:
        result = complaints.add(session, ctx.officer(), data)
    emit(result) if args.json else print_line(_line(result))
    return 0


def cmd_answer(ctx, args) -> int:
    from app.services import complaints

    with ctx.store().write() as session:
        result = complaints.answer(session, ctx.officer(), args.id, text=args.text)
    emit(result) if args.json else print_line(_line(result))
    return 0


def cmd_inform(ctx, args) -> int:
    from app.services import complaints

    with ctx.store().write() as session:
        result = complaints.inform(session, ctx.officer(), args.id, via=args.via)
    emit(result) if args.json else print_line(_line(result))
    return 0


def cmd_list(ctx, args) -> int:
    from app.services import complaints

    with ctx.store(readonly=True).read() as session:
        rows = complaints.overdue(session) if args.overdue_only else complaints.listing(session, state=args.state)
    if args.json:
        emit(rows)
    else:
        for c in rows:
            print_line(_line(c))
    return 0


def register(sub, add) -> None:
    p = add(sub, "rate", cmd_rate, "record a citizen's satisfaction with one visit")
    p.add_argument("--ticket", required=True, metavar="NUMBER")
    p.add_argument("--score", type=int_in(1, 5), required=True)
    p.add_argument("--scale", type=int, choices=(3, 5), help="default: the center's ratings.scale")
    group = sub.add_parser("complaint", help="the complaints and feedback register").add_subparsers(
        dest="sub", metavar="WHAT", required=True)
    p = add(group, "add", cmd_add, "enter a complaint or feedback from a JSON file")
    p.add_argument("--file", required=True, metavar="F.json")
    p = add(group, "answer", cmd_answer, "record the answer")
    p.add_argument("id", metavar="ID")
    p.add_argument("--text", required=True, metavar="T")
    p = add(group, "inform", cmd_inform, "the citizen was told the answer")
    p.add_argument("id", metavar="ID")
    p.add_argument("--via", required=True, choices=("phone", "sms", "email", "letter", "counter"))
    p = add(group, "list", cmd_list, "the register, newest first")
    p.add_argument("--state", choices=("open", "answered", "closed"))
    p.set_defaults(overdue_only=False)
    p = add(group, "overdue", cmd_list, "open entries past their deadline")
    p.set_defaults(overdue_only=True, state=None)
