"""Vietnamese lunar calendar: known dates, leap months, the UTC+7 vs UTC+8 difference."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import lunar
from app.errors import ValidationError
from app.lunar import LunarDate, leap_month, lunar_new_year, lunar_to_solar, month_length, solar_to_lunar

CN_TZ = 8.0


@pytest.mark.parametrize(
    ("year", "tet"),
    [(2025, date(2025, 1, 29)), (2026, date(2026, 2, 17)), (2027, date(2027, 2, 6))],
)
def test_tet(year, tet):
    assert lunar_to_solar(1, 1, year) == tet
    assert lunar_new_year(year) == tet
    assert solar_to_lunar(tet) == LunarDate(1, 1, year, False)
    # The day before is the last day of the previous lunar year's 12th month.
    eve = solar_to_lunar(tet - timedelta(days=1))
    assert (eve.month, eve.year, eve.leap) == (12, year - 1, False)
    assert eve.day in (29, 30)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2025, date(2025, 4, 7)), (2026, date(2026, 4, 26)), (2027, date(2027, 4, 16))],
)
def test_hung_kings_day(year, expected):
    assert lunar_to_solar(10, 3, year) == expected
    assert solar_to_lunar(expected) == LunarDate(10, 3, year, False)


def test_last_days_of_lunar_years():
    # 29 tháng Chạp (12th month of 29 days) in each of these years.
    assert month_length(12, 2024) == 29
    assert lunar_to_solar(29, 12, 2024) == date(2025, 1, 28)
    assert lunar_to_solar(29, 12, 2025) == date(2026, 2, 16)
    assert month_length(12, 2026) == 29
    assert lunar_to_solar(29, 12, 2026) == date(2027, 2, 5)


@pytest.mark.parametrize(
    ("year", "month", "first_day", "next_month_first_day"),
    [
        (2020, 4, date(2020, 5, 23), date(2020, 6, 21)),
        (2023, 2, date(2023, 3, 22), date(2023, 4, 20)),
        (2025, 6, date(2025, 7, 25), date(2025, 8, 23)),
        (1985, 2, date(1985, 3, 21), date(1985, 4, 20)),
    ],
)
def test_leap_months(year, month, first_day, next_month_first_day):
    assert leap_month(year) == month
    assert lunar_to_solar(1, month, year, leap=True) == first_day
    assert solar_to_lunar(first_day) == LunarDate(1, month, year, True)
    assert solar_to_lunar(first_day - timedelta(days=1)).leap is False
    assert solar_to_lunar(first_day - timedelta(days=1)).month == month
    assert solar_to_lunar(next_month_first_day) == LunarDate(1, month + 1, year, False)


def test_years_without_leap_month():
    for year in (2021, 2022, 2024, 2026, 2027):
        assert leap_month(year) == 0


def test_leap_eleventh_month_2033():
    # The famous 2033 case: the leap month comes after month 11.
    assert leap_month(2033) == 11
    assert lunar_to_solar(1, 11, 2033, leap=True) == date(2033, 12, 22)


# Years whose Tết differs between Viet Nam (UTC+7) and China (UTC+8), 1901-2100.
VN_CN_TET = {
    1903: (date(1903, 1, 28), date(1903, 1, 29)),
    1916: (date(1916, 2, 3), date(1916, 2, 4)),
    1935: (date(1935, 2, 3), date(1935, 2, 4)),
    1965: (date(1965, 2, 1), date(1965, 2, 2)),
    1968: (date(1968, 1, 29), date(1968, 1, 30)),
    1969: (date(1969, 2, 16), date(1969, 2, 17)),
    1985: (date(1985, 1, 21), date(1985, 2, 20)),
    2007: (date(2007, 2, 17), date(2007, 2, 18)),
    2030: (date(2030, 2, 2), date(2030, 2, 3)),
    2053: (date(2053, 2, 18), date(2053, 2, 19)),
}


@pytest.mark.parametrize("year", sorted(VN_CN_TET))
def test_vietnamese_and_chinese_tet_differ(year):
    vn, cn = VN_CN_TET[year]
    assert lunar_new_year(year) == vn
    assert lunar._lunar_to_solar_tz(1, 1, year, False, CN_TZ) == cn


def test_tet_is_the_same_in_every_other_year():
    differing = {
        y
        for y in range(1901, 2101)
        if lunar_new_year(y) != lunar._lunar_to_solar_tz(1, 1, y, False, CN_TZ)
    }
    assert differing == set(VN_CN_TET)


def test_1985_month_numbering():
    # Viet Nam: Tết on 21 Jan 1985 and a leap 2nd month; China: leap 10th month in 1984.
    assert solar_to_lunar(date(1985, 1, 21)) == LunarDate(1, 1, 1985, False)
    assert lunar._solar_to_lunar_tz(date(1985, 1, 21), CN_TZ) == LunarDate(1, 12, 1984, False)
    assert leap_month(1984) == 0
    assert solar_to_lunar(date(1985, 2, 20)) == LunarDate(1, 2, 1985, False)


def test_2007_tet_new_moon_late_evening():
    # New moon at 23:14 UTC+7 on 17 Feb 2007 (00:14 on the 18th at UTC+8).
    assert solar_to_lunar(date(2007, 2, 17)) == LunarDate(1, 1, 2007, False)
    assert lunar._solar_to_lunar_tz(date(2007, 2, 17), CN_TZ) == LunarDate(30, 12, 2006, False)


def test_hung_kings_days_that_differ_from_china():
    # Dates of lunar 10/3 that differ from the Chinese calendar within 1901-2100.
    vn_dates = {
        1916: date(1916, 4, 11),
        1917: date(1917, 4, 1),
        1939: date(1939, 4, 28),
        1975: date(1975, 4, 20),
        2009: date(2009, 4, 4),
        2037: date(2037, 4, 24),
        2038: date(2038, 4, 13),
    }
    for year, expected in vn_dates.items():
        assert lunar_to_solar(10, 3, year) == expected
        assert lunar._lunar_to_solar_tz(10, 3, year, False, CN_TZ) != expected


def test_structure_of_every_year():
    for year in range(1901, 2101):
        tet = lunar_new_year(year)
        assert date(year, 1, 21) <= tet <= date(year, 2, 20)
        length = (lunar_new_year(year + 1) - tet).days
        if leap_month(year):
            assert 383 <= length <= 385
        else:
            assert 353 <= length <= 355
        for month in range(1, 13):
            assert month_length(month, year) in (29, 30)


def test_non_existent_dates_raise():
    with pytest.raises(ValidationError, match="no leap month 5"):
        lunar_to_solar(1, 5, 2025, leap=True)
    with pytest.raises(ValidationError, match="29 days"):
        lunar_to_solar(30, 12, 2024)
    with pytest.raises(ValidationError):
        lunar_to_solar(0, 1, 2025)
    with pytest.raises(ValidationError):
        lunar_to_solar(1, 13, 2025)
    with pytest.raises(ValidationError):
        lunar_to_solar(1, 1, 1000)
    with pytest.raises(ValidationError):
        solar_to_lunar(date(2300, 1, 1))
    with pytest.raises(ValidationError):
        solar_to_lunar("2025-01-01")  # type: ignore[arg-type]


def test_str():
    assert str(LunarDate(10, 3, 2026, False)) == "10/03/2026"
    assert str(LunarDate(1, 6, 2025, True)) == "01/06 nhuận/2025"


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1901, 3, 1), max_value=date(2099, 12, 31)))
def test_round_trip(d):
    lunar_date = solar_to_lunar(d)
    assert lunar_to_solar(lunar_date.day, lunar_date.month, lunar_date.year, lunar_date.leap) == d


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1901, 3, 1), max_value=date(2099, 12, 30)))
def test_consecutive_days(d):
    today, tomorrow = solar_to_lunar(d), solar_to_lunar(d + timedelta(days=1))
    if tomorrow.day == 1:
        assert today.day in (29, 30)
        assert today.day == month_length(today.month, today.year, today.leap)
    else:
        assert (tomorrow.day, tomorrow.month, tomorrow.year, tomorrow.leap) == (
            today.day + 1,
            today.month,
            today.year,
            today.leap,
        )
