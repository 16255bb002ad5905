"""A large catalog imports in bounded batches, all or nothing, with progress."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, func, select

from app.catalog_io import validate_procedures
from app.errors import ValidationError
from app.services import catalog
from app.store.models import Procedure


def _procedures(n: int) -> list[dict]:
    raw = [{"code": f"8.{i:05d}", "name": f"Thủ tục {i}", "field": "Thử", "processing_time": {"amount": 2},
            "documents": [{"code": "TP1", "name": "Tờ khai", "originals": 1}]} for i in range(n)]
    return validate_procedures([(i + 1, item) for i, item in enumerate(raw)], label="item")


def test_import_in_batches_under_the_variable_limit(store, admin):
    if store.dialect == "sqlite":
        # SQLite builds before 3.32 allow 999 parameters per statement; newer ones 32,766. Lower the limit
        # on this connection to see the first case with a catalog small enough for a test.
        store.engine.dispose()
        event.listen(store.engine, "connect", lambda conn, _r: conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999))
    procedures = _procedures(1_200)
    seen: list[tuple[int, int]] = []
    with store.write() as session:
        counts = catalog.import_procedures(session, admin, procedures, progress=lambda d, t: seen.append((d, t)))
    assert counts == {"created": 1_200, "updated": 0}
    assert seen[-1] == (1_200, 1_200) and [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) >= 3
    with store.write() as session:
        assert catalog.import_procedures(session, admin, procedures) == {"created": 0, "updated": 1_200}
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Procedure).where(Procedure.code.like("8.%"))) == 1_200


def test_failure_in_a_later_batch_keeps_nothing(store, admin):
    procedures = _procedures(1_100)
    procedures[-1] = {**procedures[-1], "field": None}  # NOT NULL: the last batch fails at the database
    with pytest.raises(Exception):
        with store.write() as session:
            catalog.import_procedures(session, admin, procedures)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Procedure).where(Procedure.code.like("8.%"))) == 0


def test_size_limit(tmp_path):
    from app import fields
    from app.catalog_io import read_catalog

    big = tmp_path / "big.csv"
    big.write_bytes(b"row,code,name,field\n" + b"procedure,1.1,x,y\n" * (fields.MAX_CATALOG_BYTES // 18 + 1))
    with pytest.raises(ValidationError, match="larger than"):
        read_catalog(big)
