"""Working-time calendar: appointment (due) dates counted in working time.

Viet Nam keeps one fixed offset, UTC+7, with no daylight saving time, so local time is
:data:`VN_TZ` everywhere. Every datetime returned here is aware and in :data:`VN_TZ`; a naive
datetime given to this module is taken as local time.

Rules:

* Working time is the union of the configured periods of each working day (by default Monday to
  Friday, 07:00-11:30 and 13:30-17:00, 8 hours). A holiday, compensatory or swapped day has no
  period whatever its weekday; a make-up working Saturday (or Sunday) uses the Monday periods.
* A dossier received inside a working period counts from that instant; received outside, from the
  start of the next working period. For procedures with the "after 15:00" rule, a dossier
  received at or after 15:00 local time counts from the first period of the next working day.
* A due time that falls exactly on the end of a period is that end (17:00 Tuesday), never the
  start of the next period. Periods are half-open for reception ([07:00, 11:30): a dossier
  received at 11:30 counts from 13:30) and closed for due times.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

from app.errors import ValidationError
from app.holidays import HolidayTable

__all__ = [
    "AFTER_HOURS_CUTOFF",
    "UNITS",
    "VN_TZ",
    "WorkCalendar",
    "WorkingHours",
    "format_local",
    "parse_local",
    "to_local",
]

VN_TZ = timezone(timedelta(hours=7), "ICT")
UNITS = ("working_days", "working_hours", "days", "same_day")
AFTER_HOURS_CUTOFF = time(15, 0)
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Longest run of days without any working period tolerated before giving up (a misconfiguration).
_MAX_IDLE_DAYS = 400
_ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_TEXT = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")

Period = tuple[time, time]
LocalPeriod = tuple[datetime, datetime]


# ---------------------------------------------------------------------------------------------
# Local time helpers


def to_local(dt: datetime) -> datetime:
    """``dt`` in Vietnam time; a naive datetime is taken as already local."""
    if not isinstance(dt, datetime):
        raise ValidationError("datetime_invalid", value=dt)
    tz = dt.tzinfo
    if tz is VN_TZ:
        return dt
    if tz is None or dt.utcoffset() is None:
        return dt.replace(tzinfo=VN_TZ)
    return dt.astimezone(VN_TZ)


def format_local(dt: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS+07:00`` (seconds precision)."""
    return to_local(dt).replace(microsecond=0).isoformat()


def parse_local(text: str) -> datetime:
    """Aware local datetime from ISO text; no offset means local; a bare date means 00:00."""
    if not isinstance(text, str):
        raise ValidationError("datetime_invalid", value=text)
    value = text.strip()
    try:
        if _DATE_ONLY.fullmatch(value):
            return datetime.combine(date.fromisoformat(value), time(0), tzinfo=VN_TZ)
        if len(value) < 16 or value[10] not in "T ":
            raise ValueError(value)
        return to_local(datetime.fromisoformat(value))
    except ValueError:
        raise ValidationError("datetime_invalid", value=text) from None


# ---------------------------------------------------------------------------------------------
# Working hours


def _default_periods() -> dict[int, tuple[Period, ...]]:
    day = ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))
    return {wd: (day if wd < 5 else ()) for wd in range(7)}


def _format_time(t: time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def _parse_time(value: Any, where: str) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str) or not _TIME_TEXT.fullmatch(value.strip()):
        raise ValidationError("hours_bad_time", where=where, value=value)
    text = value.strip()
    if len(text.split(":")[0]) == 1:
        text = "0" + text
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ValidationError("hours_bad_time", where=where, value=value) from None


def _weekday_of_key(key: Any) -> int:
    if isinstance(key, int) and not isinstance(key, bool) and 0 <= key <= 6:
        return key
    if isinstance(key, str):
        lowered = key.strip().lower()
        if lowered in WEEKDAY_KEYS:
            return WEEKDAY_KEYS.index(lowered)
        if lowered.isdigit() and 0 <= int(lowered) <= 6:
            return int(lowered)
    raise ValidationError("hours_unknown_weekday", key=key, known=', '.join(WEEKDAY_KEYS))


@dataclass(frozen=True, eq=True)
class WorkingHours:
    """Working periods per weekday (0 = Monday ... 6 = Sunday) and the length of a working day."""

    periods: dict[int, tuple[Period, ...]] = field(default_factory=_default_periods)
    hours_per_day: float = 8

    def __post_init__(self) -> None:
        if not isinstance(self.periods, Mapping):
            raise ValidationError("hours_periods_not_map")
        normalized: dict[int, tuple[Period, ...]] = {wd: () for wd in range(7)}
        for key, day_periods in self.periods.items():
            weekday = _weekday_of_key(key)
            label = WEEKDAY_KEYS[weekday]
            checked: list[Period] = []
            for index, pair in enumerate(day_periods):
                where = f"{label} period {index + 1}"
                try:
                    start_raw, end_raw = pair
                except (TypeError, ValueError):
                    raise ValidationError("hours_period_not_pair", where=where) from None
                start, end = _parse_time(start_raw, where), _parse_time(end_raw, where)
                if start.tzinfo is not None or end.tzinfo is not None:
                    raise ValidationError("hours_time_zone", where=where)
                if start >= end:
                    raise ValidationError("hours_period_reversed", where=where, start=_format_time(start), end=_format_time(end))
                if checked and start < checked[-1][1]:
                    raise ValidationError("hours_period_overlap", where=where, start=_format_time(start), end=_format_time(end))
                checked.append((start, end))
            normalized[weekday] = tuple(checked)
        if not any(normalized.values()):
            raise ValidationError("hours_none")
        hours = self.hours_per_day
        if isinstance(hours, bool) or not isinstance(hours, (int, float)):
            raise ValidationError("hours_per_day_not_number", hours=hours)
        if not math.isfinite(float(hours)) or not 0 < float(hours) <= 24:
            raise ValidationError("hours_per_day_out_of_range", hours=hours)
        object.__setattr__(self, "periods", normalized)

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.periods.items())), self.hours_per_day))

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> WorkingHours:
        """From ``{"periods": {"mon": [["07:00", "11:30"], ...], ...}, "hours_per_day": 8}``.

        A missing ``periods`` key gives the default periods; a weekday not listed has none.
        """
        if not isinstance(config, Mapping):
            raise ValidationError("hours_not_object")
        hours = config.get("hours_per_day", 8)
        if "periods" not in config:
            return cls(hours_per_day=hours)
        raw = config["periods"]
        if not isinstance(raw, Mapping):
            raise ValidationError("hours_periods_key_not_map")
        periods: dict[int, tuple[Period, ...]] = {}
        for key, day_periods in raw.items():
            weekday = _weekday_of_key(key)
            if weekday in periods:
                raise ValidationError("hours_weekday_twice", weekday=WEEKDAY_KEYS[weekday])
            if day_periods is None:
                day_periods = []
            if not isinstance(day_periods, (list, tuple)):
                raise ValidationError("hours_weekday_not_list", weekday=WEEKDAY_KEYS[weekday])
            pairs = []
            for index, pair in enumerate(day_periods):
                where = f"{WEEKDAY_KEYS[weekday]} period {index + 1}"
                if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                    raise ValidationError("hours_period_not_pair", where=where)
                pairs.append((_parse_time(pair[0], where), _parse_time(pair[1], where)))
            periods[weekday] = tuple(pairs)
        return cls(periods=periods, hours_per_day=hours)

    def to_config(self) -> dict[str, Any]:
        """JSON-able form read back by :meth:`from_config`."""
        return {
            "periods": {
                WEEKDAY_KEYS[wd]: [[_format_time(s), _format_time(e)] for s, e in self.periods[wd]]
                for wd in range(7)
            },
            "hours_per_day": self.hours_per_day,
        }


# ---------------------------------------------------------------------------------------------
# The calendar


def _check_amount(amount: Any, unit: str) -> float:
    if isinstance(amount, bool) or not isinstance(amount, (int, float, Decimal, Fraction)):
        raise ValidationError("processing_time_not_number", amount=amount)
    value = float(amount)
    if not math.isfinite(value):
        raise ValidationError("processing_time_not_finite", amount=amount)
    if value < 0:
        raise ValidationError("processing_time_negative", amount=amount)
    if unit == "days" and value != int(value):
        raise ValidationError("processing_days_not_whole", amount=amount)
    return value


class WorkCalendar:
    """Working periods of each date (working hours + holidays) and due-date arithmetic."""

    def __init__(
        self,
        hours: WorkingHours | None = None,
        holidays: HolidayTable | None = None,
        *,
        after_hours_cutoff: time = AFTER_HOURS_CUTOFF,
    ) -> None:
        self.hours = hours if hours is not None else WorkingHours()
        self.holidays = holidays if holidays is not None else HolidayTable()
        self.after_hours_cutoff = after_hours_cutoff
        self._periods_cached = lru_cache(maxsize=8192)(self._compute_periods)

    # -- days ------------------------------------------------------------------------------

    def _compute_periods(self, d: date) -> tuple[LocalPeriod, ...]:
        entry = self.holidays.entry(d)
        if entry is not None and entry.is_off:
            return ()
        weekday = 0 if entry is not None and entry.kind == "makeup_workday" else d.weekday()
        return tuple(
            (datetime.combine(d, start, tzinfo=VN_TZ), datetime.combine(d, end, tzinfo=VN_TZ))
            for start, end in self.hours.periods[weekday]
        )

    def periods_on(self, d: date) -> tuple[LocalPeriod, ...]:
        """Working periods of date ``d`` as aware local (start, end) pairs; empty on a day off."""
        if isinstance(d, datetime):
            d = to_local(d).date()
        return self._periods_cached(d)

    def is_working_day(self, d: date) -> bool:
        return bool(self.periods_on(d))

    def next_working_day(self, d: date) -> date:
        """First working day strictly after ``d``."""
        day = d
        for _ in range(_MAX_IDLE_DAYS):
            day += _ONE_DAY
            if self._periods_cached(day):
                return day
        raise ValidationError("no_working_day", days=_MAX_IDLE_DAYS, date=d.isoformat())

    def add_working_days_date(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (``n`` = 0: ``d`` itself if working, else the next)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValidationError("working_days_invalid", n=n)
        day = d if self.is_working_day(d) else self.next_working_day(d)
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    # -- instants --------------------------------------------------------------------------

    def _first_period_end_after(self, t: datetime) -> tuple[datetime, datetime]:
        """The first period whose end is after ``t``: returns (max(start, t), end)."""
        day = t.date()
        for _ in range(_MAX_IDLE_DAYS):
            for start, end in self._periods_cached(day):
                if t < end:
                    return (start if start > t else t), end
            day += _ONE_DAY
        raise ValidationError("no_working_period", days=_MAX_IDLE_DAYS, time=format_local(t))

    def effective_start(self, received: datetime, after_15h_next_day: bool = False) -> datetime:
        """When the clock starts for a dossier received at ``received``.

        Inside a working period: ``received`` itself; outside: the start of the next working
        period. With ``after_15h_next_day``, a dossier received at or after 15:00 local time
        counts from the first period of the next working day.
        """
        local = to_local(received)
        if after_15h_next_day and local.time() >= self.after_hours_cutoff:
            return self._periods_cached(self.next_working_day(local.date()))[0][0]
        return self._first_period_end_after(local)[0]

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The instant when ``amount`` of working time has elapsed from ``start``.

        A zero amount returns ``start``; an end that falls exactly on the end of a period is that
        end, not the start of the next period.
        """
        if not isinstance(amount, timedelta):
            raise ValidationError("working_time_not_timedelta", amount=amount)
        if amount < _ZERO:
            raise ValidationError("working_time_negative", amount=amount)
        t = to_local(start)
        if not amount:
            return t
        remaining = amount
        day = t.date()
        idle = 0
        while True:
            periods = self._periods_cached(day)
            for period_start, period_end in periods:
                if period_end <= t:
                    continue
                segment_start = period_start if period_start > t else t
                available = period_end - segment_start
                if remaining <= available:
                    return segment_start + remaining
                remaining -= available
            idle = 0 if periods else idle + 1
            if idle >= _MAX_IDLE_DAYS:
                raise ValidationError("no_working_period", days=_MAX_IDLE_DAYS, time=format_local(t))
            day += _ONE_DAY

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time elapsed from ``a`` to ``b`` (negative when ``b`` is before ``a``)."""
        start, end = to_local(a), to_local(b)
        if end < start:
            return -self.working_time_between(end, start)
        total = _ZERO
        day, last = start.date(), end.date()
        while day <= last:
            for period_start, period_end in self._periods_cached(day):
                low = period_start if period_start > start else start
                high = period_end if period_end < end else end
                if high > low:
                    total += high - low
            day += _ONE_DAY
        return total

    def due(
        self,
        received: datetime,
        amount: float | int | None,
        unit: str,
        after_15h_next_day: bool = False,
    ) -> datetime:
        """Appointment (due) time for a processing time of ``amount`` ``unit``.

        Units: ``working_days`` (amount x hours_per_day of working time from the effective start),
        ``working_hours``, ``days`` (end of the last period of the Nth calendar day after the
        effective start's date, or of the next working day when that day is not one) and
        ``same_day`` (end of the effective start's working day; ``amount`` ignored).
        """
        if unit not in UNITS:
            raise ValidationError("processing_unit_unknown", unit=unit, known=', '.join(UNITS))
        if unit == "same_day" and amount is None:
            value = 0.0
        else:
            value = _check_amount(amount, unit)
        start = self.effective_start(received, after_15h_next_day)
        if unit == "working_days":
            return self.add_working_time(start, timedelta(hours=value * float(self.hours.hours_per_day)))
        if unit == "working_hours":
            return self.add_working_time(start, timedelta(hours=value))
        if unit == "days":
            target = start.date() + timedelta(days=int(value))
            if not self._periods_cached(target):
                target = self.next_working_day(target)
            return self._periods_cached(target)[-1][1]
        return self._periods_cached(start.date())[-1][1]

