"""The front door: ``motcua [--db URL] [--data-dir DIR] [--user NAME] COMMAND``.

Exit codes: 0 success; 2 bad input or a rule that refuses (one clear line on stderr, one per bad row
for imports, never a traceback); 1 an unexpected failure (the traceback goes to the log file).
``--json`` prints one JSON document on stdout.

This is the only module of ``app`` that may import the other rooms, and only inside the command that
needs them, so that ``motcua --version`` starts fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from app import __version__
from app.cli.context import Context
from app.errors import AppError, english

log = logging.getLogger("motcua.cli")

# One module per command group; each holds argparse definitions and thin handlers that import their heavy
# dependencies inside, so that building the parser stays cheap (``motcua --version`` starts fast).
COMMAND_GROUPS = ("db", "reference", "prints", "stations", "dossier", "queue", "sync", "files", "devices", "backup",
                  "fees", "feedback", "users", "reports", "audit", "privacy")


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = Parser(prog="motcua", description="Một cửa: reception counters of a public administrative service center")
    parser.add_argument("--version", action="version", version=f"motcua {__version__}")
    parser.add_argument("--db", help="database URL (postgresql://...) or SQLite path (env MOTCUA_DB)")
    parser.add_argument("--data-dir", help="data folder (env MOTCUA_DATA_DIR)")
    parser.add_argument("--user", help="act as this user (env MOTCUA_USER); the password comes from env "
                        "MOTCUA_PASSWORD or stdin")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(group, name: str, func: Callable, help_text: str, json_flag: bool = True):
        p = group.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print one JSON document")
        return p

    for name in COMMAND_GROUPS:
        importlib.import_module(f"app.cli.{name}").register(sub, add)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (already printed, exit 2)
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    ctx = None
    from app.fsmode import private_files, tighten

    private_files()  # the data dir's files (database, store, backups, logs) are readable by this user only
    try:
        ctx = Context(args)
        tighten(ctx.data_dir)
        from app.logs import setup_logging

        setup_logging(ctx.data_dir / "logs", to_stderr=args.verbose)
        return int(args.func(ctx, args) or 0)
    except AppError as exc:  # a known error: its English words, one line each, and its class's exit code
        for line in getattr(exc, "lines", None) or [english(exc.code, exc.params)]:
            sys.stderr.write(f"motcua: {line}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the one place that catches everything: log it, say one line
        log.exception("unexpected failure in %s", getattr(args, "command", "?"))
        from app.logs import scrub

        first = scrub(str(exc)).splitlines()[0] if str(exc) else ""  # no statement, no parameters on screen
        sys.stderr.write(f"motcua: unexpected error: {exc.__class__.__name__}: {first}\n")
        return 1
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    sys.exit(main())
