"""The database and the disk under stress: personal data kept out of errors and logs, reading commands
that change nothing, foreign files refused untouched, network shares refused, a full disk and a
read-only disk told plainly. Each runs the real command line in its own process."""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.engine import filesystem_type, is_network_path

SECRET = {
    "full_name": "Trần Thị Bímật",
    "id_number": "079123456789",
    "phone": "0987654321",
    "email": "bimat.tran@example.vn",
    "date_of_birth": "1991-07-15",
    "address": "Số 99 Ngõ Kínđáo",
}
INTAKE = {"procedure_code": "1.004837", "applicant": SECRET,
          "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}]}


def motcua(*argv: str, db: str, data: Path, preexec=None, wrap: list[str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH") or str(Path(__file__).resolve().parents[2])}
    env.pop("MOTCUA_DB", None)
    cmd = [*(wrap or []), sys.executable, "-m", "app", "--db", db, "--data-dir", str(data), *argv]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, preexec_fn=preexec, timeout=300)


def _force_party_insert_failure(url: str) -> None:
    from sqlalchemy import text

    from app.store.engine import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER boom BEFORE INSERT ON dossier_parties BEGIN SELECT RAISE(ABORT, 'forced'); END"))
        else:
            conn.execute(text("CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced'; END $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER boom BEFORE INSERT ON dossier_parties FOR EACH ROW EXECUTE FUNCTION boom()"))
    engine.dispose()


def test_no_personal_data_in_errors_or_log(migrated_url, tmp_path):
    data = tmp_path / "data"
    assert motcua("demo", "seed", db=migrated_url, data=data).returncode == 0
    _force_party_insert_failure(migrated_url)
    path = tmp_path / "d.json"
    path.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    result = motcua("dossier", "receive", "--file", str(path), db=migrated_url, data=data)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    log = (data / "logs" / "motcua.log").read_text(encoding="utf-8")
    assert "forced" in result.stderr and "forced" in log and "Traceback" in log  # the failure is there...
    for value in SECRET.values():  # ...the citizen is not
        assert value not in result.stderr and value not in log, value
    # the reading commands still answer on the same database (read-only on both engines)
    assert motcua("queue", "status", db=migrated_url, data=data).returncode == 0
    assert motcua("dossier", "search", "tran", db=migrated_url, data=data).returncode == 0


def test_reading_commands_create_nothing(tmp_path):
    data = tmp_path / "data"
    missing = tmp_path / "no" / "dir" / "x.sqlite3"
    result = motcua("dossier", "search", "an", db=str(missing), data=data)
    assert result.returncode == 2 and "no motcua database" in result.stderr
    assert not (tmp_path / "no").exists()
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    for argv in (("dossier", "search", "an"), ("queue", "status")):
        result = motcua(*argv, db=str(empty), data=data)
        assert result.returncode == 2, result.stderr
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["data", "empty.sqlite3"]


def test_reading_commands_do_not_migrate(tmp_path):
    from app.store.engine import make_engine
    from app.store.migrate import current_revision, upgrade

    old = tmp_path / "old.sqlite3"
    engine = make_engine(str(old))
    upgrade(engine, "0004")
    engine.dispose()
    result = motcua("queue", "status", db=str(old), data=tmp_path / "data")
    assert result.returncode == 2 and "db upgrade" in result.stderr
    engine = make_engine(str(old))
    assert current_revision(engine) == "0004"
    engine.dispose()
    assert not list(tmp_path.glob("old.sqlite3.bak-*"))


@pytest.mark.parametrize("command", [("demo", "seed"), ("queue", "status"), ("db", "upgrade")])
def test_foreign_sqlite_file_refused_untouched(tmp_path, command):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = motcua(*command, db=str(other), data=tmp_path / "data")
    assert result.returncode == 2 and "not a motcua database" in result.stderr, result.stderr
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "other.sqlite3"]  # no -wal, -shm, backup
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database\n")
    result = motcua(*command, db=str(text_file), data=tmp_path / "data")
    assert result.returncode == 2 and text_file.read_text() == "not a database\n"


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
overlay /var/lib/docker/x overlay rw 0 0
srv:/export /mnt/nfs nfs4 rw 0 0
//srv/share /mnt/smb cifs rw 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw 0 0
none /media/sf_shared vboxsf rw 0 0
.host:/ /mnt/hgfs fuse.vmhgfs-fuse rw 0 0
remote: /mnt/rclone fuse.rclone rw 0 0
https://dav /mnt/dav davfs rw 0 0
share /mnt/virtio virtiofs rw 0 0
//srv/x /mnt/Shared\\040Folder cifs rw 0 0
/dev/sdb1 /data/Local\\040Disk xfs rw 0 0
"""


@pytest.mark.parametrize("path, remote", [
    ("/home/a/motcua.sqlite3", False), ("/tmp/x.sqlite3", False), ("/var/lib/docker/x/db", False),
    ("/data/Local Disk/motcua.sqlite3", False),
    ("/mnt/nfs/db", True), ("/mnt/smb/db", True), ("/run/user/1000/gvfs/smb-share:server=s/db", True),
    ("/media/sf_shared/db", True), ("/mnt/hgfs/db", True), ("/mnt/rclone/db", True), ("/mnt/dav/db", True),
    ("/mnt/virtio/db", True), ("/mnt/Shared Folder/motcua.sqlite3", True),
])
def test_network_share_allow_list(path, remote):
    assert is_network_path(Path(path), mounts=MOUNTS) is remote, filesystem_type(Path(path), MOUNTS)


def test_network_share_refused_by_the_cli(tmp_path):
    # This machine's own disk is local (the test suite's tmp directory is on one).
    assert not is_network_path(tmp_path / "x.sqlite3")


def _no_root_powers() -> list[str]:
    """Run a child as root without its capabilities: file permissions then apply to it too, like a
    read-only disk (root's CAP_DAC_OVERRIDE would otherwise write anywhere)."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv to take the write permission away")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all"]


def test_read_only_disk_reading_commands_work(tmp_path):
    wrap = _no_root_powers()
    data = tmp_path / "data"
    db = tmp_path / "ro" / "motcua.sqlite3"
    assert motcua("demo", "seed", db=str(db), data=data).returncode == 0
    path = tmp_path / "d.json"
    path.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    assert motcua("dossier", "receive", "--file", str(path), db=str(db), data=data).returncode == 0
    for p in (db.parent, data, data / "logs"):
        p.chmod(0o555)
    for f in [db, *(data / "logs").iterdir()]:
        f.chmod(0o444)
    try:
        status = motcua("queue", "status", "--json", db=str(db), data=data, wrap=wrap)
        assert status.returncode == 0 and json.loads(status.stdout)["services"], status.stderr
        found = motcua("dossier", "search", "tran thi", "--json", db=str(db), data=data, wrap=wrap)
        assert found.returncode == 0 and len(json.loads(found.stdout)) == 1, found.stderr
        assert "Logging error" not in found.stderr
        issued = motcua("queue", "issue", "--service", "A", db=str(db), data=data, wrap=wrap)
        assert issued.returncode == 2 and "read-only" in issued.stderr and issued.stderr.count("\n") == 1, issued.stderr
    finally:
        for p in (db.parent, data, data / "logs"):
            p.chmod(0o755)


def test_disk_full(tmp_path):
    """RLIMIT_FSIZE in the child: every file it writes stops at 1 MB, as on a full disk (SQLite's
    write fails in the WAL; the log file, already over the limit, fails too)."""
    data = tmp_path / "data"
    db = tmp_path / "motcua.sqlite3"
    assert motcua("demo", "seed", db=str(db), data=data).returncode == 0
    procedures = [
        {"code": f"9.{i:05d}", "name": "Thủ tục " + "x" * 1500, "field": "Hộ tịch",
         "processing_time": {"amount": 3, "unit": "working_days"},
         "documents": [{"code": f"TP{j}", "name": "Giấy tờ " + "y" * 300, "originals": 1} for j in range(5)]}
        for i in range(1500)
    ]
    big = tmp_path / "big.json"
    big.write_text(json.dumps(procedures, ensure_ascii=False), encoding="utf-8")
    with (data / "logs" / "motcua.log").open("a") as log:
        log.write("x" * 1_100_000 + "\n")
    before = motcua("catalog", "list", "--json", db=str(db), data=data)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, resource.RLIM_INFINITY))

    result = motcua("catalog", "import", str(big), db=str(db), data=data, preexec=limit)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == "motcua: the disk is full: free some space and try again (nothing was saved)"
    after = motcua("catalog", "list", "--json", db=str(db), data=data)
    assert json.loads(after.stdout) == json.loads(before.stdout)  # all or nothing
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert not [p for p in tmp_path.rglob("*") if p.suffix == ".tmp" or ".bak-" in p.name]


@pytest.mark.parametrize("path, remote", [
    (r"\\server\share\motcua.sqlite3", True), ("//server/share/motcua.sqlite3", True),
    (r"\\?\UNC\server\share\motcua.sqlite3", True), (r"\\?\C:\motcua\motcua.sqlite3", False),
])
def test_windows_unc_paths(path, remote):
    from pathlib import PureWindowsPath

    from app.store.engine import _is_windows_network_path

    # Off Windows the drive-type half cannot run (no windll) and answers "local"; the UNC half is text.
    assert _is_windows_network_path(PureWindowsPath(path)) is remote
