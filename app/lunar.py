"""Vietnamese lunisolar calendar (âm lịch), computed astronomically.

The Vietnamese calendar follows the same rules as the Chinese one but counts days at the
meridian of UTC+7 (since 1968 in the North, 1975 everywhere) instead of UTC+8, so the two
calendars differ now and then (Tết 1985: 21 January in Viet Nam, 20 February in China; Tết 2007:
17 February in Viet Nam, 18 February in China). This module applies UTC+7 to every year.

Rules, as used here:

* A lunar month starts on the local civil day (UTC+7) that contains an astronomical new moon.
* Month 11 is the month that contains the December solstice (sun at apparent longitude 270°).
* A span from one month 11 to the next (a *suì*) normally has 12 months; when it has 13, the first
  month of the span with no major solar term (no multiple of 30° of solar longitude is crossed
  while it lasts) is the leap month (tháng nhuận) and repeats the number of the month before it.
* Month 1 day 1 is Tết Nguyên đán.

Astronomy: new moons from Meeus, *Astronomical Algorithms* (2nd ed.), ch. 49, including the
planetary corrections; the sun's apparent longitude from a truncated VSOP87 series (Meeus ch. 32
and appendix III) with FK5, nutation and aberration corrections (about 1 arc-second, i.e. well
under a minute of time for a solar term); terrestrial time converted to universal time with the
Espenak-Meeus polynomials for ΔT. Supported years: 1800 to 2199 (verified for 1901-2100).

Everything is cached per lunar year, so repeated conversions are cheap.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from functools import lru_cache

from app.errors import ValidationError

__all__ = [
    "LunarDate",
    "MIN_YEAR",
    "MAX_YEAR",
    "VN_TIMEZONE_HOURS",
    "leap_month",
    "lunar_new_year",
    "lunar_to_solar",
    "month_length",
    "solar_to_lunar",
]

VN_TIMEZONE_HOURS = 7.0
MIN_YEAR = 1800
MAX_YEAR = 2199

# Julian Day of 0001-01-01 at 00:00 UT is ordinal 1 + _JD_OF_ORDINAL_0.
_JD_OF_ORDINAL_0 = 1721424.5
_J2000 = 2451545.0
_SYNODIC_MONTH = 29.530588861
# JDE of the mean new moon number k = 0 (6 January 2000).
_NEW_MOON_EPOCH = 2451550.09766
_DEG = math.pi / 180.0
_ARCSEC = 1.0 / 3600.0


@dataclass(frozen=True)
class LunarDate:
    """A day of the Vietnamese lunar calendar; ``leap`` marks a leap month (tháng nhuận)."""

    day: int
    month: int
    year: int
    leap: bool = False

    def __str__(self) -> str:
        suffix = " nhuận" if self.leap else ""
        return f"{self.day:02d}/{self.month:02d}{suffix}/{self.year}"


# ---------------------------------------------------------------------------------------------
# Time scales


def _delta_t_seconds(year: float) -> float:
    """ΔT = TT - UT in seconds (Espenak & Meeus polynomial fits)."""
    y = year
    if y < 1800:
        u = (y - 1820) / 100
        return -20 + 32 * u * u
    if y < 1860:
        t = y - 1800
        return (
            13.72
            - 0.332447 * t
            + 0.0068612 * t**2
            + 0.0041116 * t**3
            - 0.00037436 * t**4
            + 0.0000121272 * t**5
            - 0.0000001699 * t**6
            + 0.000000000875 * t**7
        )
    if y < 1900:
        t = y - 1860
        return (
            7.62
            + 0.5737 * t
            - 0.251754 * t**2
            + 0.01680668 * t**3
            - 0.0004473624 * t**4
            + t**5 / 233174
        )
    if y < 1920:
        t = y - 1900
        return -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    if y < 1941:
        t = y - 1920
        return 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    if y < 1961:
        t = y - 1950
        return 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    if y < 1986:
        t = y - 1975
        return 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    if y < 2005:
        t = y - 2000
        return (
            63.86
            + 0.3345 * t
            - 0.060374 * t**2
            + 0.0017275 * t**3
            + 0.000651814 * t**4
            + 0.00002373599 * t**5
        )
    if y < 2050:
        t = y - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t**2
    if y < 2150:
        return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)
    u = (y - 1820) / 100
    return -20 + 32 * u * u


def _decimal_year(jd: float) -> float:
    return 2000.0 + (jd - _J2000) / 365.25


def _tt_to_ut(jde: float) -> float:
    return jde - _delta_t_seconds(_decimal_year(jde)) / 86400.0


def _ut_to_tt(jd: float) -> float:
    return jd + _delta_t_seconds(_decimal_year(jd)) / 86400.0


# ---------------------------------------------------------------------------------------------
# New moons (Meeus ch. 49)

# (coefficient, power of E, multipliers of M, M', F, Omega) for the new-moon correction.
_NEW_MOON_TERMS: tuple[tuple[float, int, int, int, int, int], ...] = (
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)

# Planetary arguments A1..A14: (constant, rate per lunation, coefficient of the correction).
_PLANETARY_TERMS: tuple[tuple[float, float, float], ...] = (
    (299.77, 0.107408, 0.000325),
    (251.88, 0.016321, 0.000165),
    (251.83, 26.651886, 0.000164),
    (349.42, 36.412478, 0.000126),
    (84.66, 18.206239, 0.000110),
    (141.74, 53.303771, 0.000062),
    (207.14, 2.453732, 0.000060),
    (154.84, 7.306860, 0.000056),
    (34.52, 27.261239, 0.000047),
    (207.19, 0.121824, 0.000042),
    (291.34, 1.844379, 0.000040),
    (161.72, 24.198154, 0.000037),
    (239.56, 25.513099, 0.000035),
    (331.55, 3.592518, 0.000023),
)


def _new_moon_jde(k: int) -> float:
    """Terrestrial-time Julian Ephemeris Day of new moon number ``k`` (k = 0: 6 Jan 2000)."""
    t = k / 1236.85
    t2, t3, t4 = t * t, t**3, t**4
    jde = _NEW_MOON_EPOCH + _SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4
    e = 1 - 0.002516 * t - 0.0000074 * t2
    sun_anomaly = (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3) * _DEG
    moon_anomaly = (
        201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4
    ) * _DEG
    latitude_arg = (
        160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4
    ) * _DEG
    node = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * _DEG
    correction = 0.0
    for coefficient, e_power, m, mp, f, om in _NEW_MOON_TERMS:
        angle = m * sun_anomaly + mp * moon_anomaly + f * latitude_arg + om * node
        correction += coefficient * (e**e_power) * math.sin(angle)
    planetary = 0.0
    for index, (constant, rate, coefficient) in enumerate(_PLANETARY_TERMS):
        angle = constant + rate * k
        if index == 0:
            angle -= 0.009173 * t2
        planetary += coefficient * math.sin(angle * _DEG)
    return jde + correction + planetary


@lru_cache(maxsize=4096)
def _new_moon_day(k: int, tz_hours: float) -> int:
    """Date ordinal of the local civil day (at UTC+tz_hours) that contains new moon ``k``."""
    jd_ut = _tt_to_ut(_new_moon_jde(k))
    return math.floor(jd_ut + tz_hours / 24.0 - _JD_OF_ORDINAL_0)


# ---------------------------------------------------------------------------------------------
# The sun's apparent longitude (truncated VSOP87, Meeus ch. 32 and appendix III)

_VSOP_L0 = (
    (175347046.0, 0.0, 0.0),
    (3341656.0, 4.6692568, 6283.0758500),
    (34894.0, 4.6261, 12566.1517),
    (3497.0, 2.7441, 5753.3849),
    (3418.0, 2.8289, 3.5231),
    (3136.0, 3.6277, 77713.7715),
    (2676.0, 4.4181, 7860.4194),
    (2343.0, 6.1352, 3930.2097),
    (1324.0, 0.7425, 11506.7698),
    (1273.0, 2.0371, 529.6910),
    (1199.0, 1.1096, 1577.3435),
    (990.0, 5.233, 5884.927),
    (902.0, 2.045, 26.298),
    (857.0, 3.508, 398.149),
    (780.0, 1.179, 5223.694),
    (753.0, 2.533, 5507.553),
    (505.0, 4.583, 18849.228),
    (492.0, 4.205, 775.523),
    (357.0, 2.920, 0.067),
    (317.0, 5.849, 11790.629),
    (284.0, 1.899, 796.298),
    (271.0, 0.315, 10977.079),
    (243.0, 0.345, 5486.778),
    (206.0, 4.806, 2544.314),
    (205.0, 1.869, 5573.143),
    (202.0, 2.458, 6069.777),
    (156.0, 0.833, 213.299),
    (132.0, 3.411, 2942.463),
    (126.0, 1.083, 20.775),
    (115.0, 0.645, 0.980),
    (103.0, 0.636, 4694.003),
    (102.0, 0.976, 15720.839),
    (102.0, 4.267, 7.114),
    (99.0, 6.21, 2146.17),
    (98.0, 0.68, 155.42),
    (86.0, 5.98, 161000.69),
    (85.0, 1.30, 6275.96),
    (85.0, 3.67, 71430.70),
    (80.0, 1.81, 17260.15),
    (79.0, 3.04, 12036.46),
    (75.0, 1.76, 5088.63),
    (74.0, 3.50, 3154.69),
    (74.0, 4.68, 801.82),
    (70.0, 0.83, 9437.76),
    (62.0, 3.98, 8827.39),
    (61.0, 1.82, 7084.90),
    (57.0, 2.78, 6286.60),
    (56.0, 4.39, 14143.50),
    (56.0, 3.47, 6279.55),
    (52.0, 0.19, 12139.55),
    (52.0, 1.33, 1748.02),
    (51.0, 0.28, 5856.48),
    (49.0, 0.49, 1194.45),
    (41.0, 5.37, 8429.24),
    (41.0, 2.40, 19651.05),
    (39.0, 6.17, 10447.39),
    (37.0, 6.04, 10213.29),
    (37.0, 2.57, 1059.38),
    (36.0, 1.71, 2352.87),
    (36.0, 1.78, 6812.77),
    (33.0, 0.59, 17789.85),
    (30.0, 0.44, 83996.85),
    (30.0, 2.74, 1349.87),
    (25.0, 3.16, 4690.48),
)
_VSOP_L1 = (
    (628331966747.0, 0.0, 0.0),
    (206059.0, 2.678235, 6283.075850),
    (4303.0, 2.6351, 12566.1517),
    (425.0, 1.590, 3.523),
    (119.0, 5.796, 26.298),
    (109.0, 2.966, 1577.344),
    (93.0, 2.59, 18849.23),
    (72.0, 1.14, 529.69),
    (68.0, 1.87, 398.15),
    (67.0, 4.41, 5507.55),
    (59.0, 2.89, 5223.69),
    (56.0, 2.17, 155.42),
    (45.0, 0.40, 796.30),
    (36.0, 0.47, 775.52),
    (29.0, 2.65, 7.11),
    (21.0, 5.34, 0.98),
    (19.0, 1.85, 5486.78),
    (19.0, 4.97, 213.30),
    (17.0, 2.99, 6275.96),
    (16.0, 0.03, 2544.31),
    (16.0, 1.43, 2146.17),
    (15.0, 1.21, 10977.08),
    (12.0, 2.83, 1748.02),
    (12.0, 3.26, 5088.63),
    (12.0, 5.27, 1194.45),
    (12.0, 2.08, 4694.00),
    (11.0, 0.77, 553.57),
    (10.0, 1.30, 6286.60),
    (10.0, 4.24, 1349.87),
    (9.0, 2.70, 242.73),
    (9.0, 5.64, 951.72),
    (8.0, 5.30, 2352.87),
    (6.0, 2.65, 9437.76),
    (6.0, 4.67, 4690.48),
)
_VSOP_L2 = (
    (52919.0, 0.0, 0.0),
    (8720.0, 1.0721, 6283.0758),
    (309.0, 0.867, 12566.152),
    (27.0, 0.05, 3.52),
    (16.0, 5.19, 26.30),
    (16.0, 3.68, 155.42),
    (10.0, 0.76, 18849.23),
    (9.0, 2.06, 77713.77),
    (7.0, 0.83, 775.52),
    (5.0, 4.66, 1577.34),
    (4.0, 1.03, 7.11),
    (4.0, 3.44, 5573.14),
    (3.0, 5.14, 796.30),
    (3.0, 6.05, 5507.55),
    (3.0, 1.19, 242.73),
    (3.0, 6.12, 529.69),
    (3.0, 0.31, 398.15),
    (3.0, 2.28, 553.57),
    (2.0, 4.38, 5223.69),
    (2.0, 3.75, 0.98),
)
_VSOP_L3 = (
    (289.0, 5.844, 6283.076),
    (35.0, 0.0, 0.0),
    (17.0, 5.49, 12566.15),
    (3.0, 5.20, 155.42),
    (1.0, 4.72, 3.52),
    (1.0, 5.30, 18849.23),
    (1.0, 5.97, 242.73),
)
_VSOP_L4 = (
    (114.0, 3.142, 0.0),
    (8.0, 4.13, 6283.08),
    (1.0, 3.84, 12566.15),
)
_VSOP_L5 = ((1.0, 3.14, 0.0),)
_VSOP_L = (_VSOP_L0, _VSOP_L1, _VSOP_L2, _VSOP_L3, _VSOP_L4, _VSOP_L5)


def _series(terms: tuple[tuple[float, float, float], ...], tau: float) -> float:
    return sum(a * math.cos(b + c * tau) for a, b, c in terms)


def _sun_apparent_longitude(jde: float) -> float:
    """Apparent geocentric ecliptic longitude of the sun, in degrees [0, 360), at TT ``jde``."""
    tau = (jde - _J2000) / 365250.0
    heliocentric = 0.0
    for power, terms in enumerate(_VSOP_L):
        heliocentric += _series(terms, tau) * tau**power
    heliocentric /= 1e8
    longitude = math.degrees(heliocentric) + 180.0
    t = 10.0 * tau
    # FK5 frame correction.
    longitude -= 0.09033 * _ARCSEC
    # Nutation in longitude (Meeus ch. 22, low accuracy: 0.5").
    node = (125.04452 - 1934.136261 * t) * _DEG
    sun_mean = (280.4665 + 36000.7698 * t) * _DEG
    moon_mean = (218.3165 + 481267.8813 * t) * _DEG
    nutation = (
        -17.20 * math.sin(node)
        - 1.32 * math.sin(2 * sun_mean)
        - 0.23 * math.sin(2 * moon_mean)
        + 0.21 * math.sin(2 * node)
    )
    longitude += nutation * _ARCSEC
    # Aberration, with the sun's distance from the two main VSOP87 R0 terms.
    distance = (
        1.00013989
        + 0.01670700 * math.cos(3.0984635 + 6283.0758500 * tau)
        + 0.00013956 * math.cos(3.05525 + 12566.1517 * tau)
    )
    longitude -= 20.4898 * _ARCSEC / distance
    return longitude % 360.0


@lru_cache(maxsize=8192)
def _term_index_at_day_start(day_ordinal: int, tz_hours: float) -> int:
    """Index (0-11) of the last major solar term passed at local midnight opening the day.

    Index i means the sun's apparent longitude lies in [30 i, 30 (i + 1)) degrees.
    """
    jd_ut = day_ordinal + _JD_OF_ORDINAL_0 - tz_hours / 24.0
    return int(_sun_apparent_longitude(_ut_to_tt(jd_ut)) // 30.0)


# ---------------------------------------------------------------------------------------------
# Month structure


def _approx_lunation_number(day_ordinal: int) -> int:
    return math.floor((day_ordinal + _JD_OF_ORDINAL_0 - _NEW_MOON_EPOCH) / _SYNODIC_MONTH)


@lru_cache(maxsize=1024)
def _month11_lunation(year: int, tz_hours: float) -> int:
    """Lunation number k of month 11 (the month holding the December solstice of ``year``)."""
    dec31 = datetime.date(year, 12, 31).toordinal()
    k = _approx_lunation_number(dec31)
    # Settle on the last new moon whose local day is on or before 31 December.
    while _new_moon_day(k, tz_hours) > dec31:
        k -= 1
    while _new_moon_day(k + 1, tz_hours) <= dec31:
        k += 1
    # December solstice = sun entering 270 degrees (term index 9). If it was already reached
    # when this month began, the solstice belongs to the month before.
    if _term_index_at_day_start(_new_moon_day(k, tz_hours), tz_hours) >= 9:
        k -= 1
    return k


# A month of a span: (first day ordinal, month number, leap, lunar year).
_Month = tuple[int, int, bool, int]


@lru_cache(maxsize=512)
def _span_months(year: int, tz_hours: float) -> tuple[_Month, ...]:
    """Months from month 11 of lunar ``year`` up to (excluding) the next month 11.

    Month 11 and 12 (and a leap 11 or 12) belong to lunar ``year``; months 1 to 10 to ``year + 1``.
    """
    k_first = _month11_lunation(year, tz_hours)
    k_next = _month11_lunation(year + 1, tz_hours)
    count = k_next - k_first
    starts = [_new_moon_day(k_first + i, tz_hours) for i in range(count + 1)]
    leap_index = -1
    if count == 13:
        for i in range(1, count):
            start_term = _term_index_at_day_start(starts[i], tz_hours)
            end_term = _term_index_at_day_start(starts[i + 1], tz_hours)
            if start_term == end_term:
                leap_index = i
                break
        if leap_index < 0:  # pragma: no cover - astronomically impossible in a 13-month span
            raise ValidationError("lunar_table_no_leap", year=year)
    elif count != 12:  # pragma: no cover - sanity guard
        raise ValidationError("lunar_table_month_count", count=count, year=year)
    months: list[_Month] = []
    number = 10  # incremented before use: the first month is 11
    for i in range(count):
        leap = i == leap_index
        if not leap:
            number = number % 12 + 1
        lunar_year = year if number >= 11 else year + 1
        months.append((starts[i], number, leap, lunar_year))
    # Sentinel: first day of the next month 11.
    months.append((starts[count], 11, False, year + 1))
    return tuple(months)


@lru_cache(maxsize=512)
def _year_months(year: int, tz_hours: float = VN_TIMEZONE_HOURS) -> tuple[_Month, ...]:
    """Months of lunar ``year`` in order, plus a sentinel holding the next year's first day."""
    _check_year(year)
    months = [m for m in _span_months(year - 1, tz_hours)[:-1] if m[3] == year]
    following = _span_months(year, tz_hours)
    months.extend(m for m in following[:-1] if m[3] == year)
    next_new_year = next(m for m in following if m[3] == year + 1)
    months.append((next_new_year[0], 1, False, year + 1))
    return tuple(months)


def _check_year(year: int) -> None:
    if not isinstance(year, int) or isinstance(year, bool):
        raise ValidationError("lunar_year_not_integer", year=year)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError("lunar_year_out_of_range", year=year, min_year=MIN_YEAR, max_year=MAX_YEAR)


# ---------------------------------------------------------------------------------------------
# Public API


def _solar_to_lunar_tz(d: datetime.date, tz_hours: float) -> LunarDate:
    if isinstance(d, datetime.datetime):
        d = d.date()
    if not isinstance(d, datetime.date):
        raise ValidationError("lunar_not_a_date", value=d)
    ordinal = d.toordinal()
    year = d.year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError("lunar_date_out_of_range", date=d.isoformat())
    months = _year_months(year, tz_hours)
    if ordinal < months[0][0]:
        year -= 1
        _check_year(year)
        months = _year_months(year, tz_hours)
    for index in range(len(months) - 2, -1, -1):
        start, number, leap, _ = months[index]
        if start <= ordinal:
            return LunarDate(ordinal - start + 1, number, year, leap)
    raise AssertionError("unreachable: ordinal before the lunar year start")  # pragma: no cover


def solar_to_lunar(d: datetime.date) -> LunarDate:
    """Vietnamese lunar date of the (Gregorian) civil date ``d``."""
    return _solar_to_lunar_tz(d, VN_TIMEZONE_HOURS)


def _find_month(month: int, year: int, leap: bool, tz_hours: float) -> tuple[int, int]:
    """(first day ordinal, length) of a lunar month; ValidationError when it does not exist."""
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        raise ValidationError("lunar_month_invalid", month=month)
    months = _year_months(year, tz_hours)
    for index in range(len(months) - 1):
        start, number, is_leap, _ = months[index]
        if number == month and is_leap == bool(leap):
            return start, months[index + 1][0] - start
    raise ValidationError("lunar_no_leap_month", year=year, month=month)


def _lunar_to_solar_tz(day: int, month: int, year: int, leap: bool, tz_hours: float) -> datetime.date:
    _check_year(year)
    start, length = _find_month(month, year, leap, tz_hours)
    if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= length:
        label = f"{month} nhuận" if leap else str(month)
        raise ValidationError("lunar_day_invalid", label=label, year=year, length=length, day=day)
    return datetime.date.fromordinal(start + day - 1)


def lunar_to_solar(day: int, month: int, year: int, leap: bool = False) -> datetime.date:
    """Gregorian date of a Vietnamese lunar date; ValidationError when no such day exists."""
    return _lunar_to_solar_tz(day, month, year, leap, VN_TIMEZONE_HOURS)


def lunar_new_year(year: int) -> datetime.date:
    """Mùng 1 Tết (lunar 1/1) of lunar ``year``."""
    _check_year(year)
    return datetime.date.fromordinal(_year_months(year)[0][0])


def leap_month(year: int) -> int:
    """Number of the leap month of lunar ``year``, or 0 when the year has none."""
    _check_year(year)
    for _, number, leap, _ in _year_months(year)[:-1]:
        if leap:
            return number
    return 0


def month_length(month: int, year: int, leap: bool = False) -> int:
    """Number of days (29 or 30) of a lunar month; ValidationError when it does not exist."""
    _check_year(year)
    return _find_month(month, year, leap, VN_TIMEZONE_HOURS)[1]
