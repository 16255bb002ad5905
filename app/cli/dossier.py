"""``motcua dossier ...``: intake, lifecycle actions, search and the deadline board (argparse only here;
the handlers import the services they need)."""

from __future__ import annotations

from app.cli.output import emit, field_text, int_in, print_line, when_text
from app.errors import ValidationError

ACTIONS = (
    "transfer", "request-supplement", "supplement-complete", "finish", "refuse", "request-payment",
    "stop", "apologize", "withdraw", "return", "correct", "cancel",
)


def _read_json(path: str):
    from app.fields import read_json_file

    return read_json_file(path)


def cmd_receive(ctx, args) -> int:
    from app.services import dossiers
    from app.workcal import parse_local

    req = dossiers.parse_intake(_read_json(args.file))
    received_at = parse_local(args.received_at) if args.received_at else None
    with ctx.store().write() as session:
        d = dossiers.receive(session, ctx.officer(), req, received_at=received_at, on_missing=args.on_missing, reason=args.reason)
        result = {k: v for k, v in dossiers.summary_json(d).items() if k in ("id", "code", "status", "status_code", "received_at", "due_at")}
    emit(result) if args.json else print_line(f"{result['code']} {result['status']} hẹn trả {result['due_at'] or '-'}")
    return 0


RECEIVE_KEYS = ("id", "code", "status", "status_code", "received_at", "due_at")


def cmd_online(ctx, args) -> int:
    from app.services import province

    with ctx.store().read() as session:
        items = province.waiting_online(session)
    if args.json:
        emit(items)
    else:
        for item in items:
            print_line(f"{item['province_code']:<24} {item['arrived_at']}")
    return 0


def cmd_receive_online(ctx, args) -> int:
    from app.services import dossiers, province

    with ctx.store().write() as session:
        d = province.receive_online(session, ctx.officer(), args.code, on_missing=args.on_missing, reason=args.reason)
        result = {k: v for k, v in dossiers.summary_json(d).items() if k in RECEIVE_KEYS}
    emit(result) if args.json else print_line(f"{result['code']} {result['status']} hẹn trả {result['due_at'] or '-'}")
    return 0


def cmd_show(ctx, args) -> int:
    from app.services import dossiers, privacy

    with ctx.store().write() as session:  # showing the applicant in full is audited (dossier.view_personal)
        data = dossiers.dossier_json(privacy.view_personal(session, ctx.officer(), args.code, purpose="cli.show"))
    if args.json:
        emit(data)
    else:
        print_line(f"{data['code']} [{data['status']}] v{data['version']} {data['procedure']['name']}")
        print_line(f"  applicant: {data['applicant']['full_name']}  due: {data['due_at'] or '-'}")
        for e in data["events"]:
            print_line(f"  {e['occurred_at']} {e['kind']:<22} {e['actor']} {e['note'] or ''}")
    return 0


def cmd_search(ctx, args) -> int:
    from app.services import dossiers, search

    with ctx.store(readonly=True).read() as session:
        items = [dossiers.summary_json(d) for d in search.search(session, args.text, limit=args.limit)]
    if args.json:
        emit(items)
    else:
        for d in items:
            print_line(f"{d['code']:<28} {d['status']:<22} {d['applicant']}")
    return 0


def cmd_action(ctx, args) -> int:
    from app.services import dossiers
    from app.workcal import parse_local

    changes = None
    if getattr(args, "file", None):
        changes = _read_json(args.file)
        if not isinstance(changes, dict):
            raise ValidationError("correction_not_object")
    data = dossiers.ActionInput(
        reason=args.reason,
        items=[x.strip() for x in args.items.split(",") if x.strip()] if args.items else None,
        new_due=parse_local(args.new_due) if args.new_due else None,
        to=args.to,
        collector_id=args.collector_id,
        tracking=args.tracking,
        department=args.department,
        at=parse_local(args.at) if args.at else None,
        changes=changes,
        expected_version=args.expected_version,
    )
    with ctx.store().write() as session:
        d = dossiers.act(session, ctx.officer(), args.code, args.action, data)
        result = dossiers.summary_json(d)
    emit(result) if args.json else print_line(f"{result['code']} {result['status']} hẹn trả {result['due_at'] or '-'}")
    return 0


def cmd_handover(ctx, args) -> int:
    from app.services import handover
    from app.workcal import parse_local

    with ctx.store().write() as session:
        rnd = handover.run_round(session, ctx.officer(), at=parse_local(args.at) if args.at else None)
        result = handover.round_json(rnd)
    if args.json:
        emit(result)
    else:
        print_line(f"round {result['round_id']} at {result['at']}: {result['count']} dossiers")
        for dept in result["departments"]:
            print_line(f"  {dept['department']}: {len(dept['dossiers'])}")
    return 0


def cmd_board(ctx, args) -> int:
    from app.services.board import board

    with ctx.store(readonly=True).read() as session:
        data = board(session, within_days=args.within)
    if args.json:
        emit(data)
    else:
        print_line(" ".join(f"{k}={v}" for k, v in data["center"].items()))
    return 0


def _code(text: str) -> str:
    import argparse

    value = text.strip()
    if not value or len(value) > 60 or not value.isprintable():
        raise argparse.ArgumentTypeError("a dossier code: up to 60 printable characters")
    return value


def _search_text(text: str) -> str:
    import argparse

    if len(text) > 200 or not text.isprintable():
        raise argparse.ArgumentTypeError("search text: up to 200 printable characters")
    return text


def register(sub, add) -> None:
    group = sub.add_parser("dossier", help="dossiers (hồ sơ)").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(group, "receive", cmd_receive, "receive a dossier from a JSON file")
    p.add_argument("--file", required=True)
    p.add_argument("--received-at", type=when_text, help="a dossier taken on paper while the station was down (audited)")
    p.add_argument("--on-missing", choices=("reject", "request-supplement", "refuse"), default="reject")
    p.add_argument("--reason", type=field_text("reason"))
    add(group, "online", cmd_online, "online dossiers waiting at the counter (Hồ sơ trực tuyến)")
    p = add(group, "receive-online", cmd_receive_online, "receive an online dossier after checking its papers")
    p.add_argument("code", help="the province's code of the online dossier")
    p.add_argument("--on-missing", choices=("reject", "request-supplement", "refuse"), default="reject")
    p.add_argument("--reason")
    from app.cli.files import register_dossier

    register_dossier(group, add)
    p = add(group, "show", cmd_show, "show a dossier with its history")
    p.add_argument("code", type=_code)
    p = add(group, "search", cmd_search, "search by code, applicant name, ID number or phone")
    p.add_argument("text", type=_search_text)
    p.add_argument("--limit", type=int_in(1, 1000), default=50)
    p = add(group, "handover-round", cmd_handover, "run a hand-over round")
    p.add_argument("--at", type=when_text)
    p = add(group, "board", cmd_board, "the deadline board")
    p.add_argument("--within", type=int_in(0, 365), default=2, help="'due soon' horizon in working days")
    for action in ACTIONS:
        p = add(group, action, cmd_action, f"{action.replace('-', ' ')} a dossier")
        p.set_defaults(action=action)
        p.add_argument("code", type=_code)
        p.add_argument("--reason", type=field_text("reason"))
        p.add_argument("--items", type=field_text("note"), help="comma-separated document item codes (supplement request)")
        p.add_argument("--new-due", type=when_text, help="new appointment (apologize; supplement-complete without catalog time)")
        p.add_argument("--to", type=field_text("department"), help="department (transfer) or the collector's name (return)")
        p.add_argument("--collector-id", type=field_text("id_number"))
        p.add_argument("--tracking", type=field_text("tracking"))
        p.add_argument("--department", type=field_text("department"))
        p.add_argument("--expected-version", type=int_in(1, 2**31 - 1), metavar="N",
                       help="the version you saw (dossier show); refused if someone changed the dossier since")
        p.add_argument("--at", type=when_text, help="when it happened (between the last event and now; audited)")
        if action == "correct":
            p.add_argument("--file", help='JSON: {"applicant": {...}, "submitter": {...}, "documents": [...], "sets": n}')
