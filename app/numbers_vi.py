"""Numbers read aloud in Vietnamese: queue announcements and amounts in words on receipts.

The reading is the standard one used in official documents ("một trăm linh năm", "hai mươi mốt",
"một nghìn không trăm mười"). Pure functions, safe on any thread; bad input raises
:class:`ValidationError`.

The announcer plays one recorded clip per word: :func:`announcement_clips` returns clip keys and
:data:`CLIP_TEXT` says what each key speaks, so a script can record or synthesise one file per key.
"""

from __future__ import annotations

import re

from app.errors import ValidationError

__all__ = [
    "CLIP_TEXT",
    "LETTER_NAMES",
    "VOCABULARY",
    "WORD_CLIP_KEYS",
    "amount_in_words",
    "announcement_clips",
    "announcement_text",
    "number_words",
    "read_number",
    "ticket_text",
    "ticket_words",
]

MAX_NUMBER = 10**15 - 1

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_FOUR_CHOICES = ("tư", "bốn")
_ZERO_TENS_CHOICES = ("linh", "lẻ")
_BILLION = 10**9
# Scale words for the groups of three digits below a billion, most significant first.
_GROUP_SCALES = ((10**6, "triệu"), (10**3, "nghìn"), (1, ""))

# Every word read_number can produce, whatever its options.
VOCABULARY: frozenset[str] = frozenset(
    _DIGITS + ("mười", "mươi", "mốt", "tư", "lăm", "linh", "lẻ", "trăm", "nghìn", "triệu", "tỷ")
)

# One ASCII clip key per number word. Words that fold to the same letters carry their tone's name.
WORD_CLIP_KEYS: dict[str, str] = {
    "không": "khong",
    "một": "mot_nang",
    "mốt": "mot_sac",
    "hai": "hai",
    "ba": "ba",
    "bốn": "bon",
    "tư": "tu",
    "năm": "nam",
    "lăm": "lam",
    "sáu": "sau",
    "bảy": "bay",
    "tám": "tam",
    "chín": "chin",
    "mười": "muoi_huyen",
    "mươi": "muoi_ngang",
    "linh": "linh",
    "lẻ": "le",
    "trăm": "tram",
    "nghìn": "nghin",
    "triệu": "trieu",
    "tỷ": "ty",
}

# How a queue-number letter is spoken (Vietnamese names of the Latin letters).
LETTER_NAMES: dict[str, str] = {
    "A": "a", "B": "bê", "C": "xê", "D": "dê", "E": "e", "F": "ép", "G": "giê", "H": "hát",
    "I": "i", "J": "gi", "K": "ca", "L": "e lờ", "M": "em mờ", "N": "en nờ", "O": "o", "P": "pê",
    "Q": "quy", "R": "e rờ", "S": "ét xì", "T": "tê", "U": "u", "V": "vê", "W": "vê kép",
    "X": "ích xì", "Y": "i dài", "Z": "dét",
}

INVITE_TEXT = "Xin mời công dân có số thứ tự"
TO_COUNTER_TEXT = "đến quầy số"

CLIP_TEXT: dict[str, str] = {
    "invite": INVITE_TEXT,
    "to_counter": TO_COUNTER_TEXT,
    **{f"letter_{letter.lower()}": name for letter, name in LETTER_NAMES.items()},
    **{key: word for word, key in WORD_CLIP_KEYS.items()},
}

_TICKET = re.compile(r"([A-Za-z]{0,3})([0-9]{1,6})")


def _check_options(four_as: str, zero_tens: str) -> None:
    if four_as not in _FOUR_CHOICES:
        raise ValidationError("reading_four_invalid")
    if zero_tens not in _ZERO_TENS_CHOICES:
        raise ValidationError("reading_zero_tens_invalid")


def _read_group(group: int, full: bool, four_as: str, zero_tens: str) -> list[str]:
    """Words of 1..999; ``full`` reads a zero hundreds digit ("không trăm") as inside a number."""
    hundreds, rest = divmod(group, 100)
    tens, ones = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if ones:
            if words:
                words.append(zero_tens)
            words.append(_DIGITS[ones])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if ones == 1:
        words.append("mốt" if tens >= 2 else "một")
    elif ones == 4:
        words.append(four_as if tens >= 2 else "bốn")
    elif ones == 5:
        words.append("lăm")
    elif ones:
        words.append(_DIGITS[ones])
    return words


def _read(n: int, full: bool, four_as: str, zero_tens: str) -> list[str]:
    """Words of 1 <= n < 10**15; ``full`` when n follows a larger part of the same number."""
    if n >= _BILLION:
        billions, rest = divmod(n, _BILLION)
        words = _read(billions, full, four_as, zero_tens) + ["tỷ"]
        if rest:
            words += _read(rest, True, four_as, zero_tens)
        return words
    words = []
    for scale, name in _GROUP_SCALES:
        group = (n // scale) % 1000
        if group:
            words += _read_group(group, full, four_as, zero_tens)
            if name:
                words.append(name)
            full = True
    return words


def _check_number(n: int) -> None:
    if not isinstance(n, int) or isinstance(n, bool):
        raise ValidationError("reading_not_integer")
    if not 0 <= n <= MAX_NUMBER:
        raise ValidationError("reading_out_of_range")


def number_words(n: int, *, four_as: str = "tư", zero_tens: str = "linh") -> list[str]:
    """Return the words of ``read_number(n)``, one list item per spoken word."""
    _check_number(n)
    _check_options(four_as, zero_tens)
    if n == 0:
        return ["không"]
    return _read(n, False, four_as, zero_tens)


def read_number(n: int, *, four_as: str = "tư", zero_tens: str = "linh") -> str:
    """Return how 0 <= n < 10**15 is read ("hai nghìn không trăm hai mươi tư").

    ``four_as`` is the word for a 4 after "mươi" ("tư" or "bốn"); ``zero_tens`` the word for a
    zero tens digit before a nonzero ones digit ("linh" or "lẻ").
    """
    return " ".join(number_words(n, four_as=four_as, zero_tens=zero_tens))


def amount_in_words(n: int) -> str:
    """Return an amount of money in words for receipts: 8000 -> "Tám nghìn đồng"."""
    text = read_number(n)
    return f"{text[0].upper()}{text[1:]} đồng"


def _split_ticket(code: str) -> tuple[list[str], int]:
    match = _TICKET.fullmatch(code.strip()) if isinstance(code, str) else None
    if match is None:
        raise ValidationError("queue_number_invalid")
    return list(match.group(1).upper()), int(match.group(2))


def ticket_words(code: str, *, four_as: str = "tư", zero_tens: str = "linh") -> list[str]:
    """Return the spoken words of a queue number: "A012" -> ["A", "mười", "hai"].

    Letters come back as themselves (upper case), one item each; the digits are read as a number.
    """
    letters, number = _split_ticket(code)
    return letters + number_words(number, four_as=four_as, zero_tens=zero_tens)


def ticket_text(code: str, *, four_as: str = "tư", zero_tens: str = "linh") -> str:
    """Return a queue number as spoken text: "A012" -> "A mười hai"."""
    return " ".join(ticket_words(code, four_as=four_as, zero_tens=zero_tens))


def _check_counter(counter: int) -> None:
    if not isinstance(counter, int) or isinstance(counter, bool) or counter < 1:
        raise ValidationError("counter_number_invalid")


def announcement_text(
    number: str, counter: int, *, four_as: str = "tư", zero_tens: str = "linh"
) -> str:
    """Return the call sentence: "Xin mời công dân có số thứ tự A mười hai đến quầy số ba"."""
    _check_counter(counter)
    ticket = ticket_text(number, four_as=four_as, zero_tens=zero_tens)
    counter_text = read_number(counter, four_as=four_as, zero_tens=zero_tens)
    return f"{INVITE_TEXT} {ticket} {TO_COUNTER_TEXT} {counter_text}"


def announcement_clips(
    number: str, counter: int, *, four_as: str = "tư", zero_tens: str = "linh"
) -> list[str]:
    """Return the clip keys to play for a call, in order; every key is in :data:`CLIP_TEXT`.

    "A012" at counter 3 -> ["invite", "letter_a", "muoi_huyen", "hai", "to_counter", "ba"].
    """
    _check_counter(counter)
    letters, ticket_number = _split_ticket(number)
    options = {"four_as": four_as, "zero_tens": zero_tens}
    ticket = [f"letter_{letter.lower()}" for letter in letters]
    ticket += [WORD_CLIP_KEYS[w] for w in number_words(ticket_number, **options)]
    counter_clips = [WORD_CLIP_KEYS[w] for w in number_words(counter, **options)]
    return ["invite", *ticket, "to_counter", *counter_clips]

