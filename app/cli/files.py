"""``motcua files ...`` (verify, collect, export the content store) and the handlers of ``dossier attach`` /
``dossier files`` (registered with the dossier group)."""

from __future__ import annotations

from pathlib import Path

from app.cli.output import emit, field_text, print_line
from app.errors import ValidationError

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


def _files(ctx):
    from app.filestore import content_store

    return content_store(ctx.store().dialect, ctx.data_dir)


def pdf_of(paths: list[Path]) -> tuple[bytes, int]:
    """One PDF of the given files: a PDF alone is kept as it is; images become pages with their JPEG streams
    embedded unchanged (img2pdf: no second lossy encode)."""
    import img2pdf
    import pikepdf

    for path in paths:
        if not path.is_file():
            raise ValidationError("file_not_found", path=str(path))
    if len(paths) == 1 and paths[0].suffix.lower() == ".pdf":
        data = paths[0].read_bytes()
        try:
            with pikepdf.open(paths[0]) as pdf:
                return data, len(pdf.pages)
        except pikepdf.PdfError:
            raise ValidationError("pdf_unreadable", path=str(paths[0])) from None
    bad = [p for p in paths if p.suffix.lower() not in IMAGE_SUFFIXES]
    if bad:
        raise ValidationError("attach_file_kind", path=str(bad[0]))
    try:
        data = img2pdf.convert([str(p) for p in paths])
    except (img2pdf.ImageOpenError, ValueError, OSError) as exc:
        raise ValidationError("images_unreadable", exc=str(exc)) from None
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        return data, len(pdf.pages)


def cmd_attach(ctx, args) -> int:
    from app.services import files

    store = ctx.store()
    if args.scanner:
        data, pages, dpi, color_mode = _scan(ctx, store, args)
        source = "scan"
    else:
        data, pages = pdf_of([Path(p) for p in args.file])
        dpi, color_mode, source = args.dpi, "color" if args.color else None, "import"
    with store.write() as session:
        row = files.attach(session, _files(ctx), ctx.officer(), args.code, args.item, data, pages=pages,
                           dpi=dpi, color_mode=color_mode, source=source,
                           station=str(ctx.settings.get("station.counter") or ""))
        result = {"item": row.item_code, "sha256": row.sha256, "pages": row.pages, "bytes": row.size}
    emit(result) if args.json else print_line(f"{result['item']}: {result['pages']} page(s), {result['bytes']} bytes")
    return 0


def _scan(ctx, store, args) -> tuple[bytes, int, int, str]:
    """Scan one item with the scanner at ``args.scanner`` (an address: sim://, sane://, folder://, wia://):
    center defaults for dpi and colour, blank pages dropped, one image PDF. A device failure is exit 2 and
    nothing is stored."""
    from app.services import center
    from devices.base import DeviceError
    from devices.pages import PageOptions, build_pdf, kept_pages
    from devices.scan_job import run_scan
    from devices.scanner import MIN_DPI, ScanRequest
    from devices.scanners import open_scanner

    with store.read() as session:
        defaults = {k: center.get(session, k) for k in ("scan.dpi", "scan.color_mode", "scan.blank_threshold")}
    dpi = args.dpi or int(defaults["scan.dpi"])
    if dpi < MIN_DPI:
        raise ValidationError("scan_dpi_low", dpi=dpi, minimum=MIN_DPI)
    color_mode = "color" if args.color else str(defaults["scan.color_mode"])
    if args.pages is not None and args.pages < 1:
        raise ValidationError("scan_pages_invalid")
    try:
        request = ScanRequest(source="feeder", dpi=dpi, color_mode=color_mode, max_pages=args.pages)
    except ValueError as exc:
        raise ValidationError("scan_request_invalid", reason=str(exc)) from None
    try:
        scanner = open_scanner(args.scanner)
    except DeviceError as exc:
        raise ValidationError("scanner_failed", scanner=args.scanner, kind=exc.kind, message=exc.message) from None
    with scanner:
        try:
            caps = scanner.capabilities()
        except DeviceError as exc:
            raise ValidationError("scanner_failed", scanner=args.scanner, kind=exc.kind, message=exc.message) from None
        if "feeder" not in caps.sources:
            request = ScanRequest(source="flatbed", dpi=dpi, color_mode=color_mode, max_pages=args.pages)
        outcome = run_scan(scanner, request, options=PageOptions(blank_threshold=float(defaults["scan.blank_threshold"])))
    if outcome.error is not None:
        raise ValidationError("scanner_failed_after", scanner=args.scanner, kind=outcome.error.kind,
                              pages=len(outcome.pages), message=outcome.error.message)
    include = kept_pages(outcome.pages)
    if not include:
        raise ValidationError("scan_no_pages", scanner=args.scanner)
    document = build_pdf(outcome.pages, include)
    return document.data, document.page_count, dpi, color_mode


def cmd_dossier_files(ctx, args) -> int:
    from app.services import files

    with ctx.store().read() as session:
        items = files.dossier_files(session, args.code)
    if args.json:
        emit(items)
    else:
        for item in items:
            print_line(f"{item['item']:<10} {item['pages']:>3} tr.  {item['bytes']:>9} B  {item['sha256'][:16]}…")
    return 0


def cmd_export(ctx, args) -> int:
    import os

    from app.services import files

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ValidationError("out_not_a_folder", path=str(out))
    out.mkdir(parents=True, exist_ok=True)
    from app.services import privacy

    written = []
    with ctx.store().write() as session:  # the export is audited (who, why, how many files) with the reading
        items = files.dossier_files(session, args.code)
        privacy.record_export(session, ctx.officer(), args.code, "files", args.reason, count=len(items))
        for item in items:
            data = files.read_item(session, _files(ctx), args.code, item["item"])
            target = out / f"{item['item']}.pdf"
            tmp = target.with_name(f".{target.name}.tmp")
            try:
                tmp.write_bytes(data)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
            written.append(str(target))
    emit({"files": written}) if args.json else print_line(f"{len(written)} file(s) in {out}")
    return 0


def cmd_verify(ctx, args) -> int:
    from app.services import files

    with ctx.store().read() as session:
        problems = files.verify(session, _files(ctx))
    if args.json:
        emit({"ok": not problems, "problems": problems})
    else:
        for p in problems:
            owners = ", ".join(f"{o['dossier']} {o['item']}" for o in p["belongs_to"]) or "no dossier"
            print_line(f"{p['problem']:<8} {p['sha256']}  ({owners})")
        print_line("all files match" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def cmd_gc(ctx, args) -> int:
    from app.services import files

    with ctx.store().write() as session:
        removed = files.collect_garbage(session, _files(ctx), older_than_days=args.older_than)
    emit({"removed": removed}) if args.json else print_line(f"{len(removed)} unreferenced file(s) removed")
    return 0


def register(sub, add) -> None:
    group = sub.add_parser("files", help="stored files (scans, archived forms)").add_subparsers(dest="sub", metavar="ACTION", required=True)
    p = add(group, "export", cmd_export, "one PDF per digitized item of a dossier, named by item code")
    p.add_argument("code")
    p.add_argument("--out", required=True)
    p.add_argument("--reason", required=True, type=field_text("reason"), help="why the files leave the center (audited)")
    add(group, "verify", cmd_verify, "find missing, damaged or extra stored files (exit 1 when any)")
    p = add(group, "gc", cmd_gc, "remove stored files no dossier refers to, after a grace period")
    p.add_argument("--older-than", type=int, default=7, metavar="DAYS")


def register_dossier(group, add) -> None:
    """``dossier attach`` and ``dossier files``, added to the dossier group."""
    p = add(group, "attach", cmd_attach, "attach a digitized document item (PDF or images) to a dossier")
    p.add_argument("code")
    p.add_argument("--item", required=True)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", nargs="+", metavar="PATH")
    source.add_argument("--scanner", metavar="NAME")
    p.add_argument("--pages", type=int)
    p.add_argument("--dpi", type=int, default=None)
    p.add_argument("--color", action="store_true")
    p = add(group, "files", cmd_dossier_files, "the digitized items of a dossier")
    p.add_argument("code")
