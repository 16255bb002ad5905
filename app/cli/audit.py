"""``motcua audit verify|show|head``: the tamper-evident audit log.

``verify`` exits 0 when the chain is intact and 1 naming the first broken entry (edited, deleted,
reordered, truncated; ``--expect SEQ:HASH`` also checks a head written on paper or held by the province).
``show [--object ID] --json`` lists entries (ids only); ``head`` prints the chain head to write down.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.output import emit, print_line


def _expected(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise argparse.ArgumentTypeError("expected SEQ:HASH (a number, a colon and 64 hex digits)")
    return int(seq), digest


def _province_head(ctx, args) -> tuple[int, str] | None:
    """The last audit head the province holds (``--province``): None when it holds none."""
    from app.cli.sync import _url
    from app.errors import RuleError, ValidationError
    from sync.adapter import ConfigError, SendFailure
    from sync.worker import make_adapter

    try:
        answer = make_adapter(_url(ctx, args), ca_bundle=args.ca_bundle).audit_head()
    except ConfigError as exc:
        raise ValidationError("sync_config_refused", reason=str(exc)) from None
    except SendFailure as exc:
        raise RuleError("province_head_unreachable", kind=exc.kind) from None
    return None if answer is None else (answer["audit_seq"], answer["audit_hash"])


def cmd_verify(ctx, args) -> int:
    from app.services import audit_chain

    expected = args.expect
    province = None
    if args.province:
        if expected is not None:
            from app.errors import ValidationError

            raise ValidationError("audit_expect_or_province")
        expected = province = _province_head(ctx, args)
    with ctx.store(readonly=True).read() as session:
        verdict = audit_chain.verify(session, ctx.admin(), expected=expected)
    if args.json:
        extra = {"province_head": None if province is None else {"audit_seq": province[0], "audit_hash": province[1]}} \
            if args.province else {}
        emit({**verdict.as_dict(), "message": verdict.sentence(), **extra})
    elif verdict.ok:
        print_line(verdict.sentence())
    else:
        sys.stderr.write(f"motcua: {verdict.sentence()}\n")
    return 0 if verdict.ok else 1


def cmd_show(ctx, args) -> int:
    from app.services import audit_chain

    with ctx.store(readonly=True).read() as session:
        items = audit_chain.entries(session, ctx.admin(), object_id=args.object, limit=args.limit)
    if args.json:
        emit(items)
    else:
        for e in items:
            print_line(f"{e['seq']:>7} {e['at_local']} {e['actor']:<12} {e['station'] or '-':<10} {e['action']:<24} "
                       f"{e['object'] or ''}")
    return 0


def cmd_head(ctx, args) -> int:
    from app.services import audit_chain

    with ctx.store(readonly=True).read() as session:
        head = audit_chain.head(session, ctx.admin())
    if args.json:
        emit(head)
    else:
        print_line(f"audit head {head['seq']}:{head['hash']}")
    return 0


def register(sub, add) -> None:
    from app.cli.output import int_in

    group = sub.add_parser("audit", help="the tamper-evident audit log").add_subparsers(dest="sub", metavar="ACTION",
                                                                                       required=True)
    p = add(group, "verify", cmd_verify, "check the audit chain (exit 1 naming the first broken entry)")
    p.add_argument("--expect", type=_expected, metavar="SEQ:HASH", help="a chain head recorded outside (paper, sync)")
    p.add_argument("--province", action="store_true",
                   help="also check the last chain head the province was sent by sync (center setting sync.url)")
    p.add_argument("--url", help="the provincial system's address (default: the center setting sync.url)")
    p.add_argument("--ca-bundle", help="the CA certificates to trust for the provincial link")
    p = add(group, "show", cmd_show, "list audit entries, oldest first")
    p.add_argument("--object", help="only the entries about this object id (a dossier code, a ticket...)")
    p.add_argument("--limit", type=int_in(1, 1_000_000), default=None)
    add(group, "head", cmd_head, "the chain head (sequence number and hash) to write down or compare")
