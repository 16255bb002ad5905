"""Report periods: a day, week (Monday to Sunday), month, quarter, year or a custom range of local dates,
and the period before it (the same length just before; the calendar unit before for the named kinds)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from app.errors import RuleError, ValidationError
from app.workcal import VN_TZ

KINDS = ("day", "week", "month", "quarter", "year", "custom")
#: the longest custom period (ten years): a report over 1900-9999 would read every row ever written
MAX_DAYS = 3660


@dataclass(frozen=True)
class Period:
    kind: str
    first: date  # local dates, both included
    last: date

    @property
    def start(self) -> datetime:
        """The first instant (UTC)."""
        return datetime.combine(self.first, datetime.min.time(), tzinfo=VN_TZ).astimezone(timezone.utc)

    @property
    def end(self) -> datetime:
        """The instant just after the period (UTC, excluded)."""
        return datetime.combine(self.last + timedelta(days=1), datetime.min.time(), tzinfo=VN_TZ).astimezone(timezone.utc)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def json(self) -> dict[str, str]:
        return {"kind": self.kind, "from": self.first.isoformat(), "to": self.last.isoformat()}


def _month_start(d: date, back: int = 0) -> date:
    m = d.year * 12 + d.month - 1 - back
    return date(m // 12, m % 12 + 1, 1)


def period(kind: str, anchor: date, last: date | None = None) -> Period:
    """The period of ``kind`` that holds ``anchor`` (``custom``: from ``anchor`` to ``last``)."""
    if kind == "day":
        return Period(kind, anchor, anchor)
    if kind == "week":
        first = anchor - timedelta(days=anchor.weekday())
        return Period(kind, first, first + timedelta(days=6))
    if kind == "month":
        first = _month_start(anchor)
        return Period(kind, first, _month_start(anchor, -1) - timedelta(days=1))
    if kind == "quarter":
        first = date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
        return Period(kind, first, _month_start(first, -3) - timedelta(days=1))
    if kind == "year":
        return Period(kind, date(anchor.year, 1, 1), date(anchor.year, 12, 31))
    if kind == "custom":
        return custom(anchor, last or anchor)
    raise ValidationError("report_period_kind", kind=kind, kinds=", ".join(KINDS))


def custom(first: date, last: date) -> Period:
    if last < first:
        raise RuleError("period_reversed")
    if (last - first).days + 1 > MAX_DAYS:
        raise ValidationError("report_period_too_long", days=(last - first).days + 1, max_days=MAX_DAYS)
    return Period("custom", first, last)


def previous(p: Period) -> Period:
    """The period just before: the previous day/week/month/quarter/year, or as many days just before."""
    if p.kind in ("month", "quarter", "year"):
        return period(p.kind, p.first - timedelta(days=1))
    return Period(p.kind, p.first - timedelta(days=p.days), p.first - timedelta(days=1))
