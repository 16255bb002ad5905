"""Engine factory, migrations and optimistic concurrency on both engines."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.errors import SchemaMismatchError, StaleVersionError, StoreError
from app.store import migrate
from app.store.engine import make_engine, normalize_url, verify_sqlite
from app.store.models import Department
from app.store.session import Store


def test_normalize_url():
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("/tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
    with pytest.raises(StoreError):
        normalize_url("postgresql+psycopg2://u@h/db")


def test_sqlite_pragmas_take_effect(tmp_path):
    engine = make_engine(str(tmp_path / "a.sqlite3"))
    found = verify_sqlite(engine)
    assert found["journal_mode"] == "wal"
    assert found["synchronous"] == 2
    assert found["foreign_keys"] == 1
    assert found["busy_timeout"] >= 10_000


def test_network_path_refused(tmp_path, monkeypatch):
    from app.store import engine as engine_mod

    monkeypatch.setattr(engine_mod, "is_network_path", lambda path: True)
    with pytest.raises(StoreError, match="network share"):
        engine_mod.make_engine(str(tmp_path / "a.sqlite3"))


def test_sqlite_migrates_at_start_and_backs_up(tmp_path):
    path = tmp_path / "m.sqlite3"
    engine = make_engine(str(path))
    migrate.upgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    engine.dispose()
    store = Store.open(str(path))
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    backups = list(tmp_path.glob("m.sqlite3.bak-0001-*"))
    if migrate.head_revision() != "0001":
        assert len(backups) == 1
        # the backup is a readable database at the old revision
        con = sqlite3.connect(backups[0])
        assert con.execute("select version_num from alembic_version").fetchone()[0] == "0001"
        con.close()
    store.close()


def test_newer_database_refused(tmp_path):
    path = tmp_path / "n.sqlite3"
    store = Store.open(str(path))
    with store.engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999_future'"))
    store.close()
    with pytest.raises(SchemaMismatchError, match="newer version"):
        Store.open(str(path))


def test_pg_upgrade_from_first_revision_and_refusal(pg_schema_url):
    engine = make_engine(pg_schema_url)
    migrate.upgrade(engine, "0001")
    with pytest.raises(SchemaMismatchError, match="motcua db upgrade") if migrate.head_revision() != "0001" else _nothing():
        Store.open(pg_schema_url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    store = Store.open(pg_schema_url)  # a shared database is checked, not migrated, at start-up
    store.close()
    engine.dispose()


def test_pg_unmigrated_refused(pg_schema_url):
    with pytest.raises(SchemaMismatchError):
        Store.open(pg_schema_url)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_stale_version_is_refused(store):
    with store.write() as s:
        s.add(Department(name="Phòng thử"))
    with store.read() as s:
        first = s.scalar(select(Department).where(Department.name == "Phòng thử"))
    with store.read() as s:
        second = s.scalar(select(Department).where(Department.name == "Phòng thử"))
    with store.write() as s:
        mine = s.merge(first, load=False)
        mine.head_name = "A"
    with pytest.raises(StaleVersionError, match="changed by someone else"):
        with store.write() as s:
            theirs = s.merge(second, load=False)
            theirs.head_name = "B"
    with store.read() as s:
        assert s.scalar(select(Department.head_name).where(Department.name == "Phòng thử")) == "A"


def test_write_is_all_or_nothing(store):
    with pytest.raises(RuntimeError):
        with store.write() as s:
            s.add(Department(name="Phòng tạm"))
            s.flush()
            raise RuntimeError("power cut")
    with store.read() as s:
        assert s.scalar(select(Department).where(Department.name == "Phòng tạm")) is None


def test_upgrade_sample_database_from_0001(tmp_path):
    """A real file written at revision 0001 upgrades at start-up, keeps its rows, and gets searchable."""
    import shutil

    from app.services.search import search

    path = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "data" / "motcua-0001.sqlite3", path)
    store = Store.open(str(path))
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert list(tmp_path.glob("old.sqlite3.bak-0001-*"))
    with store.read() as s:
        assert [d.code for d in search(s, "nguyen van")] == ["000.31.12.H56-260504-0001"]
        assert [d.code for d in search(s, "000.31.12.H56-2605")] == ["000.31.12.H56-260505-0001", "000.31.12.H56-260504-0001"]
    store.close()


def test_prefix_search_columns_order_by_bytes_on_postgresql(pg_store):
    with pg_store.read() as s:
        rows = dict(s.execute(text(
            "select column_name, collation_name from information_schema.columns "
            "where table_name = 'dossiers' and table_schema = current_schema() "
            "and column_name in ('code', 'search_id_number', 'search_phone')"
        )).all())
    assert rows == {"code": "C", "search_id_number": "C", "search_phone": "C"}


@pytest.mark.parametrize("engine_kind", ["sqlite", "pg"])
def test_models_match_the_migrations(engine_kind, tmp_path, request):
    """Autogenerate finds nothing to do after the migrations: the models and the schema agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.store.models import Base

    url = str(tmp_path / "m.sqlite3") if engine_kind == "sqlite" else request.getfixturevalue("pg_schema_url")
    engine = make_engine(url)
    migrate.upgrade(engine)

    def include(obj, name, type_, reflected, compare_to):  # as app/migrations/env.py does
        return not (name and name.startswith(("dossier_fts", "ix_dossiers_search_name_fts")))

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": include})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_quick_head_is_alembics_head():
    """Start-up reads the head revision from the migration files without Alembic; it must agree."""
    from app.store import migrate

    assert migrate.quick_head() == migrate.head_revision()


def test_a_station_on_an_up_to_date_database_does_not_load_alembic(tmp_path):
    import subprocess
    import sys

    from app.store.session import Store

    Store.open(str(tmp_path / "m.sqlite3")).close()
    code = ("import sys; from app.store.session import Store; s = Store.open(sys.argv[1]); s.close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "m.sqlite3")], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
