"""A back-dated intake (``--received-at``): a window, and a code sequence keyed by what the code carries."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from app.errors import ValidationError
from app.services import center, dossiers
from app.services.dossiers import parse_intake
from app.workcal import VN_TZ

TODAY = datetime(2026, 12, 2, 10, 30, tzinfo=VN_TZ)  # a Wednesday
CENTURY_AGO = datetime(1926, 12, 2, 10, 0, tzinfo=VN_TZ)
GIAM_HO = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345"},
    "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}],
}


def receive(store, officer, *, received_at=None, now=TODAY) -> str:
    with store.write() as s:
        return dossiers.receive(s, officer, parse_intake(GIAM_HO), received_at=received_at, now=now).code


def set_center(store, admin, key, value):
    with store.write() as s:
        center.set_value(s, admin, key, value)


def test_window_refuses_a_century_back(seeded, officer):
    with pytest.raises(ValidationError, match="received-at"):
        receive(seeded, officer, received_at=CENTURY_AGO)
    with pytest.raises(ValidationError, match="received-at"):
        receive(seeded, officer, received_at=datetime(2026, 10, 1, 10, 0, tzinfo=VN_TZ))  # > 30 days
    assert receive(seeded, officer, received_at=datetime(2026, 11, 20, 10, 0, tzinfo=VN_TZ)).endswith("-261120-0001")


def test_window_is_configurable_and_bounded_by_the_opening_day(seeded, officer, admin):
    set_center(seeded, admin, "intake.backdate_max_days", 3)
    with pytest.raises(ValidationError):
        receive(seeded, officer, received_at=datetime(2026, 11, 28, 10, 0, tzinfo=VN_TZ))
    assert receive(seeded, officer, received_at=datetime(2026, 11, 30, 10, 0, tzinfo=VN_TZ))
    set_center(seeded, admin, "intake.backdate_max_days", 400)
    set_center(seeded, admin, "center.opened_on", "2026-11-25")
    with pytest.raises(ValidationError, match="2026-11-25"):
        receive(seeded, officer, received_at=datetime(2026, 11, 24, 16, 0, tzinfo=VN_TZ))
    assert receive(seeded, officer, received_at=datetime(2026, 11, 25, 8, 0, tzinfo=VN_TZ))


@pytest.mark.parametrize("backdated_first", [True, False])
def test_same_yymmdd_shares_one_sequence(seeded, officer, admin, backdated_first):
    """Even with the window opened a century wide, the two days cannot collide on the code."""
    set_center(seeded, admin, "intake.backdate_max_days", 40_000)
    codes = []
    for backdated in ([True, False] if backdated_first else [False, True]):
        codes.append(receive(seeded, officer, received_at=CENTURY_AGO if backdated else None))
    codes.append(receive(seeded, officer))
    assert [c[-11:] for c in codes] == ["261202-0001", "261202-0002", "261202-0003"]


def test_migration_rekeys_existing_sequences(tmp_path, request):
    from app.store.engine import make_engine
    from app.store.migrate import upgrade

    urls = [str(tmp_path / "m.sqlite3"), request.getfixturevalue("pg_schema_url")]
    for url in urls:
        engine = make_engine(url)
        upgrade(engine, "0005")
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO sequences (name, value) VALUES (:n, :v)"), [
                {"n": "dossier:000.31.12.H56:2026-12-02", "v": 7},
                {"n": "dossier:000.31.12.H56:1926-12-02", "v": 9},
                {"n": "dossier:000.31.12.H56:2026-12-01", "v": 3},
                {"n": "register:000.31.12.H56:2026", "v": 19},
            ])
        upgrade(engine)
        with engine.connect() as conn:
            rows = dict(conn.execute(sa.text("SELECT name, value FROM sequences")).all())
        engine.dispose()
        assert rows == {"dossier:000.31.12.H56:261202": 9, "dossier:000.31.12.H56:261201": 3,
                        "register:000.31.12.H56:2026": 19}
