"""Dossier codes: format, agency validation, and uniqueness under parallel processes on both engines."""

from __future__ import annotations

from datetime import date

import pytest

from app.codes import LocalDailyIssuer, format_local_code, get_issuer, parse_local_code, validate_agency_id
from app.errors import ValidationError
from app.store.session import Store
from tests.app.helpers import run_in_processes


def test_format_and_parse():
    code = format_local_code("000.17.22.H56", date(2021, 5, 31), 1)
    assert code == "000.17.22.H56-210531-0001"
    assert parse_local_code(code) == ("000.17.22.H56", date(2021, 5, 31), 1)
    assert parse_local_code(format_local_code("000.17.22.H56", date(2026, 1, 2), 12345)) == (
        "000.17.22.H56",
        date(2026, 1, 2),
        12345,
    )
    assert parse_local_code("G01.123.45-260125-AA0001") is None  # other issuers' shapes are opaque


@pytest.mark.parametrize("good", ["000.17.22.H56", "000.00.00.G12", "123.45.67.H01", " 000.17.22.h56 "])
def test_agency_ok(good):
    assert validate_agency_id(good) == good.strip().upper()


@pytest.mark.parametrize("bad", ["", "H56", "000.17.22", "00.17.22.H56", "000.17.22.56", "000-17-22-H56", "000.17.22.HH6"])
def test_agency_bad(bad):
    with pytest.raises(ValidationError):
        validate_agency_id(bad)


def test_unknown_issuer():
    with pytest.raises(ValidationError):
        get_issuer("nope")


def test_daily_sequence(store):
    issuer = LocalDailyIssuer()
    with store.write() as s:
        a = issuer.issue(s, agency="000.17.22.H56", local_day=date(2026, 5, 5))
        b = issuer.issue(s, agency="000.17.22.H56", local_day=date(2026, 5, 5))
        c = issuer.issue(s, agency="000.17.22.H56", local_day=date(2026, 5, 6))
        d = issuer.issue(s, agency="000.18.22.H56", local_day=date(2026, 5, 5))
    assert (a, b, c, d) == (
        "000.17.22.H56-260505-0001",
        "000.17.22.H56-260505-0002",
        "000.17.22.H56-260506-0001",
        "000.18.22.H56-260505-0001",
    )


def test_rolled_back_number_is_given_back(store):
    issuer = LocalDailyIssuer()
    with pytest.raises(RuntimeError):
        with store.write() as s:
            issuer.issue(s, agency="000.17.22.H56", local_day=date(2026, 5, 5))
            raise RuntimeError
    with store.write() as s:
        assert issuer.issue(s, agency="000.17.22.H56", local_day=date(2026, 5, 5)).endswith("-0001")


def _issue_many(url: str, n: int, queue) -> None:
    store = Store.open(url, migrate=False)
    issuer = LocalDailyIssuer()
    codes = []
    for _ in range(n):
        with store.write() as s:
            codes.append(issuer.issue(s, agency="000.17.22.H56", local_day=date(2026, 5, 5)))
    store.close()
    queue.put(codes)


@pytest.mark.slow
def test_parallel_processes(migrated_url):
    codes = run_in_processes(_issue_many, [(migrated_url, 25)] * 6)
    assert len(codes) == len(set(codes)) == 150
    assert sorted(int(c[-4:]) for c in codes) == list(range(1, 151))
