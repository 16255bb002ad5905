"""``motcua sync ...`` (the outbox and the provincial link) and ``motcua sim ...`` (the provincial simulator)."""

from __future__ import annotations

from pathlib import Path

from app.cli.output import emit, print_line
from app.errors import ValidationError


def _url(ctx, args) -> str:
    if getattr(args, "url", None):
        return args.url
    from app.services import center

    with ctx.store().read() as session:
        url = center.get(session, "sync.url")
    if not url:
        raise ValidationError("sync_url_missing")
    return url


def cmd_sync_run(ctx, args) -> int:
    from sync.adapter import ConfigError
    from sync.worker import SyncBusy, make_adapter, run_once

    url = _url(ctx, args)
    try:
        adapter = make_adapter(url, ca_bundle=args.ca_bundle)
        from app.filestore import content_store

        store = ctx.store()
        result = run_once(store, adapter, batch_size=args.batch, files=content_store(store.dialect, ctx.data_dir))
    except ConfigError as exc:
        raise ValidationError("sync_config_refused", reason=str(exc)) from None
    except SyncBusy:
        raise ValidationError("sync_busy") from None
    if args.json:
        emit(result)
    else:
        p = result["pushed"]
        print_line(f"sent {p['sent']}, to retry {p['retry']}, needs attention {p['attention']}")
    return 0


def cmd_sync_status(ctx, args) -> int:
    from sync.worker import status

    result = status(ctx.store())
    emit(result) if args.json else print_line(" ".join(f"{k}={v}" for k, v in result.items()))
    return 0


def cmd_sync_retry(ctx, args) -> int:
    from sync.push import retry

    if not args.all and args.item is None:
        raise ValidationError("sync_retry_what")
    count = retry(ctx.store(), None if args.all else args.item)
    if not args.all and count == 0:
        raise ValidationError("sync_item_not_waiting", item=args.item)
    emit({"retried": count}) if args.json else print_line(f"{count} item(s) will be sent again")
    return 0


def cmd_sync_login(ctx, args) -> int:
    import sys

    from sync.worker import store_credentials

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    if not password:
        raise ValidationError("password_stdin_needed")
    store_credentials(_url(ctx, args), args.username, password)
    emit({"stored": True}) if args.json else print_line("credentials stored in the OS keyring")
    return 0


def cmd_sim_serve(ctx, args) -> int:
    from sync.simulator import serve

    if not 0 <= args.fault_rate <= 1:
        raise ValidationError("fault_rate_range")
    data = Path(args.data) if args.data else ctx.data_dir / "province-sim"
    serve(args.host, args.port, data, fault_rate=args.fault_rate, latency_ms=args.latency_ms,
          tls=tuple(args.tls) if args.tls else None, seed=args.seed, hang_s=args.hang_s)
    return 0


def _admin(url: str, action: str, body: dict) -> dict:
    import requests

    try:
        response = requests.post(f"{url.rstrip('/')}/admin/{action}", json=body, timeout=10)
    except requests.RequestException as exc:
        raise ValidationError("sim_unreachable", url=url, kind=exc.__class__.__name__) from None
    data = response.json() if "json" in response.headers.get("Content-Type", "") else {}
    if response.status_code != 200:
        raise ValidationError("sim_refused", reason=data.get("message") or response.status_code)
    return data


def cmd_sim_set_status(ctx, args) -> int:
    from app.lifecycle import STATUS_CODES

    if STATUS_CODES.get(args.status) is None:
        raise ValidationError("sim_status_unknown", known=", ".join(k for k, v in STATUS_CODES.items() if v))
    result = _admin(args.url, "set-status", {"code": args.code, "status": args.status, "note": args.note})
    emit(result) if args.json else print_line(f"{args.code} -> {args.status}")
    return 0


def cmd_sim_add_online(ctx, args) -> int:
    from app.cli.dossier import _read_json
    from app.services.dossiers import parse_intake

    data = _read_json(args.file)
    parse_intake(data)  # the same JSON as `dossier receive`: refuse it here if the counter would
    result = _admin(args.url, "add-online", data)
    emit(result) if args.json else print_line(result["code"])
    return 0


def register(sub, add) -> None:
    group = sub.add_parser("sync", help="sync with the provincial system").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(group, "run", cmd_sync_run, "push the outbox and pull changes once")
    p.add_argument("--once", action="store_true", help="one run (the default for the command line)")
    p.add_argument("--url", help="provincial endpoint (default: the center setting sync.url)")
    p.add_argument("--ca-bundle", help="a CA bundle to verify the province's certificate with")
    p.add_argument("--batch", type=int, default=200, choices=range(1, 501), metavar="1..500")
    add(group, "status", cmd_sync_status, "pending, sending, sent, needs attention, conflicts, last success")
    p = add(group, "retry", cmd_sync_retry, "send items that need attention again")
    p.add_argument("item", nargs="?", type=int)
    p.add_argument("--all", action="store_true")
    p = add(group, "login", cmd_sync_login, "store the provincial credentials in the OS keyring")
    p.add_argument("--url")
    p.add_argument("--username", required=True)
    p.add_argument("--password-stdin", action="store_true")

    sim = sub.add_parser("sim", help="the provincial simulator").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(sim, "serve", cmd_sim_serve, "run the provincial simulator (HTTP)", json_flag=False)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--data", help="folder for the simulator's SQLite file")
    p.add_argument("--fault-rate", type=float, default=0.0)
    p.add_argument("--latency-ms", type=int, default=0)
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--seed", type=int, help="fault sequence seed (repeatable runs)")
    p.add_argument("--hang-s", type=float, default=5.0, help="how long a 'hang' fault holds the request")
    admin_parser = sim.add_parser("admin", help="act on the province's side")
    admin_parser.add_argument("--url", required=True)
    actions = admin_parser.add_subparsers(dest="admin_action", metavar="ACTION", required=True)
    p = add(actions, "set-status", cmd_sim_set_status, "change a dossier's status at the province")
    p.add_argument("code")
    p.add_argument("status")
    p.add_argument("--note")
    p = add(actions, "add-online", cmd_sim_add_online, "create an online dossier (prints the province's code)")
    p.add_argument("--file", required=True)
