"""Statutory holidays, official overrides and the merge rule."""

from datetime import date, datetime

import pytest

from app.errors import ValidationError
from app.resources import resource
from app.holidays import KINDS, DayOff, HolidayTable, default_schedule, load_schedule, parse_schedule


@pytest.fixture(scope="module")
def official(holidays_data) -> HolidayTable:
    return HolidayTable(parse_schedule(holidays_data))


def _official_entries(data: dict, year: int) -> list[dict]:
    return [e for e in data["years"][str(year)] if not e.get("inferred")]


def _weekday_days_off(entries) -> set[date]:
    return {e.date for e in entries if e.kind != "makeup_workday" and e.date.weekday() < 5}


# ---------------------------------------------------------------------------------------------
# Defaults


def test_kinds():
    assert KINDS == ("holiday", "compensatory", "swap_off", "makeup_workday")


def test_default_2027():
    got = [(e.date, e.kind) for e in default_schedule(2027)]
    assert got == [
        (date(2027, 1, 1), "holiday"),
        (date(2027, 2, 5), "holiday"),  # 29 tháng Chạp Bính Ngọ, last day of the lunar year
        (date(2027, 2, 6), "holiday"),  # Mùng 1, Saturday
        (date(2027, 2, 7), "holiday"),  # Mùng 2, Sunday
        (date(2027, 2, 8), "holiday"),
        (date(2027, 2, 9), "holiday"),
        (date(2027, 2, 10), "compensatory"),
        (date(2027, 2, 11), "compensatory"),
        (date(2027, 4, 16), "holiday"),
        (date(2027, 4, 30), "holiday"),
        (date(2027, 5, 1), "holiday"),  # Saturday
        (date(2027, 5, 3), "compensatory"),
        (date(2027, 9, 1), "holiday"),
        (date(2027, 9, 2), "holiday"),
        (date(2027, 11, 24), "holiday"),
    ]


def test_default_names_are_vietnamese():
    names = {e.date: e.name for e in default_schedule(2027)}
    assert names[date(2027, 1, 1)] == "Tết Dương lịch"
    assert names[date(2027, 2, 5)] == "Tết Nguyên đán (29 tháng Chạp)"
    assert names[date(2027, 2, 6)] == "Tết Nguyên đán (Mùng 1)"
    assert names[date(2027, 2, 10)] == "Nghỉ bù Tết Nguyên đán (Mùng 1)"
    assert names[date(2027, 4, 16)].startswith("Giỗ Tổ Hùng Vương")
    assert names[date(2027, 9, 2)] == "Quốc khánh"
    assert names[date(2027, 11, 24)] == "Ngày Văn hóa Việt Nam"


def test_default_2025_tet_with_thirtieth_or_twenty_ninth():
    days = {e.date: e for e in default_schedule(2025)}
    assert days[date(2025, 1, 28)].name == "Tết Nguyên đán (29 tháng Chạp)"
    # Mùng 4 on Saturday 1 Feb gives Monday 3 Feb.
    assert days[date(2025, 2, 3)].kind == "compensatory"


def test_tet_eve_on_the_30th():
    # Lunar year 2023 (Quý Mão) ended with a 30-day month: 30 tháng Chạp = 9 Feb 2024.
    days = {e.date: e for e in default_schedule(2024)}
    assert days[date(2024, 2, 9)].name == "Tết Nguyên đán (30 tháng Chạp)"
    assert date(2024, 2, 8) not in days


def test_default_2026_hung_kings_on_sunday():
    days = {e.date: e.kind for e in default_schedule(2026)}
    assert days[date(2026, 4, 26)] == "holiday"
    assert days[date(2026, 4, 27)] == "compensatory"
    assert days[date(2026, 11, 24)] == "holiday"


def test_consecutive_weekend_holidays_chain():
    # 2022: 30/4 Saturday, 1/5 Sunday: Monday 2/5 and Tuesday 3/5 (as officially given).
    comp = [e.date for e in default_schedule(2022) if e.kind == "compensatory"]
    assert comp == [date(2022, 1, 3), date(2022, 4, 11), date(2022, 5, 2), date(2022, 5, 3)]


def test_culture_day_only_from_2026():
    assert all(e.date.month != 11 for e in default_schedule(2025))


def test_culture_day_compensation_is_a_switch():
    # 24/11/2029 is a Saturday.
    with_comp = {e.date: e.kind for e in default_schedule(2029)}
    assert with_comp[date(2029, 11, 26)] == "compensatory"
    without = {e.date: e.kind for e in default_schedule(2029, culture_day_compensated=False)}
    assert date(2029, 11, 26) not in without
    assert without[date(2029, 11, 24)] == "holiday"
    table = HolidayTable(culture_day_compensated=False)
    assert not table.is_day_off(date(2029, 11, 26))


def test_default_table():
    table = HolidayTable()
    assert table.is_day_off(date(2027, 2, 10))
    assert table.is_day_off(date(2027, 2, 13))  # ordinary Saturday
    assert not table.is_day_off(date(2027, 2, 12))
    assert table.name(date(2027, 2, 12)) is None
    assert table.name(date(2027, 1, 1)) == "Tết Dương lịch"
    assert table.schedule(2027) == default_schedule(2027)
    assert table.is_day_off(datetime(2027, 2, 10, 9, 0))  # a datetime counts by its date


# ---------------------------------------------------------------------------------------------
# Official schedules


@pytest.mark.parametrize("year", [2025, 2026])
def test_official_years_equal_the_official_lists(official, holidays_data, year):
    listed = parse_schedule({"years": {str(year): _official_entries(holidays_data, year)}})
    got = official.schedule(year)
    assert [(e.date, e.kind, e.name) for e in got] == [(e.date, e.kind, e.name) for e in listed]
    assert _weekday_days_off(got) == _weekday_days_off(listed)
    for entry in listed:
        assert official.is_day_off(entry.date) == (entry.kind != "makeup_workday")


def test_2027_equals_the_defaults(official):
    assert official.schedule(2027) == default_schedule(2027)
    assert official.is_day_off(date(2027, 5, 3))
    assert official.entry(date(2027, 5, 3)).kind == "compensatory"
    for day in range(5, 12):
        assert official.is_day_off(date(2027, 2, day))
    assert not official.is_day_off(date(2027, 2, 12))


@pytest.mark.parametrize("saturday", [date(2026, 1, 10), date(2026, 8, 22), date(2025, 4, 26)])
def test_makeup_saturdays_are_working(official, saturday):
    assert saturday.weekday() == 5
    assert not official.is_day_off(saturday)
    assert official.is_makeup_workday(saturday)
    assert official.name(saturday).startswith("Làm bù")


def test_official_particular_days(official):
    assert official.entry(date(2026, 4, 27)).kind == "compensatory"
    assert official.is_day_off(date(2026, 11, 24))
    assert official.is_day_off(date(2026, 1, 2))  # swap_off
    assert official.is_day_off(date(2026, 8, 31))  # swap_off
    assert official.is_day_off(date(2025, 5, 2))
    # The default 2025 compensatory day for Mùng 4 (Monday 3 Feb) is gone: the official
    # block ended on Friday 31 Jan (weekend 1-2 Feb).
    assert not official.is_day_off(date(2025, 2, 3))
    assert not official.is_makeup_workday(date(2025, 2, 3))
    for day in (14, 15, 16, 17, 18, 19, 20, 21, 22):
        assert official.is_day_off(date(2026, 2, day))
    assert not official.is_day_off(date(2026, 2, 23))


def test_inferred_entries_are_skipped(holidays_data):
    entries = parse_schedule(holidays_data)
    assert not [e for e in entries if e.date.year == 2027]
    assert len(entries) == len(_official_entries(holidays_data, 2025)) + len(
        _official_entries(holidays_data, 2026)
    )


def test_load_schedule_reads_the_file(holidays_data):
    assert load_schedule(resource("data", "holidays.json")) == parse_schedule(holidays_data)


def test_load_schedule_bad_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="cannot read"):
        load_schedule(path)
    with pytest.raises(ValidationError, match="cannot read"):
        load_schedule(tmp_path / "missing.json")


# ---------------------------------------------------------------------------------------------
# The merge rule on synthetic overrides


def test_override_inside_a_window_replaces_the_group():
    # A notice moving 2027's Quốc khánh adjacent day to 3/9.
    table = HolidayTable([DayOff(date(2027, 9, 3), "Quốc khánh (ngày liền kề)", "holiday")])
    days = {e.date for e in table.schedule(2027)}
    assert date(2027, 9, 3) in days
    assert date(2027, 9, 1) not in days
    assert date(2027, 9, 2) not in days  # the whole group is replaced: list every day
    # Other groups untouched.
    assert date(2027, 5, 3) in days


def test_tet_window_drops_default_tet_and_its_compensatory_days():
    notice = [
        DayOff(date(2027, 2, day), f"Tết {day}", "holiday") for day in (4, 5, 8, 9, 10)
    ]
    table = HolidayTable(notice)
    tet_days = {e.date: e.kind for e in table.schedule(2027) if e.date.month == 2}
    assert tet_days == {date(2027, 2, day): "holiday" for day in (4, 5, 8, 9, 10)}
    assert not table.is_day_off(date(2027, 2, 11))
    assert table.is_day_off(date(2027, 2, 6))  # still a Saturday


def test_tet_window_bounds():
    # lunar 15/12 Bính Ngọ = 22 Jan 2027; lunar 15/1 Đinh Mùi = 20 Feb 2027.
    inside = HolidayTable([DayOff(date(2027, 1, 22), "x", "swap_off")])
    assert not inside.is_day_off(date(2027, 2, 10))
    outside = HolidayTable([DayOff(date(2027, 1, 21), "x", "swap_off")])
    assert outside.is_day_off(date(2027, 2, 10))
    assert outside.is_day_off(date(2027, 1, 21))
    after = HolidayTable([DayOff(date(2027, 2, 21), "x", "makeup_workday")])
    assert after.is_day_off(date(2027, 2, 10))
    assert not after.is_day_off(date(2027, 2, 21))


def test_override_outside_windows_adds():
    table = HolidayTable(
        [
            DayOff(date(2027, 7, 15), "Ngày nghỉ mới", "holiday"),
            DayOff(date(2027, 7, 17), "Làm bù", "makeup_workday"),
        ]
    )
    assert table.is_day_off(date(2027, 7, 15))
    assert not table.is_day_off(date(2027, 7, 17))
    assert table.schedule(2027) == sorted(
        default_schedule(2027)
        + [
            DayOff(date(2027, 7, 15), "Ngày nghỉ mới", "holiday"),
            DayOff(date(2027, 7, 17), "Làm bù", "makeup_workday"),
        ],
        key=lambda e: e.date,
    )


def test_override_far_from_defaults_keeps_their_compensatory_days():
    # 1/9/2029 Saturday and 2/9 Sunday: Monday 3/9 and Tuesday 4/9 stay with a far override.
    table = HolidayTable([DayOff(date(2029, 9, 20), "x", "holiday")])
    comp = [e.date for e in table.schedule(2029) if e.kind == "compensatory"]
    assert date(2029, 9, 3) in comp and date(2029, 9, 4) in comp
    assert table.is_day_off(date(2029, 9, 20))


def test_simple_window_is_ten_days_each_side():
    edge = HolidayTable([DayOff(date(2027, 9, 12), "x", "swap_off")])
    assert not edge.is_day_off(date(2027, 9, 1))
    assert not edge.is_day_off(date(2027, 9, 2))
    beyond = HolidayTable([DayOff(date(2027, 9, 13), "x", "swap_off")])
    assert beyond.is_day_off(date(2027, 9, 1)) and beyond.is_day_off(date(2027, 9, 2))
    before = HolidayTable([DayOff(date(2027, 8, 22), "x", "makeup_workday")])
    assert not before.is_day_off(date(2027, 9, 1))
    assert not before.is_day_off(date(2027, 8, 22))


def test_new_year_window_reaches_the_previous_december():
    # 1/1/2022 was a Saturday: default compensatory Monday 3/1, dropped by a December override.
    assert HolidayTable().is_day_off(date(2022, 1, 3))
    table = HolidayTable([DayOff(date(2021, 12, 31), "x", "swap_off")])
    assert not table.is_day_off(date(2022, 1, 3))
    assert table.is_day_off(date(2021, 12, 31))
    assert [e.date for e in table.schedule(2021) if e.date.month == 12] == [date(2021, 12, 31)]


def test_groups_are_dropped_independently():
    # 2022: an override on 20/4 sits in the Hùng Kings window (10/4 +- 10) and in the 30/4 window
    # (20/4-10/5), not in the 1/5 window (21/4-11/5): 1/5 (Sunday) keeps its compensatory day,
    # now the first free weekday, Monday 2/5.
    table = HolidayTable([DayOff(date(2022, 4, 20), "x", "swap_off")])
    kinds = {e.date: e.kind for e in table.schedule(2022)}
    assert date(2022, 4, 10) not in kinds and date(2022, 4, 11) not in kinds
    assert date(2022, 4, 30) not in kinds
    assert kinds[date(2022, 5, 1)] == "holiday"
    assert kinds[date(2022, 5, 2)] == "compensatory"
    assert date(2022, 5, 3) not in kinds


def test_last_override_for_a_date_wins():
    table = HolidayTable(
        [DayOff(date(2027, 7, 15), "a", "holiday"), DayOff(date(2027, 7, 15), "b", "swap_off")]
    )
    assert table.entry(date(2027, 7, 15)) == DayOff(date(2027, 7, 15), "b", "swap_off")
    assert len(table.overrides) == 1


def test_schedule_is_cached_and_sorted(official):
    first = official.schedule(2026)
    assert official.schedule(2026) == first
    assert first == sorted(first, key=lambda e: e.date)
    first.clear()  # a copy: mutating it does not touch the table
    assert official.schedule(2026)


# ---------------------------------------------------------------------------------------------
# Validation


def _one(entry: dict, year: str = "2025") -> dict:
    return {"years": {year: [{"date": "2025-01-01", "name": "ok", "kind": "holiday"}, entry]}}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_one({"date": "2025-13-01", "name": "x", "kind": "holiday"}), r"years\.2025\[1\]: bad date '2025-13-01'"),
        (_one({"date": "1/1/2025", "name": "x", "kind": "holiday"}), r"years\.2025\[1\]: bad date"),
        (_one({"name": "x", "kind": "holiday"}), r"years\.2025\[1\]: bad date None"),
        (_one({"date": "2025-02-01", "name": "x", "kind": "vacation"}), r"years\.2025\[1\]: bad kind 'vacation'"),
        (_one({"date": "2026-02-02", "name": "x", "kind": "holiday"}), r"years\.2025\[1\]: date 2026-02-02 is not in year 2025"),
        (_one({"date": "2025-02-03", "kind": "holiday"}), r"years\.2025\[1\]: missing name"),
        (_one({"date": "2025-02-03", "name": "x", "kind": "makeup_workday"}), r"not a Saturday or Sunday"),
        (_one({"date": "2025-01-01", "name": "x", "kind": "holiday"}), r"years\.2025\[1\]: date 2025-01-01 is listed twice"),
        (_one("2025-01-01"), r"years\.2025\[1\]: expected an object"),
        ({"years": {"2025": {"date": "2025-01-01"}}}, r"years\.2025: expected a list"),
        ({"years": {"twenty": []}}, r"years\.twenty: the key must be a four-digit year"),
        ({"schedules": {}}, r"'years'"),
        ([], r"'years'"),
    ],
)
def test_parse_errors(data, message):
    with pytest.raises(ValidationError, match=message):
        parse_schedule(data)


def test_parse_is_lenient_on_extra_keys_and_skips_inferred():
    data = {
        "about": "x",
        "years": {
            "2028": [
                {"date": "2028-01-01", "name": " Tết Dương lịch ", "kind": "holiday", "src": ["a"], "note": "n"},
                {"date": "bad", "name": "x", "kind": "nonsense", "inferred": True},
            ]
        },
    }
    assert parse_schedule(data) == [DayOff(date(2028, 1, 1), "Tết Dương lịch", "holiday")]
    assert parse_schedule({"years": {}}) == []


def test_dayoff_validates():
    with pytest.raises(ValidationError):
        DayOff(date(2025, 1, 1), "x", "party")
    with pytest.raises(ValidationError):
        DayOff("2025-01-01", "x", "holiday")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        DayOff(date(2025, 1, 1), "", "holiday")
    with pytest.raises(ValidationError):
        HolidayTable(["2025-01-01"])  # type: ignore[list-item]
