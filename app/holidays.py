"""Public holidays of Viet Nam for state offices: statutory defaults plus official overrides.

Defaults (Labour Code 2019 art. 112(1), Resolution 28/2026/QH16 for 24 November):

* Tết Dương lịch, 1 January;
* Tết Nguyên đán: the last day of the lunar year (29 or 30 of month 12) and lunar 1/1 to 1/4;
* Giỗ Tổ Hùng Vương, lunar 10/3;
* Ngày Chiến thắng 30 April and Ngày Quốc tế Lao động 1 May;
* Quốc khánh, 2 September and the adjacent day 1 September;
* from 2026, Ngày Văn hóa Việt Nam, 24 November.

A holiday on a Saturday or Sunday gives a compensatory day (nghỉ bù, Labour Code art. 111(3)) on
the next weekday that is not itself a day off; consecutive weekend holidays chain (30/4 on a
Saturday and 1/5 on a Sunday give Monday and Tuesday).

Each year the government publishes the actual schedule (the Tết block, swapped days, make-up
Saturdays). Those entries are *overrides*, read with :func:`parse_schedule` from the format of
``holidays.json`` and given to :class:`HolidayTable`.

MERGE RULE. Every default holiday belongs to a group: ``new_year``, ``tet``, ``hung_kings``,
``reunification`` (30/4), ``labour`` (1/5), ``national_day`` (1/9 and 2/9) and ``culture_day``
(24/11). A group has a window: for Tết, from lunar 15/12 of the previous lunar year to lunar 15/1;
for the others, from 10 days before its first default day to 10 days after its last one. If any
override entry, of any kind, falls inside a group's window, the group's default days and its
default compensatory days are dropped and the overrides stand in their place. Overrides outside
every window are simply added (a new holiday, a swap). Compensatory days of the groups kept are
computed after the merge, so they never land on an override's day off. When several overrides
name the same date, the last one wins.

With the official 2025 and 2026 schedules loaded, those years are exactly the official lists;
a year with no override equals the defaults.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.lunar import leap_month, lunar_new_year, lunar_to_solar

__all__ = [
    "CULTURE_DAY_FIRST_YEAR",
    "DayOff",
    "GROUPS",
    "HolidayTable",
    "KINDS",
    "default_schedule",
    "load_schedule",
    "parse_schedule",
]

KINDS = ("holiday", "compensatory", "swap_off", "makeup_workday")
GROUPS = ("new_year", "tet", "hung_kings", "reunification", "labour", "national_day", "culture_day")
CULTURE_DAY_FIRST_YEAR = 2026
WINDOW_DAYS = 10

_ONE_DAY = datetime.timedelta(days=1)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OFF_KINDS = frozenset({"holiday", "compensatory", "swap_off"})


@dataclass(frozen=True)
class DayOff:
    """One entry of a schedule: a day off, or a make-up working day (``kind`` in :data:`KINDS`)."""

    date: datetime.date
    name: str
    kind: str

    def __post_init__(self) -> None:
        if not isinstance(self.date, datetime.date) or isinstance(self.date, datetime.datetime):
            raise ValidationError("day_off_not_a_date", date=self.date)
        if self.kind not in KINDS:
            raise ValidationError("day_off_bad_kind", date=self.date.isoformat(), kind=self.kind)
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValidationError("day_off_no_name", date=self.date.isoformat())

    @property
    def is_off(self) -> bool:
        """True for a day off (holiday, compensatory, swap_off), False for a make-up workday."""
        return self.kind in _OFF_KINDS


@dataclass(frozen=True)
class _Group:
    key: str
    first: datetime.date  # window, inclusive
    last: datetime.date
    holidays: tuple[DayOff, ...]
    compensated: bool

    def covers(self, d: datetime.date) -> bool:
        return self.first <= d <= self.last


def _is_weekend(d: datetime.date) -> bool:
    return d.weekday() >= 5


def _simple_group(key: str, days: list[tuple[datetime.date, str]], compensated: bool = True) -> _Group:
    window = datetime.timedelta(days=WINDOW_DAYS)
    holidays = tuple(DayOff(d, name, "holiday") for d, name in days)
    return _Group(key, days[0][0] - window, days[-1][0] + window, holidays, compensated)


@lru_cache(maxsize=256)
def _default_groups(year: int, culture_day_compensated: bool) -> tuple[_Group, ...]:
    d = datetime.date
    tet = lunar_new_year(year)
    eve = tet - _ONE_DAY
    eve_day = (eve - lunar_to_solar(1, 12, year - 1, leap_month(year - 1) == 12)).days + 1
    tet_days = [eve] + [tet + datetime.timedelta(days=i) for i in range(4)]
    tet_names = [f"Tết Nguyên đán ({eve_day} tháng Chạp)"] + [f"Tết Nguyên đán (Mùng {i})" for i in range(1, 5)]
    tet_group = _Group(
        "tet",
        lunar_to_solar(15, 12, year - 1, leap_month(year - 1) == 12),
        lunar_to_solar(15, 1, year),
        tuple(DayOff(day, name, "holiday") for day, name in zip(tet_days, tet_names)),
        True,
    )
    groups = [
        _simple_group("new_year", [(d(year, 1, 1), "Tết Dương lịch")]),
        tet_group,
        _simple_group("hung_kings", [(lunar_to_solar(10, 3, year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)")]),
        _simple_group("reunification", [(d(year, 4, 30), "Ngày Chiến thắng")]),
        _simple_group("labour", [(d(year, 5, 1), "Ngày Quốc tế Lao động")]),
        _simple_group(
            "national_day",
            [(d(year, 9, 1), "Quốc khánh (ngày liền kề)"), (d(year, 9, 2), "Quốc khánh")],
        ),
    ]
    if year >= CULTURE_DAY_FIRST_YEAR:
        # Legal doubt: 24/11 comes from Resolution 28/2026/QH16 art. 2, not from Labour Code
        # art. 112(1), and one careful reading holds that art. 111(3) (nghỉ bù) therefore does not
        # reach it (see the notes of holidays.json). It only matters when 24/11 falls on a
        # weekend (first in 2029), hence the switch, on by default.
        groups.append(
            _simple_group("culture_day", [(d(year, 11, 24), "Ngày Văn hóa Việt Nam")], culture_day_compensated)
        )
    return tuple(groups)


def _merge(
    year: int, overrides_by_date: Mapping[datetime.date, DayOff], culture_day_compensated: bool
) -> tuple[DayOff, ...]:
    groups = _default_groups(year, culture_day_compensated)
    override_dates = sorted(overrides_by_date)
    kept = [g for g in groups if not any(g.covers(od) for od in override_dates)]

    entries: dict[datetime.date, DayOff] = {
        od: entry for od, entry in overrides_by_date.items() if od.year == year
    }
    off = {od for od, entry in overrides_by_date.items() if entry.is_off}
    for group in kept:
        for holiday in group.holidays:
            entries[holiday.date] = holiday
            off.add(holiday.date)

    weekend_holidays = sorted(
        (h for g in kept if g.compensated for h in g.holidays if _is_weekend(h.date)),
        key=lambda h: h.date,
    )
    taken: set[datetime.date] = set()
    for holiday in weekend_holidays:
        day = holiday.date + _ONE_DAY
        while _is_weekend(day) or day in off or day in taken:
            day += _ONE_DAY
        taken.add(day)
        entries[day] = DayOff(day, f"Nghỉ bù {holiday.name}", "compensatory")
    return tuple(sorted(entries.values(), key=lambda e: e.date))


def default_schedule(year: int, culture_day_compensated: bool = True) -> list[DayOff]:
    """Statutory holidays of ``year`` and their compensatory days, sorted by date."""
    return list(_merge(year, {}, culture_day_compensated))


class HolidayTable:
    """The effective days off: statutory defaults merged with official overrides (see module doc)."""

    def __init__(self, overrides: Iterable[DayOff] = (), *, culture_day_compensated: bool = True) -> None:
        by_date: dict[datetime.date, DayOff] = {}
        for entry in overrides:
            if not isinstance(entry, DayOff):
                raise ValidationError("holiday_override_invalid", entry=entry)
            by_date[entry.date] = entry
        self._overrides = dict(sorted(by_date.items()))
        self._culture_day_compensated = culture_day_compensated
        self._years: dict[int, tuple[tuple[DayOff, ...], dict[datetime.date, DayOff]]] = {}

    @property
    def overrides(self) -> list[DayOff]:
        return list(self._overrides.values())

    def _year(self, year: int) -> tuple[tuple[DayOff, ...], dict[datetime.date, DayOff]]:
        cached = self._years.get(year)
        if cached is None:
            entries = _merge(year, self._overrides, self._culture_day_compensated)
            cached = (entries, {e.date: e for e in entries})
            self._years[year] = cached
        return cached

    def schedule(self, year: int) -> list[DayOff]:
        """Effective entries of ``year`` sorted by date (weekends appear only when listed)."""
        return list(self._year(year)[0])

    def entry(self, d: datetime.date) -> DayOff | None:
        """The effective entry listed for date ``d`` (a datetime counts by its own date), if any."""
        if isinstance(d, datetime.datetime):
            d = d.date()
        return self._year(d.year)[1].get(d)

    def is_day_off(self, d: datetime.date) -> bool:
        """Weekend (unless a make-up workday) or a holiday, compensatory or swapped day."""
        entry = self.entry(d)
        if entry is not None:
            return entry.is_off
        return _is_weekend(d)

    def is_makeup_workday(self, d: datetime.date) -> bool:
        entry = self.entry(d)
        return entry is not None and entry.kind == "makeup_workday"

    def name(self, d: datetime.date) -> str | None:
        entry = self.entry(d)
        return entry.name if entry is not None else None


def parse_schedule(data: Mapping[str, Any]) -> list[DayOff]:
    """Override entries from a ``holidays.json``-shaped mapping, sorted by date.

    Entries marked ``"inferred": true`` are skipped (the defaults produce them); unknown keys are
    ignored. Raises ValidationError naming the faulty entry, e.g. ``years.2025[3]: bad date``.
    """
    if not isinstance(data, Mapping):
        raise ValidationError("holidays_not_object")
    years = data.get("years")
    if not isinstance(years, Mapping):
        raise ValidationError("holidays_years_missing")
    result: list[DayOff] = []
    for key, entries in years.items():
        where = f"years.{key}"
        if not isinstance(key, str) or not re.fullmatch(r"\d{4}", key):
            raise ValidationError("holidays_bad_year", where=where)
        if not isinstance(entries, list):
            raise ValidationError("holidays_not_a_list", where=where)
        seen: set[datetime.date] = set()
        for index, raw in enumerate(entries):
            here = f"{where}[{index}]"
            if not isinstance(raw, Mapping):
                raise ValidationError("holidays_entry_not_object", here=here)
            if raw.get("inferred") is True:
                continue
            text = raw.get("date")
            try:
                if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
                    raise ValueError
                day = datetime.date.fromisoformat(text)
            except ValueError:
                raise ValidationError("holidays_bad_date", here=here, text=text) from None
            if str(day.year) != key:
                raise ValidationError("holidays_date_wrong_year", here=here, text=text, key=key)
            kind = raw.get("kind")
            if kind not in KINDS:
                raise ValidationError("holidays_entry_bad_kind", here=here, kind=kind, known=', '.join(KINDS))
            name = raw.get("name")
            if not isinstance(name, str) or not name.strip():
                raise ValidationError("holidays_entry_no_name", here=here)
            if kind == "makeup_workday" and not _is_weekend(day):
                raise ValidationError("holidays_makeup_not_weekend", here=here, text=text)
            if day in seen:
                raise ValidationError("holidays_date_twice", here=here, text=text)
            seen.add(day)
            result.append(DayOff(day, name.strip(), kind))
    result.sort(key=lambda e: e.date)
    return result


def load_schedule(path: str | Path) -> list[DayOff]:
    """:func:`parse_schedule` of a JSON file (UTF-8); ValidationError if unreadable or malformed."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError("holidays_unreadable", path=path, exc=exc) from exc
    return parse_schedule(data)
