"""One logging setup: a rotating file in the data dir, one format, warnings captured, and a bounded
in-memory tail for the technician's diagnostics view.

No personal data in the log: the database engines never put statement parameters in their errors
(``hide_parameters``), and every line written (tracebacks included) goes through ``scrub``, which blanks
what still looks like a citizen's data (ID and phone numbers, e-mail addresses, a statement's
``[parameters: ...]``). A log file that cannot be written (a full or read-only disk) stays quiet: the
failure is counted, never printed as a traceback on the officer's screen.
"""

from __future__ import annotations

import collections
import logging
import logging.handlers
import re
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

_SCRUB = (
    # SQLAlchemy's rendering of a statement's parameters, up to the end of that line.
    (re.compile(r"\[parameters: [^\n]*"), "[parameters: (hidden)]"),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "(e-mail)"),
    # 9 to 12 digits in a row, possibly with spaces or dots inside (ID numbers, phone numbers).
    (re.compile(r"(?<![\w.-])\+?\d(?:[ .]?\d){8,11}(?![\w-])"), "(number)"),
    # PostgreSQL repeats the offending values: DETAIL:  Key (id_number)=(001089012345) already exists.
    (re.compile(r"(DETAIL:\s+Key \([^)]*\)=)\([^)]*\)"), r"\1(hidden)"),
    (re.compile(r"(DETAIL:\s+Failing row contains )\([^\n]*"), r"\1(hidden)"),
)


def scrub(text: str) -> str:
    """``text`` with what looks like personal data blanked (for the log file and the error line)."""
    for pattern, replacement in _SCRUB:
        text = pattern.sub(replacement, text)
    return text


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose own failures (disk full, read-only, deleted folder) are counted and
    otherwise ignored: logging's default prints "--- Logging error ---" and a traceback on stderr."""

    failures = 0

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failures += 1
        try:
            if self.stream is not None:
                self.stream.close()
        except OSError:
            pass
        self.stream = None  # reopened on the next record, in case space came back


class TailHandler(logging.Handler):
    """Keeps the last ``size`` formatted records in memory."""

    def __init__(self, size: int = 500) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=size)
        self.setFormatter(ScrubbingFormatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


TAIL = TailHandler()


def setup_logging(log_dir: Path | None, *, to_stderr: bool = False, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if getattr(root, "_motcua_configured", False):
        return
    root.setLevel(level)
    root.addHandler(TAIL)
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = QuietRotatingFileHandler(
                log_dir / "motcua.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
            )
            handler.setFormatter(ScrubbingFormatter(FORMAT))
            root.addHandler(handler)
        except OSError:
            pass
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setFormatter(ScrubbingFormatter(FORMAT))
        root.addHandler(stream)
    logging.captureWarnings(True)
    # Alembic announces every plugin and context at INFO on each start; the upgrade itself is logged by us.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    root._motcua_configured = True  # type: ignore[attr-defined]
