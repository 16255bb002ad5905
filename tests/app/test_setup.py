"""The first-run set-up's core: first-run detection, the database probe and upgrade, the center's answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import StoreError, ValidationError
from app.services import setup
from app.settings import StationSettings


def test_a_pc_never_set_up_is_a_first_run(tmp_path):
    db = tmp_path / "motcua.sqlite3"
    assert setup.is_first_run(tmp_path, str(db), db_given=False)
    db.write_bytes(b"")  # an empty file is no database either
    assert setup.is_first_run(tmp_path, str(db), db_given=False)


def test_a_database_a_settings_file_or_a_named_database_is_not_a_first_run(tmp_path, sqlite_store):
    assert not setup.is_first_run(tmp_path, sqlite_store.engine.url.database, db_given=False)  # make run: demo seed
    other = tmp_path / "other"
    other.mkdir()
    assert not setup.is_first_run(other, str(other / "x.sqlite3"), db_given=True)  # --db / MOTCUA_DB
    settings = StationSettings(other, {"station.counter": 2})
    settings.save()
    assert not setup.is_first_run(other, str(other / "x.sqlite3"), db_given=False)
    assert not setup.is_first_run(tmp_path / "new", "postgresql://u@h/db", db_given=False)


def test_rounds_are_parsed_sorted_and_checked():
    assert setup.parse_rounds("14:00, 9:00;11:00 09:00") == ["09:00", "11:00", "14:00"]
    assert setup.parse_rounds("  ") == []
    with pytest.raises(ValidationError) as err:
        setup.parse_rounds("09:00, 25:00")
    assert err.value.code == "setup_round_bad" and err.value.params["value"] == "25:00"


@given(st.lists(st.tuples(st.integers(0, 23), st.integers(0, 59)), max_size=8))
def test_rounds_round_trip(times):
    text = ", ".join(f"{h:02d}:{m:02d}" for h, m in times)
    assert setup.parse_rounds(text) == sorted({f"{h:02d}:{m:02d}" for h, m in times})


def test_working_hours_are_validated_and_canonical():
    config = setup.working_hours(("07:30", "11:30"), ("13:30", "17:00"), [0, 1, 2, 3, 4, 5])
    assert config["periods"]["sat"] == [["07:30", "11:30"], ["13:30", "17:00"]]
    assert config["periods"]["sun"] == []
    with pytest.raises(ValidationError):
        setup.working_hours(("07:30", "11:30"), None, [])


def test_postgres_url_escapes_and_requires_the_essentials():
    url = setup.postgres_url("10.0.0.5", 5433, "motcua", "canbo", "p@ss/word")
    assert url == "postgresql://canbo:p%40ss%2Fword@10.0.0.5:5433/motcua"  # secrets: allow (test fixture)
    with pytest.raises(ValidationError) as err:
        setup.postgres_url("", 5432, "motcua", "canbo", "")
    assert err.value.code == "setup_database_incomplete"


def test_probe_and_upgrade_an_empty_sqlite_file(tmp_path):
    url = str(tmp_path / "new.sqlite3")
    assert setup.probe_database(url)["state"] == "empty"
    after = setup.upgrade_database(url)
    assert after["state"] == "current" and after["revision"] == after["head"]


@pytest.mark.pg
def test_probe_says_behind_then_upgrade_brings_postgres_up_to_date(pg_schema_url):
    from app.store.engine import make_engine
    from app.store.migrate import head_revision, upgrade

    assert setup.probe_database(pg_schema_url)["state"] == "empty"
    engine = make_engine(pg_schema_url)
    upgrade(engine, "0011")
    engine.dispose()
    probe = setup.probe_database(pg_schema_url)
    assert probe == {"dialect": "postgresql", "revision": "0011", "head": head_revision(), "state": "behind"}
    assert setup.upgrade_database(pg_schema_url)["state"] == "current"


def test_an_unreachable_server_is_one_clear_error():
    with pytest.raises(StoreError) as err:
        setup.probe_database("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert err.value.code == "database_unreachable" and err.value.params["detail"]


def test_the_center_answers_are_written_and_a_joining_station_sees_them(store, admin):
    with store.read() as session:
        assert not setup.center_configured(session)
    with store.write() as session:
        setup.apply_center(session, admin, {"center.name": "Trung tâm Phục vụ hành chính công xã Hòa Vang",
                                            "center.agency_id": "000.31.12.H56",
                                            "handover.rounds": ["09:00", "15:00"]})
        setup.apply_queue(session, admin, [("a", "Tiếp nhận"), ("B", "Trả kết quả")],
                          [(1, "Quầy 1", ["A", "b"]), (2, "Quầy 2", ["B"])])
    with store.read() as session:
        assert setup.center_configured(session)
        values = setup.center_values(session)
        assert values["center.agency_id"] == "000.31.12.H56" and values["handover.rounds"] == ["09:00", "15:00"]
        services, counters = setup.queue_layout(session)
    assert services == [("A", "Tiếp nhận"), ("B", "Trả kết quả")]
    assert counters == [(1, "Quầy 1", ["A", "B"]), (2, "Quầy 2", ["B"])]


def test_a_bad_agency_identifier_is_refused(store, admin):
    with pytest.raises(ValidationError) as err, store.write() as session:
        setup.apply_center(session, admin, {"center.agency_id": "H56"})
    assert err.value.code == "agency_id_invalid"
