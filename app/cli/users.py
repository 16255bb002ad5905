"""``motcua user add|list|passwd|lock|unlock``: the accounts that sign in (issue 12).

``user add NAME --role ROLE [--role ROLE2] [--password-stdin]``: the new user's password is read from
stdin with ``--password-stdin`` (one line); otherwise asked twice on a terminal, or read as one line of
stdin. On a database without users only an administrator may be added (``--role admin``), and nobody has to
sign in for it; afterwards an administrator signs in (``--user``/``MOTCUA_USER``, ``MOTCUA_PASSWORD`` or the
first line of stdin). ``user passwd NAME``: one's own password (old, new) or, for an administrator, anybody's
(new only). ``user list --json`` never shows a hash.
"""

from __future__ import annotations

from app.cli.output import emit, print_line


def _new_password(ctx, args, name: str) -> str:
    from app.errors import ValidationError

    if getattr(args, "password_stdin", False) or not _tty():
        return ctx.stdin_line("")
    first = ctx.stdin_line(f"new password for {name}: ")
    if ctx.stdin_line("again: ") != first:
        raise ValidationError("password_mismatch")
    return first


def _tty() -> bool:
    import sys

    return sys.stdin is not None and sys.stdin.isatty()


def cmd_add(ctx, args) -> int:
    from app.services import users

    store = ctx.store()
    first = not ctx.has_users()
    actor = None if first else ctx.signed_in()
    password = _new_password(ctx, args, args.name)
    with store.write() as session:
        if first:
            user = users.create_first_admin(session, args.name, password, args.display_name or "", roles=args.role)
        else:
            user = users.create_user(session, actor, args.name, password, args.role, args.display_name or "")
        result = users.describe(user)
    emit(result) if args.json else print_line(f"user {result['username']} added ({' '.join(result['roles'])})")
    return 0


def cmd_list(ctx, args) -> int:
    from app.actors import Actor
    from app.services import users

    store = ctx.store(readonly=True)
    # reading: no sign-in needed; the list shows no hash and no personal data beyond the display name
    with store.read() as session:
        rows = users.list_users(session, Actor(ctx.username() or "cli", "admin"))
    if args.json:
        emit({"users": rows})
    else:
        for r in rows:
            state = "locked" if r["locked"] else ("waiting" if r["waiting_seconds"] else "")
            print_line("\t".join([r["username"], " ".join(r["roles"]), state, "demo" if r["demo"] else ""]).rstrip())
    return 0


def cmd_passwd(ctx, args) -> int:
    from app.errors import RuleError
    from app.services import users

    store = ctx.store()
    actor = ctx.signed_in()
    if actor is None:
        raise RuleError("user_required")
    with store.write() as session:
        if actor.username == args.name.strip().lower() and not actor.may("user.reset_password"):
            old = ctx.stdin_line("current password: ")
            users.change_password(session, actor, old, _new_password(ctx, args, args.name))
        else:
            users.reset_password(session, actor, args.name, _new_password(ctx, args, args.name))
    print_line(f"password of {args.name} changed")
    return 0


def _lock(name: str):
    def handler(ctx, args) -> int:
        from app.services import users

        with ctx.store().write() as session:
            getattr(users, name)(session, ctx.admin(), args.name)
        print_line(f"user {args.name} {name}ed")
        return 0

    return handler


def register(sub, add) -> None:
    from app.permissions import USER_ROLES

    user = sub.add_parser("user", help="users who sign in").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(user, "add", cmd_add, "add a user (the first one must be an administrator)")
    p.add_argument("name")
    p.add_argument("--role", action="append", required=True, choices=USER_ROLES, help="a role; repeat for several")
    p.add_argument("--display-name", help="the name shown in the windows")
    p.add_argument("--password-stdin", action="store_true", help="read the new password from stdin (one line)")
    add(user, "list", cmd_list, "list the users (never their password hashes)")
    p = add(user, "passwd", cmd_passwd, "change a password (an administrator may reset anyone's)", json_flag=False)
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true", help="read the new password from stdin (one line)")
    for name in ("lock", "unlock"):
        p = add(user, name, _lock(name), f"{name} a user", json_flag=False)
        p.add_argument("name")
