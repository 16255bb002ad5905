"""Schema migrations: run at start-up on SQLite (after a backup copy), only by ``motcua db upgrade``
on a shared PostgreSQL (under an advisory lock); refuse a database on another revision.

Which thread: start-up / CLI, before any window opens. Failures raise ``SchemaMismatchError``.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from alembic import command
from app.errors import SchemaMismatchError, StoreError, ValidationError
from app.workcal import VN_TZ

log = logging.getLogger(__name__)

# Any fixed 64-bit number: one key for "schema migration in progress" across the center.
PG_MIGRATION_LOCK = 0x6D6F74637561_01


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).resolve().parent.parent / "migrations"))
    return cfg


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _script().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
    return rev


def upgrade(engine: Engine, revision: str = "head", *, backup: bool = True) -> str | None:
    """Upgrade the schema to ``revision``. Returns the backup path (SQLite) or None."""
    current = current_revision(engine)
    _refuse_unknown(current)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup_path = None
    if engine.dialect.name == "sqlite":
        if backup and current is not None:
            backup_path = backup_sqlite(engine, current)
        _run_upgrade(engine, target)
    else:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_MIGRATION_LOCK})
            conn.commit()
            try:
                # Another station may have migrated while we waited for the lock.
                if current_revision(engine) != target:
                    _run_upgrade(engine, target)
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_MIGRATION_LOCK})
                conn.commit()
    log.info("schema upgraded from %s to %s", current, target)
    return str(backup_path) if backup_path else None


def _run_upgrade(engine: Engine, target: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def _refuse_unknown(current: str | None) -> None:
    if current is not None and current not in known_revisions():
        raise SchemaMismatchError("schema_too_new", current=current, head=head_revision())


def check_revision(engine: Engine) -> None:
    """Refuse to start on a database whose schema is not the one this code expects."""
    current = current_revision(engine)
    _refuse_unknown(current)
    head = head_revision()
    if current != head:
        raise SchemaMismatchError("schema_outdated", current=current or 'none', head=head)


def backup_sqlite(engine: Engine, revision: str) -> Path:
    """Copy the SQLite file (consistently, through the backup API) before migrating it."""
    source = Path(engine.url.database)
    stamp = datetime.now(VN_TZ).strftime("%Y%m%d-%H%M%S")  # a technician reads it: Vietnam time
    target = source.with_name(f"{source.name}.bak-{revision}-{stamp}")
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    except (sqlite3.Error, OSError) as exc:
        # A half-written copy is worse than none: it looks like a backup.
        target.unlink(missing_ok=True)
        code = getattr(exc, "sqlite_errorcode", None)
        from app.store.engine import SQLITE_FULL, SQLITE_IOERR_WRITE_CODES

        if code == SQLITE_FULL or code in SQLITE_IOERR_WRITE_CODES or getattr(exc, "errno", None) == 28:
            raise ValidationError("backup_disk_full") from None
        raise StoreError("backup_write_failed", exc=str(exc)) from None
    finally:
        src.close()
    log.info("backup of %s written to %s", source.name, target)
    return target


def prepare(engine: Engine) -> None:
    """Start-up: migrate an embedded SQLite database, check a shared PostgreSQL one."""
    if engine.dialect.name == "sqlite":
        upgrade(engine)
    else:
        check_revision(engine)
