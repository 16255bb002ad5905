"""Backups that restore: a backup taken while another process keeps receiving dossiers restores into a new data
dir with identical dossiers and files; a damaged backup is refused (exit 2) and changes nothing; the
PostgreSQL route (pg_dump on a shared snapshot) restores with pg_restore."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from app.backup import verify_archive
from app.cli import main
from app.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
INTAKE = {"procedure_code": "1.004837",
          "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
          "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}]}

# Receives a dossier and attaches its scanned item in one transaction, again and again, until told to stop:
# the counter at work. Each dossier is written once and never changed afterwards.
WRITER = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from app.actors import Actor
    from app.filestore import FolderStore
    from app.services import dossiers, files
    from app.store.session import Store

    data_dir, stop, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    intake = json.loads(sys.argv[4])
    officer = Actor("canbo1", "officer", "Cán bộ", counter=1)
    store = Store.open(str(data_dir / "motcua.sqlite3"))
    folder = FolderStore(data_dir / "files")
    for i in range(limit):
        if stop.exists():
            break
        with store.write() as s:
            code = dossiers.receive(s, officer, dossiers.parse_intake(intake)).code
            files.attach(s, folder, officer, code, "TP1", b"%PDF-1.4\\n" + os.urandom(150_000), pages=1)
        print(i + 1, flush=True)
    store.close()
""")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jrun(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def count(db: Path, table: str = "dossiers") -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=15)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def rows(db: Path, table: str, order: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=15)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
    finally:
        conn.close()


def tree(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` with its bytes (to show a folder did not change)."""
    if not path.exists():
        return {}
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture
def station(capsys, data_dir, tmp_path):
    """A station's data dir with the demo center and three dossiers with scanned items."""
    assert run(capsys, "demo", "seed")[0] == 0
    intake = tmp_path / "d.json"
    intake.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    pdf = tmp_path / "item.pdf"
    for i in range(3):
        code = jrun(capsys, "dossier", "receive", "--file", str(intake))["code"]
        pdf.write_bytes(b"%PDF-1.4\n" + bytes([i]) * 5000)
        attach(data_dir, code, pdf.read_bytes())
    return data_dir


def attach(data_dir: Path, code: str, pdf: bytes) -> None:
    from app.actors import Actor
    from app.filestore import FolderStore
    from app.services import files
    from app.store.session import Store

    store = Store.open(str(data_dir / "motcua.sqlite3"))
    with store.write() as s:
        files.attach(s, FolderStore(data_dir / "files"), Actor("canbo1", "officer", counter=1), code, "TP1", pdf, pages=1)
    store.close()


@pytest.fixture
def archive(capsys, station, tmp_path) -> Path:
    return Path(jrun(capsys, "backup", "--out", str(tmp_path / "bk.zip"))["path"])


def test_backup_while_another_process_receives_then_restore_is_identical(capsys, data_dir, tmp_path):
    assert run(capsys, "demo", "seed")[0] == 0
    db = data_dir / "motcua.sqlite3"
    stop = tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), str(stop), "400", json.dumps(INTAKE)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while count(db) < 10 and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert writer.poll() is None, writer.stderr.read()
        result = jrun(capsys, "backup", "--out", str(tmp_path / "usb") + "/")
        taken = result["counts"]["dossiers"]
        # The counter kept working: the other process commits more dossiers after the copy.
        while count(db) <= taken + 3 and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert count(db) > taken >= 10
    assert result["missing"] == [] and result["files"] == taken

    target = tmp_path / "restored"
    restored = jrun(capsys, "restore", result["path"], "--data-dir", str(target))
    assert restored["problems"] == [] and restored["revision"] == restored["schema_revision"]
    new_db = target / "motcua.sqlite3"
    # The copy is one moment of the source: exactly the dossiers committed before it, row for row.
    for table, order in (("dossiers", "received_at, id"), ("dossier_files", "id"), ("stored_files", "created_at, sha256"),
                         ("dossier_documents", "id")):
        copied, source = rows(new_db, table, order), rows(db, table, order)
        assert copied == source[:len(copied)], table
    assert count(new_db) == taken
    # Every restored file is the source's, byte for byte, under its hash.
    restored_files = tree(target / "files")
    assert len(restored_files) == taken
    assert all((data_dir / "files" / name).read_bytes() == data for name, data in restored_files.items())
    assert jrun(capsys, "--data-dir", str(target), "db", "status")["up_to_date"] is True
    assert jrun(capsys, "--data-dir", str(target), "files", "verify") == {"ok": True, "problems": []}


def test_the_archive_holds_the_manifest_of_everything(capsys, archive, station):
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert manifest.keys() >= {"format", "format_version", "created_at", "app_version", "schema_revision", "database",
                               "files", "counts"}
    assert manifest["counts"] == {"dossiers": 3, "stored_files": 3, "dossier_files": 3}
    assert names == {"manifest.json", manifest["database"]["path"], *(f["path"] for f in manifest["files"])}
    assert all(f["path"] == f"files/{f['sha256'][:2]}/{f['sha256']}" for f in manifest["files"])
    assert archive.stat().st_mode & 0o077 == 0  # readable by this user only
    assert jrun(capsys, "restore", str(archive), "--check")["ok"] is True


def _rewrite(archive: Path, *, drop: str | None = None, change: dict[str, bytes] | None = None,
             add: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(archive) as zf:
        members = [(i, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(archive, "w") as zf:
        for info, data in members:
            if info.filename != drop:
                zf.writestr(info, (change or {}).get(info.filename, data))
        for name, data in (add or {}).items():
            zf.writestr(name, data)


def _first_file(archive: Path) -> str:
    with zipfile.ZipFile(archive) as zf:
        return next(n for n in zf.namelist() if n.startswith("files/"))


def _manifest(archive: Path) -> dict:
    with zipfile.ZipFile(archive) as zf:
        return json.loads(zf.read("manifest.json"))


def flip_stored_byte(archive: Path) -> None:
    data = bytearray(archive.read_bytes())
    name = _first_file(archive).encode()
    at = data.index(name) + len(name) + 100  # inside the stored (uncompressed) bytes of the first file
    data[at] ^= 0x01
    archive.write_bytes(bytes(data))


def change_a_file(archive: Path) -> None:  # a valid ZIP whose member no longer matches its hash
    name = _first_file(archive)
    with zipfile.ZipFile(archive) as zf:
        data = bytearray(zf.read(name))
    data[50] ^= 0x01
    _rewrite(archive, change={name: bytes(data)})


def drop_a_file(archive: Path) -> None:
    _rewrite(archive, drop=_first_file(archive))


def add_a_file(archive: Path) -> None:
    _rewrite(archive, add={"files/00/" + "0" * 64: b"stray"})


def drop_manifest(archive: Path) -> None:
    _rewrite(archive, drop="manifest.json")


def edit_manifest_size(archive: Path) -> None:
    manifest = _manifest(archive)
    manifest["files"][0]["size"] += 1
    _rewrite(archive, change={"manifest.json": json.dumps(manifest).encode()})


def edit_manifest_counts(archive: Path) -> None:
    manifest = _manifest(archive)
    manifest["counts"]["dossiers"] += 1
    _rewrite(archive, change={"manifest.json": json.dumps(manifest).encode()})


def edit_manifest_revision(archive: Path) -> None:
    manifest = _manifest(archive)
    manifest["schema_revision"] = "9999"
    _rewrite(archive, change={"manifest.json": json.dumps(manifest).encode()})


def manifest_not_json(archive: Path) -> None:
    _rewrite(archive, change={"manifest.json": b"{\"format\": \"motcua-backup\", "})


def truncate(archive: Path) -> None:
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])


def flip_database_byte(archive: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
        data = bytearray(zf.read("database/motcua.sqlite3"))
    data[len(data) // 2] ^= 0x40
    _rewrite(archive, change={"database/motcua.sqlite3": bytes(data)})


DAMAGE = {
    flip_stored_byte: "backup_entry_corrupt",
    change_a_file: "backup_entry_corrupt",
    drop_a_file: "backup_entry_missing",
    add_a_file: "backup_entry_unexpected",
    drop_manifest: "backup_manifest_missing",
    edit_manifest_size: "backup_entry_corrupt",
    edit_manifest_counts: "backup_database_mismatch",
    edit_manifest_revision: "backup_schema_unknown",
    manifest_not_json: "backup_manifest_invalid",
    truncate: "backup_archive_unreadable",
    flip_database_byte: "backup_entry_corrupt",
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=lambda f: f.__name__)
def test_a_damaged_backup_is_refused_and_changes_nothing(capsys, archive, tmp_path, damage):
    damage(archive)
    with pytest.raises(ValidationError) as caught:
        from app.backup import restore

        restore(archive, tmp_path / "never")
    assert caught.value.code == DAMAGE[damage]
    assert not (tmp_path / "never").exists()
    # Through the command line: exit 2, one line, and a target that holds settings is left as it was.
    target = tmp_path / "existing"
    target.mkdir()
    (target / "station.toml").write_text('db_url = ""\n', encoding="utf-8")
    before = tree(target)
    status, out, err = run(capsys, "restore", str(archive), "--data-dir", str(target))
    assert status == 2 and out == "" and err.startswith("motcua: ") and len(err.splitlines()) == 1
    assert tree(target) == before and sorted(p.name for p in target.iterdir()) == ["station.toml"]
    assert run(capsys, "restore", str(archive), "--check")[0] == 2


def test_restore_refuses_a_data_dir_with_a_database_unless_replace(capsys, archive, station, tmp_path):
    before = tree(station)
    status, _, err = run(capsys, "restore", str(archive), "--data-dir", str(station))
    assert status == 2 and "--replace" in err
    assert tree(station) == before
    result = jrun(capsys, "restore", str(archive), "--data-dir", str(station), "--replace")
    aside = Path(result["moved_aside"])
    assert aside.parent == station and tree(aside)["motcua.sqlite3"] == before["motcua.sqlite3"]
    assert result["problems"] == [] and count(station / "motcua.sqlite3") == 3


def test_a_missing_stored_file_is_named_in_the_backup_and_by_the_restore(capsys, station, tmp_path):
    victim = next(p for p in (station / "files").rglob("*") if p.is_file())
    victim.unlink()
    result = jrun(capsys, "backup", "--out", str(tmp_path / "b.zip"))
    assert result["missing"] == [victim.name]
    status, out, _ = run(capsys, "restore", result["path"], "--data-dir", str(tmp_path / "r"), "--json")
    problems = json.loads(out)["problems"]
    assert status == 1 and [(p["sha256"], p["problem"]) for p in problems] == [(victim.name, "missing")]
    assert problems[0]["belongs_to"][0]["item"] == "TP1"


def test_backup_refuses_an_existing_file_and_a_missing_database(capsys, data_dir, tmp_path):
    status, _, err = run(capsys, "backup", "--out", str(tmp_path / "x.zip"))
    assert status == 2 and "no motcua database" in err and not (tmp_path / "x.zip").exists()
    assert run(capsys, "demo", "seed")[0] == 0
    (tmp_path / "x.zip").write_bytes(b"mine")
    assert run(capsys, "backup", "--out", str(tmp_path / "x.zip"))[0] == 2
    assert (tmp_path / "x.zip").read_bytes() == b"mine"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_restore_of_an_older_schema_is_brought_up_to_date(capsys, station, tmp_path):
    """A backup of an older revision this program knows restores and is migrated (db status up to date)."""
    from app.backup import backup_sqlite
    from app.store import migrate
    from app.store.engine import make_engine

    old = tmp_path / "old"
    old.mkdir()
    engine = make_engine(str(old / "motcua.sqlite3"))
    migrate.upgrade(engine, "0011")
    engine.dispose()
    made = backup_sqlite(old / "motcua.sqlite3", old / "files", tmp_path / "old.zip", work_dir=old)
    assert made["schema_revision"] == "0011"
    result = jrun(capsys, "restore", made["path"], "--data-dir", str(tmp_path / "new"))
    assert result["schema_revision"] == "0011" and result["up_to_date"] and result["revision"] == migrate.head_revision()


def test_vacuum_into_makes_the_same_database(station, tmp_path):
    from app.backup import snapshot_sqlite

    snapshot_sqlite(station / "motcua.sqlite3", tmp_path / "a.sqlite3", method="backup_api")
    snapshot_sqlite(station / "motcua.sqlite3", tmp_path / "b.sqlite3", method="vacuum_into")
    for table, order in (("dossiers", "id"), ("stored_files", "sha256"), ("alembic_version", "version_num")):
        assert rows(tmp_path / "a.sqlite3", table, order) == rows(tmp_path / "b.sqlite3", table, order)


# -- PostgreSQL ----------------------------------------------------------------------------------------------


def _pg_seeded(url: str) -> None:
    from app.actors import Actor
    from app.filestore import PostgresStore
    from app.services import demo, dossiers, files
    from app.services.bootstrap import bootstrap
    from app.store.engine import make_engine
    from app.store.migrate import upgrade
    from app.store.session import Store

    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    store = Store.open(url)
    bootstrap(store)
    officer = Actor("canbo1", "officer", counter=1)
    with store.write() as s:
        demo.seed(s, Actor("a", "admin"))
    for i in range(2):
        with store.write() as s:
            code = dossiers.receive(s, officer, dossiers.parse_intake(INTAKE)).code
            files.attach(s, PostgresStore(), officer, code, "TP1", b"%PDF-1.4\n" + bytes([i]) * 3_000_000, pages=1)
    store.close()


def test_postgresql_backup_is_a_pg_dump_with_the_store_manifest(capsys, pg_schema_url, data_dir, tmp_path):
    from sqlalchemy import create_engine, text

    from app.backup import libpq_target

    _pg_seeded(pg_schema_url)
    result = jrun(capsys, "--db", pg_schema_url, "backup", "--out", str(tmp_path / "pg.zip"))
    assert result["dialect"] == "postgresql" and result["counts"]["dossiers"] == 2 and result["files"] == 2
    manifest = verify_archive(Path(result["path"]))
    assert len(manifest.store_items) == 2 and {s for _, s in manifest.store_items} == {3_000_009}
    assert run(capsys, "restore", result["path"], "--data-dir", str(tmp_path / "r"))[0] == 2
    assert not (tmp_path / "r").exists()
    # The documented route: pg_restore into an empty database gives the same dossiers and files back.
    with zipfile.ZipFile(result["path"]) as zf:
        (tmp_path / "dump").write_bytes(zf.read("database/motcua.pgdump"))
    dsn, env, schema = libpq_target(pg_schema_url)
    base = pg_schema_url.split("?")[0]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"restore_{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        target = base.rsplit("/", 1)[0] + "/" + name
        libpq = libpq_target(target)[0]
        done = subprocess.run(["pg_restore", "--no-owner", "--dbname", libpq, str(tmp_path / "dump")], env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        check = create_engine(target)
        with check.connect() as conn:
            assert conn.execute(text(f'SELECT count(*) FROM "{schema}".dossiers')).scalar() == 2
            chunks = conn.execute(text(f'SELECT sha256, count(*) FROM "{schema}".file_chunks GROUP BY sha256')).all()
        check.dispose()
        assert sorted(d for d, _ in chunks) == sorted(d for d, _ in manifest.store_items)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_postgresql_backup_without_pg_dump_says_so(capsys, pg_schema_url, data_dir, tmp_path, monkeypatch):
    _pg_seeded(pg_schema_url)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    status, _, err = run(capsys, "--db", pg_schema_url, "backup", "--out", str(tmp_path / "pg.zip"))
    assert status == 2 and "pg_dump is not on PATH" in err and "docs/backup.md" in err
    assert not (tmp_path / "pg.zip").exists()


def test_the_manifest_of_a_backup_reads_back(archive):
    from app.backup_manifest import parse

    with zipfile.ZipFile(archive) as zf:
        data = zf.read("manifest.json")
    manifest = parse(data)
    assert parse(manifest.to_json()) == manifest



def test_a_failing_pg_dump_is_exit_2_and_leaves_no_archive(pg_schema_url, tmp_path):
    """The real pg_dump, made to fail (an option value it refuses): its last error line, no archive."""
    from app.backup import backup_postgresql

    _pg_seeded(pg_schema_url)
    wrapper = tmp_path / "pg_dump"
    wrapper.write_text(f"#!/bin/sh\nexec {shutil.which('pg_dump')} --lock-wait-timeout=soon \"$@\"\n")
    wrapper.chmod(0o755)
    with pytest.raises(ValidationError) as caught:
        backup_postgresql(pg_schema_url, tmp_path / "out" / "bad.zip", pg_dump=str(wrapper))
    assert caught.value.code == "pg_dump_failed" and "soon" in caught.value.params["reason"]
    assert caught.value.exit_code == 2
    assert list((tmp_path / "out").iterdir()) == []


def test_a_data_dir_with_spaces_and_vietnamese_letters(capsys, station, tmp_path):
    odd = tmp_path / "Sao lưu #1 ?"
    made = jrun(capsys, "backup", "--out", str(odd) + "/")
    assert Path(made["path"]).parent == odd
    result = jrun(capsys, "restore", made["path"], "--data-dir", str(tmp_path / "Dữ liệu mới"))
    assert result["problems"] == [] and result["counts"]["dossiers"] == 3
