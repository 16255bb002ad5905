"""How values look on paper: local dates, amounts, blanks, QR content. Pure functions."""

from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote

log = logging.getLogger(__name__)

__all__ = [
    "DOTS",
    "VN_TZ",
    "date_vn",
    "date_words_vn",
    "hard_break",
    "hhmm",
    "local",
    "money_vn",
    "nfc",
    "or_dots",
    "place_after",
    "place_date_line",
    "procedure_words",
    "qr_payload",
    "time_date_vn",
    "without_lead",
]

#: Vietnam has kept UTC+7 without daylight saving since 1975: a fixed offset needs no tz database.
VN_TZ = timezone(timedelta(hours=7), "ICT")

#: A blank to be filled by hand.
DOTS = "…………"


def nfc(text: object) -> str:
    """Return ``text`` as an NFC string ("" for None): the font has precomposed Vietnamese glyphs only."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text))


#: The longest run of characters without a break opportunity that is left alone (a long e-mail or URL).
MAX_RUN = 40
_LONG_RUN = re.compile(r"\S{%d}(?=\S)" % MAX_RUN)


def hard_break(text: str) -> str:
    """``text`` with a space after every ``MAX_RUN`` characters without one.

    Line breaking cuts a word that does not fit character by character, measuring each, and does it
    again for every page the text flows onto: a field of 1 MB without spaces took minutes to print.
    With a break every 40 characters the work is linear in the text's length. (A zero-width space is
    not enough: reportlab loses it when a paragraph is split over pages.)
    """
    if len(text) <= MAX_RUN:
        return text
    return _LONG_RUN.sub(lambda m: m.group(0) + " ", text)


def or_dots(text: object, dots: str = DOTS) -> str:
    """Return the NFC text, or a dotted blank when it is missing or empty."""
    s = nfc(text).strip()
    return s if s else dots


def local(value: datetime) -> datetime:
    """Return ``value`` in local time (a naive datetime is taken as local already)."""
    if value.tzinfo is None:
        return value
    return value.astimezone(VN_TZ)


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return local(value).date()
    return value


def date_vn(value: date | datetime | None, blank: str = "……/……/………") -> str:
    """``05/05/2026`` (local date), or a dotted blank."""
    if value is None:
        return blank
    d = _as_date(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def hhmm(value: datetime | None, blank: str = "……:……") -> str:
    """``08:30`` (local time), or a dotted blank."""
    if value is None:
        return blank
    t = local(value)
    return f"{t.hour:02d}:{t.minute:02d}"


def time_date_vn(value: datetime | None) -> str:
    """``08 giờ 30 phút, ngày 05/05/2026``; blanks to fill by hand when missing."""
    if value is None:
        return "…… giờ …… phút, ngày ……/……/………"
    t = local(value)
    return f"{t.hour:02d} giờ {t.minute:02d} phút, ngày {date_vn(t)}"


def date_words_vn(value: date | datetime | None) -> str:
    """``ngày 05 tháng 05 năm 2026`` as on the place-and-date line."""
    if value is None:
        return "ngày …… tháng …… năm ………"
    d = _as_date(value)
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year:04d}"


def place_date_line(place: str, value: date | datetime | None) -> str:
    """``Xã An Bình, ngày 05 tháng 05 năm 2026`` (place dotted when not configured)."""
    return f"{or_dots(place)}, {date_words_vn(value)}"


def without_lead(text: object, word: str) -> str:
    """The NFC text without a leading ``word`` (any case) and the spaces after it, when the sentence it
    goes into says that word already: "thủ tục" + "Thủ tục đăng ký khai sinh", "tại:" + "Tại Bộ phận..."."""
    s = nfc(text).strip()
    w = nfc(word)
    if len(s) > len(w) and s[: len(w)].casefold() == w.casefold() and s[len(w)] in " \t:":
        return s[len(w):].lstrip(" \t:")
    return s


def procedure_words(name: object) -> str:
    """A procedure's name to follow "thủ tục" (catalog names often begin with "Thủ tục" themselves)."""
    return without_lead(name, "thủ tục")


def place_after(label: str, place: object, dots: str = DOTS) -> str:
    """``label`` + " tại: " + the place; a place given as "Tại ..." loses its "Tại", and one given with
    another preposition ("Qua dịch vụ bưu chính") is not preceded by "tại"."""
    s = without_lead(place, "tại")
    if not s:
        return f"{label} tại: {dots}"
    if s.split(" ", 1)[0].casefold() in ("qua", "bằng", "theo"):
        return f"{label}: {s}"
    return f"{label} tại: {s}"


def money_vn(amount: int | None, blank: str = DOTS) -> str:
    """``50.000 đồng`` (dot as the thousands separator), or a blank."""
    if amount is None:
        return blank
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", ".") + " đồng"


def qr_payload(qr_template: str, code: str, agency_id: str = "") -> str:
    """Build the QR content from the template (``{code}``, ``{agency_id}``); URL-quote inside URLs.

    Plain replacement, not ``str.format``: a template is admin data and may hold other braces.
    """
    template = qr_template or "{code}"
    if "://" in template:
        code_s = quote(code, safe="-._~")
        agency_s = quote(agency_id, safe="-._~")
    else:
        code_s, agency_s = code, agency_id
    return template.replace("{code}", code_s).replace("{agency_id}", agency_s)
