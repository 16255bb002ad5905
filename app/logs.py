"""One logging setup: a rotating file in the data dir, one format, warnings captured, and a bounded
in-memory tail for the technician's diagnostics view. No personal data in log messages."""

from __future__ import annotations

import collections
import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


class TailHandler(logging.Handler):
    """Keeps the last ``size`` formatted records in memory."""

    def __init__(self, size: int = 500) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=size)
        self.setFormatter(logging.Formatter(FORMAT))

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
            handler = logging.handlers.RotatingFileHandler(
                log_dir / "motcua.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter(FORMAT))
            root.addHandler(handler)
        except OSError:
            pass
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(stream)
    logging.captureWarnings(True)
    # Alembic announces every plugin and context at INFO on each start; the upgrade itself is logged by us.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    root._motcua_configured = True  # type: ignore[attr-defined]
