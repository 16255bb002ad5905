"""The station's backups: one now (``motcua backup``), the scheduled daily one to ``backup.folder`` (a USB
disk) keeping the ``backup.keep`` newest, and what the status bar shows about the last success.

The last success and the last failure are recorded in this station's data dir (``backup-state.json``), not
in the center's database: the backup folder is this PC's disk, the job runs as the local ``system`` actor
whether or not anyone is signed in, and a station that cannot reach the database still knows when its last
copy was made. Which thread: a worker thread (never the GUI thread, never the store thread: a backup holds
its own connection for seconds). Failures: ``ValidationError`` with a code, also recorded in the state.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from app.backup import ARCHIVE_PREFIX, ARCHIVE_SUFFIX, backup_postgresql, backup_sqlite
from app.errors import AppError, ValidationError
from app.workcal import VN_TZ

log = logging.getLogger(__name__)

STATE_FILE = "backup-state.json"
#: the status bar warns when the last success is older than this
STALE_AFTER = timedelta(days=2)
#: after a failed scheduled run, wait this long before trying again (the USB disk may come back)
RETRY_AFTER = timedelta(minutes=30)
MAX_KEEP = 365
ARCHIVE = re.compile(re.escape(ARCHIVE_PREFIX) + r"\d{8}-\d{6}" + re.escape(ARCHIVE_SUFFIX))
LEFTOVER = re.compile(r"\." + re.escape(ARCHIVE_PREFIX) + r".*\.tmp")


@dataclass(frozen=True)
class Schedule:
    folder: str
    keep: int
    at: time


def schedule(settings) -> Schedule:
    """The station's ``backup.*`` settings, checked."""
    keep = settings.get("backup.keep")
    if not 1 <= keep <= MAX_KEEP:
        raise ValidationError("backup_keep_invalid", keep=keep)
    text = str(settings.get("backup.time")).strip()
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
    if not match:
        raise ValidationError("backup_time_invalid", value=text)
    return Schedule(str(settings.get("backup.folder") or "").strip(), keep, time(int(match.group(1)), int(match.group(2))))


def make_backup(db_url: str, data_dir: Path, out: str | Path, *, now: datetime | None = None, progress=None) -> dict[str, Any]:
    """One backup of the station's database (SQLite: with the data dir's stored files; PostgreSQL: pg_dump)."""
    from app.store.engine import normalize_url

    url = normalize_url(db_url)
    if url.startswith("sqlite:///"):
        return backup_sqlite(Path(url[len("sqlite:///"):]), data_dir / "files", out, work_dir=data_dir, now=now,
                             progress=progress)
    if url.startswith("postgresql"):
        return backup_postgresql(db_url, out, now=now)
    raise ValidationError("database_unsupported", backend=url.split(":", 1)[0])


def archives(folder: Path) -> list[Path]:
    """The backups in ``folder`` made by this program (by their names), oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if ARCHIVE.fullmatch(p.name) and p.is_file())


def rotate(folder: Path, keep: int, *, now: datetime | None = None) -> list[str]:
    """Keep the ``keep`` newest backups in ``folder``; remove older ones, and temporary files a crashed run
    left behind more than a day ago. Nothing else in the folder is touched. Returns the names removed."""
    if keep < 1:
        raise ValidationError("backup_keep_invalid", keep=keep)
    found = archives(folder)
    removed = []
    for path in found[:-keep]:
        path.unlink(missing_ok=True)
        removed.append(path.name)
    cutoff = (now or datetime.now(timezone.utc)).timestamp() - 86400
    for path in folder.iterdir() if folder.is_dir() else ():
        if LEFTOVER.fullmatch(path.name) and path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed


# -- the state of this station's backups --------------------------------------------------------------------


def load_state(data_dir: Path) -> dict[str, Any]:
    """``{"last_success": iso, "last_path": ..., "last_failure": iso, "last_error": code}``; empty when none
    (or unreadable: a damaged state file only means the status bar warns until the next success)."""
    try:
        state = json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _stamp(state: dict[str, Any], key: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(str(state.get(key)))
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else None


def _save_state(data_dir: Path, state: dict[str, Any]) -> None:
    path = data_dir / STATE_FILE
    tmp = path.with_name(f".{STATE_FILE}.tmp")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        log.warning("cannot record the backup state in %s", path, exc_info=True)
        tmp.unlink(missing_ok=True)


def record_success(data_dir: Path, result: dict[str, Any], now: datetime) -> None:
    state = load_state(data_dir)
    state.update(last_success=now.isoformat(timespec="seconds"), last_path=result["path"], last_error=None)
    _save_state(data_dir, state)


def record_failure(data_dir: Path, code: str, now: datetime) -> None:
    state = load_state(data_dir)
    state.update(last_failure=now.isoformat(timespec="seconds"), last_error=code)
    _save_state(data_dir, state)


def due(plan: Schedule, state: dict[str, Any], now: datetime) -> bool:
    """Whether the scheduled backup should run at ``now``: its time of day has passed (Vietnam time) and no
    success came since, and no failure in the last ``RETRY_AFTER``."""
    if not plan.folder:
        return False
    local = now.astimezone(VN_TZ)
    slot = datetime.combine(local.date(), plan.at, VN_TZ)
    if local < slot:
        slot -= timedelta(days=1)
    last = _stamp(state, "last_success")
    if last is not None and last >= slot:
        return False
    failed = _stamp(state, "last_failure")
    return failed is None or now - failed >= RETRY_AFTER


def run_scheduled(db_url: str, data_dir: Path, settings, *, now: datetime | None = None) -> dict[str, Any]:
    """The daily backup into ``backup.folder``, then the rotation; recorded in the state either way. The
    folder is never created: a missing USB disk must not turn into a folder on the local disk."""
    now = now or datetime.now(timezone.utc)
    try:
        plan = schedule(settings)
        if not plan.folder:
            raise ValidationError("backup_folder_not_set")
        folder = Path(plan.folder).expanduser()
        if not folder.is_dir():
            raise ValidationError("backup_folder_missing", path=str(folder))
        result = make_backup(db_url, data_dir, folder, now=now)
        result["removed"] = rotate(folder, plan.keep, now=now)
    except AppError as exc:
        record_failure(data_dir, exc.code, now)
        raise
    except Exception:
        record_failure(data_dir, "unexpected", now)
        raise
    record_success(data_dir, result, now)
    return result


@dataclass(frozen=True)
class BackupStatus:
    """What the status bar shows. ``level``: ``ok`` | ``warn``; ``problem``: None | ``not_set`` |
    ``folder_missing`` | ``never`` | ``stale`` | ``failed`` (the last attempt failed after the last success)."""

    level: str
    last_success: datetime | None
    problem: str | None
    error: str | None = None


def status(settings, data_dir: Path, *, now: datetime | None = None) -> BackupStatus:
    """The state of this station's backups (reads the state file and looks for the folder: a worker thread)."""
    now = now or datetime.now(timezone.utc)
    state = load_state(data_dir)
    last = _stamp(state, "last_success")
    failed = _stamp(state, "last_failure")
    try:
        plan = schedule(settings)
    except ValidationError as exc:
        return BackupStatus("warn", last, "failed", exc.code)
    if not plan.folder:
        return BackupStatus("warn", last, "not_set")
    if not Path(plan.folder).expanduser().is_dir():
        return BackupStatus("warn", last, "folder_missing")
    if last is None:
        return BackupStatus("warn", None, "failed" if failed else "never", state.get("last_error"))
    if now - last > STALE_AFTER:
        return BackupStatus("warn", last, "stale", state.get("last_error"))
    if failed is not None and failed > last:
        return BackupStatus("warn", last, "failed", state.get("last_error"))
    return BackupStatus("ok", last, None)


def tick(db_url: str, data_dir: Path, settings, *, now: datetime | None = None) -> tuple[BackupStatus, dict[str, Any] | None]:
    """What the station's timer runs (a worker thread): the scheduled backup when it is due, then the status.
    A failed backup is recorded and shows in the status; it is never raised to the timer."""
    now = now or datetime.now(timezone.utc)
    result = None
    try:
        plan = schedule(settings)
    except ValidationError:
        plan = None
    if plan is not None and due(plan, load_state(data_dir), now):
        try:
            result = run_scheduled(db_url, data_dir, settings, now=now)
        except Exception:  # recorded in the state by run_scheduled; the status says it failed
            log.warning("the scheduled backup failed", exc_info=True)
    return status(settings, data_dir, now=now), result
