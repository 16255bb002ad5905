"""``motcua db ...`` and ``motcua demo seed``."""

from __future__ import annotations

from app.cli.output import emit, print_line


def cmd_db_upgrade(ctx, args) -> int:
    from app.services.bootstrap import bootstrap
    from app.store import migrate

    store = ctx.store(migrate=False)
    backup = migrate.upgrade(store.engine)
    bootstrap(store)
    result = {"revision": migrate.current_revision(store.engine), "backup": backup}
    if args.json:
        emit(result)
    else:
        print_line(f"database at revision {result['revision']}" + (f" (backup: {backup})" if backup else ""))
    return 0


def cmd_db_status(ctx, args) -> int:
    from app.store import migrate

    store = ctx.store(migrate=False)
    result = {
        "dialect": store.dialect,
        "revision": migrate.current_revision(store.engine),
        "head": migrate.head_revision(),
    }
    result["up_to_date"] = result["revision"] == result["head"]
    emit(result) if args.json else print_line(" ".join(f"{k}={v}" for k, v in result.items()))
    return 0


def cmd_demo_seed(ctx, args) -> int:
    from app.services import demo

    with ctx.store().write() as session:
        counts = demo.seed(session, ctx.admin())
    emit(counts) if args.json else print_line(f"demo data loaded: {counts['created']} procedures created, {counts['updated']} updated")
    return 0


def register(sub, add) -> None:
    db = sub.add_parser("db", help="database schema").add_subparsers(dest="sub", metavar="ACTION", required=True)
    add(db, "upgrade", cmd_db_upgrade, "migrate the database schema to this version")
    add(db, "status", cmd_db_status, "show the schema revision")

    demo = sub.add_parser("demo", help="demo data").add_subparsers(dest="sub", metavar="ACTION", required=True)
    add(demo, "seed", cmd_demo_seed, "load the demo center, departments, officers and catalog (idempotent)")
