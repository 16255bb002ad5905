"""``motcua privacy anonymize [--dry-run]``: anonymize closed dossiers past retention that the province has
acknowledged, and delete their stored files (``app.services.privacy``)."""

from __future__ import annotations

from app.cli.output import emit, print_line


def cmd_anonymize(ctx, args) -> int:
    from app.filestore import content_store
    from app.services import privacy

    store = ctx.store()
    files = content_store(store.dialect, ctx.data_dir)
    with store.write() as session:
        result = privacy.anonymize(session, files, ctx.admin(), dry_run=args.dry_run)
    if args.json:
        emit(result)
    else:
        verb = "would anonymize" if args.dry_run else "anonymized"
        print_line(f"{verb} {len(result['dossiers'])} dossier(s) older than {result['retention_years']} years; "
                   f"{result['files_deleted']} stored file(s) deleted")
        for code in result["dossiers"]:
            print_line(f"  {code}")
    return 0


def register(sub, add) -> None:
    group = sub.add_parser("privacy", help="personal data: retention").add_subparsers(dest="sub", metavar="ACTION",
                                                                                    required=True)
    p = add(group, "anonymize", cmd_anonymize, "anonymize dossiers past retention and acknowledged by the province")
    p.add_argument("--dry-run", action="store_true", help="only list what would be anonymized")
