"""Working-time calendar and appointment (due) dates."""

import json
import time as _time
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.holidays import DayOff, HolidayTable, parse_schedule
from app.workcal import VN_TZ, WorkCalendar, WorkingHours, format_local, parse_local, to_local


@pytest.fixture(scope="module")
def table(holidays_data) -> HolidayTable:
    return HolidayTable(parse_schedule(holidays_data))


@pytest.fixture(scope="module")
def cal(table) -> WorkCalendar:
    return WorkCalendar(WorkingHours(), table)


def at(y, m, d, h=0, mi=0, s=0) -> datetime:
    return datetime(y, m, d, h, mi, s, tzinfo=VN_TZ)


# A plain week: Monday 9 March 2026 to Sunday 15 March 2026.
MON = (2026, 3, 9)
TUE = (2026, 3, 10)


# ---------------------------------------------------------------------------------------------
# Time zone helpers


def test_vn_tz_is_fixed_utc_plus_7():
    assert VN_TZ.utcoffset(None) == timedelta(hours=7)
    assert VN_TZ.tzname(None) == "ICT"


def test_to_local():
    assert to_local(datetime(2026, 3, 9, 10, 0)) == at(*MON, 10)
    assert to_local(datetime(2026, 3, 9, 10, 0)).tzinfo is VN_TZ
    utc = datetime(2026, 3, 9, 3, 0, tzinfo=timezone.utc)
    assert to_local(utc) == at(*MON, 10)
    assert to_local(utc).hour == 10
    assert to_local(utc).tzinfo is VN_TZ
    with pytest.raises(ValidationError):
        to_local(date(2026, 3, 9))  # type: ignore[arg-type]


def test_format_local():
    assert format_local(at(*MON, 10, 5, 7)) == "2026-03-09T10:05:07+07:00"
    assert format_local(datetime(2026, 3, 9, 3, tzinfo=timezone.utc)) == "2026-03-09T10:00:00+07:00"
    assert format_local(datetime(2026, 3, 9, 10, 0, 0, 999999)) == "2026-03-09T10:00:00+07:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-09T10:00:00+07:00", at(*MON, 10)),
        ("2026-03-09T10:00:00", at(*MON, 10)),
        ("2026-03-09 10:00", at(*MON, 10)),
        ("2026-03-09T03:00:00Z", at(*MON, 10)),
        ("2026-03-09T03:00:00+00:00", at(*MON, 10)),
        ("2026-03-09", at(*MON, 0)),
        (" 2026-03-09T10:00 ", at(*MON, 10)),
    ],
)
def test_parse_local(text, expected):
    parsed = parse_local(text)
    assert parsed == expected
    assert parsed.tzinfo is VN_TZ
    assert (parsed.hour, parsed.minute) == (expected.hour, expected.minute)


@pytest.mark.parametrize("text", ["", "garbage", "2026-13-01", "2026-03-09T25:00", "20260309", "2026-03-09T", None, 5])
def test_parse_local_rejects_garbage(text):
    with pytest.raises(ValidationError):
        parse_local(text)


def test_format_parse_round_trip():
    value = at(2026, 2, 13, 10, 0)
    assert parse_local(format_local(value)) == value


# ---------------------------------------------------------------------------------------------
# Working hours


def test_default_working_hours():
    hours = WorkingHours()
    assert hours.periods[0] == ((time(7), time(11, 30)), (time(13, 30), time(17)))
    assert hours.periods[4] == hours.periods[0]
    assert hours.periods[5] == () and hours.periods[6] == ()
    assert hours.hours_per_day == 8
    assert hash(hours) == hash(WorkingHours())


def test_config_round_trip():
    config = WorkingHours().to_config()
    assert config == {
        "periods": {
            "mon": [["07:00", "11:30"], ["13:30", "17:00"]],
            "tue": [["07:00", "11:30"], ["13:30", "17:00"]],
            "wed": [["07:00", "11:30"], ["13:30", "17:00"]],
            "thu": [["07:00", "11:30"], ["13:30", "17:00"]],
            "fri": [["07:00", "11:30"], ["13:30", "17:00"]],
            "sat": [],
            "sun": [],
        },
        "hours_per_day": 8,
    }
    assert json.loads(json.dumps(config)) == config
    assert WorkingHours.from_config(config) == WorkingHours()
    assert WorkingHours.from_config({}) == WorkingHours()
    saturday = WorkingHours.from_config(
        {"periods": {"mon": [["7:30", "11:30"]], "SAT": [["07:30", "11:30:30"]]}, "hours_per_day": 4}
    )
    assert saturday.periods[0] == ((time(7, 30), time(11, 30)),)
    assert saturday.periods[1] == ()
    assert saturday.periods[5] == ((time(7, 30), time(11, 30, 30)),)
    assert WorkingHours.from_config(saturday.to_config()) == saturday


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"periods": {"mon": [["13:30", "17:00"], ["07:00", "11:30"]]}}, "overlaps or precedes"),
        ({"periods": {"mon": [["07:00", "12:00"], ["11:30", "17:00"]]}}, "overlaps or precedes"),
        ({"periods": {"mon": [["11:30", "07:00"]]}}, "not before"),
        ({"periods": {"mon": [["07:00", "07:00"]]}}, "not before"),
        ({"periods": {"mon": [["25:00", "26:00"]]}}, "bad time '25:00'"),
        ({"periods": {"mon": [["7h", "11h"]]}}, "bad time '7h'"),
        ({"periods": {"mon": [["07:00"]]}}, r"\[start, end\]"),
        ({"periods": {"mon": "07:00-11:30"}}, "list of periods"),
        ({"periods": {"monday2": []}}, "unknown weekday"),
        ({"periods": {"mon": [], "sat": []}}, "no working period"),
        ({"periods": ["mon"]}, "periods"),
        ({"hours_per_day": 0}, "hours_per_day"),
        ({"hours_per_day": "8"}, "hours_per_day"),
        ({"hours_per_day": float("nan")}, "hours_per_day"),
        ("mon", "expected an object"),
    ],
)
def test_working_hours_validation(config, message):
    with pytest.raises(ValidationError, match=message):
        WorkingHours.from_config(config)


def test_working_hours_direct_validation():
    with pytest.raises(ValidationError):
        WorkingHours(periods={7: ((time(7), time(8)),)})
    with pytest.raises(ValidationError):
        WorkingHours(periods={0: ((time(9), time(8)),)})
    touching = WorkingHours(periods={0: ((time(7), time(11)), (time(11), time(12)))})
    assert touching.periods[0][1] == (time(11), time(12))


# ---------------------------------------------------------------------------------------------
# Periods of a date


def test_periods_on(cal):
    assert cal.periods_on(date(*MON)) == ((at(*MON, 7), at(*MON, 11, 30)), (at(*MON, 13, 30), at(*MON, 17)))
    assert cal.periods_on(date(2026, 3, 14)) == ()  # Saturday
    assert cal.periods_on(date(2026, 2, 17)) == ()  # Mùng 1 Tết
    assert cal.periods_on(date(2026, 11, 24)) == ()  # Ngày Văn hóa Việt Nam
    assert cal.periods_on(date(2026, 1, 2)) == ()  # swap_off Friday
    assert cal.is_working_day(date(2026, 1, 10))  # make-up Saturday
    assert not cal.is_working_day(date(2026, 1, 11))


def test_makeup_saturday_uses_monday_periods(table):
    hours = WorkingHours(periods={0: ((time(8), time(12)),), 1: ((time(7), time(17)),)})
    cal = WorkCalendar(hours, table)
    assert cal.periods_on(date(2026, 1, 10)) == ((at(2026, 1, 10, 8), at(2026, 1, 10, 12)),)


def test_saturday_morning_work_only_when_configured(table):
    config = WorkingHours().to_config()
    config["periods"]["sat"] = [["07:30", "11:30"]]
    cal = WorkCalendar(WorkingHours.from_config(config), table)
    assert cal.periods_on(date(2026, 3, 14)) == ((at(2026, 3, 14, 7, 30), at(2026, 3, 14, 11, 30)),)
    # A Saturday listed as a holiday has no period even when Saturdays are worked.
    holiday_saturday = WorkCalendar(
        WorkingHours.from_config(config), HolidayTable([DayOff(date(2026, 3, 14), "x", "holiday")])
    )
    assert holiday_saturday.periods_on(date(2026, 3, 14)) == ()
    # Received Saturday 10:00, 1 working hour: Saturday 11:00.
    assert cal.due(at(2026, 3, 14, 10), 1, "working_hours") == at(2026, 3, 14, 11)


def test_saturday_reception_is_not_working_time_by_default(cal):
    assert cal.due(at(2026, 3, 14, 9), 1, "working_hours") == at(2026, 3, 16, 8)


# ---------------------------------------------------------------------------------------------
# Effective start


def test_effective_start(cal):
    assert cal.effective_start(at(*MON, 10)) == at(*MON, 10)
    assert cal.effective_start(at(*MON, 7)) == at(*MON, 7)
    assert cal.effective_start(at(*MON, 6, 59)) == at(*MON, 7)
    assert cal.effective_start(at(*MON, 11, 30)) == at(*MON, 13, 30)  # reception periods are half-open
    assert cal.effective_start(at(*MON, 12)) == at(*MON, 13, 30)
    assert cal.effective_start(at(*MON, 17)) == at(*TUE, 7)
    assert cal.effective_start(at(*MON, 18, 30)) == at(*TUE, 7)
    assert cal.effective_start(at(2026, 3, 14, 9)) == at(2026, 3, 16, 7)  # Saturday -> Monday
    assert cal.effective_start(datetime(2026, 3, 9, 3, 0, tzinfo=timezone.utc)) == at(*MON, 10)
    assert cal.effective_start(datetime(2026, 3, 9, 10, 0)) == at(*MON, 10)  # naive = local


def test_after_15h_rule(cal):
    assert cal.effective_start(at(*MON, 15), after_15h_next_day=True) == at(*TUE, 7)
    assert cal.effective_start(at(*MON, 14, 59), after_15h_next_day=True) == at(*MON, 14, 59)
    assert cal.effective_start(at(*MON, 14, 59, 59), after_15h_next_day=True) == at(*MON, 14, 59, 59)
    assert cal.effective_start(at(*MON, 15), after_15h_next_day=False) == at(*MON, 15)
    assert cal.effective_start(at(*MON, 23), after_15h_next_day=True) == at(*TUE, 7)
    # Friday 13 Feb 2026 at 15:00: next working day is Monday 23 Feb (Tết).
    assert cal.effective_start(at(2026, 2, 13, 15), after_15h_next_day=True) == at(2026, 2, 23, 7)
    # 08:00 UTC is 15:00 local.
    utc = datetime(2026, 3, 9, 8, 0, tzinfo=timezone.utc)
    assert cal.effective_start(utc, after_15h_next_day=True) == at(*TUE, 7)


# ---------------------------------------------------------------------------------------------
# Due dates


def test_one_working_day_from_monday_10(cal):
    assert cal.due(at(*MON, 10), 1, "working_days") == at(*TUE, 10)


def test_full_day_ends_at_17_not_next_morning(cal):
    assert cal.due(at(*MON, 7), 8, "working_hours") == at(*MON, 17)
    assert cal.due(at(*MON, 7), 1, "working_days") == at(*MON, 17)
    assert cal.due(at(*MON, 6, 30), 1, "working_days") == at(*MON, 17)
    # From 08:00, 8 working hours run until 08:00 the next day (Monday holds only 7 of them).
    assert cal.due(at(*MON, 8), 8, "working_hours") == at(*TUE, 8)
    # Morning end is the morning end, not 13:30.
    assert cal.due(at(*MON, 9), 2.5, "working_hours") == at(*MON, 11, 30)
    # Friday 07:00 + 1 working day: Friday 17:00, not Monday 07:00.
    assert cal.due(at(2026, 3, 13, 7), 1, "working_days") == at(2026, 3, 13, 17)


def test_received_at_lunch_start(cal):
    # 11:30 is outside the morning period: 13:30 + 3.5 h = 17:00, then 1 h on Tuesday.
    assert cal.due(at(*MON, 11, 30), 4.5, "working_hours") == at(*TUE, 8)
    assert cal.due(at(*MON, 11, 30), 3.5, "working_hours") == at(*MON, 17)


def test_lunch_break_is_crossed(cal):
    assert cal.due(at(*MON, 11), 1, "working_hours") == at(*MON, 14)
    assert cal.due(at(*MON, 10, 30), 0.5, "working_days") == at(*MON, 16, 30)


def test_received_on_saturday(cal):
    assert cal.due(at(2026, 3, 14, 10), 1, "working_days") == at(2026, 3, 16, 17)
    assert cal.due(at(2026, 3, 14, 10), 0, "working_days") == at(2026, 3, 16, 7)


def test_received_after_17(cal):
    assert cal.due(at(*MON, 17, 30), 1, "working_days") == at(*TUE, 17)
    assert cal.due(at(*MON, 17), 2, "working_hours") == at(*TUE, 9)


def test_after_15h_flag_on_due(cal):
    assert cal.due(at(*MON, 15), 1, "working_days", after_15h_next_day=True) == at(*TUE, 17)
    assert cal.due(at(*MON, 14, 59), 1, "working_days", after_15h_next_day=True) == at(*TUE, 14, 59)
    assert cal.due(at(*MON, 15), 1, "working_days") == at(*TUE, 15)


def test_zero_working_days_is_the_effective_start(cal):
    assert cal.due(at(*MON, 10), 0, "working_days") == at(*MON, 10)
    assert cal.due(at(*MON, 12), 0, "working_days") == at(*MON, 13, 30)
    assert cal.due(at(*MON, 16), 0, "working_hours", after_15h_next_day=True) == at(*TUE, 7)


def test_tet_2026_is_skipped(cal):
    # Friday 13 Feb 2026 10:00 + 3 working days: 5 h on Friday, Tết 16-20 Feb, weekends,
    # Monday 23 (8 h), Tuesday 24 (8 h), Wednesday 25 from 07:00 + 3 h.
    assert cal.due(at(2026, 2, 13, 10), 3, "working_days") == at(2026, 2, 25, 10)


def test_makeup_saturday_counts(cal):
    # Friday 9 Jan 2026 16:00 + 1 working day: 1 h Friday, 7 h on make-up Saturday 10 Jan.
    assert cal.due(at(2026, 1, 9, 16), 1, "working_days") == at(2026, 1, 10, 16)
    # Without the official table, Saturday 10 Jan is a plain weekend.
    plain = WorkCalendar(WorkingHours(), HolidayTable())
    assert plain.due(at(2026, 1, 9, 16), 1, "working_days") == at(2026, 1, 12, 16)


def test_swap_off_and_new_year_2026(cal):
    # Wed 31 Dec 2025 16:00: 1 h; 1 Jan holiday, 2 Jan swapped off, weekend; Monday 5 Jan 7 h.
    assert cal.due(at(2025, 12, 31, 16), 1, "working_days") == at(2026, 1, 5, 16)


def test_culture_day_2026_is_skipped(cal):
    assert cal.due(at(2026, 11, 23, 10), 1, "working_days") == at(2026, 11, 25, 10)


def test_compensatory_day_is_skipped(cal):
    # Friday 24 Apr 2026 10:00 + 1 day: Giỗ Tổ 26/4 (Sunday) compensated on Monday 27/4.
    assert cal.due(at(2026, 4, 24, 10), 1, "working_days") == at(2026, 4, 28, 10)


def test_calendar_days_unit(cal):
    # Wednesday 11 Mar 2026 + 4 days = Sunday 15: moved to Monday 16, 17:00.
    assert cal.due(at(2026, 3, 11, 10), 4, "days") == at(2026, 3, 16, 17)
    assert cal.due(at(2026, 3, 11, 10), 1, "days") == at(2026, 3, 12, 17)
    assert cal.due(at(2026, 3, 11, 10), 0, "days") == at(2026, 3, 11, 17)
    assert cal.due(at(2026, 3, 11, 10), 2.0, "days") == at(2026, 3, 13, 17)
    # Counted from the effective start's date: Saturday reception starts Monday.
    assert cal.due(at(2026, 3, 14, 10), 1, "days") == at(2026, 3, 17, 17)
    # Landing inside Tết 2026 moves to Monday 23 Feb.
    assert cal.due(at(2026, 2, 12, 10), 5, "days") == at(2026, 2, 23, 17)


def test_same_day_unit(cal):
    assert cal.due(at(*MON, 10), 0, "same_day") == at(*MON, 17)
    assert cal.due(at(*MON, 10), None, "same_day") == at(*MON, 17)
    assert cal.due(at(*MON, 15, 30), 0, "same_day") == at(*MON, 17)
    assert cal.due(at(*MON, 15), 0, "same_day", after_15h_next_day=True) == at(*TUE, 17)
    assert cal.due(at(*MON, 17, 30), 0, "same_day") == at(*TUE, 17)
    assert cal.due(at(2026, 3, 13, 15, 30), 0, "same_day", after_15h_next_day=True) == at(2026, 3, 16, 17)


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        (-1, "working_days", "negative"),
        (-0.5, "working_hours", "negative"),
        (-1, "days", "negative"),
        (1, "weeks", "unknown processing time unit"),
        (1.5, "days", "whole number"),
        (True, "working_days", "number"),
        ("3", "working_days", "number"),
        (None, "working_days", "number"),
        (float("nan"), "working_days", "finite"),
        (float("inf"), "working_hours", "finite"),
    ],
)
def test_due_validation(cal, amount, unit, message):
    with pytest.raises(ValidationError, match=message):
        cal.due(at(*MON, 10), amount, unit)


def test_add_working_time_validation(cal):
    with pytest.raises(ValidationError):
        cal.add_working_time(at(*MON, 10), timedelta(hours=-1))
    with pytest.raises(ValidationError):
        cal.add_working_time(at(*MON, 10), 3)  # type: ignore[arg-type]
    assert cal.add_working_time(at(*MON, 12), timedelta(0)) == at(*MON, 12)
    assert cal.add_working_time(at(*MON, 12), timedelta(minutes=1)) == at(*MON, 13, 31)


def test_working_time_between(cal):
    assert cal.working_time_between(at(*MON, 10), at(*TUE, 10)) == timedelta(hours=8)
    assert cal.working_time_between(at(*TUE, 10), at(*MON, 10)) == timedelta(hours=-8)
    assert cal.working_time_between(at(*MON, 10), at(*MON, 10)) == timedelta(0)
    assert cal.working_time_between(at(*MON, 11), at(*MON, 14)) == timedelta(hours=1)
    assert cal.working_time_between(at(*MON, 12), at(*MON, 13)) == timedelta(0)
    # Over a weekend: Friday 16:00 to Monday 08:00 = 2 h.
    assert cal.working_time_between(at(2026, 3, 13, 16), at(2026, 3, 16, 8)) == timedelta(hours=2)
    # Over Tết 2026.
    assert cal.working_time_between(at(2026, 2, 13, 10), at(2026, 2, 25, 10)) == timedelta(hours=24)
    # Naive datetimes are local.
    assert cal.working_time_between(datetime(2026, 3, 9, 10), datetime(2026, 3, 10, 10)) == timedelta(hours=8)


def test_next_working_day_and_working_days_date(cal):
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert cal.add_working_days_date(date(2026, 2, 13), 0) == date(2026, 2, 13)
    assert cal.add_working_days_date(date(2026, 2, 14), 0) == date(2026, 2, 23)
    assert cal.add_working_days_date(date(2026, 2, 13), 3) == date(2026, 2, 25)
    with pytest.raises(ValidationError):
        cal.add_working_days_date(date(2026, 2, 13), -1)


def test_due_is_fast(cal):
    received = at(2026, 3, 9, 10)
    cal.due(received, 5, "working_days")  # warm the per-date cache
    runs = 2000
    best = float("inf")
    for _ in range(3):
        started = _time.perf_counter()
        for _ in range(runs):
            cal.due(received, 5, "working_days")
        best = min(best, (_time.perf_counter() - started) / runs)
    assert best < 100e-6, f"{best * 1e6:.1f} µs per due()"


# ---------------------------------------------------------------------------------------------
# Properties

_received = st.datetimes(min_value=datetime(2024, 12, 1), max_value=datetime(2027, 10, 31))
_working_days = st.integers(min_value=0, max_value=40).map(lambda n: n / 2)


def _inside_closed_period(cal: WorkCalendar, t: datetime) -> bool:
    return any(start <= t <= end for start, end in cal.periods_on(t.date()))


@settings(max_examples=150, deadline=None)
@given(received=_received, amount=_working_days, flag=st.booleans())
def test_due_after_effective_start_after_received(cal, received, amount, flag):
    start = cal.effective_start(received, flag)
    due = cal.due(received, amount, "working_days", flag)
    local = to_local(received)
    assert local <= start <= due
    assert _inside_closed_period(cal, start)
    assert _inside_closed_period(cal, due)
    assert cal.working_time_between(start, due) == timedelta(hours=amount * 8)
    if amount == 0:
        assert due == start
    if flag and local.time() >= time(15):
        assert start.date() > local.date()


@settings(max_examples=100, deadline=None)
@given(received=_received, a=_working_days, b=_working_days, flag=st.booleans())
def test_due_is_monotonic_in_amount(cal, received, a, b, flag):
    low, high = sorted((a, b))
    assert cal.due(received, low, "working_days", flag) <= cal.due(received, high, "working_days", flag)


@settings(max_examples=100, deadline=None)
@given(start=_received, minutes=st.integers(min_value=0, max_value=60 * 8 * 30))
def test_working_time_between_inverts_add_working_time(cal, start, minutes):
    amount = timedelta(minutes=minutes)
    end = cal.add_working_time(start, amount)
    assert end >= to_local(start)
    assert cal.working_time_between(start, end) == amount


@settings(max_examples=60, deadline=None)
@given(received=_received, days=st.integers(min_value=0, max_value=30), flag=st.booleans())
def test_calendar_days_due_is_a_period_end(cal, received, days, flag):
    due = cal.due(received, days, "days", flag)
    start = cal.effective_start(received, flag)
    assert due == cal.periods_on(due.date())[-1][1]
    assert due.date() >= start.date() + timedelta(days=days)
    # Every calendar day between the target and the due date is not a working day.
    target = start.date() + timedelta(days=days)
    day = target
    while day < due.date():
        assert not cal.is_working_day(day)
        day += timedelta(days=1)


@settings(max_examples=60, deadline=None)
@given(received=_received, flag=st.booleans())
def test_same_day_is_the_end_of_the_start_day(cal, received, flag):
    start = cal.effective_start(received, flag)
    due = cal.due(received, 0, "same_day", flag)
    assert due.date() == start.date()
    assert due == cal.periods_on(start.date())[-1][1]


def test_aware_and_naive_inputs_agree(cal):
    naive = datetime(2026, 2, 13, 10)
    aware_utc = datetime(2026, 2, 13, 3, tzinfo=timezone.utc)
    assert cal.due(naive, 3, "working_days") == cal.due(aware_utc, 3, "working_days")
