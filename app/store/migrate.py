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

import re
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from app.errors import SchemaMismatchError, StoreError, ValidationError
from app.workcal import VN_TZ

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)
VERSIONS = Path(__file__).resolve().parent.parent / "migrations" / "versions"

# Any fixed 64-bit number: one key for "schema migration in progress" across the center.
PG_MIGRATION_LOCK = 0x6D6F74637561_01


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).resolve().parent.parent / "migrations"))
    return cfg


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _script().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.M)
_DOWN = re.compile(r'^down_revision\s*=\s*(?:["\']([^"\']+)["\']|None)', re.M)


@lru_cache(maxsize=1)
def quick_head() -> str | None:
    """The head revision read straight from the migration files (no Alembic import: a station that starts
    on an up-to-date database never loads Alembic). None when the files do not form one plain chain; the
    callers then ask Alembic. ``tests/app/test_store.py`` checks it equals Alembic's head."""
    revisions, downs = set(), set()
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            continue
        revisions.add(rev.group(1))
        if down.group(1):
            downs.add(down.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The database's revision (alembic_version), None for a database without one."""
    with engine.connect() as conn:
        exists = conn.dialect.has_table(conn, "alembic_version")
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if exists else None
        conn.rollback()
    return rev


def _at_head(current: str | None) -> bool:
    return current is not None and current == quick_head()


def upgrade(engine: Engine, revision: str = "head", *, backup: bool = True) -> str | None:
    """Upgrade the schema to ``revision``. Returns the backup path (SQLite) or None."""
    current = current_revision(engine)
    if revision == "head" and _at_head(current):
        return None
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
    from alembic import command

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
    if _at_head(current):
        return
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
