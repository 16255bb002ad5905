"""Shared fixtures: offscreen Qt, a data dir, and stores on both engines.

- ``sqlite_store``: a fresh migrated SQLite file per test (copied from a template migrated once).
- ``pg_store``: one migrated PostgreSQL schema per test session (per xdist worker), every test inside a
  transaction that is rolled back at the end.
- ``store``: parametrised over both; PostgreSQL is skipped only outside CI when no server answers.
- ``pg_schema_url``: a fresh schema of its own for multi-process and migration tests.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.sane_env import write_sane_config

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests only: the cheapest Argon2id (app/services/users.py FAST_ENV), so that every demo seed's six
# accounts cost microseconds; tests/app/test_users.py checks the real parameters explicitly.
os.environ.setdefault("MOTCUA_TEST_FAST_HASH", "1")
# No start-up device check in the windows the tests build (ui/devices/status.py); its own tests turn it on.
os.environ.setdefault("MOTCUA_DEVICE_CHECK", "0")
# Only SANE's test backend, for the whole process: libsane reads its configuration once, at the first
# sane.init(), whichever test that is (tests/sane_env.py). xdist workers inherit the controller's folder.
if "SANE_CONFIG_DIR" not in os.environ:
    _sane_dir = Path(tempfile.mkdtemp(prefix="motcua-sane-"))
    os.environ["SANE_CONFIG_DIR"] = str(write_sane_config(_sane_dir))
    atexit.register(shutil.rmtree, _sane_dir, True)


@pytest.fixture(autouse=True)
def _interpreter_as_before():
    """A station sets the collector's thresholds and the thread switch interval for its process
    (ui/station.application): put them back after each test, so that a test's garbage (an unclosed
    session in a cycle, holding a PostgreSQL lock) goes when it would in any other order of tests."""
    import gc
    import sys

    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    yield
    gc.set_threshold(*thresholds)
    sys.setswitchinterval(interval)


@pytest.fixture(autouse=True)
def demo_user_env(monkeypatch):
    """The command line acts as the demo account (``demo``/``demo``, every role) on databases the demo seed
    filled; on a database without users these are ignored. Tests of refusals remove them."""
    monkeypatch.setenv("MOTCUA_USER", "demo")
    monkeypatch.setenv("MOTCUA_PASSWORD", "demo")

PG_URL = os.environ.get("MOTCUA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _pg_reachable() -> str | None:
    import psycopg

    try:
        with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3) as conn:
            conn.execute("select 1")
        return None
    except Exception as exc:  # any failure means "not reachable"
        return str(exc)


@pytest.fixture(scope="session")
def pg_available() -> None:
    problem = _pg_reachable()
    if problem:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but not reachable at {PG_URL}: {problem}")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")


#: Every test connection waits at most this long for a lock (a row, a table, an advisory lock): a test that
#: would wait for itself, or for a stuck process, fails naming the statement instead of hanging the run.
PG_LOCK_TIMEOUT = f"lock_timeout%3D{os.environ.get('MOTCUA_TEST_PG_LOCK_TIMEOUT', '120s')}"


def _schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}%20-c{PG_LOCK_TIMEOUT}"


def _create_schema(schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()


def _drop_schema(schema: str) -> None:
    """Drop a test schema; a connection the tests left open in it (idle in a transaction, holding a lock)
    is named in a warning and ended, so that the drop never waits for ever."""
    import warnings

    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SET lock_timeout = '20s'"))
            try:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                return
            except OperationalError:
                pass
            holders = conn.execute(text(
                "SELECT DISTINCT l.pid, a.state, left(a.query, 160) FROM pg_locks l "
                "JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE n.nspname = :s AND l.pid <> pg_backend_pid()"),
                {"s": schema}).all()
            warnings.warn(f"schema {schema} was held by connections the tests left open: {holders}", stacklevel=1)
            for pid, _state, _query in holders:
                conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            conn.execute(text("SET lock_timeout = 0"))
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        engine.dispose()


@pytest.fixture
def pg_schema_url(pg_available):
    """A fresh, empty PostgreSQL schema (own URL) for multi-process and migration tests."""
    schema = f"mc_{uuid.uuid4().hex[:12]}"
    _create_schema(schema)
    yield _schema_url(schema)
    _drop_schema(schema)


@pytest.fixture(params=["sqlite", "pg"])
def migrated_url(request, tmp_path):
    """A migrated database of its own on each engine (a URL), for tests with several processes."""
    from app.store.engine import make_engine
    from app.store.migrate import upgrade

    url = str(tmp_path / "own.sqlite3") if request.param == "sqlite" else request.getfixturevalue("pg_schema_url")
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def _pg_session_engine(pg_available):
    from app.store.engine import make_engine
    from app.store.migrate import upgrade
    from app.store.session import Store
    from app.services.bootstrap import bootstrap

    schema = f"mc_s_{uuid.uuid4().hex[:10]}"
    _create_schema(schema)
    engine = make_engine(_schema_url(schema))
    upgrade(engine)
    bootstrap(Store(engine))
    yield engine
    engine.dispose()
    _drop_schema(schema)


@pytest.fixture
def pg_store(_pg_session_engine):
    from app.store.session import Store

    conn = _pg_session_engine.connect()
    outer = conn.begin()
    store = Store(_pg_session_engine, connection=conn)
    yield store
    outer.rollback()
    conn.close()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    store = Store.open(str(path))
    bootstrap(store)
    store.close()
    return path


@pytest.fixture
def sqlite_store(_sqlite_template, tmp_path):
    from app.store.session import Store

    path = tmp_path / "motcua.sqlite3"
    shutil.copyfile(_sqlite_template, path)
    store = Store.open(str(path))
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "pg"])
def store(request):
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(path))
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    return path


@pytest.fixture
def admin():
    from app.actors import Actor

    return Actor("test-admin", "admin", "Quản trị")


@pytest.fixture
def officer():
    from app.actors import Actor

    return Actor("canbo1", "officer", "Nguyễn Thị Lan", counter=1)


@pytest.fixture
def seeded(store, admin):
    """The demo center loaded into ``store``."""
    from app.services import demo

    with store.write() as session:
        demo.seed(session, admin)
    return store
