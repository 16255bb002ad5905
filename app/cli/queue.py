"""``motcua queue ...``: tickets, calls and the queue's status (argparse only here)."""

from __future__ import annotations

from app.cli.output import emit, field_text, int_in, print_line

COUNTER = int_in(1, 9_999)


def _actor(ctx):
    return ctx.officer()


def cmd_issue(ctx, args) -> int:
    from app.services import queue

    with ctx.store().write() as session:
        t = queue.issue(session, _actor(ctx), args.service, priority=args.priority)
    emit(t.to_json()) if args.json else print_line(f"{t.number} ({t.service_name}), {t.waiting_ahead} người đang chờ trước")
    return 0


def cmd_call(ctx, args) -> int:
    from app.services import queue

    with ctx.store().write() as session:
        t = queue.call_next(session, _actor(ctx), args.counter)
        result = {"ticket": queue.ticket_json(t)}
    emit(result) if args.json else print_line(f"{t.number} -> quầy {args.counter}" if t else "no ticket waiting")
    return 0


def _simple(name: str):
    def handler(ctx, args) -> int:
        from app.services import queue

        with ctx.store().write() as session:
            t = getattr(queue, name)(session, _actor(ctx), args.counter)
            result = {"ticket": queue.ticket_json(t)}
        emit(result) if args.json else print_line(f"{t.number}: {name}")
        return 0

    return handler


def cmd_transfer(ctx, args) -> int:
    from app.services import queue

    with ctx.store().write() as session:
        t = queue.transfer(session, _actor(ctx), args.counter, to_service=args.to_service, to_counter=args.to_counter)
        result = {"ticket": queue.ticket_json(t)}
    emit(result) if args.json else print_line(f"{t.number} transferred")
    return 0


def cmd_requeue(ctx, args) -> int:
    from app.services import queue

    with ctx.store().write() as session:
        t = queue.requeue(session, _actor(ctx), args.number)
        result = {"ticket": queue.ticket_json(t)}
    emit(result) if args.json else print_line(f"{t.number} is waiting again")
    return 0


def cmd_pause(ctx, args) -> int:
    from app.services import queue

    with ctx.store().write() as session:
        if args.resume:
            queue.resume(session, _actor(ctx), args.counter)
        else:
            queue.pause(session, _actor(ctx), args.counter, args.reason or "")
    print_line("ok")
    return 0


def cmd_status(ctx, args) -> int:
    from app.services import queue

    with ctx.store(readonly=True).read() as session:
        data = queue.status(session)
    if args.json:
        emit(data)
    else:
        for s in data["services"]:
            print_line(f"{s['code']} {s['name']}: {s['waiting']} waiting (~{s['estimated_wait_minutes']} min)")
        for c in data["counters"]:
            print_line(f"counter {c['number']}: {c['current']['number'] if c['current'] else '-'}{' (paused)' if c['paused'] else ''}")
    return 0


def register(sub, add) -> None:
    group = sub.add_parser("queue", help="queue tickets and calls").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(group, "issue", cmd_issue, "issue a ticket")
    p.add_argument("--service", type=field_text("service", required=True), required=True)
    p.add_argument("--priority", type=field_text("service"), help="priority group code (elderly, disabled, pregnant, small_child)")
    p = add(group, "call", cmd_call, "call the next ticket at a counter")
    p.add_argument("--counter", type=COUNTER, required=True)
    for name in ("recall", "skip", "done"):
        p = add(group, name, _simple(name), f"{name} the counter's current ticket")
        p.add_argument("--counter", type=COUNTER, required=True)
    p = add(group, "transfer", cmd_transfer, "send the current ticket to another service or counter")
    p.add_argument("--counter", type=COUNTER, required=True)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--to-service", type=field_text("service"))
    target.add_argument("--to-counter", type=COUNTER)
    p = add(group, "requeue", cmd_requeue, "bring a skipped ticket back")
    p.add_argument("--number", type=field_text("ticket_number", required=True), required=True)
    p = add(group, "pause", cmd_pause, "pause (or --resume) a counter", json_flag=False)
    p.add_argument("--counter", type=COUNTER, required=True)
    p.add_argument("--reason", type=field_text("pause_reason"))
    p.add_argument("--resume", action="store_true")
    add(group, "status", cmd_status, "waiting per service and current ticket per counter")
