"""``motcua backup --out PATH`` and ``motcua restore PATH [--data-dir DIR]`` (docs/backup.md).

``backup`` only reads: it needs no signed-in user. ``restore`` writes a new data dir and never touches the
station's own database, so it needs none either (the restored database keeps its own users).
"""

from __future__ import annotations

from pathlib import Path

from app.cli.output import emit, print_line


def _progress_line(done: int, total: int) -> None:  # pragma: no cover - a terminal nicety
    import sys

    if sys.stderr.isatty() and total:
        sys.stderr.write(f"\r{done * 100 // total:3d} %")
        sys.stderr.flush()


def cmd_backup(ctx, args) -> int:
    from app.services.backups import make_backup

    result = make_backup(ctx.db_url, ctx.data_dir, args.out, progress=_progress_line)
    if args.json:
        emit(result)
    else:
        print_line(f"backup written: {result['path']} ({result['counts']['dossiers']} dossier(s), "
                   f"{result['files']} file(s), {result['bytes']} bytes)")
        for digest in result["missing"]:
            print_line(f"warning: stored file {digest} is missing or damaged and is not in the backup")
    return 0


def cmd_restore(ctx, args) -> int:
    from app import backup

    archive = Path(args.path).expanduser()
    if args.check:
        manifest = backup.verify_archive(archive, progress=_progress_line)
        result = {"ok": True, "dialect": manifest.dialect, "schema_revision": manifest.schema_revision,
                  "created_at": manifest.created_at, "counts": manifest.counts, "files": len(manifest.files)}
        emit(result) if args.json else print_line(f"backup intact: {manifest.counts['dossiers']} dossier(s), "
                                                  f"{len(manifest.files) or len(manifest.store_items)} file(s)")
        return 0
    target = Path(args.target).expanduser() if args.target else ctx.data_dir
    result = backup.restore(archive, target, replace=args.replace, progress=_progress_line)
    result.update(_check_restored(target))
    if args.json:
        emit(result)
    else:
        print_line(f"restored into {result['path']}: revision {result['revision']}, "
                   f"{result['counts']['dossiers']} dossier(s), {result['files']} file(s)")
        if result["moved_aside"]:
            print_line(f"the earlier database and files are in {result['moved_aside']}")
        for problem in result["problems"]:
            print_line(f"{problem['problem']:<8} {problem['sha256']}")
    return 1 if result["problems"] else 0


def _check_restored(target: Path) -> dict:
    """Open the restored database (bringing an older schema up to this program's), verify its files."""
    from app.backup import DB_NAME
    from app.filestore import FolderStore
    from app.services import files
    from app.store import migrate
    from app.store.session import Store

    store = Store.open(str(target / DB_NAME))
    try:
        with store.read() as session:
            problems = files.verify(session, FolderStore(target / "files"))
        revision = migrate.current_revision(store.engine)
    finally:
        store.close()
    return {"revision": revision, "up_to_date": revision == migrate.head_revision(), "problems": problems}


def register(sub, add) -> None:
    p = add(sub, "backup", cmd_backup, "an online copy of the database and the stored files, with a manifest of hashes")
    p.add_argument("--out", required=True, help="the archive (.zip) to write, or a folder to write it in")
    p = add(sub, "restore", cmd_restore, "verify a backup, then restore it into a new data dir")
    p.add_argument("path", help="the backup archive (.zip)")
    p.add_argument("--data-dir", dest="target", help="the data dir to restore into (default: the station's)")
    p.add_argument("--replace", action="store_true",
                   help="the data dir may hold a database: move it and its files aside (nothing is deleted)")
    p.add_argument("--check", action="store_true", help="only verify the backup; change nothing")
