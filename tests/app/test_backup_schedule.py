"""The daily backup: when it is due, keep-N rotation, the recorded state and the status the status bar shows;
and hypothesis fuzzing of the manifest parser (a clear coded error, nothing changed)."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from app.backup import archive_name
from app.backup_manifest import parse
from app.errors import ValidationError
from app.services import backups
from app.settings import StationSettings

UTC = timezone.utc
# 17:30 in Vietnam is 10:30 UTC.
EVENING = datetime(2026, 12, 2, 10, 30, tzinfo=UTC)


def station(data_dir: Path, **values) -> StationSettings:
    settings = StationSettings(data_dir)
    for key, value in values.items():
        settings.set(key.replace("_", "."), value)
    return settings


@pytest.fixture
def seeded_dir(tmp_path, monkeypatch):
    from app.actors import Actor
    from app.services import demo
    from app.store.session import Store

    data = tmp_path / "data"
    store = Store.open(str(data / "motcua.sqlite3"))
    with store.write() as s:
        demo.seed(s, Actor("a", "admin"))
    store.close()
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    return data


def test_due_after_the_time_of_day_until_a_success(tmp_path):
    plan = backups.Schedule(str(tmp_path), 3, datetime(2026, 1, 1, 17, 30).time())
    assert backups.due(plan, {}, EVENING - timedelta(minutes=1))  # never backed up: due at once
    done = {"last_success": (EVENING - timedelta(hours=1)).isoformat()}  # 16:30 today
    assert not backups.due(plan, done, EVENING - timedelta(minutes=1))
    assert backups.due(plan, done, EVENING)
    assert not backups.due(plan, {"last_success": EVENING.isoformat()}, EVENING + timedelta(hours=5))
    failed = {"last_success": (EVENING - timedelta(days=1)).isoformat(), "last_failure": EVENING.isoformat()}
    assert not backups.due(plan, failed, EVENING + timedelta(minutes=10))
    assert backups.due(plan, failed, EVENING + backups.RETRY_AFTER)
    assert not backups.due(backups.Schedule("", 3, plan.at), {}, EVENING)


@pytest.mark.parametrize(("key", "value", "code"), [("backup.keep", 0, "backup_keep_invalid"),
                                                    ("backup.time", "25:00", "backup_time_invalid"),
                                                    ("backup.time", "5pm", "backup_time_invalid")])
def test_bad_schedule_settings_are_named(tmp_path, key, value, code):
    settings = StationSettings(tmp_path)
    settings.set(key, value)
    with pytest.raises(ValidationError) as caught:
        backups.schedule(settings)
    assert caught.value.code == code


def test_rotation_keeps_the_newest_and_touches_nothing_else(tmp_path):
    names = [f"motcua-backup-2026120{d}-103000.zip" for d in range(1, 7)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "motcua-backup-old-copy.zip").write_bytes(b"mine too")
    assert backups.rotate(tmp_path, 2) == names[:4]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names[4:], "notes.txt", "motcua-backup-old-copy.zip"])
    with pytest.raises(ValidationError):
        backups.rotate(tmp_path, 0)


def test_scheduled_runs_write_rotate_and_record(seeded_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = station(seeded_dir, backup_folder=str(usb), backup_keep=2)
    made = []
    for day in range(3):
        now = EVENING + timedelta(days=day)
        made.append(backups.run_scheduled(str(seeded_dir / "motcua.sqlite3"), seeded_dir, settings, now=now))
        assert backups.load_state(seeded_dir)["last_success"] == now.isoformat(timespec="seconds")
    assert [Path(m["path"]).name for m in made] == [archive_name(EVENING + timedelta(days=d)) for d in range(3)]
    assert made[2]["removed"] == [Path(made[0]["path"]).name]
    assert [p.name for p in backups.archives(usb)] == [Path(m["path"]).name for m in made[1:]]
    status = backups.status(settings, seeded_dir, now=EVENING + timedelta(days=2, hours=1))
    assert status == backups.BackupStatus("ok", EVENING + timedelta(days=2), None)
    # Older than two days: a warning.
    assert backups.status(settings, seeded_dir, now=EVENING + timedelta(days=4, hours=1)).problem == "stale"


def test_an_unplugged_usb_disk_is_a_recorded_failure_and_never_a_local_folder(seeded_dir, tmp_path):
    usb = tmp_path / "usb"
    settings = station(seeded_dir, backup_folder=str(usb))
    with pytest.raises(ValidationError) as caught:
        backups.run_scheduled(str(seeded_dir / "motcua.sqlite3"), seeded_dir, settings, now=EVENING)
    assert caught.value.code == "backup_folder_missing" and not usb.exists()
    state = backups.load_state(seeded_dir)
    assert state["last_error"] == "backup_folder_missing" and "last_success" not in state
    assert backups.status(settings, seeded_dir, now=EVENING).problem == "folder_missing"
    usb.mkdir()
    assert backups.status(settings, seeded_dir, now=EVENING).problem == "failed"
    assert backups.status(station(seeded_dir), seeded_dir, now=EVENING).problem == "not_set"


def test_a_damaged_state_file_only_means_no_success_known(seeded_dir, tmp_path):
    (seeded_dir / backups.STATE_FILE).write_text("{not json")
    (tmp_path / "usb").mkdir()
    settings = station(seeded_dir, backup_folder=str(tmp_path / "usb"))
    assert backups.status(settings, seeded_dir, now=EVENING).problem == "never"


# -- fuzzing the manifest parser --------------------------------------------------------------------------

GOOD = {
    "format": "motcua-backup", "format_version": 1, "created_at": "2026-12-02T10:30:00+00:00",
    "app_version": "0.1.0", "schema_revision": "0012", "dialect": "sqlite",
    "database": {"path": "database/motcua.sqlite3", "size": 4096, "sha256": "a" * 64},
    "files": [{"path": f"files/bb/{'b' * 64}", "size": 10, "sha256": "b" * 64}],
    "counts": {"dossiers": 1, "stored_files": 1, "dossier_files": 1}, "missing": [],
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


def _parse_or_code(data: bytes) -> str:
    try:
        parse(data)
    except ValidationError as exc:
        assert exc.code == "backup_manifest_invalid" and str(exc).startswith("the backup's manifest is not valid: ")
        return exc.code
    return "ok"


def test_the_good_manifest_parses():
    manifest = parse(json.dumps(GOOD).encode())
    assert manifest.counts["dossiers"] == 1 and manifest.files[0].size == 10


@given(st.binary(max_size=300))
def test_random_bytes_are_a_coded_error(data):
    assert _parse_or_code(data) == "backup_manifest_invalid"


@given(json_values)
def test_random_json_is_a_coded_error(value):
    assert _parse_or_code(json.dumps(value).encode()) == "backup_manifest_invalid"


def _paths(doc, prefix=()):
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield (*prefix, i)
            yield from _paths(value, (*prefix, i))


PATHS = list(_paths(GOOD))


@given(st.sampled_from(PATHS), json_values | st.sampled_from(["../../etc/passwd", "/abs", "files/bb/" + "c" * 64, -1, 2**60]),
       st.booleans())
def test_a_mutated_manifest_parses_whole_or_is_a_coded_error(path, value, delete):
    doc = json.loads(json.dumps(GOOD))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if delete and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = value
    try:
        manifest = parse(json.dumps(doc).encode())
    except ValidationError as exc:
        assert exc.code == "backup_manifest_invalid"
        return
    # Whatever got through still names only safe members of the archive.
    assert all(e.path in ("database/motcua.sqlite3", f"files/{e.sha256[:2]}/{e.sha256}") for e in manifest.entries())
    assert all(isinstance(e.size, int) and e.size >= 0 for e in manifest.entries())


@pytest.fixture(scope="module")
def good_archive(tmp_path_factory) -> Path:
    from app.actors import Actor
    from app.backup import backup_sqlite
    from app.services import demo
    from app.store.session import Store

    data = tmp_path_factory.mktemp("fuzz")
    store = Store.open(str(data / "motcua.sqlite3"))
    with store.write() as s:
        demo.seed(s, Actor("a", "admin"))
    store.close()
    return Path(backup_sqlite(data / "motcua.sqlite3", data / "files", data / "good.zip", work_dir=data)["path"])


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([p for p in PATHS if p[0] != "files"]), json_values)
def test_a_restore_with_a_mutated_manifest_changes_nothing(good_archive, tmp_path, path, value):
    from app.backup import restore

    with zipfile.ZipFile(good_archive) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    doc = json.loads(members["manifest.json"])
    node = doc
    for key in path[:-1]:
        node = node.get(key) if isinstance(node, dict) else None
    if not isinstance(node, dict) or node.get(path[-1]) == value or path[0] in ("app_version", "created_at"):
        return  # nothing changed, or only what describes the backup (a valid new value restores)
    node[path[-1]] = value
    members["manifest.json"] = json.dumps(doc).encode()
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    target = tmp_path / "target"
    with pytest.raises(ValidationError) as caught:
        restore(broken, target)
    assert caught.value.code.startswith("backup_") and caught.value.exit_code == 2
    assert not target.exists()
